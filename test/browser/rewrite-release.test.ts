/**
 * Release after a grant of the rewritten tags other than scripts: each
 * element kind of the markup form (`data-consent-gate` with `data-src`,
 * `data-srcset`, `data-href`, `data-data`, `data-poster`) gets its URL back
 * and fetches it once its vendor's purpose is granted.
 *
 * NEEDS THE HEAD GUARD'S SUPPORT: the guard releases the markup form for
 * scripts only (rewrite.test.ts proves that, and that no kind fetches before
 * consent); releasing the other kinds is being added to the guard. Until it
 * is, this test fails for that reason alone (the list in its message names
 * every kind): the element keeps its `data-` attribute and makes no request.
 * A `<source>` inside `<video>`/`<audio>` also needs the media element's
 * `load()` after its `src` is back: setting a source's `src` does not start
 * the media element's resource selection (HTML, "the source element").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './harness';
import { KINDS, VENDOR, openPageIn, quiet, rewritten } from './rewrite-pages';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const OTHER_KINDS = Object.entries(KINDS).filter(([kind]) => !kind.startsWith('script'));

describe("release of the rewritten non-script tags after a grant (needs the head guard's support for these kinds)", () => {
  it(`each of ${OTHER_KINDS.length} kinds: no request before consent, its URL back and fetched after the grant`, async () => {
    const site = await openPageIn(browser, rewritten(), true);
    await quiet(site);
    expect(site.requestsTo(VENDOR)).toEqual([]);
    await site.page.waitForFunction(() => typeof window.consentGate?.grant === 'function' && !window.consentGate.q);
    await site.page.evaluate(() => window.consentGate.grant('functional', 'analytics', 'marketing'));
    // the kinds whose URL has not been requested, until none is left (or the time is up, and the list says which)
    const notFetched = () => OTHER_KINDS.filter(([, { url }]) => !site.requestsTo(VENDOR).some((r) => r.url === url)).map(([kind]) => kind);
    await expect.poll(notFetched, { timeout: 5_000 }).toEqual([]);
    await site.close();
  });
});
