// Chromium for the benchmarks: the same binary and flags as the browser tests
// (test/browser/harness.ts), with plain playwright-core so `npm run bench`
// needs no TypeScript loader. Every host is answered by a route handler.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypeOf } from '../../cli/content-type.mjs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export let DIST = join(ROOT, 'dist');

/** Measure another copy of the build (run.mjs snapshots dist/ so a concurrent rebuild cannot change it mid-run). */
export function setDist(dir) {
  DIST = dir;
}
const ORIGIN = 'https://www.shop.test';

export { CHROME_ARGS } from '../../cli/chromium.mjs';
import { CHROME_ARGS } from '../../cli/chromium.mjs';

export function chromePath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: install it with `apt-get install chromium` or set CHROME_PATH');
  return found;
}

export function launchBrowser() {
  return chromium.launch({ executablePath: chromePath(), headless: true, args: CHROME_ARGS });
}

/** A file of `dir` by its path below it, or null when it is not there (or outside `dir`). */
function fileIn(dir, relativePath) {
  const file = join(dir, decodeURIComponent(relativePath));
  return file.startsWith(dir) && existsSync(file) ? { body: readFileSync(file), contentType: contentTypeOf(file, 'text/html') } : null;
}

/**
 * Wait until the page is idle: the load event has fired, the browser has had
 * an idle period (requestIdleCallback), and no request has started for
 * `quietMs`. Work a page defers to idle time (prefetches) is thereby
 * counted. Gives up after `limitMs` and says so in the answer.
 */
export async function waitForIdle(site, { quietMs = 1000, limitMs = 15_000 } = {}) {
  const until = Date.now() + limitMs;
  await site.page.waitForLoadState('load');
  await site.page.evaluate(
    () =>
      new Promise((resolve) =>
        window.requestIdleCallback ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 50),
      ),
  );
  let seen = site.requests.length;
  let quietSince = Date.now();
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (site.requests.length !== seen) {
      seen = site.requests.length;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return { idle: true };
  }
  return { idle: false };
}

export function html(body, head = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop.test</title>${head}</head><body>${body}</body></html>`;
}

/**
 * Open a fresh context with every request answered by `pages` (own origin),
 * `/dist/*` (the build), `dirs[prefix]` (files of a folder under a path prefix
 * of the own origin, e.g. a site's bundle) or `hosts[host]` (url, request) =>
 * body | {body, contentType, status} | null.
 * `latencyMs` holds every response back that long, as a round trip on a
 * kept-alive connection would (0: answered at once).
 * Records each request and the bytes served:
 *  - own origin: gzip size of the body (what a compressing server sends),
 *  - other hosts: the body length as served (emulated vendor scripts are padded to real transfer sizes).
 */
export async function openSite(
  browser,
  { pages = {}, hosts = {}, dirs = {}, storageState, origin = ORIGIN, latencyMs = 0, contextOptions = {} } = {},
) {
  const context = await browser.newContext({ storageState, ...contextOptions });
  const originHost = new URL(origin).host;
  const requests = [];
  const started = Date.now();
  const gzCache = new Map();
  const gz = (key, body) => {
    if (!gzCache.has(key)) gzCache.set(key, gzipSync(body, { level: 9 }).length);
    return gzCache.get(key);
  };

  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const rec = {
      url: request.url(),
      host: url.host,
      path: url.pathname,
      type: request.resourceType(),
      at: Date.now() - started,
      bytes: 0,
      status: 0,
    };
    requests.push(rec);
    let served = null;
    let ownOrigin = false;
    try {
      if (url.host === originHost) {
        ownOrigin = true;
        const prefix = Object.keys(dirs).find((p) => url.pathname.startsWith(p));
        if (url.pathname.startsWith('/dist/')) served = fileIn(DIST, url.pathname.slice(6));
        else if (prefix) served = fileIn(dirs[prefix], url.pathname.slice(prefix.length));
        else served = pages[url.pathname] ?? null;
      } else if (hosts[url.host]) served = await hosts[url.host](url, request);
    } catch (error) {
      served = { status: 500, body: String(error) };
    }
    if (served === 'abort') return route.abort('internetdisconnected').catch(() => undefined);
    if (served === null || served === undefined) served = { status: 404, body: 'not found', contentType: 'text/plain' };
    const s = typeof served === 'string' || Buffer.isBuffer(served) ? { body: served } : served;
    const body = typeof s.body === 'string' ? Buffer.from(s.body) : Buffer.from(s.body ?? '');
    rec.status = s.status ?? 200;
    rec.bytes = ownOrigin ? gz(request.url(), body) : body.length;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    await route
      .fulfill({
        status: rec.status,
        body,
        contentType: s.contentType ?? contentTypeOf(url.pathname === '/' ? 'index.html' : url.pathname, 'text/html'),
        headers: { 'access-control-allow-origin': '*', ...(s.headers ?? {}) },
      })
      .catch(() => undefined);
  });

  const page = await context.newPage();
  return {
    context,
    page,
    requests,
    url: (path = '/') => new URL(path, origin).toString(),
    close: () => context.close().catch(() => undefined),
  };
}
