/**
 * Vendor tags written in the HTML, rewritten to the markup form by
 * rewriteHtml (what `consent-gate rewrite` writes), in Chromium: as written
 * every kind fetches its vendor URL before any script could stop it; rewritten
 * no kind makes a request, with or without the head guard; after a grant the
 * guard releases the rewritten scripts.
 *
 * The release of the other element kinds is in rewrite-release.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './harness';
import { KINDS, TAGS, VENDOR, openPageIn, quiet, rewritten } from './rewrite-pages';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});
const openPage = (body: string, guarded: boolean) => openPageIn(browser, body, guarded);

describe('rewrite to the markup form (Chromium)', { timeout: 120_000 }, () => {
  it('as written, every kind of vendor tag fetches its URL (even with the head guard, the preload-scanner kinds do)', async () => {
    const plain = await openPage(TAGS, false);
    await quiet(plain);
    const fetched = plain.requestsTo(VENDOR).map((r) => r.url);
    for (const [kind, { url }] of Object.entries(KINDS)) expect(fetched, kind).toContain(url);
    await plain.close();

    const guarded = await openPage(TAGS, true);
    await quiet(guarded);
    const leaked = guarded.requestsTo(VENDOR).map((r) => r.url);
    for (const kind of ['script (classic, async defer)', 'link stylesheet', 'img src']) expect(leaked, kind).toContain(KINDS[kind]!.url);
    await guarded.close();
  });

  it("rewritten: zero requests to vendor hosts for every kind, without and with the head guard; the page's own image loads", async () => {
    const html = rewritten();
    expect(html.match(/data-consent-gate="hubspot-conversations"/g)).toHaveLength(Object.keys(KINDS).length);
    for (const guarded of [false, true]) {
      const site = await openPage(html, guarded);
      await quiet(site);
      expect(site.requestsTo(VENDOR), `guard: ${guarded}`).toEqual([]);
      expect(site.requestsTo('www.shop.test').map((r) => r.path)).toContain('/own.gif');
      expect(await site.page.evaluate(() => (window as any).vendorRan)).toBeUndefined();
      await site.close();
    }
  });

  it('after a grant the guard releases the rewritten scripts: both load and run, with their nonce, id and module type', async () => {
    const site = await openPage(rewritten(), true);
    await quiet(site);
    expect(site.requestsTo(VENDOR)).toEqual([]);
    await site.page.waitForFunction(() => typeof window.consentGate?.grant === 'function' && !window.consentGate.q);
    await site.page.evaluate(() => window.consentGate.grant('functional', 'analytics', 'marketing'));
    await site.page.waitForFunction(() => ((window as any).vendorRan ?? []).length === 2);
    expect(await site.page.evaluate(() => [...(window as any).vendorRan].sort())).toEqual(
      [KINDS['script (module)']!.url, KINDS['script (classic, async defer)']!.url].sort(),
    );
    const released = await site.page.evaluate(() => {
      const s = document.getElementById('hs-script-loader') as HTMLScriptElement;
      const m = document.querySelector('script[src="https://js.hubspot.com/module.mjs"]') as HTMLScriptElement;
      return { src: s.src, type: s.type, nonce: s.nonce, moduleType: m?.type };
    });
    expect(released).toEqual({ src: KINDS['script (classic, async defer)']!.url, type: '', nonce: 'n0nce', moduleType: 'module' });
    await site.close();
  });
});
