/**
 * A test double of the LinkedIn Insight Tag (insight.min.js), written from
 * the project's tag-facts reference (§5): LinkedIn's snippet [L2], its
 * first-party click id [L1], and the cookie and key names third parties
 * report (unverified, modelled as reported).
 *
 *   const linkedin = linkedinInsightEmulator();
 *   openSite(browser, { hosts: linkedin.handlers });
 *   linkedin.hits()   // every /collect request: { partnerIds, conversionId, adsId }
 *
 * What it models:
 * - insight.min.js reads `_linkedin_data_partner_ids` (and
 *   `_linkedin_partner_id`), replaces the snippet's `lintrk` stub with the live
 *   function and runs the calls queued in `lintrk.q` in order.
 * - On load it writes `li_sugr` (90 days) and `ln_or` (1 day) on the highest
 *   domain the browser accepts, `li_fat_id` (30 days) when the landing URL has
 *   `?li_fat_id=`, and localStorage `li_adsId`; then sends a page view to
 *   `px.ads.linkedin.com/collect?v=2&fmt=js&pid=…` (an image).
 * - `lintrk('track', { conversion_id })` sends a conversion.
 * LinkedIn documents no consent API: nothing here reacts to one.
 * Every call is logged in `window.__linkedinEmu`; every request in `requests`.
 */
import { DEFAULT_BASE, gif, handlersFor, js, pageScript } from '../_kit.mjs';

const LINKEDIN_SCRIPT_HOST = 'snap.licdn.com';
const LINKEDIN_PIXEL_HOST = 'px.ads.linkedin.com';
const LINKEDIN_HOSTS = [LINKEDIN_SCRIPT_HOST, LINKEDIN_PIXEL_HOST, 'dc.ads.linkedin.com'];

function insightMain(cfg, kit) {
  var w = window;
  var emu = (w.__linkedinEmu = w.__linkedinEmu || { calls: [], sent: [], loads: 0 });
  emu.loads++;
  if (emu.running) return;
  emu.running = true;
  var ids = Array.isArray(w._linkedin_data_partner_ids) ? w._linkedin_data_partner_ids.slice() : [];
  if (w._linkedin_partner_id && ids.indexOf(String(w._linkedin_partner_id)) === -1) ids.push(String(w._linkedin_partner_id));
  emu.partnerIds = ids;
  var dom = kit.topDomain('li_probe');
  if (kit.getCookie('li_sugr') === null) kit.setCookie('li_sugr', kit.hex(8) + '-' + kit.hex(4) + '-' + kit.hex(4), 90 * 86400, dom);
  kit.setCookie('ln_or', 'eyIx' + kit.hex(6), 86400, dom);
  var clickId = new URLSearchParams(location.search).get('li_fat_id');
  if (clickId) kit.setCookie('li_fat_id', clickId, 30 * 86400, dom);
  var adsId = null;
  try {
    adsId = localStorage.getItem('li_adsId') || kit.hex(8) + '-' + kit.hex(4);
    localStorage.setItem('li_adsId', adsId);
  } catch (_e) {
    /* no storage */
  }
  function collect(extra) {
    var q = {
      v: 2,
      fmt: 'js',
      pid: ids.join(','),
      time: Date.now(),
      url: location.href,
      li_adsId: adsId || undefined,
      li_fat_id: kit.getCookie('li_fat_id') || undefined,
    };
    for (var k in extra || {}) q[k] = extra[k];
    emu.sent.push(extra?.conversionId ? 'conversion' : 'pageview');
    kit.pixel(kit.url(cfg.hostBase, cfg.pixelHost, '/collect?' + kit.query(q)));
  }
  function lintrk(action, data) {
    emu.calls.push(kit.plain([action, data]));
    if (action === 'track') collect({ conversionId: data?.conversion_id });
  }
  var queued = w.lintrk && Array.isArray(w.lintrk.q) ? w.lintrk.q.slice() : [];
  w.lintrk = lintrk;
  collect();
  for (var i = 0; i < queued.length; i++) lintrk(queued[i][0], queued[i][1]);
}

export function linkedinInsightEmulator(options = {}) {
  const hostBase = options.hostBase ?? DEFAULT_BASE;
  const requests = [];
  function answer(url) {
    if (url.host === LINKEDIN_SCRIPT_HOST)
      return url.pathname === '/li.lms-analytics/insight.min.js'
        ? js(pageScript(insightMain, { hostBase, pixelHost: LINKEDIN_PIXEL_HOST }))
        : null;
    return url.pathname === '/collect' || url.pathname === '/collect/' ? gif() : null;
  }
  return {
    handlers: handlersFor(LINKEDIN_HOSTS, answer, requests),
    requests,
    /** Every page view and conversion the collect endpoint received, in order. */
    hits() {
      return requests
        .map((u) => new URL(u))
        .filter((u) => u.pathname.startsWith('/collect'))
        .map((u) => ({
          partnerIds: (u.searchParams.get('pid') ?? '').split(',').filter(Boolean),
          conversionId: u.searchParams.get('conversionId'),
          adsId: u.searchParams.get('li_adsId'),
          noscript: u.searchParams.get('fmt') === 'gif',
        }));
    },
    answer,
  };
}
