// Section 3: what a page pays before the visitor clicks the chat, in
// Chromium: HubSpot's standard embed (emulated, scripts padded to transfer
// sizes, see hubspot-sizes.mjs) against consent-gate's facade (returning
// visitor who allowed the chat earlier: consent-gate still loads nothing of
// HubSpot before the click). Measured from navigation until the load event
// plus 5 s of idle.
import { openSite } from './lib/browser.mjs';
import { consentGatePage, hubspotEmbedPage, visitorState } from './lib/pages.mjs';
import { orderFor, summary } from './lib/stats.mjs';
import { hubspotSizes, padOf } from './hubspot-sizes.mjs';

export const IDLE_MS = 5000;
const VENDOR_HOST =
  /(^|\.)(hs-scripts\.com|usemessages\.com|hs-analytics\.net|hubspot\.com|hs-banner\.com|hscollectedforms\.net|hsadspixel\.net)$/;

// registered before any page script, in every document: long tasks and layout shifts
const OBSERVE = `(() => {
  const m = (window.__cost = { longTasks: 0, longTaskMs: 0, blockingMs: 0, cls: 0 });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { m.longTasks++; m.longTaskMs += e.duration; m.blockingMs += Math.max(0, e.duration - 50); }
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) m.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) { m.error = String(e); }
})();`;

async function once(browser, variant, { emulatorFactory, states }) {
  const hubspot = emulatorFactory();
  const page = variant === 'HubSpot standard embed' ? hubspotEmbedPage() : consentGatePage();
  const site = await openSite(browser, {
    pages: { '/': page },
    hosts: hubspot.handlers,
    storageState: variant === 'HubSpot standard embed' ? undefined : states.allowedChat,
  });
  try {
    await site.page.addInitScript(OBSERVE);
    await site.page.goto(site.url('/'), { waitUntil: 'load' });
    await site.page.waitForTimeout(IDLE_MS);
    const m = await site.page.evaluate(() => window.__cost);
    if (m.error) throw new Error(`performance observers unavailable: ${m.error}`);
    const reqs = site.requests;
    return {
      requests: reqs.length,
      bytes: reqs.reduce((s, r) => s + r.bytes, 0),
      vendorRequests: reqs.filter((r) => VENDOR_HOST.test(r.host)).length,
      vendorBytes: reqs.filter((r) => VENDOR_HOST.test(r.host)).reduce((s, r) => s + r.bytes, 0),
      longTasks: m.longTasks,
      longTaskMs: m.longTaskMs,
      blockingMs: m.blockingMs,
      cls: m.cls,
      urls: reqs.map((r) => `${r.status} ${r.host}${r.path} ${r.bytes}`),
    };
  } finally {
    await site.close();
  }
}

export async function pageCost(browser, { runs = 10, log = () => undefined, emulator } = {}) {
  const sizes = hubspotSizes();
  const emulatorFactory = () => emulator({ pad: padOf(sizes) });
  const states = { allowedChat: await visitorState(browser, emulatorFactory().handlers, { grant: ['functional'] }) };
  const variants = ['HubSpot standard embed', 'consent-gate facade'];
  const samples = Object.fromEntries(variants.map((v) => [v, []]));
  for (let i = 0; i < runs; i++) {
    for (const v of orderFor(variants, i)) samples[v].push(await once(browser, v, { emulatorFactory, states }));
    log(`page cost: run ${i + 1}/${runs}`);
  }
  const out = { runs, idleMs: IDLE_MS, hubspotSizes: sizes, variants: {} };
  for (const v of variants) {
    const per = (key) => summary(samples[v].map((s) => s[key]));
    out.variants[v] = {
      requests: per('requests'),
      bytes: per('bytes'),
      vendorRequests: per('vendorRequests'),
      vendorBytes: per('vendorBytes'),
      longTasks: per('longTasks'),
      longTaskMs: per('longTaskMs'),
      blockingMs: per('blockingMs'),
      cls: per('cls'),
      requestList: samples[v][0].urls,
    };
  }
  const ratio = (key) => {
    const a = out.variants['consent-gate facade'][key].median;
    const b = out.variants['HubSpot standard embed'][key].median;
    return b === 0 ? null : a / b;
  };
  out.ratios = { requests: ratio('requests'), bytes: ratio('bytes'), longTaskMs: ratio('longTaskMs') };
  out.note =
    "bytes: own-origin files counted at their gzip size, emulated HubSpot scripts at the padded (transfer) size; the emulated scripts do not reproduce HubSpot's CPU work, and the chat iframe's own app bundle is not emulated, so HubSpot's real cost is higher than shown";
  return out;
}
