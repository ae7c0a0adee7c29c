/**
 * A test double of Hotjar, written from the project's tag-facts reference
 * (§8): the snippet (`hj` queue, `_hjSettings`, the loader URL) and the
 * cookie and key names of Hotjar's cookie table as third parties copy it
 * (unverified, modelled as reported). Host names other than the loader's are
 * unverified too; the paths below are the emulator's own.
 *
 *   const hotjar = hotjarEmulator();
 *   openSite(browser, { hosts: hotjar.handlers });
 *   hotjar.sessions()   // every session the collector received: { site, user, events }
 *
 * What it models:
 * - `static.hotjar.com/c/hotjar-<siteId>.js?sv=6` checks `_hjSettings.hjid`,
 *   takes over the snippet's `hj` stub and runs the queued calls in order.
 * - It finds "the most generic cookie path" with the `_hjTLDTest` probe
 *   (written from the shortest domain up and deleted again), then writes
 *   `_hjSessionUser_<siteId>` (365 days) and `_hjSession_<siteId>` (30 minutes)
 *   there, localStorage `hjViewportId` and sessionStorage
 *   `_hjRecordingLastActivity`. `hj('identify', id, attributes)` keeps the
 *   attributes in localStorage `_hjUserAttributes`.
 * - It reports the session to `POST https://metrics.hotjar.io/sessions/<siteId>`
 *   (JSON: site, user, events) once at start and after each call.
 * Hotjar documents no consent API: nothing here reacts to one.
 * Every call is logged in `window.__hotjarEmu`; every request in `requests`.
 */
import { DEFAULT_BASE, empty, handlersFor, js, pageScript } from '../_kit.mjs';

const HOTJAR_LOADER_HOST = 'static.hotjar.com';
const HOTJAR_COLLECT_HOST = 'metrics.hotjar.io';
const HOTJAR_HOSTS = [HOTJAR_LOADER_HOST, HOTJAR_COLLECT_HOST];

function hotjarMain(cfg, kit) {
  var w = window;
  var emu = (w.__hotjarEmu = w.__hotjarEmu || { calls: [], reports: 0, loads: 0 });
  emu.loads++;
  var settings = w._hjSettings;
  if (!settings || String(settings.hjid) !== cfg.site) {
    emu.error = 'no _hjSettings for site ' + cfg.site;
    return;
  }
  if (emu.running) return;
  emu.running = true;
  var stub = w.hj;
  var dom = kit.topDomain('_hjTLDTest');
  var userCookie = '_hjSessionUser_' + cfg.site;
  var existing = kit.getCookie(userCookie);
  var user = null;
  try {
    user = existing ? JSON.parse(atob(existing)).id : null;
  } catch (_e) {
    // a cookie Hotjar cannot read: a new visitor id, as for a first visit
  }
  user = user || kit.hex(16);
  var now = Date.now();
  kit.setCookie(userCookie, btoa(JSON.stringify({ id: user, created: now, existing: !!existing })), 365 * 86400, dom);
  kit.setCookie('_hjSession_' + cfg.site, btoa(JSON.stringify({ id: kit.hex(16), c: now, s: 0, r: 0, sb: 0 })), 1800, dom);
  try {
    localStorage.setItem('hjViewportId', kit.hex(8));
    sessionStorage.setItem('_hjRecordingLastActivity', String(now));
  } catch (_e) {
    /* no storage */
  }
  var events = [];
  function report() {
    emu.reports++;
    kit.post(
      kit.url(cfg.hostBase, cfg.collectHost, '/sessions/' + cfg.site),
      JSON.stringify({ site: cfg.site, user: user, events: events.slice() }),
    );
  }
  function call(args) {
    var a = kit.list(args);
    emu.calls.push(kit.plain(a));
    if (a[0] === 'identify') {
      try {
        localStorage.setItem('_hjUserAttributes', JSON.stringify({ id: a[1], attributes: a[2] || {} }));
      } catch (_e) {
        /* no storage */
      }
    }
    events.push(kit.plain(a));
  }
  var queued = stub && Array.isArray(stub.q) ? stub.q.slice() : [];
  w.hj = function () {
    call(arguments);
    report();
  };
  for (var i = 0; i < queued.length; i++) call(queued[i]);
  report();
}

export function hotjarEmulator(options = {}) {
  const hostBase = options.hostBase ?? DEFAULT_BASE;
  const requests = [];
  const bodies = [];
  function answer(url) {
    if (url.host === HOTJAR_LOADER_HOST) {
      const m = /^\/c\/hotjar-(\d+)\.js$/.exec(url.pathname);
      return m ? js(pageScript(hotjarMain, { hostBase, collectHost: HOTJAR_COLLECT_HOST, site: m[1] })) : null;
    }
    return /^\/sessions\/\d+$/.test(url.pathname) ? empty() : null;
  }
  const handlers = handlersFor(HOTJAR_HOSTS, answer, requests);
  handlers[HOTJAR_COLLECT_HOST] = async (url, request) => {
    requests.push(url.toString());
    try {
      bodies.push(JSON.parse(request?.postData() ?? 'null'));
    } catch {
      bodies.push(null);
    }
    return answer(url);
  };
  return {
    handlers,
    requests,
    /** Every session report the collector received, in order. */
    sessions: () => bodies.slice(),
    answer,
  };
}
