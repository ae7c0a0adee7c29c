/**
 * A test double of the Google tag (gtag.js, for GA4 `G-…` and Google Ads
 * `AW-…`) and Google Tag Manager (gtm.js, ns.html), written from Google's
 * documentation as the project's tag-facts reference (§1–§3) and
 * standards-facts §1 (Consent Mode v2) give it. Plain JavaScript (ESM), so
 * browser tests, the demo server and benchmarks can use it.
 *
 *   const google = googleEmulator({ containers: { 'GTM-ABC1234': { tags: [{ type: 'ga4', measurementId: 'G-ABC123DEF4' }] } } });
 *   openSite(browser, { hosts: google.handlers });
 *   google.hits()            // every collection request, parsed: { tag, id, event, gcs, cookieless, url }
 *
 * What gtag.js models:
 * - It reads `window.dataLayer` (or the `l` layer of its URL) in order, then
 *   takes over `dataLayer.push`, as gtag.js does. Commands are the Arguments
 *   objects `gtag()` pushes; an array pushed by hand is not a command (gtag.js
 *   ignores it too) and is logged as `ignored`. Plain objects are events.
 * - Commands: `js`, `config` (G-: a page_view hit unless send_page_view is
 *   false; AW-: the Conversion Linker and a remarketing hit), `event`
 *   (G-: an event hit; AW-: `conversion` with send_to → a conversion hit),
 *   `set` (ads_data_redaction, url_passthrough are kept), `consent` (below).
 * - Consent Mode v2: `consent default` (optionally with `region`, ISO codes;
 *   applied only when it lists the emulator's `country`, default "DE", and a
 *   region-scoped default wins over a global one) and `consent update`. A type
 *   never set counts as granted (Google: consent mode values are not set by
 *   default). `wait_for_update` in a default holds the hits until an update
 *   arrives or that many ms pass.
 * - analytics_storage granted: `_ga` and `_ga_<id without G->` on the parent
 *   domain (cookie_domain auto: the shortest domain the browser accepts;
 *   host cookies on localhost), 63072000 s, rewritten on every config
 *   (cookie_update). Denied: no cookie is read or written.
 * - ad_storage granted: `_gcl_au` (90 days, parent domain), `_gcl_aw` when the
 *   URL has `gclid`, and localStorage `_gcl_ls`. Denied: none of them.
 * - An `update` changes behaviour at once: granted writes the cookies of every
 *   configured tag immediately; denied stops writing (nothing is deleted:
 *   deletion is not documented).
 * - Hits: GA4 `POST https://region1.google-analytics.com/g/collect?v=2&tid=…&en=…`,
 *   Ads `https://googleads.g.doubleclick.net/pagead/viewthroughconversion/<n>/`
 *   and `https://www.googleadservices.com/pagead/conversion/<n>/` (images).
 *   Once consent mode is in use every hit carries `gcs=G1<ad><analytics>`
 *   (1 granted, 0 denied), the shape of Google's own parameter. A hit whose
 *   storage type is denied carries no client id and is "cookieless": the
 *   emulator's marker for the pings advanced consent mode sends.
 *
 * What gtm.js models: it reads its dataLayer (`l` parameter), logs events and
 * consent commands, sets `google_tag_manager[<id>]`, pushes `gtm.dom` and
 * `gtm.load`, and on the `gtm.js` event fires the container's tags, as the
 * `containers` option describes them: `{ type: 'ga4', measurementId }` loads
 * gtag.js (`/gtag/js?id=…&l=…&cx=c`) and configures it (its consent checks are
 * gtag.js's own); `{ type: 'html', src, consent? }` inserts a script, and
 * `{ type: 'img', src, consent? }` an image, only when every consent type in
 * `consent` is granted (GTM's "additional consent" setting). `ns.html` is the
 * noscript container page.
 *
 * Every command is logged in `window.__googleEmu` (gtag.js) and
 * `window.__gtmEmu` (gtm.js); every request in `requests`.
 */
import { DEFAULT_BASE, empty, gif, handlersFor, js, pageScript } from '../_kit.mjs';

const GOOGLE_TAG_HOST = 'www.googletagmanager.com';
const GA_COLLECT_HOST = 'region1.google-analytics.com';
const ADS_CONVERSION_HOST = 'www.googleadservices.com';
const ADS_REMARKETING_HOST = 'googleads.g.doubleclick.net';
/** `cookie_expires` default (seconds). */
export const GA_COOKIE_MAX_AGE = 63072000;
export const GCL_MAX_AGE = 7776000;

const GOOGLE_HOSTS = [
  GOOGLE_TAG_HOST,
  GA_COLLECT_HOST,
  'www.google-analytics.com',
  'region1.analytics.google.com',
  'stats.g.doubleclick.net',
  ADS_CONVERSION_HOST,
  ADS_REMARKETING_HOST,
  'www.google.com',
  'pagead2.googlesyndication.com',
  'td.doubleclick.net',
];

/* ---------- gtag.js, in the page ---------- */

function gtagMain(cfg, kit) {
  var w = window;
  var layerName = cfg.layer || 'dataLayer';
  var emu = (w.__googleEmu = w.__googleEmu || {
    loads: [],
    commands: [],
    ignored: [],
    events: [],
    hits: [],
    consent: {},
    settings: {},
    configs: [],
    waited: 0,
  });
  emu.loads.push(cfg.id);
  if (emu.running) return;
  emu.running = true;

  var layer = (w[layerName] = w[layerName] || []);
  var global = {}; // consent default without region
  var regional = {}; // consent default for the emulator's country
  var updated = {};
  var seen = false; // consent mode in use
  var waiting = null; // hits held by wait_for_update
  var top = null;

  function state(type) {
    var v = updated[type] || regional[type] || global[type];
    return v === 'denied' ? 'denied' : 'granted';
  }
  function granted(type) {
    return state(type) === 'granted';
  }
  function domain() {
    if (top === null) top = kit.topDomain('_ga_probe');
    return top;
  }
  function gcs() {
    return seen ? 'G1' + (granted('ad_storage') ? '1' : '0') + (granted('analytics_storage') ? '1' : '0') : undefined;
  }
  function send(hit) {
    if (waiting) return waiting.push(hit);
    emu.hits.push({ tag: hit.tag, id: hit.id, event: hit.event, url: hit.url, cookieless: hit.cookieless });
    if (hit.tag === 'ga') kit.post(hit.url);
    else kit.pixel(hit.url);
  }
  function flush() {
    var held = waiting;
    waiting = null;
    if (held) for (var i = 0; i < held.length; i++) send(held[i]);
  }

  function gaCookies(id) {
    if (!granted('analytics_storage')) return null;
    var dom = domain();
    var cid = kit.getCookie('_ga');
    var client =
      cid && /^GA1\.\d\.(\d+\.\d+)$/.test(cid) ? cid.replace(/^GA1\.\d\./, '') : kit.randomId() + '.' + Math.floor(Date.now() / 1000);
    var depth = dom ? dom.split('.').length : 1;
    kit.setCookie('_ga', 'GA1.' + depth + '.' + client, cfg.gaMaxAge, dom);
    var now = Math.floor(Date.now() / 1000);
    kit.setCookie('_ga_' + id.replace(/^G-/, ''), 'GS1.1.' + now + '.1.0.' + now + '.0.0.0', cfg.gaMaxAge, dom);
    return client;
  }
  function adsCookies() {
    if (!granted('ad_storage')) return;
    var dom = domain();
    var now = Math.floor(Date.now() / 1000);
    if (kit.getCookie('_gcl_au') === null) kit.setCookie('_gcl_au', '1.1.' + kit.randomId() + '.' + now, cfg.gclMaxAge, dom);
    var gclid = new URLSearchParams(location.search).get('gclid');
    if (gclid) kit.setCookie('_gcl_aw', 'GCL.' + now + '.' + gclid, cfg.gclMaxAge, dom);
    try {
      localStorage.setItem(
        '_gcl_ls',
        JSON.stringify({
          schema: 'gcl',
          version: 1,
          gcl_ctr: { value: { value: 0, creationTimeMs: Date.now() }, expires: Date.now() + cfg.gclMaxAge * 1000 },
        }),
      );
    } catch (_e) {
      /* no storage */
    }
  }

  function gaHit(id, event) {
    var client = gaCookies(id);
    var url = kit.url(
      cfg.hostBase,
      cfg.collectHost,
      '/g/collect?' + kit.query({ v: 2, tid: id, gcs: gcs(), cid: client || undefined, en: event, dl: location.href }),
    );
    send({ tag: 'ga', id: id, event: event, url: url, cookieless: !client });
  }
  function adsHit(id, kind, params) {
    adsCookies();
    var n = id.replace(/^AW-/, '');
    var cookieless = !granted('ad_storage');
    var q = {
      gcs: gcs(),
      url: location.href,
      gclaw: cookieless ? undefined : kit.getCookie('_gcl_aw') || undefined,
      npa: granted('ad_personalization') ? undefined : 1,
    };
    var url;
    if (kind === 'conversion') {
      var label = params?.send_to ? String(params.send_to).split('/')[1] : undefined;
      q.label = label;
      q.value = params?.value;
      q.currency_code = params?.currency;
      q.oid = params?.transaction_id;
      url = kit.url(cfg.hostBase, cfg.conversionHost, '/pagead/conversion/' + n + '/?' + kit.query(q));
    } else {
      url = kit.url(cfg.hostBase, cfg.remarketingHost, '/pagead/viewthroughconversion/' + n + '/?' + kit.query(q));
    }
    send({ tag: 'ads', id: id, event: kind, url: url, cookieless: cookieless });
  }

  function applyConsent(phase, values) {
    seen = true;
    var given = values || {};
    emu.consent = { phase: phase };
    if (phase === 'default') {
      var target = global;
      if (Array.isArray(given.region)) {
        if (given.region.indexOf(cfg.country) === -1) return;
        target = regional;
      }
      for (var k in given) if (k !== 'region' && k !== 'wait_for_update') target[k] = given[k];
      if (given.wait_for_update > 0 && !waiting) {
        waiting = [];
        emu.waited = given.wait_for_update;
        setTimeout(flush, given.wait_for_update);
      }
    } else {
      var before = { a: granted('analytics_storage'), d: granted('ad_storage') };
      for (var u in given) updated[u] = given[u];
      // a change applies at once: what is newly granted writes its cookies now
      for (var i = 0; i < emu.configs.length; i++) {
        var id = emu.configs[i];
        if (/^G-/.test(id) && !before.a && granted('analytics_storage')) gaCookies(id);
        if (/^AW-/.test(id) && !before.d && granted('ad_storage')) adsCookies();
      }
      flush();
    }
    emu.state = {};
    [
      'ad_storage',
      'ad_user_data',
      'ad_personalization',
      'analytics_storage',
      'functionality_storage',
      'personalization_storage',
      'security_storage',
    ].forEach(function (t) {
      emu.state[t] = updated[t] || regional[t] || global[t] || null;
    });
  }

  function command(args) {
    var name = args[0];
    emu.commands.push(kit.plain(kit.list(args)));
    if (name === 'consent') return applyConsent(args[1], args[2]);
    if (name === 'set') {
      for (var k in args[1] || {}) emu.settings[k] = args[1][k];
      return;
    }
    if (name === 'js') return;
    if (name === 'config') {
      var id = String(args[1]);
      var params = args[2] || {};
      if (emu.configs.indexOf(id) === -1) emu.configs.push(id);
      if (/^G-/.test(id)) {
        if (params.send_page_view !== false) gaHit(id, 'page_view');
        else gaCookies(id);
      } else if (/^AW-/.test(id)) adsHit(id, 'remarketing', params);
      return;
    }
    if (name === 'event') {
      var event = String(args[1]);
      var p = args[2] || {};
      var to = p.send_to ? [].concat(p.send_to) : null;
      for (var i = 0; i < emu.configs.length; i++) {
        var cid = emu.configs[i];
        if (
          to &&
          !to.some(function (t) {
            return String(t).split('/')[0] === cid;
          })
        )
          continue;
        if (/^G-/.test(cid)) gaHit(cid, event);
        else if (/^AW-/.test(cid) && event === 'conversion') adsHit(cid, 'conversion', p);
      }
    }
  }

  function handle(entry) {
    if (kit.isArguments(entry)) command(entry);
    else if (Array.isArray(entry)) emu.ignored.push(kit.plain(entry));
    else if (entry && typeof entry === 'object') emu.events.push(kit.plain(entry));
  }

  for (var i = 0; i < layer.length; i++) handle(layer[i]);
  var push = layer.push;
  layer.push = function () {
    var r = push.apply(layer, arguments);
    for (var j = 0; j < arguments.length; j++) handle(arguments[j]);
    return r;
  };
}

/* ---------- gtm.js, in the page ---------- */

function gtmMain(cfg, kit) {
  var w = window,
    d = document;
  var name = cfg.layer || 'dataLayer';
  var emu = (w.__gtmEmu = w.__gtmEmu || { containers: [], events: [], consent: [], fired: [], skipped: [] });
  emu.containers.push(cfg.id);
  var layer = (w[name] = w[name] || []);
  w.google_tag_manager = w.google_tag_manager || {};
  w.google_tag_manager[cfg.id] = { dataLayer: { name: name } };
  var consent = {};
  var started = false;

  function granted(types) {
    for (var i = 0; i < (types || []).length; i++) if (consent[types[i]] === 'denied') return false;
    return true;
  }
  function gtag() {
    layer.push(arguments);
  }
  function fire() {
    var tags = cfg.container?.tags || [];
    for (var i = 0; i < tags.length; i++) {
      var tag = tags[i];
      if (tag.type === 'ga4') {
        emu.fired.push('ga4:' + tag.measurementId);
        var s = d.createElement('script');
        s.async = true;
        s.src = kit.url(
          cfg.hostBase,
          cfg.tagHost,
          '/gtag/js?id=' + encodeURIComponent(tag.measurementId) + '&l=' + encodeURIComponent(name) + '&cx=c',
        );
        (d.head || d.documentElement).appendChild(s);
        gtag('js', new Date());
        gtag('config', tag.measurementId);
      } else if (!granted(tag.consent)) {
        emu.skipped.push(tag.type + ':' + tag.src);
      } else if (tag.type === 'html') {
        emu.fired.push('html:' + tag.src);
        var h = d.createElement('script');
        h.src = tag.src;
        (d.head || d.documentElement).appendChild(h);
      } else if (tag.type === 'img') {
        emu.fired.push('img:' + tag.src);
        kit.pixel(tag.src);
      }
    }
  }
  function handle(entry) {
    if (kit.isArguments(entry)) {
      if (entry[0] === 'consent') {
        emu.consent.push([entry[1], kit.plain(entry[2])]);
        for (var k in entry[2] || {}) consent[k] = entry[2][k];
      }
      return;
    }
    if (entry && typeof entry === 'object' && !Array.isArray(entry) && entry.event) {
      emu.events.push(entry.event);
      if (entry.event === 'gtm.js' && !started) {
        started = true;
        fire();
      }
    }
  }
  for (var i = 0; i < layer.length; i++) handle(layer[i]);
  var push = layer.push;
  layer.push = function () {
    var r = push.apply(layer, arguments);
    for (var j = 0; j < arguments.length; j++) handle(arguments[j]);
    return r;
  };
  function dom() {
    layer.push({ event: 'gtm.dom' });
  }
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', dom);
  else dom();
  if (d.readyState === 'complete') layer.push({ event: 'gtm.load' });
  else
    w.addEventListener('load', function () {
      layer.push({ event: 'gtm.load' });
    });
}

const NS_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>ns</title></head><body></body></html>';

/* ---------- the server side ---------- */

/**
 * Create the emulator. Options:
 * - hostBase: how the emulated scripts address Google's hosts (default `https://{host}`).
 * - country: the visitor's country for region-scoped consent defaults (default "DE").
 * - containers: { [GTM id]: { tags: [...] } } (see above); an unknown id serves an empty container.
 */
export function googleEmulator(options = {}) {
  const hostBase = options.hostBase ?? DEFAULT_BASE;
  const country = options.country ?? 'DE';
  const containers = options.containers ?? {};
  const requests = [];
  const common = {
    hostBase,
    country,
    collectHost: GA_COLLECT_HOST,
    conversionHost: ADS_CONVERSION_HOST,
    remarketingHost: ADS_REMARKETING_HOST,
    tagHost: GOOGLE_TAG_HOST,
    gaMaxAge: GA_COOKIE_MAX_AGE,
    gclMaxAge: GCL_MAX_AGE,
  };

  function answer(url) {
    const path = url.pathname;
    const q = url.searchParams;
    if (url.host === GOOGLE_TAG_HOST) {
      if (path === '/gtag/js') {
        const id = q.get('id') ?? '';
        return /^(G|AW|DC|GT)-[A-Z0-9]+$/.test(id) ? js(pageScript(gtagMain, { ...common, id, layer: q.get('l') ?? 'dataLayer' })) : null;
      }
      if (path === '/gtm.js') {
        const id = q.get('id') ?? '';
        return /^GTM-[A-Z0-9]+$/.test(id)
          ? js(pageScript(gtmMain, { ...common, id, layer: q.get('l') ?? 'dataLayer', container: containers[id] ?? { tags: [] } }))
          : null;
      }
      if (path === '/ns.html') return /^GTM-/.test(q.get('id') ?? '') ? { body: NS_HTML, contentType: 'text/html; charset=utf-8' } : null;
      return null;
    }
    if (path === '/g/collect') return empty();
    if (path.startsWith('/pagead/')) return gif();
    return null;
  }

  return {
    handlers: handlersFor(GOOGLE_HOSTS, answer, requests),
    /** Every URL requested from an emulated host, in order. */
    requests,
    /** The collection requests received, parsed: GA4 hits and Ads pixels, with the emulator's cookieless marker. */
    hits() {
      return requests
        .map((u) => new URL(u))
        .filter((u) => u.pathname === '/g/collect' || u.pathname.startsWith('/pagead/'))
        .map(parseHit);
    },
    answer,
  };
}

/** A collection URL as the emulator reads it back: which tag, which id, which event, consent state, cookieless or not. */
function parseHit(url) {
  const u = typeof url === 'string' ? new URL(url) : url;
  const q = u.searchParams;
  if (u.pathname === '/g/collect') {
    return { tag: 'ga', id: q.get('tid'), event: q.get('en'), gcs: q.get('gcs'), cookieless: !q.get('cid'), url: u.toString() };
  }
  const n = /\/pagead\/(?:viewthroughconversion|conversion)\/(\d+)\//.exec(u.pathname);
  const gcs = q.get('gcs');
  return {
    tag: 'ads',
    id: n ? `AW-${n[1]}` : null,
    event: u.pathname.includes('/viewthroughconversion/') ? 'remarketing' : 'conversion',
    gcs,
    cookieless: gcs !== null && gcs[2] === '0',
    url: u.toString(),
  };
}
