/**
 * The ad pixels behind the drop-in, in Chromium: Meta Pixel, LinkedIn Insight
 * Tag and Microsoft UET, each with the vendor's snippet pasted as the vendor
 * documents it and the vendor's hosts served by its emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './harness';
import { FBP_MAX_AGE, metaPixelEmulator } from '../../emulators/meta-pixel/index.mjs';
import { linkedinInsightEmulator } from '../../emulators/linkedin-insight/index.mjs';
import { uetEmulator } from '../../emulators/microsoft-uet/index.mjs';
import { cookieCopies, grant, heldFor, IDS, openTagSite, pageValue, requestsTo, secondsLeft, SNIPPETS, storageKeys } from './tags-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const META = /(^|\.)(facebook\.net|facebook\.com)$/;
const LINKEDIN = /(^|\.)(licdn\.com|linkedin\.com)$/;
const BING = /(^|\.)bing\.com$/;

describe('Meta Pixel (Chromium, Meta emulator)', () => {
  it("the base code: nothing before consent (the noscript pixel never loads); grant(marketing) runs init, PageView and the page's own events in order; _fbp and _fbc (from ?fbclid=) on the parent domain for 90 days", async () => {
    const meta = metaPixelEmulator();
    const site = await openTagSite(
      browser,
      {
        config: { vendors: { 'meta-pixel': true } },
        head: SNIPPETS.meta(IDS.meta, ` fbq('track', 'ViewContent', { content_ids: ['sku-1'] }); fbq('trackCustom', 'WishlistAdd');`),
        hosts: meta.handlers,
        paths: ['/product'],
      },
      '/product?fbclid=IwAR0abc',
    );
    const { page } = site;
    await page.waitForTimeout(400);
    expect(requestsTo(site, META)).toEqual([]);
    expect(await cookieCopies(site, /^_fb[pc]$/)).toEqual([]);
    expect(await heldFor(page, 'meta-pixel')).toEqual([
      { kind: 'script', target: 'https://connect.facebook.net/en_US/fbevents.js', purpose: 'marketing' },
    ]);

    await grant(page, 'marketing');
    await expect.poll(() => meta.events().map((e) => e.event)).toEqual(['PageView', 'ViewContent', 'WishlistAdd']);
    await expect.poll(() => pageValue(page, '__metaEmu').then((e) => e.configs)).toEqual([IDS.meta]);
    const emu = await pageValue(page, '__metaEmu');
    expect(emu.calls.map((c: unknown[]) => c.slice(0, 2))).toEqual([
      ['init', IDS.meta],
      ['track', 'PageView'],
      ['track', 'ViewContent'],
      ['trackCustom', 'WishlistAdd'],
    ]);
    // the script first; then its configuration and the events it sends
    const order = requestsTo(site, META).map((u) => u.replace(/\?.*/, ''));
    expect(order[0]).toBe('connect.facebook.net/en_US/fbevents.js');
    expect(order.slice(1).sort()).toEqual([
      `connect.facebook.net/signals/config/${IDS.meta}`,
      'www.facebook.com/tr/',
      'www.facebook.com/tr/',
      'www.facebook.com/tr/',
    ]);
    expect(meta.events().every((e) => e.pixel === IDS.meta && !e.noscript && /^fb\.1\.\d+\.\d+$/.test(e.fbp ?? ''))).toBe(true);
    expect(meta.events()[0]!.fbc).toMatch(/^fb\.1\.\d+\.IwAR0abc$/);
    expect(await cookieCopies(site, /^_fb[pc]$/)).toEqual(['_fbc@.shop.test/', '_fbp@.shop.test/']);
    expect(Math.abs((await secondsLeft(site, '_fbp'))! - FBP_MAX_AGE)).toBeLessThan(120);
    await site.close();
  });
});

describe('LinkedIn Insight Tag (Chromium, LinkedIn emulator)', () => {
  it('the snippet: nothing before consent; grant(marketing) sends the page view for the partner id, then the conversion the page queued; li_sugr, ln_or, li_fat_id (from ?li_fat_id=) and localStorage li_adsId appear', async () => {
    const linkedin = linkedinInsightEmulator();
    const site = await openTagSite(
      browser,
      {
        config: { vendors: { 'linkedin-insight': true } },
        head: SNIPPETS.linkedin(IDS.linkedin, ` window.lintrk('track', { conversion_id: 4242 });`),
        hosts: linkedin.handlers,
        paths: ['/landing'],
      },
      '/landing?li_fat_id=abc-123',
    );
    const { page } = site;
    await page.waitForTimeout(400);
    expect(requestsTo(site, LINKEDIN)).toEqual([]);
    expect(await cookieCopies(site, /^l[in]_/)).toEqual([]);
    expect(await storageKeys(page, /^li_/)).toEqual([]);
    expect((await heldFor(page, 'linkedin-insight')).map((h) => h.target)).toEqual([
      'https://snap.licdn.com/li.lms-analytics/insight.min.js',
    ]);

    await grant(page, 'marketing');
    await expect.poll(() => linkedin.hits().map((h) => h.conversionId)).toEqual([null, '4242']);
    expect(linkedin.hits().every((h) => h.partnerIds.join() === IDS.linkedin && !h.noscript && !!h.adsId)).toBe(true);
    expect(requestsTo(site, LINKEDIN)[0]).toBe('snap.licdn.com/li.lms-analytics/insight.min.js');
    expect(await pageValue(page, '__linkedinEmu').then((e) => e.calls)).toEqual([['track', { conversion_id: 4242 }]]);
    expect(await cookieCopies(site, /^l[in]_/)).toEqual(['li_fat_id@.shop.test/', 'li_sugr@.shop.test/', 'ln_or@.shop.test/']);
    expect(await storageKeys(page, /^li_/)).toEqual(['local:li_adsId']);
    await site.close();
  });
});

describe('Microsoft UET (Chromium, UET emulator)', () => {
  it("the snippet: nothing before consent; grant(marketing) creates the UET object from uetq, sends pageLoad then the page's own event; _uetsid, _uetvid, _uetmsclkid (from ?msclkid=) and their localStorage copies appear", async () => {
    const uet = uetEmulator();
    const site = await openTagSite(
      browser,
      {
        config: { vendors: { 'microsoft-uet': true } },
        head: SNIPPETS.uet(IDS.uet, ` window.uetq.push('event', 'purchase', { revenue_value: 10 });`),
        hosts: uet.handlers,
        paths: ['/ad'],
      },
      '/ad?msclkid=c0ffee',
    );
    const { page } = site;
    await page.waitForTimeout(400);
    expect(requestsTo(site, BING)).toEqual([]);
    expect(await cookieCopies(site, /^_uet/)).toEqual([]);
    expect(await storageKeys(page, /^_uet/)).toEqual([]);

    await grant(page, 'marketing');
    // the page's event was queued before bat.js, while the visitor had not consented: UET reads uetq in order, so it
    // comes after the guard's denied default and before the grant's update, and goes out marked denied (D); the
    // snippet's pageLoad is pushed after the UET object takes the queue over, with ad_storage granted (G)
    await expect
      .poll(() => uet.hits().map((h) => `${h.ti}:${h.event}:${h.consent}`))
      .toEqual([`${IDS.uet}:custom:D`, `${IDS.uet}:pageLoad:G`]);
    expect(await pageValue(page, '__uetEmu').then((e) => e.commands)).toEqual([
      ['consent', 'default', { ad_storage: 'denied' }],
      ['event', 'purchase', { revenue_value: 10 }],
      ['consent', 'update', { ad_storage: 'granted' }],
      ['pageLoad'],
    ]);
    expect(requestsTo(site, BING)[0]).toBe('bat.bing.com/bat.js');
    expect(await cookieCopies(site, /^_uet/)).toEqual(['_uetmsclkid@.shop.test/', '_uetsid@.shop.test/', '_uetvid@.shop.test/']);
    expect(await storageKeys(page, /^_uet/)).toEqual(['local:_uetsid', 'local:_uetsid_exp', 'local:_uetvid', 'local:_uetvid_exp']);
    await site.close();
  });
});
