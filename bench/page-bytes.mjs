// Section 1, page cases: which of our files a page actually fetches, found by
// opening the page in Chromium, each file counted at its min+gzip size
// (bench/size.mjs) and at the bytes a compressing server sends for it (gzip
// -9 of the file as built). No file list is assumed: if the build splits or
// merges files, the cases follow.
//
// Two totals per page: the files whose response ended before the load event
// (Resource Timing `responseEnd` ≤ navigation `loadEventStart`) and every
// file fetched until the page is idle (bench/lib/browser.mjs waitForIdle),
// idle-time prefetches included.
import { join } from 'node:path';
import { minGzipSize } from './size.mjs';
import { DIST, openSite, waitForIdle } from './lib/browser.mjs';
import { consentGatePage, visitorState } from './lib/pages.mjs';

const sizes = new Map();
/** min+gzip of a file, measured once per run (terser is slow on a busy machine). */
export function minGzipOnce(path) {
  if (!sizes.has(path)) sizes.set(path, minGzipSize(path));
  return sizes.get(path);
}

/**
 * Open `page` (a visitor with `storageState`), wait for `ready`, then for the
 * page to be idle, and list the files of ours it fetched: those under
 * `/dist/` and under each prefix of `dirs`.
 */
export async function measurePage(browser, { page, dirs = {}, hosts = {}, storageState, ready = async () => undefined }) {
  const site = await openSite(browser, { pages: { '/': page }, hosts, dirs, storageState });
  try {
    await site.page.goto(site.url('/'), { waitUntil: 'load' });
    await ready(site.page);
    const { idle } = await waitForIdle(site);
    const timing = await site.page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        loadEventStart: nav.loadEventStart,
        resources: performance.getEntriesByType('resource').map((r) => ({ url: r.name, responseEnd: r.responseEnd })),
      };
    });
    const roots = { '/dist/': DIST, ...dirs };
    const origin = site.url('/').replace(/\/$/, '');
    const files = [];
    for (const r of site.requests) {
      if (r.status !== 200 || !r.url.startsWith(origin)) continue;
      const prefix = Object.keys(roots).find((p) => r.path.startsWith(p));
      if (!prefix || files.some((f) => f.url === r.url)) continue;
      const entry = timing.resources.find((e) => e.url === r.url);
      const beforeLoad = !!entry && entry.responseEnd > 0 && entry.responseEnd <= timing.loadEventStart;
      const name = r.path.slice(prefix.length);
      const { gzip } = await minGzipOnce(join(roots[prefix], name));
      files.push({ url: r.url, file: prefix === '/dist/' ? `dist/${name}` : name, gzip, transfer: r.bytes, beforeLoad });
    }
    const sum = (list, key) => list.reduce((s, f) => s + f[key], 0);
    const early = files.filter((f) => f.beforeLoad);
    return {
      files: files.map(({ url, ...f }) => f),
      beforeLoad: sum(early, 'gzip'),
      total: sum(files, 'gzip'),
      transferBeforeLoad: sum(early, 'transfer'),
      transferTotal: sum(files, 'transfer'),
      otherHostRequests: site.requests.filter((r) => !r.url.startsWith(origin)).length,
      idle,
    };
  } finally {
    await site.close();
  }
}

export const bannerShown = (page) => page.locator('#consent-gate-banner .cookie-notice').waitFor({ state: 'visible', timeout: 30_000 });
export const runtimeReady = (page) =>
  page.waitForFunction(
    () => window.consentGate && typeof window.consentGate.decisions === 'function' && window.consentGate.decisions().decided,
    null,
    { timeout: 30_000 },
  );
export const launcherShown = (page) => page.locator('button.cg-chat-launcher').first().waitFor({ state: 'visible', timeout: 30_000 });

/** The three cases of issue 13 on the HubSpot page (the files built for HubSpot alone). */
export const CASES = {
  first: 'first visit (banner shown)',
  returning: 'returning visitor with a decision (declined all)',
  chat: 'page with the chat facade, before the click (chat allowed earlier)',
};

export async function pageBytes(browser, { emulator } = {}) {
  const hosts = emulator ? emulator().handlers : {};
  const allowed = await visitorState(browser, hosts, { grant: ['functional'] });
  const declined = await visitorState(browser, hosts, { revoke: ['functional', 'analytics', 'marketing'] });
  const page = consentGatePage();
  return {
    [CASES.first]: await measurePage(browser, { page, hosts, ready: bannerShown }),
    [CASES.returning]: await measurePage(browser, { page, hosts, storageState: declined, ready: runtimeReady }),
    [CASES.chat]: await measurePage(browser, { page, hosts, storageState: allowed, ready: launcherShown }),
  };
}
