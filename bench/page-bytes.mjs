// Section 1, page cases: which of our files a page actually fetches, found by
// opening the page in Chromium, each file counted at its min+gzip size
// (bench/size.mjs). No file list is assumed: if the build splits or merges
// files, the cases follow.
import { join } from 'node:path';
import { minGzipSize } from './size.mjs';
import { DIST, openSite } from './lib/browser.mjs';
import { consentGatePage, visitorState } from './lib/pages.mjs';

async function filesFetched(browser, hosts, storageState, ready) {
  const site = await openSite(browser, { pages: { '/': consentGatePage() }, hosts, storageState });
  try {
    await site.page.goto(site.url('/'), { waitUntil: 'load' });
    await ready(site.page);
    await site.page.waitForTimeout(300);
    const files = [...new Set(site.requests.filter((r) => r.path.startsWith('/dist/') && r.status === 200).map((r) => r.path.slice('/dist/'.length)))];
    const vendorRequests = site.requests.filter((r) => !r.url.startsWith(site.url('/').replace(/\/$/, ''))).length;
    const rows = [];
    for (const f of files) rows.push({ file: `dist/${f}`, gzip: (await minGzipSize(join(DIST, f))).gzip });
    return { files: rows, total: rows.reduce((s, r) => s + r.gzip, 0), otherHostRequests: vendorRequests };
  } finally {
    await site.close();
  }
}

export async function pageBytes(browser, { emulator } = {}) {
  const hosts = emulator ? emulator().handlers : {};
  const allowed = await visitorState(browser, hosts, { grant: ['functional'] });
  const declined = await visitorState(browser, hosts, { revoke: ['functional', 'analytics', 'marketing'] });
  const bannerShown = (page) => page.locator('#consent-gate-banner .cookie-notice').waitFor({ state: 'visible', timeout: 15_000 });
  const runtimeReady = (page) => page.waitForFunction(() => window.consentGate && typeof window.consentGate.decisions === 'function' && window.consentGate.decisions().decided);
  const launcherShown = (page) => page.locator('button.cg-chat-launcher').waitFor({ state: 'visible', timeout: 15_000 });
  return {
    'first visit (banner shown)': await filesFetched(browser, hosts, undefined, bannerShown),
    'returning visitor with a decision (declined all)': await filesFetched(browser, hosts, declined, runtimeReady),
    'page with the chat facade, before the click (chat allowed earlier)': await filesFetched(browser, hosts, allowed, launcherShown),
  };
}
