/**
 * A test double of the Intercom Messenger, written from the project's
 * vendor-facts reference (the "Other chat widgets" table). Plain JavaScript (ESM).
 *
 *   const emu = intercomEmulator();
 *   openSite(browser, { hosts: emu.handlers });   // serves widget.intercom.io, the API bases, js.intercomcdn.com
 *
 * What it models:
 * - `widget.intercom.io/widget/{appId}` (the loader) inserts the Messenger bundle from
 *   js.intercomcdn.com (that host is unverified); the bundle replaces the queue stub
 *   `window.Intercom` (a function with `q`, as Intercom's snippet defines it) with the live
 *   function and replays every queued call in order (`arguments` objects or arrays);
 * - `Intercom('boot', settings)` needs `app_id` equal to the loader's app id, posts to
 *   `{api_base}/messenger/web/ping`, writes `intercom-id-{appId}` and
 *   `intercom-device-id-{appId}` (9 months) and `intercom-session-{appId}` (1 week) with
 *   `document.cookie` (path=/, max-age), sets `Intercom.booted`, and shows Intercom's own
 *   launcher `.intercom-lightweight-app-launcher` unless `hide_default_launcher` is true;
 * - `show` / `showNewMessage(text)` draw the Messenger `#intercom-container .intercom-messenger-frame`,
 *   `hide` removes it; `onShow` / `onHide` / `onUnreadCountChange` listeners are called;
 * - `shutdown` removes every Messenger element, deletes `intercom-session-{appId}` (the
 *   other two cookies stay, as the reference only promises a session reset) and un-boots;
 * - `update`, `trackEvent`, `getVisitorId` are logged; an unknown method is logged as
 *   `['unknown', method]`; a call other than boot before boot is logged with `'before-boot'`.
 * Every call the page makes is logged in order in `window.__icEmu.calls`.
 */

import { CHAT_PANEL_JS } from '../_shared/chat-panel.mjs';
export const INTERCOM_WIDGET_HOST = 'widget.intercom.io';
export const INTERCOM_CDN_HOST = 'js.intercomcdn.com';
export const INTERCOM_API_HOSTS = { us: 'api-iam.intercom.io', eu: 'api-iam.eu.intercom.io', au: 'api-iam.au.intercom.io' };
export const APP_ID = 'abc12xyz';
export const BUNDLE_PATH = '/messenger/frame-modern.emu.js';

const DEFAULT_BASE = 'https://{host}';
const MONTH = 2629800;
const DAY = 86400;

function loaderMain(cfg) {
  var w = window,
    d = document;
  var emu = (w.__icEmu = w.__icEmu || { calls: [], pings: [] });
  emu.calls.push(['loader', cfg.appId]);
  var s = d.createElement('script');
  s.async = true;
  s.src = cfg.hostBase.replace('{host}', cfg.cdnHost) + cfg.bundlePath + '?app_id=' + encodeURIComponent(cfg.appId);
  var first = d.getElementsByTagName('script')[0];
  first.parentNode.insertBefore(s, first);
}

function bundleMain(cfg) {
  var w = window,
    d = document;
  var emu = (w.__icEmu = w.__icEmu || { calls: [], pings: [] });
  var appId = cfg.appId;
  var state = { booted: false, settings: null, listeners: { onShow: [], onHide: [], onUnreadCountChange: [] } };
  var LAUNCHER =
    'position:fixed;right:20px;bottom:20px;width:48px;height:48px;border-radius:24px;background:#1f8ded;z-index:2147483003;cursor:pointer';
  var FRAME =
    'position:fixed;right:20px;bottom:84px;width:370px;height:600px;background:#fff;border:1px solid #1f8ded;border-radius:16px;z-index:2147483000';
  function setCookie(name, value, maxAge) {
    d.cookie = name + '=' + value + '; path=/; max-age=' + maxAge + '; samesite=lax';
  }
  function readCookie(name) {
    var m = d.cookie.match(new RegExp('(?:^|;\\s*)' + name + '=([^;]*)'));
    return m ? m[1] : null;
  }
  function rid() {
    return Math.random().toString(36).slice(2, 12);
  }
  function fire(kind, payload) {
    var list = state.listeners[kind].slice();
    for (var i = 0; i < list.length; i++) {
      try {
        list[i](payload);
      } catch (_e) {
        /* a listener's error is the site's */
      }
    }
  }
  function app() {
    var el = d.querySelector('.intercom-lightweight-app');
    if (el) return el;
    el = d.createElement('div');
    el.className = 'intercom-lightweight-app';
    d.body.appendChild(el);
    return el;
  }
  function drawLauncher() {
    var host = app();
    if (state.settings.hide_default_launcher === true || host.querySelector('.intercom-lightweight-app-launcher')) return;
    var b = d.createElement('div');
    b.className = 'intercom-lightweight-app-launcher';
    b.setAttribute('role', 'button');
    b.setAttribute('aria-label', 'Open Intercom Messenger');
    b.setAttribute('style', LAUNCHER);
    b.addEventListener('click', function () {
      api('show');
    });
    host.appendChild(b);
  }
  function show(text) {
    var c = d.getElementById('intercom-container');
    if (!c) {
      c = d.createElement('div');
      c.id = 'intercom-container';
      d.body.appendChild(c);
    }
    var frame = c.querySelector('.intercom-messenger-frame');
    if (!frame) {
      frame = d.createElement('div');
      frame.className = 'intercom-messenger-frame';
      frame.setAttribute('style', FRAME);
      var input = d.createElement('textarea');
      input.className = 'intercom-composer';
      frame.appendChild(emuChatPanel(d, { title: 'Intercom', color: '#0057ff', greeting: 'Hi there 👋 Ask us anything.', field: input }));
      c.appendChild(frame);
      fire('onShow');
    }
    if (typeof text === 'string') frame.querySelector('.intercom-composer').value = text;
  }
  function hide() {
    var frame = d.querySelector('#intercom-container .intercom-messenger-frame');
    if (frame) {
      frame.remove();
      fire('onHide');
    }
  }
  function boot(settings) {
    settings = settings || {};
    if (settings.app_id !== appId) {
      emu.calls.push(['error', 'boot app_id ' + JSON.stringify(settings.app_id) + " is not the loader's " + appId]);
      return;
    }
    state.settings = JSON.parse(JSON.stringify(settings));
    var base = settings.api_base || 'https://api-iam.intercom.io';
    emu.pings.push(base);
    try {
      w.fetch(base + '/messenger/web/ping', { method: 'POST', body: new URLSearchParams({ app_id: appId }) }).catch(function () {
        emu.calls.push(['error', 'ping failed']);
      });
    } catch (_e) {
      emu.calls.push(['error', 'ping threw']);
    }
    if (!readCookie('intercom-id-' + appId)) setCookie('intercom-id-' + appId, 'v-' + rid(), 9 * cfg.month);
    if (!readCookie('intercom-device-id-' + appId)) setCookie('intercom-device-id-' + appId, 'd-' + rid(), 9 * cfg.month);
    setCookie('intercom-session-' + appId, 's-' + rid(), 7 * cfg.day);
    state.booted = true;
    api.booted = true;
    drawLauncher();
  }
  function shutdown() {
    hide();
    var els = d.querySelectorAll('#intercom-container, .intercom-lightweight-app');
    for (var i = 0; i < els.length; i++) els[i].remove();
    d.cookie = 'intercom-session-' + appId + '=; path=/; max-age=0';
    state.booted = false;
    api.booted = false;
    state.settings = null;
  }
  function api(method) {
    var args = Array.prototype.slice.call(arguments, 1);
    var entry = [method].concat(
      args.map(function (a) {
        return typeof a === 'function' ? '[function]' : a;
      }),
    );
    var before = !state.booted && method !== 'boot' && method !== 'shutdown' && !/^on[A-Z]/.test(method);
    if (before) entry.push('before-boot');
    emu.calls.push(JSON.parse(JSON.stringify(entry)));
    switch (method) {
      case 'boot':
        return boot(args[0]);
      case 'shutdown':
        return shutdown();
      case 'onShow':
      case 'onHide':
      case 'onUnreadCountChange':
        if (typeof args[0] === 'function') state.listeners[method].push(args[0]);
        return;
      case 'show':
        if (state.booted) show();
        return;
      case 'showNewMessage':
        if (state.booted) show(String(args[0] == null ? '' : args[0]));
        return;
      case 'hide':
        if (state.booted) hide();
        return;
      case 'update':
        if (state.booted && args[0] && typeof args[0] === 'object') for (var k in args[0]) state.settings[k] = args[0][k];
        return;
      case 'trackEvent':
        return;
      case 'getVisitorId':
        return readCookie('intercom-id-' + appId);
      default:
        emu.calls.push(['unknown', method]);
        return;
    }
  }
  var previous = w.Intercom;
  var queued = previous?.q ? Array.prototype.slice.call(previous.q) : [];
  api.booted = false;
  w.Intercom = api;
  emu.calls.push(['bundle', queued.length]);
  for (var i = 0; i < queued.length; i++) api.apply(null, Array.prototype.slice.call(queued[i]));
}

function script(main, cfg) {
  return { body: `${CHAT_PANEL_JS}\n(${main.toString()})(${JSON.stringify(cfg)});`, contentType: 'application/javascript' };
}

/**
 * options:
 * - hostBase: how the emulated scripts address Intercom hosts (default `https://{host}`).
 */
export function intercomEmulator(options = {}) {
  const hostBase = options.hostBase ?? DEFAULT_BASE;
  const requests = [];
  const widget = (url) => {
    requests.push(url.href);
    const m = /^\/widget\/([A-Za-z0-9]+)$/.exec(url.pathname);
    return m ? script(loaderMain, { appId: m[1], hostBase, cdnHost: INTERCOM_CDN_HOST, bundlePath: BUNDLE_PATH }) : null;
  };
  const cdn = (url) => {
    requests.push(url.href);
    const appId = url.searchParams.get('app_id');
    return url.pathname === BUNDLE_PATH && appId ? script(bundleMain, { appId, month: MONTH, day: DAY }) : null;
  };
  const api = (url) => {
    requests.push(url.href);
    return url.pathname === '/messenger/web/ping' ? { body: '{"type":"ping"}', contentType: 'application/json' } : null;
  };
  const handlers = { [INTERCOM_WIDGET_HOST]: widget, [INTERCOM_CDN_HOST]: cdn };
  for (const host of Object.values(INTERCOM_API_HOSTS)) handlers[host] = api;
  return { handlers, requests };
}
