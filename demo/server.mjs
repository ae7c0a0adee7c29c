/**
 * The demo shop: `npm run demo` builds consent-gate and runs this server.
 *
 * `?vendor=` picks the chat vendor the shop uses (VENDORS below; default
 * HubSpot Conversations); the page shows a selector, and an unknown value
 * shows the default with a note.
 *
 * Offline by default: a browser on localhost cannot reach the vendors' host
 * names without the internet, so the server also answers for them under
 * /vendor/{host}/… with each vendor's emulator from emulators/<id>, and
 * the demo's config points the vendor there with its `hostBase` option. With
 * HUBSPOT_PORTAL_ID set, the HubSpot demo uses HubSpot's real scripts (and
 * HUBSPOT_REGION=eu1 for the EU data-centre); the other vendors are always
 * offline.
 *
 * Plain Node, no dependencies. PORT picks the port (default 4173; the next
 * free one is taken when it is busy).
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentTypeOf } from '../cli/content-type.mjs';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { hubspotEmulator, HUBSPOT_HOSTS } from '../emulators/hubspot/index.mjs';
import { web1on1Emulator, INTEGRATION_ID as WEB1ON1_INTEGRATION_ID, WEB1ON1_LOADER_URL } from '../emulators/web1on1/index.mjs';
import { intercomEmulator, APP_ID as INTERCOM_APP_ID } from '../emulators/intercom/index.mjs';
import { crispEmulator, WEBSITE_ID as CRISP_WEBSITE_ID, COOKIE_PREFIX as CRISP_COOKIE_PREFIX } from '../emulators/crisp/index.mjs';
// --- embeds: the Blog page's videos and map ---
import { youtubeEmulator } from '../emulators/youtube/index.mjs';
import { vimeoEmulator } from '../emulators/vimeo/index.mjs';
import { mapsEmulator } from '../emulators/google-maps/index.mjs';
// --- end embeds ---

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const DIST = join(ROOT, 'dist');
/** The shop's pages; the checkout is one the chat does not target (see demoShow). */
const PAGES = { '/': 'Home', '/product/': 'Product', '/help/': 'Help', '/checkout/': 'Checkout' };
const HOST_BASE = '/vendor/{host}';
/** Options every vendor of the demo gets: consent-gate's own launcher, a fallback link, a short timeout. */
const CHAT = { launcher: true, fallbackUrl: 'mailto:help@shop.example', timeout: 8000 };

/**
 * The chat vendors the demo offers. `config` gives the vendor's options for a
 * request; `tag` is a cookie or key of the vendor that the panel's "tag" button
 * tries to write (the guard holds it back until its purpose is granted);
 * `events` are chat events the panel logs.
 */
export const VENDORS = {
  'hubspot-conversations': {
    title: 'HubSpot Conversations',
    config: hubspotConfig,
    tag: { kind: 'cookie', name: '__hstc', purpose: 'analytics' },
    events: ['widgetLoaded', 'conversationStarted', 'widgetClosed', 'userInteractedWithWidget'],
  },
  web1on1: {
    title: 'web1on1',
    config: () => ({ loaderUrl: WEB1ON1_LOADER_URL, hostBase: HOST_BASE, ...CHAT }),
    tag: { kind: 'local', name: `${WEB1ON1_INTEGRATION_ID}.appUserId`, purpose: 'functional' },
    events: ['ready'],
  },
  intercom: {
    title: 'Intercom',
    config: () => ({ appId: INTERCOM_APP_ID, hostBase: HOST_BASE, ...CHAT }),
    tag: { kind: 'cookie', name: `intercom-id-${INTERCOM_APP_ID}`, purpose: 'functional' },
    events: ['ready', 'show', 'hide'],
  },
  crisp: {
    title: 'Crisp',
    config: () => ({ websiteId: CRISP_WEBSITE_ID, hostBase: HOST_BASE, ...CHAT }),
    tag: { kind: 'cookie', name: CRISP_COOKIE_PREFIX + CRISP_WEBSITE_ID, purpose: 'functional' },
    events: ['chat:opened', 'chat:closed'],
  },
};
export const DEFAULT_VENDOR = 'hubspot-conversations';

/* ---------- where and when the chat shows (its `show` settings) ---------- */

/** The business-hours switch of the live panel (`?hours=`): its choices, the first the default. */
export const HOURS = {
  '': 'always open',
  open: 'open now, with a reply time',
  away: 'closed now: away message',
  hide: 'closed now: no launcher',
};

/**
 * The chat's `show` settings for a request: never on the checkout, and the
 * team's hours the switch asks for. "Closed now" is a team in UTC working
 * only on the weekday after tomorrow, so it is closed whenever the demo runs,
 * and the prompt has a return time to tell.
 */
export function demoShow(query, now = Date.now()) {
  const show = { urls: [{ operator: 'does-not-start-with', value: '/checkout/' }] };
  const mode = query.get('hours');
  const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  if (mode === 'open')
    show.hours = {
      timeZone: 'UTC',
      days: Object.fromEntries(days.map((d) => [d, ['00:00-24:00']])),
      replyTime: 'We usually reply within a few minutes.',
    };
  if (mode === 'away' || mode === 'hide') {
    const later = days[new Date(now + 2 * 86_400_000).getUTCDay()];
    show.hours = { timeZone: 'UTC', days: { [later]: ['09:00-17:00'] }, outside: mode };
  }
  return show;
}

function hoursSwitch(query) {
  const mode = Object.hasOwn(HOURS, query.get('hours') ?? '') ? (query.get('hours') ?? '') : '';
  const options = Object.entries(HOURS)
    .map(([value, label]) => `<option value="${value}"${value === mode ? ' selected' : ''}>${escapeHtml(label)}</option>`)
    .join('');
  return `<div class="controls"><label>Team hours <select id="hours">${options}</select></label></div>`;
}

/* ------------------------------------------------------------------------- */

/** The vendor a request asks for: `{ id, unknown }`, `unknown` holding a `?vendor=` value the demo does not offer. */
export function pickVendor(query) {
  const asked = query.get('vendor');
  if (asked === null || asked === '') return { id: DEFAULT_VENDOR, unknown: null };
  return Object.hasOwn(VENDORS, asked) ? { id: asked, unknown: null } : { id: DEFAULT_VENDOR, unknown: asked };
}

/** The consent-gate config of the demo page for a request. */
export function demoConfig(query, env = process.env) {
  const { id } = pickVendor(query);
  return { vendors: { [id]: { ...VENDORS[id].config(query, env), show: demoShow(query) } }, policyVersion: 'demo-1' };
}

// --- embeds: the Blog page (/blog/): a YouTube video, a Vimeo video and a Google map, each behind a placeholder ---
export const BLOG_PATH = '/blog/';
/** The embed vendors of the Blog page, offline through the emulators. */
export const BLOG_EMBEDS = ['youtube', 'vimeo', 'google-maps'];

/**
 * The shop's own cookies, declared as the site's services: a cart id the
 * shop needs (written when the page loads) and the reader's language, kept
 * only with consent to functional cookies (demo.js writes both on the Blog
 * page). The guard holds a write of `shop_lang` until functional is granted,
 * revocation deletes it, and `consent-gate scan` counts both as declared.
 */
export const SITE_SERVICES = {
  'shop-cart': {
    title: 'Shopping cart',
    provider: 'Demo shop',
    purpose: 'necessary',
    privacyPolicyUrl: '/help/',
    description: 'Keeps the items in your cart while you browse.',
    cookies: [{ name: 'cart', lifetime: 604800 }],
  },
  'shop-language': {
    title: 'Language preference',
    provider: 'Demo shop',
    purpose: 'functional',
    privacyPolicyUrl: '/help/',
    description: 'Remembers the language you read the shop in.',
    cookies: [{ name: 'shop_lang', lifetime: 31536000 }],
  },
};

/** The consent-gate config of the Blog page: the shop's chat vendor, the three embed vendors and the shop's own cookies. */
export function blogConfig(query, env = process.env) {
  const config = demoConfig(query, env);
  for (const id of BLOG_EMBEDS) config.vendors[id] = { hostBase: HOST_BASE };
  Object.assign(config.vendors, structuredClone(SITE_SERVICES));
  return config;
}
// --- end embeds ---

function hubspotConfig(query, env) {
  const real = typeof env.HUBSPOT_PORTAL_ID === 'string' && /^\d{1,12}$/.test(env.HUBSPOT_PORTAL_ID);
  const vendor = { portalId: real ? env.HUBSPOT_PORTAL_ID : '1234567', ...CHAT };
  if (real && env.HUBSPOT_REGION === 'eu1') vendor.region = 'eu1';
  if (!real) vendor.hostBase = HOST_BASE;
  if (query.get('loader') === 'tracking-code') vendor.loader = 'tracking-code';
  if (query.get('inline') === '1') vendor.inlineEmbedSelector = '#inline-chat';
  if (query.get('load') === 'consent') vendor.loadOn = 'consent';
  return vendor;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** JSON for an inline <script>: nothing in it can close the element. */
function inlineJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function page(title, query, env, template = readFileSync(join(HERE, 'index.html'), 'utf8'), config = demoConfig(query, env)) {
  const { id, unknown } = pickVendor(query);
  const vendor = VENDORS[id];
  const options = config.vendors[id];
  const mode = options.hostBase ? `offline (${vendor.title} emulator)` : `real HubSpot scripts, portal ${options.portalId}`;
  const q = id === DEFAULT_VENDOR ? '' : `?vendor=${encodeURIComponent(id)}`;
  const selector = Object.entries(VENDORS)
    .map(([vid, v]) => `<a href="?vendor=${encodeURIComponent(vid)}"${vid === id ? ' aria-current="page"' : ''}>${escapeHtml(v.title)}</a>`)
    .join(' ');
  const note =
    unknown === null
      ? ''
      : `<p class="note" role="status">The demo has no chat vendor "${escapeHtml(unknown)}": showing ${escapeHtml(vendor.title)}. Pick one of: ${Object.keys(VENDORS).map(escapeHtml).join(', ')}.</p>`;
  const hubspotModes =
    id === 'hubspot-conversations'
      ? ' <a href="?">chat-only loader</a> · <a href="?loader=tracking-code">tracking-code loader</a> · <a href="?inline=1">inline embed</a> · <a href="?load=consent">load on consent</a>'
      : '';
  const failure =
    id === 'hubspot-conversations'
      ? '<div class="controls"><label>Make the chat script <select id="failure"><option value="">load normally</option><option value="404">answer 404</option><option value="timeout">time out</option><option value="offline">fail with a network error</option></select></label></div>'
      : '';
  const tag = vendor.tag.kind === 'cookie' ? vendor.tag.name : `localStorage key ${vendor.tag.name}`;
  const values = {
    title: escapeHtml(title),
    mode: escapeHtml(mode),
    q,
    vendor: escapeHtml(id),
    selector,
    note,
    modes: hubspotModes,
    failure,
    tag: escapeHtml(tag),
    inline:
      id === 'hubspot-conversations' && query.get('inline') === '1'
        ? '<section class="inline-chat" id="inline-chat" aria-label="Chat"></section>'
        : '',
    demo: inlineJson({ id, title: vendor.title, tag: vendor.tag, events: vendor.events }),
    config: inlineJson(config),
    hours: hoursSwitch(query),
  };
  // one pass, with a function: nothing from the request is read as a placeholder or a replacement pattern
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name) => (Object.hasOwn(values, name) ? values[name] : whole));
}

/** The demo's pages for crawlers (and `consent-gate scan --pages`): each page with each chat vendor, and the Blog. */
export function sitemap(origin) {
  const urls = [
    ...Object.keys(PAGES).flatMap((path) =>
      Object.keys(VENDORS).map((id) => `${origin}${path}${id === DEFAULT_VENDOR ? '' : `?vendor=${encodeURIComponent(id)}`}`),
    ),
    `${origin}${BLOG_PATH}`,
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `  <url><loc>${escapeHtml(u)}</loc></url>`).join('\n')}\n</urlset>\n`;
}

/**
 * A file as a real site serves it: compressed (brotli when the browser asks
 * for it, else gzip), with a validator (ETag) and an hour of caching, so what
 * a newcomer measures on the demo matches the benchmark. The compressed copy
 * is kept until the file changes. Every copy carries the file's tag (this
 * server takes no range requests, where copies must be told apart), and
 * `If-None-Match` takes a list and compares weakly (RFC 9110 §13.1.2): any
 * copy a cache holds revalidates with a 304. A HEAD request gets the headers
 * alone.
 */
const compressed = new Map();
function sendFile(req, res, file) {
  if (!existsSync(file) || !statSync(file).isFile()) return notFound(res);
  const stat = statSync(file);
  const tag = `"${stat.size.toString(36)}-${Math.round(stat.mtimeMs).toString(36)}"`;
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = !COMPRESSIBLE.test(extname(file)) ? null : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  const headers = {
    'content-type': contentTypeOf(file),
    'cache-control': 'public, max-age=3600',
    etag: tag,
    vary: 'accept-encoding',
  };
  const asked = String(req.headers['if-none-match'] ?? '');
  if (asked.trim() === '*' || asked.split(',').some((t) => t.trim().replace(/^W\//, '') === tag)) {
    res.writeHead(304, headers);
    return res.end();
  }
  let body;
  if (encoding) {
    const key = `${file}\0${encoding}\0${tag}`;
    if (!compressed.has(key)) {
      const data = readFileSync(file);
      compressed.set(
        key,
        encoding === 'br'
          ? brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(data, { level: 9 }),
      );
    }
    body = compressed.get(key);
    headers['content-encoding'] = encoding;
  } else body = readFileSync(file);
  res.writeHead(200, { ...headers, 'content-length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}
const COMPRESSIBLE = /^\.(m?js|css|html|svg|json)$/;

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

/** Create the demo server (not listening yet). */
export function createDemoServer(options = {}) {
  const env = options.env ?? process.env;
  const hubspot = hubspotEmulator({ hostBase: HOST_BASE, hold: 20000 });
  /** Every emulated host, whichever vendor it belongs to. */
  const handlers = {
    ...hubspot.handlers,
    ...web1on1Emulator({ hostBase: HOST_BASE }).handlers,
    ...intercomEmulator({ hostBase: HOST_BASE }).handlers,
    ...crispEmulator({ hostBase: HOST_BASE }).handlers,
    // --- embeds ---
    ...youtubeEmulator({ hostBase: HOST_BASE }).handlers,
    ...vimeoEmulator({ hostBase: HOST_BASE }).handlers,
    ...mapsEmulator({ hostBase: HOST_BASE }).handlers,
    // --- end embeds ---
  };
  const server = createServer(async (req, res) => {
    // the request target as written (`//x` is a path here, not a host); one that is no URL at all is a 400
    const target = req.url ?? '/';
    let url;
    try {
      url = new URL(target.startsWith('/') ? `http://localhost${target}` : target);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return res.end(`bad request target: ${JSON.stringify(target)}`);
    }
    const path = url.pathname;
    try {
      // --- embeds: the Blog page ---
      if (path === BLOG_PATH) {
        res.writeHead(200, { 'content-type': contentTypeOf('index.html'), 'cache-control': 'no-store' });
        return res.end(
          page('Blog', url.searchParams, env, readFileSync(join(HERE, 'blog.html'), 'utf8'), blogConfig(url.searchParams, env)),
        );
      }
      if (path === '/blog-poster.svg') return sendFile(req, res, join(HERE, 'blog-poster.svg'));
      // --- end embeds ---
      if (path === '/sitemap.xml') {
        res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'no-store' });
        return res.end(sitemap(`http://${req.headers.host ?? 'localhost'}`));
      }
      if (PAGES[path]) {
        // (made per request: compressed, never cached)
        const body = page(PAGES[path], url.searchParams, env);
        const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        res.writeHead(200, {
          'content-type': contentTypeOf('index.html'),
          'cache-control': 'no-store',
          vary: 'accept-encoding',
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        });
        return res.end(gzip ? gzipSync(body) : body);
      }
      if (path === '/demo.js' || path === '/demo.css' || path === '/favicon.svg') return sendFile(req, res, join(HERE, path.slice(1)));
      if (path === '/favicon.ico') return sendFile(req, res, join(HERE, 'favicon.svg'));
      if (path.startsWith('/dist/')) {
        const file = resolve(DIST, '.' + decodeURIComponent(path.slice(5)));
        return file.startsWith(DIST) ? sendFile(req, res, file) : notFound(res);
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
      if (m && Object.hasOwn(handlers, m[1])) {
        const answer = await handlers[m[1]](new URL(`https://${m[1]}${m[2]}${url.search}`));
        if (answer === 'abort') return req.socket.destroy();
        if (answer === null) return notFound(res);
        const headers = { ...(answer.headers ?? {}) };
        // (an emulator joins several Set-Cookie values with newlines, as a route handler takes them)
        if (typeof headers['set-cookie'] === 'string') headers['set-cookie'] = headers['set-cookie'].split('\n');
        res.writeHead(answer.status ?? 200, { 'content-type': answer.contentType ?? 'text/plain', ...headers });
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
  const mode = process.env.HUBSPOT_PORTAL_ID
    ? `HubSpot with its real scripts (portal ${process.env.HUBSPOT_PORTAL_ID}), other vendors offline`
    : 'offline, with the vendor emulators';
  const others = Object.keys(VENDORS)
    .filter((id) => id !== DEFAULT_VENDOR)
    .map((id) => `  ${url}?vendor=${id}`)
    .join('\n');
  console.log(`consent-gate demo shop (${mode}):\n\n  ${url}\n${others}\n\nPress Ctrl+C to stop.`);
}
