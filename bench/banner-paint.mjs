// The banner's cost to the first paint, measured in Chromium as Lighthouse's
// mobile profile sets it up: a 412 × 823 phone screen, 4× CPU slowdown
// (CDP Emulation.setCPUThrottlingRate) and a slow 4G link (150 ms, 1.6 Mbps),
// on the demo's home page, first visit (banner shown).
//
// Reports, per run: the LCP element (and whether it is the banner's), the
// long tasks (> 50 ms, PerformanceObserver 'longtask'), and the longest
// script run from consent-gate's files inside any long animation frame
// (PerformanceObserver 'long-animation-frame', which names each script).
//
//   node bench/banner-paint.mjs [runs]        (needs `npm run build`)
import { chromium } from 'playwright-core';
import { CHROME_ARGS } from '../cli/chromium.mjs';
import { createDemoServer, listen } from '../demo/server.mjs';

const OBSERVE = `
window.__paint = { lcp: [], longtasks: [], frames: [] };
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__paint.lcp.push({ t: e.startTime, size: e.size, el: e.element ? (e.element.closest('#consent-gate-banner') ? 'banner: ' : 'page: ') + e.element.tagName.toLowerCase() + ' ' + (e.element.textContent || '').trim().slice(0, 40) : '(removed)' }); }).observe({ type: 'largest-contentful-paint', buffered: true });
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__paint.longtasks.push({ t: e.startTime, d: e.duration }); }).observe({ type: 'longtask', buffered: true });
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__paint.frames.push({ t: e.startTime, d: e.duration, scripts: e.scripts.map((s) => ({ src: s.sourceURL, d: s.duration, fn: s.sourceFunctionName, inv: s.invoker, layout: s.forcedStyleAndLayoutDuration, compile: s.executionStart - s.startTime })), render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0, style: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0 }); }).observe({ type: 'long-animation-frame', buffered: true });
`;

export async function measureBannerPaint({ runs = 5, url } = {}) {
  const server = url ? null : createDemoServer({ env: {} });
  const base = url ?? (await listen(server, 0));
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_ARGS });
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        viewport: { width: 412, height: 823 },
        deviceScaleFactor: 1.75,
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await page.addInitScript(OBSERVE);
      await page.goto(base, { waitUntil: 'load' });
      await page.locator('#consent-gate-banner .cookie-notice').waitFor({ state: 'visible', timeout: 30_000 });
      // let the notice paint and the observers report
      await page.waitForTimeout(1500);
      const paint = await page.evaluate(() => window.__paint);
      const ours = paint.frames.flatMap((f) => f.scripts).filter((s) => /consent-gate/.test(s.src));
      const lcp = paint.lcp.at(-1);
      results.push({
        lcp: lcp ? { element: lcp.el, at: Math.round(lcp.t), size: lcp.size } : null,
        bannerIsLcp: !!lcp && lcp.el.startsWith('banner'),
        candidates: paint.lcp.map((c) => `${Math.round(c.t)} ms ${c.size} px² ${c.el}`),
        longTasks: paint.longtasks.map((t) => Math.round(t.d)),
        longestOurs: ours.length ? Math.round(Math.max(...ours.map((s) => s.d))) : 0,
        oursInLongFrames: ours.map(
          (s) =>
            `${s.src.replace(/^.*\//, '')} ${Math.round(s.d)} ms (${s.inv}; forced layout ${Math.round(s.layout)}, compile ${Math.round(s.compile)})`,
        ),
        frames: paint.frames
          .filter((f) => f.scripts.some((s) => /banner/.test(s.src)))
          .map((f) => `${Math.round(f.d)} ms frame, style+layout ${Math.round(f.style)}`),
      });
      await context.close();
    }
  } finally {
    await browser.close();
    if (server) await new Promise((r) => server.close(r));
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureBannerPaint({ runs: Number(process.argv[2] ?? 5) });
  console.log(JSON.stringify(results, null, 2));
}
