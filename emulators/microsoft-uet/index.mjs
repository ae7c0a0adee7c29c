/**
 * A test double of Microsoft Advertising UET (bat.js), written from the
 * project's tag-facts reference (§6) and standards-facts §1 (UET consent
 * mode): Microsoft's snippet as copied, the consent calls and what `denied`
 * means, the cookie and key names third parties report (unverified, modelled
 * as reported).
 *
 *   const uet = uetEmulator();                  // { enforced: true }: EEA, UK, CH
 *   openSite(browser, { hosts: uet.handlers });
 *   uet.hits()   // every beacon: { ti, event, consent: 'G' | 'D', vid }
 *
 * What it models:
 * - bat.js defines `window.UET`. The snippet's onload does
 *   `uetq = new UET({ ti, q: uetq })` and `uetq.push('pageLoad')`; the new
 *   object runs the commands waiting in the old array in order. `uetq` is a
 *   flat array: `uetq.push('consent', 'default', { ad_storage })` adds three
 *   items, which UET reads back as one command ('consent' and 'event' take two
 *   arguments, 'set' one, 'pageLoad' none; an object alone is a custom event).
 * - Consent mode: `ad_storage` unset counts as granted, or as denied with
 *   `enforced` (where Microsoft enforces consent mode). Granted: `_uetsid`
 *   (1 day) and `_uetvid` (13 months) on the highest domain the browser
 *   accepts, their localStorage copies (`_uetsid`, `_uetsid_exp`, `_uetvid`,
 *   `_uetvid_exp`), and `_uetmsclkid` when the URL has `?msclkid=`. Denied:
 *   first-party cookies are neither read nor written. An update applies at
 *   once; a denial deletes nothing.
 * - Beacons: `bat.bing.com/action/0?ti=…&Ver=2&evt=pageLoad|custom&asc=G|D&vid=…`
 *   (images). `asc` is the emulator's marker for the consent state a beacon
 *   was sent under; a denied beacon carries no `sid`/`vid`.
 * Every command is logged in `window.__uetEmu`; every request in `requests`.
 */
import { DEFAULT_BASE, gif, handlersFor, js, pageScript } from '../_kit.mjs';

const UET_HOST = 'bat.bing.com';
const UET_HOSTS = [UET_HOST];

function batMain(cfg, kit) {
  var w = window;
  var emu = (w.__uetEmu = w.__uetEmu || { commands: [], sent: [], tags: [], loads: 0 });
  emu.loads++;
  if (typeof w.UET === 'function') return;
  var top = null;
  function domain() {
    if (top === null) top = kit.topDomain('_uet_probe');
    return top;
  }

  function UET(o) {
    this.ti = String(o.ti);
    this.consent = null;
    emu.tags.push(this.ti);
    var q = Array.isArray(o.q) ? o.q.slice() : [];
    this.run(q);
  }
  UET.prototype.granted = function () {
    return (this.consent || (cfg.enforced ? 'denied' : 'granted')) === 'granted';
  };
  UET.prototype.ids = function () {
    if (!this.granted()) return null;
    var dom = domain();
    var sid = kit.getCookie('_uetsid') || kit.hex(32);
    var vid = kit.getCookie('_uetvid') || kit.hex(32);
    kit.setCookie('_uetsid', sid, 86400, dom);
    kit.setCookie('_uetvid', vid, 13 * 2629800, dom);
    var msclkid = new URLSearchParams(location.search).get('msclkid');
    if (msclkid) kit.setCookie('_uetmsclkid', '_uet' + msclkid, 90 * 86400, dom);
    try {
      var now = Date.now();
      localStorage.setItem('_uetsid', sid);
      localStorage.setItem('_uetsid_exp', String(now + 86400000));
      localStorage.setItem('_uetvid', vid);
      localStorage.setItem('_uetvid_exp', String(now + 13 * 2629800000));
    } catch (_e) {
      /* no storage */
    }
    return { sid: sid, vid: vid };
  };
  UET.prototype.beacon = function (evt, params) {
    var ids = this.ids();
    var q = {
      ti: this.ti,
      Ver: 2,
      mid: kit.hex(8),
      evt: evt,
      asc: this.granted() ? 'G' : 'D',
      sid: ids ? ids.sid : undefined,
      vid: ids ? ids.vid : undefined,
      p: location.href,
    };
    for (var k in params || {}) q[k] = params[k];
    emu.sent.push({ evt: evt, asc: q.asc });
    kit.pixel(kit.url(cfg.hostBase, cfg.host, '/action/0?' + kit.query(q)));
  };
  UET.prototype.command = function (name, args) {
    emu.commands.push(kit.plain([name].concat(args)));
    if (name === 'consent') {
      var before = this.granted();
      var state = args[1]?.ad_storage;
      if (args[0] === 'default' && this.consent === null && state) this.consent = state;
      if (args[0] === 'update' && state) this.consent = state;
      if (!before && this.granted()) this.ids();
    } else if (name === 'pageLoad') this.beacon('pageLoad');
    else if (name === 'event') this.beacon('custom', { ea: args[0], ec: args[1]?.event_category, gv: args[1]?.revenue_value });
    else if (name === 'set') emu.set = kit.plain(args[0]);
    else if (name && typeof name === 'object') this.beacon('custom', name);
  };
  /** Read a flat queue back into commands. */
  UET.prototype.run = function (items) {
    var arity = { consent: 2, event: 2, set: 1, pageLoad: 0 };
    for (var i = 0; i < items.length; ) {
      var head = items[i];
      var n = typeof head === 'string' && head in arity ? arity[head] : 0;
      this.command(head, items.slice(i + 1, i + 1 + n));
      i += 1 + n;
    }
  };
  UET.prototype.push = function () {
    this.run(kit.list(arguments));
  };
  w.UET = UET;
}

export function uetEmulator(options = {}) {
  const hostBase = options.hostBase ?? DEFAULT_BASE;
  const enforced = options.enforced === true;
  const requests = [];
  function answer(url) {
    if (url.pathname === '/bat.js') return js(pageScript(batMain, { hostBase, host: UET_HOST, enforced }));
    if (url.pathname === '/action/0') return gif();
    return null;
  }
  return {
    handlers: handlersFor(UET_HOSTS, answer, requests),
    requests,
    /** Every beacon received, in order. */
    hits() {
      return requests
        .map((u) => new URL(u))
        .filter((u) => u.pathname === '/action/0')
        .map((u) => ({
          ti: u.searchParams.get('ti'),
          event: u.searchParams.get('evt'),
          consent: u.searchParams.get('asc'),
          vid: u.searchParams.get('vid'),
        }));
    },
    answer,
  };
}
