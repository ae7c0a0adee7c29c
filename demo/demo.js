// The demo's live panel: reads consent-gate's public API only.
// (The drop-in runtime may start after this script runs, once the vendors' files it checks the config
// against have arrived: it says so with the window event consent-gate:ready.)
function demoPanel() {
  var gate = window.consentGate;
  var vendor = JSON.parse(document.getElementById('demo-vendor').textContent);
  if (!gate || typeof gate.decisions !== 'function') {
    document.getElementById('chat-status').textContent = 'consent-gate did not start: see the browser console.';
    return;
  }
  var events = [];
  function log(text) {
    events.unshift(new Date().toLocaleTimeString() + '  ' + text);
    events.length = Math.min(events.length, 30);
  }
  function list(id, items) {
    var el = document.getElementById(id);
    el.textContent = '';
    if (!items.length) items = [['none', '']];
    items.forEach((item) => {
      var li = document.createElement('li');
      li.textContent = item[0];
      if (item[1]) li.className = item[1];
      el.appendChild(li);
    });
  }
  function render() {
    var d = gate.decisions();
    list(
      'decisions',
      ['functional', 'analytics', 'marketing'].map((p) => [
        p + ': ' + (d.purposes[p] ? 'granted' : d.decided ? 'refused' : 'not asked yet'),
        d.purposes[p] ? 'yes' : 'no',
      ]),
    );
    var s = gate.chat(vendor.id).status();
    document.getElementById('chat-status').textContent =
      vendor.title +
      ' chat: ' +
      s.state +
      (s.reason ? ' (' + s.reason + ')' : '') +
      ', widget ' +
      (s.loaded ? 'on the page' : 'not loaded') +
      '.';
    var cookies = document.cookie
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => [c.length > 70 ? c.slice(0, 70) + '…' : c, '']);
    var keys = [];
    try {
      keys = Object.keys(localStorage)
        .sort()
        .map((k) => ['localStorage: ' + k, '']);
    } catch (_e) {
      keys = [];
    }
    list('cookies', cookies.concat(keys));
    list(
      'blocked',
      gate.blocked().map((b) => [b.kind + ' ' + b.target + ' (' + b.vendor + ', ' + b.purpose + ')', '']),
    );
    list(
      'events',
      events.map((e) => [e, '']),
    );
  }
  gate.on('change', (e) => {
    log('change from ' + e.source + ': +' + (e.granted.join(',') || '–') + ' −' + (e.revoked.join(',') || '–'));
    render();
  });
  gate.on('revoked', (e) => {
    log('revoked ' + e.purposes.join(',') + ' for ' + e.vendor + ': chat reset, cookies swept');
    render();
  });
  gate.on('blocked', () => {
    render();
  });
  vendor.events.forEach((name) => {
    gate.chat(vendor.id).on(name, () => {
      log(vendor.title + ' event: ' + name);
      render();
    });
  });
  document.addEventListener('click', (event) => {
    var act = event.target.closest?.('[data-act]');
    if (!act) return;
    var parts = act.getAttribute('data-act').split(':');
    gate[parts[0]](parts[1]);
  });
  // a tag of the site writes one of the vendor's cookies or keys: the guard holds it back until its purpose is granted
  document.getElementById('tag').addEventListener('click', () => {
    var t = vendor.tag;
    var written;
    if (t.kind === 'cookie') {
      document.cookie = t.name + '=demo.tag.write; path=/; max-age=3600';
      written = document.cookie.split(/;\s*/).some((c) => c.indexOf(t.name + '=') === 0);
    } else {
      try {
        localStorage.setItem(t.name, 'demo.tag.write');
      } catch (_e) {
        // a blocked write may throw or be dropped: either way, nothing is stored
      }
      written = localStorage.getItem(t.name) !== null;
    }
    log(written ? 'a tag wrote ' + t.name + ' (' + t.purpose + ' is granted)' : 'a tag tried to write ' + t.name + ': held back');
    render();
  });
  var failure = document.getElementById('failure');
  if (failure)
    failure.addEventListener('change', (event) => {
      var mode = event.target.value;
      fetch(mode ? '/emulator/fail?host=js.usemessages.com&mode=' + mode : '/emulator/restore?host=js.usemessages.com').then(() => {
        log(mode ? 'emulator: chat script will ' + event.target.selectedOptions[0].textContent : 'emulator: chat script loads normally');
        render();
      });
    });
  setInterval(render, 1000);
  render();
}
// (in a task of its own: the panel is the page's work; inside the ready event, Lighthouse counts it to consent-gate's file)
if (window.consentGate && typeof window.consentGate.decisions === 'function') demoPanel();
else addEventListener('consent-gate:ready', () => setTimeout(demoPanel), { once: true });

// The business-hours switch: the config is read once per page, so a new choice reloads the page with ?hours=.
(function hoursSwitch() {
  var select = document.getElementById('hours');
  if (!select) return;
  select.addEventListener('change', () => {
    var url = new URL(location.href);
    if (select.value) url.searchParams.set('hours', select.value);
    else url.searchParams.delete('hours');
    location.assign(url.href);
  });
})();

// The shop's own cookies (the Blog page, <body data-site-cookies>), written as a shop's own code writes them, declared
// in its config (SITE_SERVICES in server.mjs): a cart id it needs from the first page, and the reader's language only
// once functional cookies are granted. `?plant=undeclared` makes the page write a cookie nobody declared, as a tag
// pasted without telling the consent manager would: `consent-gate scan` names it.
(function siteCookies() {
  if (!document.body?.hasAttribute('data-site-cookies')) return;
  function has(name) {
    return document.cookie.split(/;\s*/).some((c) => c.indexOf(name + '=') === 0);
  }
  if (!has('cart')) document.cookie = 'cart=' + Math.random().toString(36).slice(2, 10) + '; path=/; max-age=604800; samesite=lax';
  if (new URLSearchParams(location.search).get('plant') === 'undeclared')
    document.cookie = 'blog_visitor=' + Date.now().toString(36) + '; path=/; max-age=86400; samesite=lax';
  function language() {
    var gate = window.consentGate;
    if (gate?.decisions().purposes.functional && !has('shop_lang'))
      document.cookie = 'shop_lang=' + (navigator.language || 'en').slice(0, 2) + '; path=/; max-age=31536000; samesite=lax';
  }
  function start() {
    language();
    window.consentGate.on('change', language);
  }
  if (window.consentGate && typeof window.consentGate.decisions === 'function') start();
  else addEventListener('consent-gate:ready', start, { once: true });
})();
