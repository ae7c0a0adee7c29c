/**
 * A test double of HubSpot's tracking code with its consent API, for the
 * hubspot-tracking vendor. The loader and every other HubSpot host come from
 * the HubSpot emulator (emulators/hubspot); this one answers the analytics
 * script (`js.hs-analytics.net/analytics/{ts}/{portalId}.js`) with one that
 * also follows HubSpot's cookie consent banner API, as standards-facts §3
 * gives it (developers.hubspot.com, consent banner API):
 *
 * - `_hsp.push(['setHubSpotConsent', { analytics, advertisement, functionality }])`
 *   sets the state (HubSpot does not keep it in a cookie) and calls every
 *   listener. Never set, and with `window.disableHubSpotCookieBanner` (which
 *   "also disables any consent management"), tracking uses cookies as usual.
 * - `_hsp.push(['addPrivacyConsentListener', cb])`: `cb({ allowed, categories })`
 *   at once when the banner is off or the state is known, else on the next change.
 * - analytics allowed: `__hstc`, `hubspotutk`, `__hssc`, `__hssrc` on the
 *   parent domain and a page view `track.hubspot.com/__ptq.gif?…&vi=<utk>`.
 *   Refused: no cookie is written and the page view is anonymous (no `vi`),
 *   as HubSpot describes rejected cookies.
 * - `_hsp.push(['revokeCookieConsent'])` removes HubSpot's banner cookies
 *   (`__hs_opt_out`, `__hs_initial_opt_in`, `__hs_cookie_cat_pref`) and
 *   nothing else; `_hsq.push(['doNotTrack'])` sets `__hs_do_not_track` and
 *   stops collection.
 * Every command is logged in `window.__hsTrackEmu`; every request in `requests`.
 */
import { hubspotEmulator, HUBSPOT_HOSTS } from '../hubspot/index.mjs';
import { DEFAULT_BASE, js, pageScript } from '../_kit.mjs';

const ANALYTICS_HOSTS = ['js.hs-analytics.net', 'js-eu1.hs-analytics.net'];

function analyticsMain(cfg, kit) {
  var w = window;
  var emu = (w.__hsTrackEmu = w.__hsTrackEmu || { commands: [], pageViews: [], listenerCalls: [], loads: 0 });
  emu.loads++;
  if (emu.running) return;
  emu.running = true;
  var dom = kit.topDomain('__hs_probe');
  var consent = null;
  var listeners = [];
  var dnt = kit.getCookie('__hs_do_not_track') !== null;
  var viewed = false;
  function analyticsAllowed() {
    return consent === null ? true : consent.analytics === true;
  }
  function state() {
    var c = consent || { analytics: true, advertisement: true, functionality: true };
    return {
      allowed: c.analytics === true,
      categories: {
        necessary: true,
        analytics: c.analytics === true,
        advertisement: c.advertisement === true,
        functionality: c.functionality === true,
      },
    };
  }
  function notify(fn) {
    var s = state();
    emu.listenerCalls.push(s);
    try {
      fn(s);
    } catch (e) {
      setTimeout(function () {
        throw e;
      });
    }
  }
  function cookies() {
    if (!analyticsAllowed()) return null;
    var now = Date.now();
    var utk = kit.getCookie('hubspotutk') || kit.hex(32);
    var hstc = kit.getCookie('__hstc') || [dom || location.hostname, utk, now, now, now, 1].join('.');
    kit.setCookie('__hstc', hstc, 15778800, dom);
    kit.setCookie('hubspotutk', utk, 15778800, dom);
    kit.setCookie('__hssc', (dom || location.hostname) + '.1.' + now, 1800, dom);
    kit.setCookie('__hssrc', '1', 0, dom);
    return utk;
  }
  function pageView(path) {
    if (dnt) return;
    var utk = cookies();
    emu.pageViews.push({ path: path || location.pathname, anonymous: !utk });
    kit.pixel(
      kit.url(
        cfg.hostBase,
        cfg.trackHost,
        '/__ptq.gif?' +
          kit.query({ a: cfg.portalId, k: 1, r: location.href, p: path || location.pathname, vi: utk || undefined, ct: 'standard-page' }),
      ),
    );
  }
  function handle(queue, cmd) {
    if (!Array.isArray(cmd)) return;
    emu.commands.push(kit.plain([queue].concat(cmd)));
    var name = cmd[0];
    if (name === 'setHubSpotConsent') {
      var given = cmd[1] || {};
      var before = analyticsAllowed();
      consent = {
        analytics: given.analytics === true,
        advertisement: given.advertisement === true,
        functionality: given.functionality === true,
      };
      listeners.forEach(notify);
      if (!before && analyticsAllowed() && viewed) cookies();
    } else if (name === 'addPrivacyConsentListener' && typeof cmd[1] === 'function') {
      listeners.push(cmd[1]);
      if (w.disableHubSpotCookieBanner || consent) notify(cmd[1]);
    } else if (name === 'revokeCookieConsent') {
      ['__hs_opt_out', '__hs_initial_opt_in', '__hs_cookie_cat_pref'].forEach(function (n) {
        kit.expireCookie(n, dom);
        kit.expireCookie(n, '');
      });
    } else if (name === 'doNotTrack') {
      if (cmd[1]?.track) {
        kit.expireCookie('__hs_do_not_track', dom);
        dnt = false;
      } else {
        kit.setCookie('__hs_do_not_track', 'yes', 15778800, dom);
        dnt = true;
      }
    } else if (name === 'trackPageView' && viewed) pageView();
    else if (name === 'setPath') emu.path = cmd[1];
  }
  ['_hsq', '_hsp'].forEach(function (name) {
    var q = (w[name] = Array.isArray(w[name]) ? w[name] : []);
    for (var i = 0; i < q.length; i++) handle(name, q[i]);
    q.push = function () {
      for (var j = 0; j < arguments.length; j++) handle(name, arguments[j]);
      return Array.prototype.push.apply(q, arguments);
    };
  });
  viewed = true;
  pageView(emu.path);
}

/**
 * Create the emulator: the HubSpot emulator's hosts, with the analytics script
 * above. Options are the HubSpot emulator's (`hostBase`, `analyticsTimestamp`, …).
 */
export function hubspotTrackingEmulator(options = {}) {
  const hostBase = options.hostBase ?? DEFAULT_BASE;
  const base = hubspotEmulator(options);
  const requests = [];
  function answer(url) {
    const m = /^\/analytics\/\d+\/(\d+)\.js$/.exec(url.pathname);
    if (ANALYTICS_HOSTS.includes(url.host) && m) {
      return js(
        pageScript(analyticsMain, {
          hostBase,
          portalId: m[1],
          trackHost: url.host.includes('-eu1') ? 'track-eu1.hubspot.com' : 'track.hubspot.com',
        }),
      );
    }
    return base.answer(url);
  }
  const handlers = Object.fromEntries(
    HUBSPOT_HOSTS.map((host) => [
      host,
      async (url) => {
        requests.push(url.toString());
        return ANALYTICS_HOSTS.includes(host) ? answer(url) : base.handlers[host](url);
      },
    ]),
  );
  return {
    handlers,
    requests,
    /** Page views the analytics pixel received, in order: anonymous when they carry no visitor id. */
    pageViews() {
      return requests
        .map((u) => new URL(u))
        .filter((u) => u.pathname === '/__ptq.gif')
        .map((u) => ({ portalId: u.searchParams.get('a'), path: u.searchParams.get('p'), anonymous: !u.searchParams.get('vi') }));
    },
    answer,
  };
}
