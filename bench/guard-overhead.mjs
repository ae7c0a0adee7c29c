// Section 2: what the head guard costs a DOM-heavy page, in Chromium.
// Variants: no guard, consent-gate's guard (the HubSpot guard, dist/consent-gate-guard-hubspot-conversations.js, as
// built now), yett 0.1.13 (blacklist of the same vendor hosts). The page
// makes 5,000 document.cookie writes and 5,000 reads, then inserts 10,000
// elements of non-vendor hosts one by one (divs, images, scripts, iframes, each
// kind in its own container); each phase is timed in the page with
// performance.now(), up to the microtask checkpoint after it, so observers a
// guard registers (MutationObserver) are counted too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { html, openSite, ROOT } from './lib/browser.mjs';
import { orderFor, round, summary } from './lib/stats.mjs';
import { GUARD } from './lib/pages.mjs';

export const MIX = { div: 5470, img: 2500, script: 2000, iframe: 30 };
/** cheap phases are repeated this many times in the page and the fastest repetition kept, which filters out moments when other processes hold the CPU */
export const REPEAT = 3;
// 10,000 cookie operations: 5,000 writes, then 5,000 reads (each read is a synchronous
// round trip to the browser's cookie store, about 0.25 ms on this machine)
export const COOKIE_OPS = 5000;
export const PHASES = [
  'cookieWritesMs',
  'cookieReadsMs',
  'divsMs',
  'imagesMs',
  'scriptsMs',
  'iframesMs',
  'ownFramesMs',
  'noFramesMs',
  'elementsMs',
  'totalMs',
];

const CONFIG = { vendors: { 'hubspot-conversations': { portalId: '1234567' } }, policyVersion: 'bench' };
// vendor hosts for yett, taken from the same catalog rows consent-gate blocks (HubSpot)
const YETT_PATTERNS = [
  'hs-scripts\\.com',
  'usemessages\\.com',
  'hs-analytics\\.net',
  'hubspot\\.com',
  'hs-banner\\.com',
  'hscollectedforms\\.net',
  'hsadspixel\\.net',
  'hsleadflows\\.net',
];

const HEADS = {
  'no guard': '',
  'consent-gate guard': `<script>window.consentGateConfig = ${JSON.stringify(CONFIG)};</script><script src="/dist/${GUARD}"></script>`,
  yett: `<script>window.YETT_BLACKLIST = [${YETT_PATTERNS.map((p) => `/${p}/`).join(', ')}];</script><script src="/peers/yett.min.js"></script>`,
};

const WORKLOAD = `
<script>
(function () {
  var mix = ${JSON.stringify(MIX)};
  var hosts = { img: 'https://img.cdn-assets.test/p/', script: 'https://static.cdn-assets.test/js/', iframe: 'https://embed.shop-widgets.test/frame/' };
  // each kind in its own fresh container, so the cost per kind shows; 'own': as many frames as 'iframe', of the page's
  // own origin (no URL: about:blank), whose windows a guard that protects child windows must touch at once (not among
  // the 10,000 elements)
  var roots = {};
  function inserter(kind) {
    return function () {
      if (roots[kind]) roots[kind].remove();
      var root = (roots[kind] = document.createElement('div'));
      document.body.appendChild(root);
      for (var i = 0; i < mix[kind === 'own' ? 'iframe' : kind]; i++) {
        var el = document.createElement(kind === 'own' ? 'iframe' : kind);
        if (kind === 'div') el.textContent = 'item ' + i;
        else if (kind === 'img') { el.src = hosts.img + (i % 8) + '.gif'; el.width = 1; el.height = 1; el.alt = ''; }
        else if (kind === 'script') { el.src = hosts.script + (i % 8) + '.js'; el.async = true; }
        else { if (kind === 'iframe') el.src = hosts.iframe + (i % 8) + '.html'; el.width = 1; el.height = 1; el.title = 'frame'; }
        root.appendChild(el);
      }
    };
  }
  function cookieWrites() {
    for (var i = 0; i < ${COOKIE_OPS}; i++) document.cookie = 'bench_' + (i % 20) + '=' + i + '; path=/; SameSite=Lax';
  }
  var reads = 0;
  function cookieReads() {
    for (var i = 0; i < ${COOKIE_OPS}; i++) if (document.cookie.indexOf('bench_') >= 0) reads++;
  }
  function tick() { return new Promise(function (r) { Promise.resolve().then(r); }); }
  async function timed(fn, times) {
    var best = Infinity;
    for (var k = 0; k < times; k++) { var t = performance.now(); fn(); await tick(); best = Math.min(best, performance.now() - t); }
    return best;
  }
  async function run() {
    var r = {};
    // cookies first, while no subresource is loading (pending loads slow the cookie store's answers)
    r.cookieWritesMs = await timed(cookieWrites, ${REPEAT});
    r.cookieReadsMs = await timed(cookieReads, 1);
    r.divsMs = await timed(inserter('div'), ${REPEAT});
    r.imagesMs = await timed(inserter('img'), ${REPEAT});
    r.scriptsMs = await timed(inserter('script'), ${REPEAT});
    r.iframesMs = await timed(inserter('iframe'), ${REPEAT});
    r.ownFramesMs = await timed(inserter('own'), ${REPEAT});
    // (a frame's cost is mostly the browser making its window's script context; these frames are of another origin,
    // whose window a guard need not touch until code reaches it)
    r.noFramesMs = r.divsMs + r.imagesMs + r.scriptsMs;
    r.elementsMs = r.noFramesMs + r.iframesMs;
    r.totalMs = r.elementsMs + r.cookieWritesMs + r.cookieReadsMs;
    r.inserted = roots.div.children.length + roots.img.children.length + roots.script.children.length + roots.iframe.children.length;
    r.cookieReads = reads;
    // integrity probe, after the timing: a HubSpot chat script, which a working guard holds back
    var probe = document.createElement('script');
    probe.src = 'https://js.usemessages.com/conversations-embed.js';
    document.head.appendChild(probe);
    window.__bench = r;
  }
  run();
})();
</script>`;

const tiny = {
  'img.cdn-assets.test': () => ({
    body: Buffer.from('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==', 'base64'),
    contentType: 'image/gif',
  }),
  'static.cdn-assets.test': () => ({ body: 'window.__s=(window.__s||0)+1;', contentType: 'text/javascript' }),
  'embed.shop-widgets.test': () => ({ body: '<!doctype html><p>frame</p>', contentType: 'text/html' }),
  'js.usemessages.com': () => ({ body: 'window.__probeRan = true;', contentType: 'text/javascript' }),
};

/** The head of a page whose guard is a site's own file (`consent-gate bundle`), served from `dirs`. */
export function siteGuardHead(config, guardPath) {
  return `<script>window.consentGateConfig = ${JSON.stringify(config)};</script><script src="${guardPath}"></script>`;
}

async function once(browser, variant, heads = HEADS, dirs = {}) {
  const yett = readFileSync(join(ROOT, 'node_modules/yett/dist/yett.min.js'));
  const site = await openSite(browser, {
    pages: { '/': html(WORKLOAD, heads[variant]), '/peers/yett.min.js': { body: yett, contentType: 'text/javascript' } },
    hosts: tiny,
    dirs,
  });
  try {
    await site.page.goto(site.url('/'), { waitUntil: 'commit' });
    await site.page.waitForFunction(() => window.__bench, null, { timeout: 60_000, polling: 50 });
    const result = await site.page.evaluate(() => window.__bench);
    if (result.inserted !== Object.values(MIX).reduce((a, b) => a + b, 0))
      throw new Error(`${variant}: only ${result.inserted} elements were inserted`);
    if (result.cookieReads !== COOKIE_OPS)
      throw new Error(`${variant}: the page could not read its own cookies back (${result.cookieReads}/${COOKIE_OPS})`);
    // the guards must be armed, or the comparison means nothing
    await site.page.waitForTimeout(250);
    const probed = site.requests.some((r) => r.host === 'js.usemessages.com');
    if (variant === 'no guard' && !probed)
      throw new Error('no guard: the probe script was not requested, so the probe cannot tell a working guard');
    if (variant !== 'no guard' && probed)
      throw new Error(`${variant}: a HubSpot script got through, so this variant is not guarding and its timing would mean nothing`);
    return result;
  } finally {
    await site.close();
  }
}

/**
 * `extra`: more variants, name → page head (e.g. guards made for 4 or 12
 * vendors, see growth.mjs), whose files are served from `dirs`; they run in
 * the same rounds as the others, so their ratios are to the same no-guard runs.
 */
export async function guardOverhead(browser, { runs = 10, log = () => undefined, extra = {}, dirs = {} } = {}) {
  const heads = { ...HEADS, ...extra };
  const variants = Object.keys(heads);
  await once(browser, 'no guard'); // warm-up of the browser, discarded
  const samples = Object.fromEntries(variants.map((v) => [v, []]));
  for (let i = 0; i < runs; i++) {
    for (const v of orderFor(variants, i)) samples[v].push(await once(browser, v, heads, dirs));
    log(`guard overhead: run ${i + 1}/${runs}`);
  }
  const out = { mix: MIX, cookieWrites: COOKIE_OPS, cookieReads: COOKIE_OPS, repeat: REPEAT, runs, variants: {} };
  for (const v of variants) {
    const per = (key) => summary(samples[v].map((s) => s[key]));
    // ratio of each run against the no-guard run of the same round
    const ratio = (key) => summary(samples[v].map((s, i) => s[key] / samples['no guard'][i][key]));
    out.variants[v] = Object.fromEntries(
      PHASES.flatMap((k) => [
        [k, per(k)],
        [k.replace(/Ms$/, 'Ratio'), ratio(k)],
      ]),
    );
  }
  out.note = `ratios are per round (variant ÷ no guard of the same round), then median/min/max over ${runs} rounds`;
  return out;
}

export { round, once as __once };

// `node bench/guard-overhead.mjs [runs]`: this section alone, on dist/ as built (for measuring a change to the guard).
if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const { launchBrowser } = await import('./lib/browser.mjs');
  const browser = await launchBrowser();
  try {
    const out = await guardOverhead(browser, { runs: Number(process.argv[2] ?? 3), log: console.log });
    for (const [variant, phases] of Object.entries(out.variants)) {
      const cells = ['cookieWrites', 'divs', 'images', 'scripts', 'iframes', 'ownFrames', 'elements', 'total'].map(
        (k) => `${k} ×${round(phases[k + 'Ratio'].median)}`,
      );
      console.log(variant.padEnd(20), cells.join('  '));
    }
  } finally {
    await browser.close();
  }
}
