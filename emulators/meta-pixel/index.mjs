/**
 * A test double of the Meta Pixel (fbevents.js), written from Meta's pixel
 * documentation as the project's tag-facts reference (§4) gives it: the
 * get-started snippet [M1], the consent calls [M2], `_fbp`/`_fbc` [M3] and
 * Meta's Param Builder cookie code [M4].
 *
 *   const meta = metaPixelEmulator();
 *   openSite(browser, { hosts: meta.handlers });
 *   meta.events()   // every /tr request received: { pixel, event, fbp, fbc }
 *
 * What it models:
 * - `connect.facebook.net/<locale>/fbevents.js` needs the snippet's `fbq`
 *   stub: it takes it over (`fbq.callMethod`) and runs the queued calls in
 *   order, then each later call at once.
 * - `init` registers a pixel and loads its configuration script
 *   (`connect.facebook.net/signals/config/<pixelId>`); `track` and
 *   `trackCustom` send `www.facebook.com/tr/?id=<pixel>&ev=<event>&fbp=…` (an
 *   image) for every pixel.
 * - Before sending, `_fbp` (`fb.<subdomain index>.<ms>.<random>`) is written on
 *   the highest domain the browser accepts, for 90 days, and an existing one
 *   rewritten with a fresh 90 days (Param Builder's behaviour, M4); `_fbc`
 *   (`fb.<index>.<ms>.<fbclid>`) when the landing URL has `?fbclid=`.
 * - `consent revoke` pauses: events wait, nothing is sent and no cookie is
 *   written; `consent grant` resumes and sends what waited. Revoke deletes
 *   nothing (Meta does not say it does).
 * Every call is logged in `window.__metaEmu`; every request in `requests`.
 */
import { DEFAULT_BASE, gif, handlersFor, js, pageScript } from '../_kit.mjs';

const META_SCRIPT_HOST = 'connect.facebook.net';
const META_PIXEL_HOST = 'www.facebook.com';
const META_HOSTS = [META_SCRIPT_HOST, META_PIXEL_HOST];
export const FBP_MAX_AGE = 7776000;

function fbeventsMain(cfg, kit) {
  var w = window,
    d = document;
  var emu = (w.__metaEmu = w.__metaEmu || { calls: [], pixels: [], sent: [], waiting: [], consent: 'granted', loads: 0 });
  emu.loads++;
  var fbq = w.fbq;
  if (typeof fbq !== 'function') {
    emu.error = 'fbevents.js ran without the fbq stub';
    return;
  }
  if (fbq.callMethod) return;
  var top = null;
  function domain() {
    if (top === null) top = kit.topDomain('_fbp_probe');
    return top;
  }
  function index() {
    var dom = domain();
    return dom ? dom.split('.').length - 1 : location.hostname.split('.').length - 1;
  }
  function cookies() {
    var dom = domain();
    var fbp = kit.getCookie('_fbp') || 'fb.' + index() + '.' + Date.now() + '.' + Math.floor(Math.random() * 2147483647);
    kit.setCookie('_fbp', fbp, cfg.maxAge, dom);
    var clickId = new URLSearchParams(location.search).get('fbclid');
    var fbc = clickId ? 'fb.' + index() + '.' + Date.now() + '.' + clickId : kit.getCookie('_fbc');
    if (fbc) kit.setCookie('_fbc', fbc, cfg.maxAge, dom);
    return { fbp: fbp, fbc: fbc };
  }
  function send(event, params, custom) {
    if (emu.consent === 'revoked') return emu.waiting.push([event, params, custom]);
    if (!emu.pixels.length) return (emu.error = 'track before init');
    var ids = cookies();
    for (var i = 0; i < emu.pixels.length; i++) {
      var url = kit.url(
        cfg.hostBase,
        cfg.pixelHost,
        '/tr/?' +
          kit.query({
            id: emu.pixels[i],
            ev: event,
            dl: location.href,
            fbp: ids.fbp,
            fbc: ids.fbc || undefined,
            cd: params ? JSON.stringify(params) : undefined,
            custom: custom ? 1 : undefined,
          }),
      );
      emu.sent.push({ pixel: emu.pixels[i], event: event });
      kit.pixel(url);
    }
  }
  function call(args) {
    var a = kit.list(args);
    emu.calls.push(kit.plain(a));
    var m = a[0];
    if (m === 'consent') {
      if (a[1] === 'revoke') emu.consent = 'revoked';
      else if (a[1] === 'grant') {
        emu.consent = 'granted';
        var held = emu.waiting.splice(0);
        for (var i = 0; i < held.length; i++) send(held[i][0], held[i][1], held[i][2]);
      }
    } else if (m === 'init') {
      var id = String(a[1]);
      if (emu.pixels.indexOf(id) !== -1) return;
      emu.pixels.push(id);
      var s = d.createElement('script');
      s.async = true;
      s.src = kit.url(cfg.hostBase, cfg.scriptHost, '/signals/config/' + encodeURIComponent(id) + '?v=2.9.emu&r=stable');
      (d.head || d.documentElement).appendChild(s);
    } else if (m === 'track') send(String(a[1]), a[2], false);
    else if (m === 'trackCustom') send(String(a[1]), a[2], true);
  }
  fbq.callMethod = function () {
    call(arguments);
  };
  var queue = fbq.queue || [];
  fbq.queue = [];
  for (var i = 0; i < queue.length; i++) call(queue[i]);
}

function configMain(cfg) {
  var emu = (window.__metaEmu = window.__metaEmu || { calls: [], pixels: [], sent: [], waiting: [], consent: 'granted', loads: 0 });
  (emu.configs = emu.configs || []).push(cfg.pixelId);
}

export function metaPixelEmulator(options = {}) {
  const hostBase = options.hostBase ?? DEFAULT_BASE;
  const requests = [];
  function answer(url) {
    if (url.host === META_SCRIPT_HOST) {
      if (/^\/[a-z]{2}_[A-Z]{2}\/fbevents\.js$/.test(url.pathname))
        return js(pageScript(fbeventsMain, { hostBase, scriptHost: META_SCRIPT_HOST, pixelHost: META_PIXEL_HOST, maxAge: FBP_MAX_AGE }));
      const m = /^\/signals\/config\/(\d+)$/.exec(url.pathname);
      return m ? js(pageScript(configMain, { pixelId: m[1] })) : null;
    }
    if (url.host === META_PIXEL_HOST && (url.pathname === '/tr' || url.pathname === '/tr/')) return gif();
    return null;
  }
  return {
    handlers: handlersFor(META_HOSTS, answer, requests),
    requests,
    /** Every event the pixel endpoint received, in order. */
    events() {
      return requests
        .map((u) => new URL(u))
        .filter((u) => u.host === META_PIXEL_HOST)
        .map((u) => ({
          pixel: u.searchParams.get('id'),
          event: u.searchParams.get('ev'),
          fbp: u.searchParams.get('fbp'),
          fbc: u.searchParams.get('fbc'),
          noscript: u.searchParams.get('noscript') === '1',
        }));
    },
    answer,
  };
}
