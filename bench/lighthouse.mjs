// Section 5: Lighthouse 12.8.2 on the demo (demo/server.mjs on a free port of
// this machine: files compressed and cached as a real site serves them).
//
//  - Performance on the home page, first visit (Lighthouse clears storage
//    before each run, so the banner shows), with its mobile preset (simulated
//    slow 4G and 4× CPU slowdown, a phone screen) and its desktop preset:
//    score, LCP and its element, TBT, CLS; and what of the blocking time comes
//    from consent-gate's files: Lighthouse's `long-tasks` audit attributes each
//    main-thread task over 50 ms to a script URL, and the time over 50 ms of
//    tasks attributed to /dist/consent-gate* is the blocking time of ours.
//    `runs` runs per preset, presets alternated; medians.
//  - Accessibility on each page of the demo (home, product, help) and on the
//    home page with each other chat vendor, once each (the audits are not timed).
//
// Lighthouse 12.8.2 runs on Node 20 (13.x needs Node 22). Chromium is the
// machine's (CHROME_PATH or /usr/bin/chromium), launched by chrome-launcher
// with the flags of every consent-gate tool.
//
//   node bench/lighthouse.mjs [runs]          (needs `npm run build`)
import { CHROME_ARGS, chromePath } from './lib/browser.mjs';
import { orderFor, summary } from './lib/stats.mjs';

export const VERSION = '12.8.2';
export const PRESETS = ['mobile', 'desktop'];
/** The demo's pages for the accessibility audit: every page, and the home page with each other vendor. */
export const A11Y_PAGES = ['/', '/product/', '/help/', '/?vendor=web1on1', '/?vendor=intercom', '/?vendor=crisp'];
const OURS = /\/dist\/consent-gate[^/]*\.js/;
/** The banner's elements: its root and Klaro's notice and dialog. */
const BANNER = /consent-gate-banner|cookie-notice|cookie-modal|\bcn-|klaro/;

async function tools() {
  const [{ default: lighthouse, desktopConfig }, chromeLauncher, { createDemoServer, listen }] = await Promise.all([
    import('lighthouse'),
    import('chrome-launcher'),
    import('../demo/server.mjs'),
  ]);
  return { lighthouse, desktopConfig, chromeLauncher, createDemoServer, listen };
}

/** The numbers of one performance run. */
export function performanceOf(lhr) {
  const audit = (id) => lhr.audits[id];
  const lcpNode = audit('largest-contentful-paint-element')?.details?.items?.[0]?.items?.[0]?.node;
  const element = lcpNode ? `${lcpNode.selector ?? ''}${lcpNode.nodeLabel ? ` ("${String(lcpNode.nodeLabel).slice(0, 60)}")` : ''}` : null;
  const tasks = (audit('long-tasks')?.details?.items ?? []).filter((t) => typeof t.url === 'string' && OURS.test(t.url));
  const bootup = (audit('bootup-time')?.details?.items ?? []).filter((t) => typeof t.url === 'string' && OURS.test(t.url));
  return {
    score: lhr.categories.performance?.score ?? null,
    lcpMs: audit('largest-contentful-paint')?.numericValue ?? null,
    fcpMs: audit('first-contentful-paint')?.numericValue ?? null,
    tbtMs: audit('total-blocking-time')?.numericValue ?? null,
    cls: audit('cumulative-layout-shift')?.numericValue ?? null,
    lcpElement: element,
    bannerIsLcp: !!lcpNode && BANNER.test(`${lcpNode.selector ?? ''} ${lcpNode.path ?? ''} ${lcpNode.snippet ?? ''}`),
    ourLongTasks: tasks.map((t) => ({ file: t.url.replace(/^.*\/dist\//, ''), ms: Math.round(t.duration) })),
    ourLongestTaskMs: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
    ourBlockingMs: tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
    ourCpuMs: bootup.reduce((s, t) => s + (t.total ?? 0), 0),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    warnings: lhr.runWarnings ?? [],
  };
}

/** Failing accessibility audits of a run: id and title. */
export function accessibilityOf(lhr) {
  const failing = Object.values(lhr.audits).filter(
    (a) => a.scoreDisplayMode === 'binary' && a.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id),
  );
  return { score: lhr.categories.accessibility.score, failing: failing.map((a) => ({ id: a.id, title: a.title })) };
}

export async function lighthouseDemo({ runs = 5, log = () => undefined } = {}) {
  const { lighthouse, desktopConfig, chromeLauncher, createDemoServer, listen } = await tools();
  const server = createDemoServer({ env: {} });
  const base = await listen(server, 0);
  const chrome = await chromeLauncher.launch({ chromePath: chromePath(), chromeFlags: CHROME_ARGS, logLevel: 'silent' });
  const flags = { port: chrome.port, output: 'json', logLevel: 'error' };
  try {
    const samples = Object.fromEntries(PRESETS.map((p) => [p, []]));
    for (let i = 0; i < runs; i++) {
      for (const preset of orderFor(PRESETS, i)) {
        const result = await lighthouse(
          base,
          { ...flags, onlyCategories: ['performance'] },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        if (result.lhr.runtimeError) throw new Error(`Lighthouse ${preset}: ${result.lhr.runtimeError.message}`);
        samples[preset].push(performanceOf(result.lhr));
      }
      log(`lighthouse: run ${i + 1}/${runs}`);
    }
    const accessibility = {};
    for (const path of A11Y_PAGES) {
      const result = await lighthouse(new URL(path, base).toString(), { ...flags, onlyCategories: ['accessibility'] });
      accessibility[path] = accessibilityOf(result.lhr);
    }
    log('lighthouse: accessibility of the demo pages');
    const presets = {};
    for (const preset of PRESETS) {
      const s = samples[preset];
      const per = (key) => summary(s.map((x) => x[key]));
      const elements = {};
      for (const x of s) elements[x.lcpElement ?? '(none)'] = (elements[x.lcpElement ?? '(none)'] ?? 0) + 1;
      presets[preset] = {
        score: per('score'),
        lcpMs: per('lcpMs'),
        fcpMs: per('fcpMs'),
        tbtMs: per('tbtMs'),
        cls: per('cls'),
        ourBlockingMs: per('ourBlockingMs'),
        ourLongestTaskMs: per('ourLongestTaskMs'),
        ourCpuMs: per('ourCpuMs'),
        benchmarkIndex: per('benchmarkIndex'),
        lcpElements: elements,
        bannerIsLcpRuns: s.filter((x) => x.bannerIsLcp).length,
        ourLongTasks: s.map((x) => x.ourLongTasks),
        warnings: [...new Set(s.flatMap((x) => x.warnings))],
      };
    }
    return { version: VERSION, url: 'demo home page (/), first visit', runs, presets, accessibility };
  } finally {
    await chrome.kill();
    await new Promise((resolve) => server.close(resolve));
  }
}

if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await lighthouseDemo({ runs: Number(process.argv[2] ?? 1), log: console.log }), null, 2));
}
