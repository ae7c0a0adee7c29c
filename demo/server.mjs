/**
 * The demo shop: `npm run demo` builds consent-gate and runs this server.
 *
 * Offline by default: a browser on localhost cannot reach HubSpot's host
 * names without the internet, so the server also answers for them under
 * /vendor/{host}/… with the HubSpot emulator from test/emulators/hubspot,
 * and the demo's config points the HubSpot vendor there with its `hostBase`
 * option. With HUBSPOT_PORTAL_ID set, the demo uses HubSpot's real scripts
 * (and HUBSPOT_REGION=eu1 for the EU data-centre).
 *
 * Plain Node, no dependencies. PORT picks the port (default 4173; the next
 * free one is taken when it is busy).
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hubspotEmulator, HUBSPOT_HOSTS } from '../test/emulators/hubspot/index.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const DIST = join(ROOT, 'dist');
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' };
const PAGES = { '/': 'Home', '/product/': 'Product', '/help/': 'Help' };

/** The consent-gate config of the demo page for a request. */
export function demoConfig(query, env = process.env) {
  const real = typeof env.HUBSPOT_PORTAL_ID === 'string' && /^\d{1,12}$/.test(env.HUBSPOT_PORTAL_ID);
  const vendor = {
    portalId: real ? env.HUBSPOT_PORTAL_ID : '1234567',
    launcher: true,
    fallbackUrl: 'mailto:help@shop.example',
    timeout: 8000,
  };
  if (real && env.HUBSPOT_REGION === 'eu1') vendor.region = 'eu1';
  if (!real) vendor.hostBase = '/vendor/{host}';
  if (query.get('loader') === 'tracking-code') vendor.loader = 'tracking-code';
  if (query.get('inline') === '1') vendor.inlineEmbedSelector = '#inline-chat';
  if (query.get('load') === 'consent') vendor.loadOn = 'consent';
  return { vendors: { 'hubspot-conversations': vendor }, policyVersion: 'demo-1' };
}

function page(title, query, env) {
  const template = readFileSync(join(HERE, 'index.html'), 'utf8');
  const config = demoConfig(query, env);
  const mode = config.vendors['hubspot-conversations'].hostBase ? 'offline (HubSpot emulator)' : `real HubSpot scripts, portal ${config.vendors['hubspot-conversations'].portalId}`;
  return template
    .replaceAll('{{title}}', title)
    .replaceAll('{{mode}}', mode)
    .replace('{{inline}}', query.get('inline') === '1' ? '<section class="inline-chat" id="inline-chat" aria-label="Chat"></section>' : '')
    .replace('{{config}}', JSON.stringify(config).replace(/</g, '\\u003c'));
}

function sendFile(res, file) {
  if (!existsSync(file) || !statSync(file).isFile()) return notFound(res);
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

/** Create the demo server (not listening yet). */
export function createDemoServer(options = {}) {
  const env = options.env ?? process.env;
  const hubspot = hubspotEmulator({ hostBase: '/vendor/{host}', hold: 20000 });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    try {
      if (PAGES[path]) {
        res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
        return res.end(page(PAGES[path], url.searchParams, env));
      }
      if (path === '/demo.js' || path === '/demo.css') return sendFile(res, join(HERE, path.slice(1)));
      if (path.startsWith('/dist/')) {
        const file = resolve(DIST, '.' + decodeURIComponent(path.slice(5)));
        return file.startsWith(DIST) ? sendFile(res, file) : notFound(res);
      }
      if (path === '/emulator/fail' || path === '/emulator/restore') {
        const host = url.searchParams.get('host') ?? 'js.usemessages.com';
        if (!HUBSPOT_HOSTS.includes(host)) return notFound(res);
        if (path === '/emulator/fail') hubspot.fail(host, url.searchParams.get('mode') ?? '404');
        else hubspot.restore(host);
        res.writeHead(204);
        return res.end();
      }
      const m = /^\/vendor\/([a-z0-9.-]+)(\/.*)$/.exec(path);
      if (m && HUBSPOT_HOSTS.includes(m[1])) {
        const answer = await hubspot.handlers[m[1]](new URL(`https://${m[1]}${m[2]}${url.search}`));
        if (answer === 'abort') return req.socket.destroy();
        if (answer === null) return notFound(res);
        res.writeHead(answer.status ?? 200, { 'content-type': answer.contentType ?? 'text/plain', ...(answer.headers ?? {}) });
        return res.end(answer.body);
      }
      return notFound(res);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  server.on('close', () => hubspot.release());
  return server;
}

/** Listen on the first free port from `port` upwards; resolves with the URL. */
export function listen(server, port = 4173, host = '127.0.0.1') {
  return new Promise((resolveUrl, reject) => {
    const attempt = (p) => {
      server.once('error', (error) => {
        if (error.code === 'EADDRINUSE' && p !== 0 && p < port + 20) attempt(p + 1);
        else reject(error);
      });
      server.listen(p, host, () => {
        const address = server.address();
        resolveUrl(`http://localhost:${address.port}/`);
      });
    };
    attempt(port);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync(join(DIST, 'consent-gate.js'))) {
    console.error('dist/consent-gate.js is missing: run `npm run build` first (npm run demo does both).');
    process.exit(1);
  }
  const server = createDemoServer();
  const url = await listen(server, Number(process.env.PORT ?? 4173));
  const mode = process.env.HUBSPOT_PORTAL_ID ? `real HubSpot scripts (portal ${process.env.HUBSPOT_PORTAL_ID})` : 'offline, with the HubSpot emulator';
  console.log(`consent-gate demo shop (${mode}):\n\n  ${url}\n\nPress Ctrl+C to stop.`);
}
