/**
 * The scanner's network: hosts served from local folders (`--route`,
 * `--hosts`), and with `--offline` every other host failing like a lost
 * connection, so nothing leaves the machine.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { contentTypeOf } from './content-type.mjs';

/** The file a routed request maps to, or null (404); undefined when no route serves its host. Longest path prefix wins; never leaves the folder. */
function routeFile(routes, url) {
  const candidates = routes.filter(
    (r) => r.host === url.host && (url.pathname === r.prefix.slice(0, -1) || url.pathname.startsWith(r.prefix)),
  );
  if (!candidates.length) return undefined;
  const route = candidates.sort((a, b) => b.prefix.length - a.prefix.length)[0];
  let rel = decodeURIComponent(url.pathname).slice(route.prefix.length - 1);
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = resolve(join(route.dir, rel));
  if (file !== route.dir && !file.startsWith(route.dir + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : null;
  return existsSync(file) ? file : null;
}

/** Whether `url` may be fetched from the network: always, but with `offline` only the scanned host and this machine. */
function reachable(url, { offline, target }) {
  return !offline || url.host === target.host || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * A text file of the site as the scan's network serves it (a route's folder,
 * else the network unless --offline refuses it), fetched by Node without a
 * browser; null when there is none.
 */
export async function fetchText(url, { routes, offline, target }) {
  const file = routeFile(routes, url);
  if (file !== undefined) return file === null ? null : readFileSync(file, 'utf8');
  if (!reachable(url, { offline, target })) return null;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15000) });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/** Serve the routes in `context`; with `offline`, fail hosts other than the scanned one and this machine. */
export async function serveRoutes(context, { routes, offline, target }) {
  if (!routes.length && !offline) return;
  await context.route('**/*', async (route) => {
    let url;
    try {
      url = new URL(route.request().url());
    } catch {
      return route.continue();
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    const file = routeFile(routes, url);
    if (file === undefined) return reachable(url, { offline, target }) ? route.continue() : route.abort('internetdisconnected');
    if (file === null) return route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' });
    return route.fulfill({
      status: 200,
      body: readFileSync(file),
      contentType: contentTypeOf(file),
      headers: { 'access-control-allow-origin': '*' },
    });
  });
}
