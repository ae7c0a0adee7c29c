/**
 * A test double of the web1on1 widget, written from web1on1's Widget API
 * document and the project's vendor-facts reference. Plain JavaScript (ESM).
 *
 *   const w1 = web1on1Emulator();
 *   openSite(browser, { hosts: w1.handlers });   // serves WEB1ON1_LOADER_URL
 *
 * What it models:
 * - the loader (at a made-up but realistic URL, the real one is unverified) reads
 *   `window.web1on1Options` when it runs and creates `window.web1on1` with open, close,
 *   isOpened, setPredefinedMessage, api.showFakeAgentMessage, api.sendClientMessage
 *   (a message starting with `>cs ` is recorded as a command, not a chat line);
 * - starting writes `{integrationId}.appUserId`, `.clientId`, `.sessionToken`, `widget_uuid`
 *   and `widget_loaded` to localStorage and shows a visible bubble `#web1on1-widget`;
 *   open adds a visible chat panel `#web1on1-chat` and writes `widget_opened_by_customer`;
 * - it opens by itself after 30 s and shows a shout-out unless `openAfter: false` / `shoutout: false`.
 * Every call the page makes is logged in order in `window.__w1Emu.calls`.
 *
 * Options: `integrationId` (default INTEGRATION_ID); `hostBase` is accepted like the
 * other emulators' but changes nothing, as the loader fetches nothing further.
 */

import { CHAT_PANEL_JS } from '../_shared/chat-panel.mjs';
export const WEB1ON1_HOST = 'widget.web1on1.com';
export const WEB1ON1_LOADER_URL = `https://${WEB1ON1_HOST}/v2/loader.js`;
export const INTEGRATION_ID = '5f1a2b3c4d5e6f7a8b9c0d1e';

function loaderMain(cfg) {
  var w = window,
    d = document;
  var emu = (w.__w1Emu = w.__w1Emu || { calls: [] });
  var options = w.web1on1Options || {};
  emu.calls.push(['loader', JSON.parse(JSON.stringify(options))]);
  var opened = false;
  var ls = w.localStorage;
  ls.setItem(cfg.integrationId + '.appUserId', 'u-' + Math.random().toString(36).slice(2));
  ls.setItem(cfg.integrationId + '.clientId', 'c-' + Math.random().toString(36).slice(2));
  ls.setItem(cfg.integrationId + '.sessionToken', 't-' + Math.random().toString(36).slice(2));
  ls.setItem('widget_uuid', 'w-' + Math.random().toString(36).slice(2));
  ls.setItem('widget_loaded', 'true');
  var bubble = d.createElement('div');
  bubble.id = 'web1on1-widget';
  bubble.setAttribute(
    'style',
    'position:fixed;right:20px;bottom:90px;width:60px;height:60px;border-radius:30px;background:#0a7;z-index:2147483000',
  );
  d.body.appendChild(bubble);
  var input = '';
  function show() {
    if (d.getElementById('web1on1-chat')) return;
    var panel = d.createElement('div');
    panel.id = 'web1on1-chat';
    panel.setAttribute(
      'style',
      'position:fixed;right:20px;bottom:160px;width:320px;height:400px;background:#fff;border:1px solid #0a7;z-index:2147483000',
    );
    var field = d.createElement('textarea');
    field.id = 'web1on1-input';
    field.value = input;
    panel.appendChild(
      emuChatPanel(d, {
        title: 'web1on1',
        color: '#007a5a',
        greeting: 'Welcome! One of our advisers will answer you shortly.',
        field: field,
      }),
    );
    d.body.appendChild(panel);
  }
  var api = {
    open: function () {
      emu.calls.push(['open']);
      opened = true;
      ls.setItem('widget_opened_by_customer', 'true');
      show();
    },
    close: function () {
      emu.calls.push(['close']);
      opened = false;
      var panel = d.getElementById('web1on1-chat');
      if (panel) panel.remove();
    },
    isOpened: function () {
      emu.calls.push(['isOpened']);
      return opened;
    },
    setPredefinedMessage: function (message) {
      emu.calls.push(['setPredefinedMessage', message]);
      input = String(message);
      var field = d.getElementById('web1on1-input');
      if (field) field.value = input;
    },
    api: {
      showFakeAgentMessage: function (message, name) {
        emu.calls.push(name === undefined ? ['api.showFakeAgentMessage', message] : ['api.showFakeAgentMessage', message, name]);
      },
      sendClientMessage: function (message) {
        var text = String(message);
        emu.calls.push([text.indexOf('>cs ') === 0 ? 'api.sendClientMessage:command' : 'api.sendClientMessage', text]);
      },
    },
  };
  w.web1on1 = api;
  if (options.openAfter !== false)
    setTimeout(function () {
      emu.calls.push(['auto-open']);
      api.open();
    }, 30000);
  if (options.shoutout !== false) emu.calls.push(['shoutout']);
}

export function web1on1Emulator(options = {}) {
  const requests = [];
  const cfg = { integrationId: options.integrationId ?? INTEGRATION_ID };
  const loader = `${CHAT_PANEL_JS}\n(${loaderMain.toString()})(${JSON.stringify(cfg)});`;
  const handle = (url) => {
    requests.push(url.href);
    if (url.pathname === new URL(WEB1ON1_LOADER_URL).pathname) return { body: loader, contentType: 'application/javascript' };
    return null;
  };
  return { handlers: { [WEB1ON1_HOST]: handle }, requests };
}
