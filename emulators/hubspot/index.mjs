/**
 * A test double of HubSpot's loader, analytics script, chat script and chat
 * iframe, written from HubSpot's Chat Widget SDK document and the project's
 * vendor-facts reference. Plain JavaScript (ESM) so the browser tests, the
 * demo server (plain Node) and the benchmark can all use it.
 *
 *   const hubspot = hubspotEmulator();
 *   openSite(browser, { hosts: hubspot.handlers });      // every HubSpot host
 *   hubspot.fail('js.usemessages.com', '404');             // or 'timeout', 'offline', '500'
 *   hubspot.restore('js.usemessages.com');
 *   hubspotEmulator({ pad: { 'js.usemessages.com': 180_000 } }) // scripts padded to a byte size
 *   hubspot.showNothing(true);                             // no chatflow targets the page: the widget never appears
 *
 * What it models (and where it is conservative):
 * - loader `js.hs-scripts.com/{portalId}.js` (eu1: `js-eu1.hs-scripts.com`) injects the
 *   analytics, chat, banner, collected-forms and ads-pixel scripts with HubSpot's element
 *   ids, each only if no element with that id exists; the banner only without
 *   `window.disableHubSpotCookieBanner`.
 * - chat `js.usemessages.com/conversations-embed.js` reads `hsConversationsSettings` when it
 *   runs, creates `window.HubSpotConversations` (widget.load/refresh/open/close/remove/status,
 *   clear({ resetWidget }), on/off), runs the `hsConversationsOnReady` callbacks, loads by
 *   itself unless `loadImmediately: false`, and drops widget.load/refresh calls made within
 *   one second of the previous one (the documented throttle).
 * - the widget is a visible iframe from `app.hubspot.com` inside
 *   `#hubspot-messages-iframe-container` (inline: `#hubspot-conversations-inline-parent`);
 *   it sets `messagesUtk` (not for identified visitors), `hs-messages-is-open` and
 *   `hs-messages-hide-welcome-message` on the exact host, and emits the SDK's events.
 * - analytics `js.hs-analytics.net/analytics/{ts}/{portalId}.js` sets `__hstc`, `hubspotutk`,
 *   `__hssc`, `__hssrc` on the parent (registrable) domain, sends `track.hubspot.com/__ptq.gif`,
 *   and processes `_hsq` / `_hsp`. `revokeCookieConsent` is recorded but deletes nothing:
 *   where HubSpot deletes is not documented, so the tests prove consent-gate's own sweep.
 * - "shows nothing" (`showNothing`): HubSpot's own targeting, audience or availability leaves
 *   the page out, so the chat script loads and `HubSpotConversations` exists, but `widget.load()`
 *   creates no widget (`status().loaded` stays false, no `widgetLoaded`), as when no chatflow's
 *   targeting rules match the page URL (HubSpot knowledge base "Use conversations").
 * Every call the page makes is logged in `window.__hsEmu.calls`.
 */

const DEFAULT_BASE = 'https://{host}';

/* ---------- code that runs in the page (serialised with Function.prototype.toString) ---------- */

function loaderMain(cfg) {
  var w = window,
    d = document;
  var emu = (w.__hsEmu = w.__hsEmu || { calls: [] });
  emu.calls.push(['loader', cfg.portalId]);
  var eu = cfg.hublet === 'eu1' ? '-eu1' : '';
  function url(host, path) {
    return cfg.hostBase.replace('{host}', host) + path;
  }
  function inject(id, src, attrs) {
    if (d.getElementById(id)) {
      emu.calls.push(['loader.skip', id]);
      return;
    }
    var s = d.createElement('script');
    s.id = id;
    s.async = true;
    for (var k in attrs || {}) s.setAttribute(k, attrs[k]);
    s.src = src;
    (d.head || d.documentElement).appendChild(s);
  }
  var common = {
    'data-loader': 'hs-scriptloader',
    'data-hsjs-portal': cfg.portalId,
    'data-hsjs-env': 'prod',
    'data-hsjs-hublet': cfg.hublet,
  };
  w._hsq = w._hsq || [];
  inject('hs-analytics', url('js' + eu + '.hs-analytics.net', '/analytics/' + cfg.ts + '/' + cfg.portalId + '.js'));
  inject('hubspot-messages-loader', url('js' + eu + '.usemessages.com', '/conversations-embed.js'), common);
  if (!w.disableHubSpotCookieBanner)
    inject('cookieBanner-' + cfg.portalId, url('js' + eu + '.hs-banner.com', '/' + cfg.portalId + '.js'), common);
  inject('CollectedForms-' + cfg.portalId, url('js' + eu + '.hscollectedforms.net', '/collectedforms.js'), common);
  inject('hs-ads-pixel-' + cfg.portalId, url('js' + eu + '.hsadspixel.net', '/fb.js'), common);
}

function chatMain(cfg) {
  var w = window,
    d = document;
  var emu = (w.__hsEmu = w.__hsEmu || { calls: [] });
  emu.chatRuns = (emu.chatRuns || 0) + 1;
  emu.throttled = emu.throttled || 0;
  var el = d.getElementById('hubspot-messages-loader') || d.currentScript;
  var portal = el?.getAttribute('data-hsjs-portal') || '0';
  var hublet = el?.getAttribute('data-hsjs-hublet') || 'na1';
  var settings = {};
  var src = w.hsConversationsSettings || {};
  for (var key in src) settings[key] = src[key];
  emu.settingsSeen = JSON.parse(JSON.stringify(settings));
  var appHost = hublet === 'eu1' ? 'app-eu1.hubspot.com' : 'app.hubspot.com';
  function url(host, path) {
    return cfg.hostBase.replace('{host}', host) + path;
  }
  var appOrigin = new URL(url(appHost, '/'), location.href).origin;
  var listeners = (emu.listeners = {});
  var widget = null;
  var lastCall = 0;
  var threads = 0;
  var identified = !!(settings.identificationEmail && settings.identificationToken);

  function log(name, arg) {
    emu.calls.push(arg === undefined ? [name] : [name, arg]);
  }
  function getCookie(name) {
    var m = d.cookie.match(new RegExp('(?:^|;\\s*)' + name.replace(/[-[\]{}()*+?.,\\^$|#]/g, '\\$&') + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : '';
  }
  function setCookie(name, value, maxAge) {
    d.cookie = name + '=' + encodeURIComponent(value) + '; path=/' + (maxAge ? '; max-age=' + maxAge : '') + '; samesite=lax';
  }
  function delCookie(name) {
    d.cookie = name + '=; path=/; max-age=0';
  }
  function emit(name, payload) {
    log('event', name);
    (listeners[name] || []).slice().forEach(function (fn) {
      try {
        fn(payload);
      } catch (e) {
        setTimeout(function () {
          throw e;
        });
      }
    });
  }
  function throttled(kind) {
    var now = Date.now();
    if (now - lastCall < 1000) {
      emu.throttled++;
      log('throttled', kind);
      return true;
    }
    lastCall = now;
    return false;
  }
  function size() {
    if (!widget || widget.inline) return;
    var f = widget.iframe.style;
    f.width = widget.open ? '376px' : '96px';
    f.height = widget.open ? '560px' : '96px';
    try {
      widget.iframe.contentWindow.postMessage({ hsEmu: 'state', open: widget.open }, appOrigin);
    } catch (_e) {
      /* not loaded yet */
    }
  }
  function setOpen(open, byVisitor) {
    if (!widget) return;
    widget.open = open;
    if (!widget.inline) setCookie('hs-messages-is-open', open ? 'true' : 'false', 1800);
    if (open) setCookie('hs-messages-hide-welcome-message', 'true', 86400);
    size();
    if (!open && byVisitor) emit('widgetClosed', { message: 'The widget was closed' });
  }
  function create(open) {
    var target = null;
    if (settings.inlineEmbedSelector) {
      try {
        target = d.querySelector(settings.inlineEmbedSelector);
      } catch (_e) {
        target = null;
      }
    }
    var container = d.createElement('div');
    var iframe = d.createElement('iframe');
    if (target) {
      container.id = 'hubspot-conversations-inline-parent';
      iframe.id = 'hubspot-conversations-inline-iframe';
      iframe.style.cssText = 'width:100%;height:500px;border:0;display:block';
    } else {
      container.id = 'hubspot-messages-iframe-container';
      container.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483647;';
      iframe.id = 'hubspot-conversations-iframe';
      iframe.style.cssText = open ? 'border:0;display:block;width:376px;height:560px;' : 'border:0;display:block;width:96px;height:96px;';
    }
    iframe.title = 'Chat Widget';
    var utk = getCookie('messagesUtk') || (identified ? '' : Math.random().toString(16).slice(2) + Date.now().toString(16));
    var q = new URLSearchParams({ parentOrigin: location.origin, inline: target ? '1' : '0' });
    if (utk) q.set('messagesUtk', utk);
    if (getCookie('__hstc')) q.set('hstc', getCookie('__hstc'));
    if (getCookie('hubspotutk')) q.set('hubspotUtk', getCookie('hubspotutk'));
    if (settings.disableAttachment) q.set('disableAttachment', '1');
    iframe.src = url(appHost, '/conversations-visitor/' + portal + '/threads/utk/' + (utk || 'identified') + '?' + q.toString());
    container.appendChild(iframe);
    (target || d.body).appendChild(container);
    var self = (widget = { container: container, iframe: iframe, inline: !!target, open: false, loaded: false });
    iframe.addEventListener('load', function () {
      if (widget !== self || !container.isConnected) return;
      self.loaded = true;
      if (utk && !identified) setCookie('messagesUtk', utk, 15778800);
      var wasOpen = getCookie('hs-messages-is-open') === 'true';
      setOpen(!!(open || self.inline || wasOpen), false);
      emit('widgetLoaded', { message: 'Widget has loaded' });
    });
  }

  var api = {
    widget: {
      load: function (opts) {
        log('widget.load', opts || null);
        if (throttled('load')) return;
        if (widget) return;
        if (cfg.showNothing) return log('untargeted');
        create(!!opts?.widgetOpen);
      },
      refresh: function (opts) {
        log('widget.refresh', opts || null);
        if (throttled('refresh')) return;
        if (!widget) return;
        emu.refreshes = (emu.refreshes || 0) + 1;
        if (opts?.openToNewThread) setOpen(true, false);
      },
      open: function () {
        log('widget.open');
        if (widget?.loaded) setOpen(true, false);
      },
      close: function () {
        log('widget.close');
        if (widget?.loaded) setOpen(false, false);
      },
      remove: function () {
        log('widget.remove');
        if (!widget) return;
        widget.container.remove();
        widget = null;
      },
      status: function () {
        return { loaded: !!widget?.loaded };
      },
    },
    clear: function (opts) {
      log('clear', opts || null);
      ['messagesUtk', 'hs-messages-is-open', 'hs-messages-hide-welcome-message'].forEach(delCookie);
      if (opts?.resetWidget && widget) {
        widget.container.remove();
        widget = null;
        create(false);
      }
    },
    on: function (name, fn) {
      (listeners[name] = listeners[name] || []).push(fn);
    },
    off: function (name, fn) {
      listeners[name] = (listeners[name] || []).filter(function (f) {
        return f !== fn;
      });
    },
  };

  w.addEventListener('message', function (event) {
    if (!widget || event.origin !== appOrigin || event.source !== widget.iframe.contentWindow) return;
    var m = event.data?.hsEmu;
    if (m === 'open') {
      setOpen(true, true);
      emit('userInteractedWithWidget', { message: 'The visitor opened the widget' });
    } else if (m === 'close') {
      setOpen(false, true);
    } else if (m === 'start') {
      threads++;
      emit('conversationStarted', { conversation: { conversationId: 1000 + threads } });
    } else if (m === 'ready') {
      size();
    }
  });

  w.HubSpotConversations = api;
  var ran = (emu.ranCallbacks = emu.ranCallbacks || []);
  function runReady() {
    var q = w.hsConversationsOnReady;
    if (!Array.isArray(q)) return;
    q.slice().forEach(function (fn) {
      if (typeof fn !== 'function' || ran.indexOf(fn) !== -1) return;
      ran.push(fn);
      try {
        fn();
      } catch (e) {
        setTimeout(function () {
          throw e;
        });
      }
    });
    if (!q.__hsEmuPatched) {
      var push = q.push;
      q.push = function () {
        var r = push.apply(q, arguments);
        runReady();
        return r;
      };
      q.__hsEmuPatched = true;
    }
  }
  runReady();
  if (settings.loadImmediately !== false) api.widget.load();
}

function analyticsMain(cfg) {
  var w = window,
    d = document;
  var emu = (w.__hsEmu = w.__hsEmu || { calls: [] });
  emu.analyticsRuns = (emu.analyticsRuns || 0) + 1;
  function url(host, path) {
    return cfg.hostBase.replace('{host}', host) + path;
  }
  function parentDomain() {
    var labels = location.hostname.split('.');
    for (var i = labels.length - 2; i >= 0; i--) {
      var dom = labels.slice(i).join('.');
      d.cookie = '__hs_probe=1; path=/; domain=.' + dom;
      if (/(?:^|;\s*)__hs_probe=/.test(d.cookie)) {
        d.cookie = '__hs_probe=; path=/; max-age=0; domain=.' + dom;
        return dom;
      }
    }
    return '';
  }
  var dom = parentDomain();
  function getCookie(name) {
    var m = d.cookie.match(new RegExp('(?:^|;\\s*)' + name + '=([^;]*)'));
    return m ? m[1] : '';
  }
  function set(name, value, maxAge) {
    d.cookie = name + '=' + value + '; path=/' + (dom ? '; domain=.' + dom : '') + (maxAge ? '; max-age=' + maxAge : '') + '; samesite=lax';
  }
  var dnt = !!getCookie('__hs_do_not_track');
  function handle(queue) {
    return function (cmd) {
      if (!Array.isArray(cmd)) return;
      emu.calls.push([queue, cmd[0]]);
      if (cmd[0] === 'doNotTrack') {
        if (cmd[1]?.track) {
          d.cookie = '__hs_do_not_track=; path=/; max-age=0' + (dom ? '; domain=.' + dom : '');
          dnt = false;
        } else {
          set('__hs_do_not_track', 'yes', 15778800);
          dnt = true;
        }
      }
    };
  }
  ['_hsq', '_hsp'].forEach(function (name) {
    var q = (w[name] = Array.isArray(w[name]) ? w[name] : []);
    q.forEach(handle(name));
    q.push = function (cmd) {
      handle(name)(cmd);
      return Array.prototype.push.call(q, cmd);
    };
  });
  if (dnt) return;
  var now = Date.now();
  var utk = getCookie('hubspotutk') || Math.random().toString(16).slice(2, 18) + Math.random().toString(16).slice(2, 18);
  var hstc = getCookie('__hstc') || [dom || location.hostname, utk, now, now, now, 1].join('.');
  set('__hstc', hstc, 15778800);
  set('hubspotutk', utk, 15778800);
  set('__hssc', (dom || location.hostname) + '.1.' + now, 1800);
  set('__hssrc', '1', 0);
  new Image().src = url(
    'track' + (cfg.hublet === 'eu1' ? '-eu1' : '') + '.hubspot.com',
    '/__ptq.gif?a=' + cfg.portalId + '&k=1&r=' + encodeURIComponent(location.href),
  );
}

function bannerMain() {
  var d = document;
  var emu = (window.__hsEmu = window.__hsEmu || { calls: [] });
  emu.calls.push(['hubspot-banner']);
  var div = d.createElement('div');
  div.id = 'hs-eu-cookie-confirmation';
  div.textContent = 'HubSpot cookie banner (emulated)';
  div.style.cssText = 'position:fixed;top:0;left:0;right:0;background:#333;color:#fff;padding:8px;z-index:2147483646';
  d.body.appendChild(div);
}

function adsPixelMain() {
  var emu = (window.__hsEmu = window.__hsEmu || { calls: [] });
  emu.calls.push(['ads-pixel']);
  var labels = location.hostname.split('.');
  var dom = labels.slice(-2).join('.');
  document.cookie = '_fbp=fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e9) + '; path=/; max-age=7776000; domain=.' + dom;
}

function collectedFormsMain() {
  var emu = (window.__hsEmu = window.__hsEmu || { calls: [] });
  emu.calls.push(['collected-forms']);
}

const WIDGET_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat (HubSpot emulator)</title>
<style>
html,body{margin:0;height:100%;font:14px/1.4 system-ui,sans-serif}
.launcher{display:none;width:64px;height:64px;margin:16px;border-radius:50%;border:0;background:#ff7a59;color:#fff;font-size:26px;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.panel{display:flex;flex-direction:column;height:100%;box-sizing:border-box;border-radius:8px;overflow:hidden;background:#fff;box-shadow:0 4px 20px rgba(0,0,0,.25)}
header{background:#ff7a59;color:#fff;padding:12px 16px;display:flex;justify-content:space-between;align-items:center}
header button{background:transparent;border:0;color:#fff;font-size:20px;cursor:pointer}
main{flex:1;padding:12px 16px;overflow:auto;background:#f5f8fa}
.msg{background:#fff;border-radius:8px;padding:8px 10px;margin:0 0 8px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
form{display:flex;gap:6px;padding:10px;border-top:1px solid #dde}
input{flex:1;padding:8px;border:1px solid #ccd;border-radius:4px}
@media (max-width:150px){.panel{display:none}.launcher{display:block}}
</style></head><body>
<button class="launcher" id="launcher" aria-label="Open chat">&#128172;</button>
<div class="panel" id="panel">
<header><strong>Chat with Shop</strong><button id="close" aria-label="Close chat">&times;</button></header>
<main id="log"><p class="msg">Hi! This is the HubSpot chat emulator. Ask us anything.</p></main>
<form id="form"><input id="text" aria-label="Message" placeholder="Write a message" autocomplete="off"><button>Send</button></form>
</div>
<script>
(function () {
  var q = new URLSearchParams(location.search);
  var parentOrigin = q.get('parentOrigin') || '*';
  var started = false;
  function send(m) { parent.postMessage({ hsEmu: m }, parentOrigin); }
  document.getElementById('launcher').onclick = function () { send('open'); };
  document.getElementById('close').onclick = function () { send('close'); };
  if (q.get('inline') === '1') document.getElementById('close').style.display = 'none';
  document.getElementById('form').onsubmit = function (e) {
    e.preventDefault();
    var t = document.getElementById('text');
    if (!t.value) return;
    var p = document.createElement('p'); p.className = 'msg'; p.textContent = t.value; document.getElementById('log').appendChild(p);
    t.value = '';
    if (!started) { started = true; send('start'); }
  };
  send('ready');
})();
</script></body></html>`;

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/* ---------- the server side: route handlers per host ---------- */

function js(body) {
  return { body, contentType: 'text/javascript; charset=utf-8', headers: { 'cache-control': 'no-store' } };
}

function iife(fn, cfg) {
  return `(${fn.toString()})(${JSON.stringify(cfg ?? {})});\n`;
}

function padTo(body, bytes) {
  const length = Buffer.byteLength(body);
  if (!bytes || bytes <= length + 5) return body;
  return body + '/*' + 'x'.repeat(bytes - length - 4) + '*/';
}

/** All host names the emulator answers. */
export const HUBSPOT_HOSTS = [
  'js.hs-scripts.com',
  'js-eu1.hs-scripts.com',
  'js.usemessages.com',
  'js-eu1.usemessages.com',
  'js.hs-analytics.net',
  'js-eu1.hs-analytics.net',
  'js.hs-banner.com',
  'js-eu1.hs-banner.com',
  'js.hscollectedforms.net',
  'js-eu1.hscollectedforms.net',
  'js.hsadspixel.net',
  'js-eu1.hsadspixel.net',
  'app.hubspot.com',
  'app-eu1.hubspot.com',
  'api.hubspot.com',
  'api-eu1.hubspot.com',
  'track.hubspot.com',
  'track-eu1.hubspot.com',
];

/**
 * Create an emulator. Options:
 * - hostBase: how the emulated scripts address HubSpot hosts (default `https://{host}`).
 * - pad: { [host]: bytes } pads that host's scripts to the given size (the benchmark uses real transfer sizes).
 * - failures: { [host]: '404' | '500' | 'timeout' | 'offline' } initial failures.
 * - hold: ms a 'timeout' failure holds a request before answering 504 (default 30000).
 * - analyticsTimestamp: the {ts} path segment the loader uses (default 1700000000000).
 * - showNothing: the chat script loads but no widget appears (see above); also `showNothing(on)` later.
 */
export function hubspotEmulator(options = {}) {
  const hostBase = options.hostBase ?? DEFAULT_BASE;
  const pad = { ...(options.pad ?? {}) };
  const failures = new Map(Object.entries(options.failures ?? {}));
  const hold = options.hold ?? 30000;
  const ts = options.analyticsTimestamp ?? 1700000000000;
  let showNothing = options.showNothing === true;
  const requests = [];
  const waiting = new Set();

  function hublet(host) {
    return host.includes('-eu1') ? 'eu1' : 'na1';
  }

  function answer(url) {
    const host = url.host;
    const path = url.pathname;
    const script = (fn, cfg) => js(padTo(iife(fn, cfg), pad[host]));
    if (host.endsWith('hs-scripts.com')) {
      const m = /^\/(\d+)\.js$/.exec(path);
      return m ? script(loaderMain, { portalId: m[1], hublet: hublet(host), hostBase, ts }) : null;
    }
    if (host.endsWith('usemessages.com')) return path === '/conversations-embed.js' ? script(chatMain, { hostBase, showNothing }) : null;
    if (host.endsWith('hs-analytics.net')) {
      const m = /^\/analytics\/\d+\/(\d+)\.js$/.exec(path);
      return m ? script(analyticsMain, { portalId: m[1], hublet: hublet(host), hostBase }) : null;
    }
    if (host.endsWith('hs-banner.com')) return /^\/\d+\.js$/.test(path) ? script(bannerMain) : null;
    if (host.endsWith('hsadspixel.net')) return path === '/fb.js' ? script(adsPixelMain) : null;
    if (host.endsWith('hscollectedforms.net')) return path === '/collectedforms.js' ? script(collectedFormsMain) : null;
    if (host.startsWith('app'))
      return path.startsWith('/conversations-visitor/') ? { body: WIDGET_HTML, contentType: 'text/html; charset=utf-8' } : null;
    if (host.startsWith('api')) return path.startsWith('/livechat-public/') ? { body: '{}', contentType: 'application/json' } : null;
    if (host.startsWith('track')) return path === '/__ptq.gif' ? { body: GIF, contentType: 'image/gif' } : null;
    return null;
  }

  async function handle(url) {
    requests.push(url.toString());
    const failure = failures.get(url.host);
    if (failure === '404') return { status: 404, body: 'not found', contentType: 'text/plain' };
    if (failure === '500') return { status: 500, body: 'server error', contentType: 'text/plain' };
    if (failure === 'offline') return 'abort';
    if (failure === 'timeout') {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, hold);
        waiting.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      return { status: 504, body: 'timed out', contentType: 'text/plain' };
    }
    return answer(url);
  }

  const handlers = Object.fromEntries(HUBSPOT_HOSTS.map((host) => [host, (url) => handle(url)]));
  function release() {
    for (const done of waiting) done();
    waiting.clear();
  }

  return {
    handlers,
    /** Every URL requested from an emulated host, in order. */
    requests,
    /** Make a host fail: '404', '500', 'timeout' (hangs, then 504) or 'offline' (network error). */
    fail(host, mode) {
      failures.set(host, mode);
    },
    /** Let a host answer normally again (also releases requests held by 'timeout'). */
    restore(host) {
      failures.delete(host);
      release();
    },
    /** Answer every request held by a 'timeout' failure now (with 504). */
    release,
    /** Pad a host's scripts to a byte size. */
    pad(host, bytes) {
      pad[host] = bytes;
    },
    /** From the next chat script served on: whether HubSpot's own targeting leaves the page out (the widget never appears). */
    showNothing(on = true) {
      showNothing = on;
    },
    /** The answer for a URL, without failures (for servers that want the bodies). */
    answer,
  };
}
