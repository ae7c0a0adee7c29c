/**
 * A test double of Microsoft Clarity, written from the project's tag-facts
 * reference (§7): Clarity's consent API v2 documentation [C1][C2] and
 * Clarity's open-source code [C3] (cookie names, lifetimes, the root-domain
 * walk, what a denial does).
 *
 *   const clarity = clarityEmulator();          // { consentRequired: true }: EEA, UK, CH
 *   openSite(browser, { hosts: clarity.handlers });
 *   clarity.uploads()   // every /collect request: { project, cookies, user, session, events }
 *
 * What it models:
 * - `www.clarity.ms/tag/<projectId>` takes over the snippet's `clarity` stub
 *   and runs the calls queued in `clarity.q` in order, then each later call.
 * - Consent: with `consentRequired` (Clarity enforces consent for EEA/UK/CH)
 *   nothing is stored until `consentv2` grants analytics_Storage; otherwise
 *   tracking with cookies is the default. `consentv2` with analytics_Storage
 *   denied (or v1 `consent` false) expires `_clck` and `_clsk` at once,
 *   stops and restarts without cookies, as Clarity's code does; `_cltk`
 *   (sessionStorage) is not cleared on that path.
 * - With cookies: `_clck` (user, 365 days) and `_clsk` (session, 1 day, holds
 *   the upload URL) on the root domain found by walking up the host name, and
 *   sessionStorage `_cltk` (tab id). Without: a new id per page view.
 * - Uploads: `POST https://y.clarity.ms/collect` with a JSON body naming the
 *   project, whether cookies are in use, the ids and the events (`identify`,
 *   `set`, `event` calls are recorded as events).
 * Every call is logged in `window.__clarityEmu`; every request in `requests`,
 * every upload body in `uploads()`.
 */
import { DEFAULT_BASE, empty, handlersFor, js, pageScript } from '../_kit.mjs';

const CLARITY_TAG_HOST = 'www.clarity.ms';
const CLARITY_UPLOAD_HOST = 'y.clarity.ms';
const CLARITY_HOSTS = [CLARITY_TAG_HOST, CLARITY_UPLOAD_HOST];

function clarityMain(cfg, kit) {
  var w = window;
  var emu = (w.__clarityEmu = w.__clarityEmu || { calls: [], uploads: 0, modes: [], loads: 0 });
  emu.loads++;
  var stub = w.clarity;
  if (emu.running) return;
  emu.running = true;
  var consent = { analytics_Storage: cfg.consentRequired ? 'denied' : 'granted', ad_Storage: cfg.consentRequired ? 'denied' : 'granted' };
  var dom = null;
  var ids = null;
  var events = [];
  function root() {
    if (dom === null) dom = kit.topDomain('_clck_probe');
    return dom;
  }
  var uploadUrl = kit.url(cfg.hostBase, cfg.uploadHost, '/collect');
  function start() {
    var cookies = consent.analytics_Storage === 'granted';
    if (cookies) {
      var ck = kit.getCookie('_clck');
      var user = ck ? ck.split('|')[0] : kit.hex(6);
      var now = Date.now();
      kit.setCookie('_clck', user + '|2|f' + kit.hex(2) + '|0|' + cfg.project, 365 * 86400, root());
      var sk = kit.getCookie('_clsk');
      var session = sk ? sk.split('|')[0] : kit.hex(6);
      kit.setCookie('_clsk', session + '|' + now + '|1|1|' + uploadUrl.replace(/^https?:\/\//, ''), 86400, root());
      try {
        var tab = sessionStorage.getItem('_cltk') || kit.hex(6);
        sessionStorage.setItem('_cltk', tab);
      } catch (_e) {
        /* no storage */
      }
      ids = { user: user, session: session };
    } else {
      ids = { user: null, session: kit.hex(6) };
    }
    emu.modes.push(cookies ? 'cookies' : 'no-cookies');
    upload();
  }
  function stop() {
    kit.expireCookie('_clck', root());
    kit.expireCookie('_clsk', root());
    kit.expireCookie('_clck', '');
    kit.expireCookie('_clsk', '');
  }
  function upload() {
    emu.uploads++;
    kit.post(
      uploadUrl,
      JSON.stringify({
        project: cfg.project,
        cookies: consent.analytics_Storage === 'granted',
        user: ids.user,
        session: ids.session,
        ad: consent.ad_Storage,
        events: events.splice(0),
      }),
    );
  }
  function setConsent(next) {
    var wasOn = consent.analytics_Storage === 'granted';
    if (next.analytics_Storage) consent.analytics_Storage = next.analytics_Storage;
    if (next.ad_Storage) consent.ad_Storage = next.ad_Storage;
    var on = consent.analytics_Storage === 'granted';
    if (!ids) return;
    if (wasOn && !on) {
      stop();
      start();
    } else if (!wasOn && on) start();
    else upload();
  }
  function call(args) {
    var a = kit.list(args);
    emu.calls.push(kit.plain(a));
    var m = a[0];
    if (m === 'consentv2') setConsent(a[1] || {});
    else if (m === 'consent')
      setConsent(
        a[1] === false ? { analytics_Storage: 'denied', ad_Storage: 'denied' } : { analytics_Storage: 'granted', ad_Storage: 'granted' },
      );
    else if (m === 'identify' || m === 'set' || m === 'event' || m === 'upgrade') {
      events.push(kit.plain(a));
      if (ids) upload();
    }
  }
  var queued = stub && Array.isArray(stub.q) ? stub.q.slice() : [];
  w.clarity = function () {
    call(arguments);
  };
  for (var i = 0; i < queued.length; i++) call(queued[i]);
  start();
}

export function clarityEmulator(options = {}) {
  const hostBase = options.hostBase ?? DEFAULT_BASE;
  const consentRequired = options.consentRequired === true;
  const requests = [];
  const bodies = [];
  function answer(url) {
    if (url.host === CLARITY_TAG_HOST) {
      const m = /^\/tag\/([a-z0-9]+)$/.exec(url.pathname);
      return m ? js(pageScript(clarityMain, { hostBase, uploadHost: CLARITY_UPLOAD_HOST, project: m[1], consentRequired })) : null;
    }
    return url.pathname === '/collect' ? empty() : null;
  }
  const handlers = handlersFor(CLARITY_HOSTS, answer, requests);
  // the upload host keeps the bodies it received
  handlers[CLARITY_UPLOAD_HOST] = async (url, request) => {
    requests.push(url.toString());
    if (url.pathname === '/collect') {
      try {
        bodies.push(JSON.parse(request?.postData() ?? 'null'));
      } catch {
        bodies.push(null);
      }
    }
    return answer(url);
  };
  return {
    handlers,
    requests,
    /** Every upload body received, in order. */
    uploads: () => bodies.slice(),
    answer,
  };
}
