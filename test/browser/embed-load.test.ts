/**
 * "Load" on an embed's placeholder, in Chromium, per vendor: this embed,
 * this time. Under the head guard the frame gets a one-time pass
 * (`__consentGateGuard.release(frame)`); without the guard the runtime sets
 * the frame's URL itself. Nothing is recorded, the other embeds keep their
 * placeholders, the chosen one starts at once where the vendor allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './harness';
import {
  CASES,
  settle,
  loads,
  loadsOf,
  openBlog,
  placeholderOf,
  placeholders,
  vendorCookies,
  vendorFrames,
  type EmbedCase,
} from './embed-pages';
import type { Site } from './harness';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

/** Press "Load" on the placeholder of `id` and wait for its frame. */
async function loadOne(site: Site, c: EmbedCase, id: string): Promise<void> {
  const page = site.page;
  await placeholderOf(page, id)
    .getByRole('button', { name: c.media === 'map' ? 'Load map' : 'Load video' })
    .click();
  await loads(page, 1);
  await settle(page);
}

describe.each(CASES)('$vendor.title: "Load" (Chromium, emulator under the vendor host names)', (c) => {
  for (const guard of [true, false]) {
    const where = guard ? 'through the head guard (a one-time pass)' : 'without the head guard';
    it(`${where}: the chosen embed loads once, starting at once where the vendor allows; the others keep their placeholders; nothing is recorded`, async () => {
      const site = await openBlog(browser, c, { guard });
      const page = site.page;
      const forms = guard ? 3 : 2;
      await placeholders(page, forms);
      await loadOne(site, c, 'markup');
      const loaded = await loadsOf(page);
      expect(loaded.map((l) => [l.id, l.autoplay])).toEqual([[c.markupId, c.media === 'video']]);
      expect(loaded[0]!.url).toMatch(c.frameUrl);
      expect(site.requests.filter((r) => r.resourceType === 'document' && c.hosts.test(r.host)).length).toBe(1);
      expect(vendorFrames(page, c).length).toBe(1);
      await placeholders(page, forms - 1);
      expect(await page.evaluate(() => window.consentGate.decisions().decided)).toBe(false);
      expect(await page.locator('#markup').isVisible()).toBe(true);
      // the frame may start: autoplay is delegated to it
      if (c.media === 'video') expect(await page.locator('#markup').getAttribute('allow')).toMatch(/(^|;\s*)autoplay(;|$)/);
      // keyboard: focus went on into the frame
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('markup');
      if (c.vendor.id !== 'google-maps') expect(await vendorCookies(site, c)).toEqual([]);
      await site.close();
    });
  }

  it("through the head guard: the pasted frame and the box load in the vendor's privacy form, each once", async () => {
    const site = await openBlog(browser, c);
    const page = site.page;
    await placeholders(page, 3);
    await loadOne(site, c, 'pasted');
    // scrolled into view, then two frames for layout to settle: a click computed before the scroll lands on the
    // cross-origin frame that was at that spot (Chromium hit-tests a frame mid-scroll)
    const button = placeholderOf(page, 'box').getByRole('button', { name: c.media === 'map' ? 'Load map' : 'Load video' });
    await button.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await button.click();
    await loads(page, 2);
    await settle(page);
    const loaded = await loadsOf(page);
    expect(loaded.length).toBe(2);
    for (const l of loaded) expect(l.url).toMatch(c.frameUrl);
    expect(site.requests.filter((r) => r.resourceType === 'document' && c.hosts.test(r.host)).length).toBe(2);
    await placeholders(page, 1);
    expect(await page.locator('#box iframe').getAttribute('title')).toBe(c.media === 'map' ? 'Box map' : 'Box video');
    // the next page asks again: a one-time pass is not a decision
    await page.goto(site.url('/blog/next/'));
    await placeholders(page, 3);
    expect(await page.evaluate(() => (window as any).__loads.length)).toBe(0);
    await site.close();
  });
});
