/**
 * A test double of the Crisp chatbox, written from the project's vendor-facts
 * reference (Crisp row) and Crisp's public developer documentation. Plain
 * JavaScript (ESM) so the browser tests and the demo server can both use it.
 *
 *   const crisp = crispEmulator();
 *   openSite(browser, { hosts: crisp.handlers });   // serves CRISP_LOADER_URL and the widget's further requests
 *
 * What it models:
 * - the loader `client.crisp.chat/l.js` reads `window.CRISP_WEBSITE_ID` (does nothing without it)
 *   and `window.CRISP_RUNTIME_CONFIG`, fetches the website's settings from client.crisp.chat
 *   (path made up: unverified), then boots: it draws the chatbox `.crisp-client` (visible by
 *   default, as Crisp shows itself once loaded), starts a session and writes the cookie
 *   `crisp-client/session/{websiteId}` with `path=/`, a 6-month max-age, on the base (parent)
 *   domain unless `CRISP_COOKIE_DOMAIN` says otherwise;
 * - it then takes over `window.$crisp`: the commands queued in the array are replayed in order,
 *   in the same task as the first drawing (so a queued `chat:hide` means nothing is ever painted),
 *   and later pushes run at once; `$crisp.is(...)` and `$crisp.get(...)` answer;
 * - `do`: `chat:show`, `chat:hide`, `chat:open`, `chat:close`, `chat:toggle`, `session:reset`;
 *   `set`: `message:text`, `user:email`, `user:nickname`; `on` / `off` events (`session:loaded`,
 *   `chat:opened`, `chat:closed`); `config` and `safe` are recorded;
 * - opening draws the chat panel with an operator avatar from image.crisp.chat;
 * - `session:reset` deletes the session cookie and (as the session-continuity page implies,
 *   a reset takes a new token into account: unverified in detail) starts a fresh session
 *   100 ms later, which writes a new cookie: the worst case for a revocation.
 * Every command the page gives is logged in order in `window.__crispEmu.calls` (functions as
 * "fn"); every time the chatbox becomes visible is logged in `window.__crispEmu.shown` as
 * `{ opened }`.
 */

import { CHAT_PANEL_JS } from '../_shared/chat-panel.mjs';
const CRISP_HOST = 'client.crisp.chat';
const CRISP_IMAGE_HOST = 'image.crisp.chat';
export const CRISP_LOADER_URL = `https://${CRISP_HOST}/l.js`;
export const WEBSITE_ID = '7598bf86-9ebb-46bc-8d61-be8929bbf93d';
export const COOKIE_PREFIX = 'crisp-client/session/';
/** 6 months in seconds (30.4375-day months), the lifetime the reference gives the session cookie. */
export const SESSION_MAX_AGE = 15778800;

const DEFAULT_BASE = 'https://{host}';

function loaderMain(cfg) {
  var w = window,
    d = document;
  var emu = (w.__crispEmu = w.__crispEmu || { calls: [], shown: [], boots: 0 });
  var id = w.CRISP_WEBSITE_ID;
  if (typeof id !== 'string' || !id) {
    emu.calls.push(['error', 'CRISP_WEBSITE_ID is missing']);
    return;
  }
  emu.calls.push(['loader', id, JSON.parse(JSON.stringify(w.CRISP_RUNTIME_CONFIG || {}))]);
  function url(host, path) {
    return cfg.hostBase.replace('{host}', host) + path;
  }
  var cookieName = cfg.cookiePrefix + id;
  function baseDomain() {
    if (typeof w.CRISP_COOKIE_DOMAIN === 'string') return w.CRISP_COOKIE_DOMAIN;
    var labels = location.hostname.split('.');
    return labels.length >= 2 && !/^\d+$/.test(labels[labels.length - 1]) ? labels.slice(-2).join('.') : '';
  }
  function writeCookie(value, maxAge) {
    var domain = baseDomain();
    d.cookie =
      cookieName +
      '=' +
      value +
      '; path=/; max-age=' +
      maxAge +
      (domain ? '; domain=.' + domain : '') +
      '; samesite=lax' +
      (location.protocol === 'https:' ? '; secure' : '');
  }
  function readSession() {
    var parts = d.cookie.split(/;\s*/);
    for (var i = 0; i < parts.length; i++) if (parts[i].indexOf(cookieName + '=') === 0) return parts[i].slice(cookieName.length + 1);
    return null;
  }
  function newSession() {
    var sid = 'session_' + Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);
    var expire = typeof w.CRISP_COOKIE_EXPIRE === 'number' ? w.CRISP_COOKIE_EXPIRE : cfg.maxAge;
    writeCookie(sid, expire);
    return readSession() || sid;
  }

  var state = { visible: true, opened: false, session: null, text: '', email: null, nickname: null };
  var handlers = {};
  var root, launcher, panel, field;
  function emit(event, payload) {
    var list = (handlers[event] || []).slice();
    for (var i = 0; i < list.length; i++) {
      try {
        list[i](payload);
      } catch (e) {
        emu.calls.push(['handler-error', event, String(e)]);
      }
    }
  }
  function render() {
    if (!root) return;
    var before = root.style.display !== 'none';
    root.style.display = state.visible ? 'block' : 'none';
    panel.style.display = state.opened ? 'block' : 'none';
    if (state.opened && !panel.querySelector('img')) {
      var img = d.createElement('img');
      img.alt = 'Operator';
      img.width = 32;
      img.height = 32;
      img.src = url(cfg.imageHost, '/avatar/operator/' + id + '/32.png');
      panel.insertBefore(img, panel.firstChild);
    }
    root.setAttribute('data-visible', String(state.visible));
    root.setAttribute('data-opened', String(state.opened));
    return before;
  }
  function changed(wasVisible, wasOpened) {
    // log what the visitor is shown, after every command of the task has run
    var now = state.visible,
      opened = state.opened;
    if (now && (!wasVisible || opened !== wasOpened)) emu.shown.push({ opened: opened });
  }
  function draw() {
    root = d.createElement('div');
    root.className = 'crisp-client';
    root.id = 'crisp-client-root';
    var box = d.createElement('div');
    box.id = 'crisp-chatbox';
    launcher = d.createElement('a');
    launcher.id = 'crisp-chatbox-launcher';
    launcher.setAttribute('role', 'button');
    launcher.setAttribute('aria-label', 'Open chat');
    launcher.setAttribute(
      'style',
      'position:fixed;right:24px;bottom:24px;width:60px;height:60px;border-radius:30px;background:#1972f5;z-index:1000000;cursor:pointer',
    );
    launcher.onclick = function () {
      // the visitor's own click on Crisp's launcher (logged as the command it amounts to)
      run([['do', 'chat:toggle']]);
    };
    panel = d.createElement('div');
    panel.id = 'crisp-chatbox-panel';
    panel.setAttribute(
      'style',
      'position:fixed;right:24px;bottom:100px;width:360px;height:520px;background:#fff;border:1px solid #1972f5;z-index:1000000',
    );
    field = d.createElement('textarea');
    field.id = 'crisp-chatbox-input';
    panel.appendChild(emuChatPanel(d, { title: 'Crisp', color: '#1972f5', greeting: 'Hi! How can we help you today?', field: field }));
    box.appendChild(launcher);
    box.appendChild(panel);
    root.appendChild(box);
    d.body.appendChild(root);
  }
  function clean(args) {
    return args.map(function (a) {
      return typeof a === 'function' ? 'fn' : a;
    });
  }
  function exec(cmd) {
    if (!Array.isArray(cmd) || typeof cmd[0] !== 'string') {
      emu.calls.push(['bad-command', String(cmd)]);
      return;
    }
    emu.calls.push(clean(cmd));
    var action = cmd[0],
      method = cmd[1],
      args = cmd[2];
    var wasOpened = state.opened;
    if (action === 'do') {
      if (method === 'chat:show') state.visible = true;
      else if (method === 'chat:hide') state.visible = false;
      else if (method === 'chat:open') state.opened = true;
      else if (method === 'chat:close') state.opened = false;
      else if (method === 'chat:toggle') state.opened = !state.opened;
      else if (method === 'session:reset') {
        writeCookie('', 0);
        state.session = null;
        state.opened = false;
        setTimeout(function () {
          state.session = newSession();
          emu.calls.push(['session:new']);
          emit('session:loaded', state.session);
        }, 100);
      }
      if (state.opened !== wasOpened) emit(state.opened ? 'chat:opened' : 'chat:closed');
    } else if (action === 'set') {
      var value = Array.isArray(args) ? args[0] : args;
      if (method === 'message:text') {
        state.text = String(value);
        if (field) field.value = state.text;
      } else if (method === 'user:email') state.email = value;
      else if (method === 'user:nickname') state.nickname = value;
    } else if (action === 'on') {
      if (typeof args === 'function') (handlers[method] = handlers[method] || []).push(args);
    } else if (action === 'off') {
      delete handlers[method];
    }
  }
  function run(commands) {
    var wasVisible = root ? root.style.display !== 'none' : false;
    var wasOpened = root ? root.getAttribute('data-opened') === 'true' : false;
    for (var i = 0; i < commands.length; i++) exec(commands[i]);
    render();
    changed(wasVisible, wasOpened);
  }

  fetch(url(cfg.host, '/settings/website/' + id + '/'))
    .then(function (r) {
      return r.json();
    })
    .then(function (settings) {
      emu.boots++;
      emu.settings = settings;
      draw();
      root.style.display = 'none'; // nothing painted before the queue has run
      state.session = readSession() || newSession();
      var queued = Array.isArray(w.$crisp) ? w.$crisp.splice(0) : [];
      w.$crisp = {
        push: function () {
          run(Array.prototype.slice.call(arguments));
          return 0;
        },
        is: function (name) {
          if (name === 'chat:opened') return state.opened;
          if (name === 'chat:closed') return !state.opened;
          if (name === 'chat:visible') return state.visible;
          if (name === 'chat:hidden') return !state.visible;
          if (name === 'session:ongoing') return !!state.session;
          return false;
        },
        get: function (name) {
          if (name === 'session:identifier') return state.session;
          if (name === 'message:text') return state.text;
          if (name === 'user:email') return state.email;
          return null;
        },
      };
      run(queued);
      emit('session:loaded', state.session);
    })
    .catch(function (e) {
      emu.calls.push(['boot-error', String(e)]);
    });
}

export function crispEmulator(options = {}) {
  const requests = [];
  const cfg = {
    hostBase: options.hostBase ?? DEFAULT_BASE,
    host: CRISP_HOST,
    imageHost: CRISP_IMAGE_HOST,
    cookiePrefix: COOKIE_PREFIX,
    maxAge: SESSION_MAX_AGE,
  };
  const loader = `${CHAT_PANEL_JS}\n(${loaderMain.toString()})(${JSON.stringify(cfg)});`;
  const avatar = '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><circle cx="16" cy="16" r="16" fill="#1972f5"/></svg>';
  const client = (url) => {
    requests.push(url.href);
    if (url.pathname === '/l.js') return { body: loader, contentType: 'application/javascript' };
    const m = /^\/settings\/website\/([0-9a-f-]{36})\/$/.exec(url.pathname);
    if (m) return { body: JSON.stringify({ website: m[1], chatbox: { color: 'blue' } }), contentType: 'application/json' };
    return null;
  };
  const image = (url) => {
    requests.push(url.href);
    if (url.pathname.startsWith('/avatar/')) return { body: avatar, contentType: 'image/svg+xml' };
    return null;
  };
  return { handlers: { [CRISP_HOST]: client, [CRISP_IMAGE_HOST]: image }, requests };
}
