/**
 * The Google tag (GA4, Google Ads) and Google Tag Manager behind the drop-in,
 * in Chromium, with Google's snippets pasted as Google documents them and
 * Google's hosts served by the Google emulator (basic consent mode: held back
 * until granted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './harness';
import { GA_COOKIE_MAX_AGE, GCL_MAX_AGE, googleEmulator } from '../../emulators/google/index.mjs';
import { cookieCopies, grant, heldFor, IDS, openTagSite, pageValue, requestsTo, secondsLeft, SNIPPETS, storageKeys } from './tags-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const GOOGLE =
  /(^|\.)(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|doubleclick\.net|googleadservices\.com|google\.com|googlesyndication\.com)$/;
const GTAG_URL = `www.googletagmanager.com/gtag/js?id=${IDS.ga}`;
const GA_COOKIES = /^_ga($|_)/;
const ADS_COOKIES = /^_g(cl|ac)_/;
/** Chromium caps a cookie's lifetime at 400 days. */
const CHROME_MAX_AGE = 400 * 86400;

describe('GA4 through gtag.js (Chromium, Google emulator)', () => {
  it("the documented snippet: before consent nothing runs, nothing is collected or stored (Chromium's preload scanner may fetch gtag.js itself, never run it)", async () => {
    const google = googleEmulator();
    const site = await openTagSite(browser, {
      config: { vendors: { 'google-analytics': true } },
      head: SNIPPETS.gtag(IDS.ga),
      hosts: google.handlers,
    });
    const { page } = site;
    await page.waitForTimeout(400);
    // the one request that may leave: the preload scanner reading <script src> ahead of the guard
    expect(requestsTo(site, GOOGLE).filter((u) => u !== GTAG_URL)).toEqual([]);
    expect(requestsTo(site, GOOGLE).length).toBeLessThanOrEqual(1);
    expect(google.hits()).toEqual([]);
    expect(await pageValue(page, '__googleEmu')).toBeNull();
    expect(await cookieCopies(site, GA_COOKIES)).toEqual([]);
    expect(await storageKeys(page, /^_g/)).toEqual([]);
    expect(await heldFor(page, 'google-analytics')).toEqual([{ kind: 'script', target: `https://${GTAG_URL}`, purpose: 'analytics' }]);
    await site.close();
  });

  it('the markup form: zero requests to any Google host before consent', async () => {
    const google = googleEmulator();
    const site = await openTagSite(browser, {
      config: { vendors: { 'google-analytics': true } },
      head: SNIPPETS.gtagMarkup('google-analytics', IDS.ga),
      hosts: google.handlers,
    });
    await site.page.waitForTimeout(400);
    expect(requestsTo(site, GOOGLE)).toEqual([]);
    expect(await cookieCopies(site, GA_COOKIES)).toEqual([]);
    await grant(site.page, 'analytics');
    await expect.poll(() => google.hits().map((h) => h.event)).toEqual(['page_view']);
    expect(await cookieCopies(site, GA_COOKIES)).toEqual(['_ga@.shop.test/', `_ga_${IDS.ga.slice(2)}@.shop.test/`]);
    await site.close();
  });

  it('grant(analytics): gtag.js runs the commands in the order the page gave them, sends a page view with a client id, writes _ga and _ga_<id> on the parent domain for 2 years', async () => {
    const google = googleEmulator();
    const extra = ` gtag('event', 'view_item', { value: 12 }); gtag('event', 'add_to_cart');`;
    const site = await openTagSite(browser, {
      config: { vendors: { 'google-analytics': true } },
      head: SNIPPETS.gtag(IDS.ga, extra),
      hosts: google.handlers,
    });
    const { page } = site;
    await grant(page, 'analytics');
    await expect.poll(() => google.hits().map((h) => h.event)).toEqual(['page_view', 'view_item', 'add_to_cart']);
    const emu = await pageValue(page, '__googleEmu');
    // the head guard's Consent Mode default before them (Google: before any config), its update after the grant
    expect(emu.commands.map((c: unknown[]) => c.slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['js', 'date'],
      ['config', IDS.ga],
      ['event', 'view_item'],
      ['event', 'add_to_cart'],
      ['consent', 'update'],
    ]);
    expect(emu.ignored).toEqual([]);
    const hits = google.hits();
    expect(hits.every((h) => h.id === IDS.ga && !h.cookieless && h.gcs === 'G101')).toBe(true);
    // the loader first, then the hits
    const order = requestsTo(site, GOOGLE);
    expect(order.lastIndexOf(GTAG_URL)).toBeLessThan(order.findIndex((u) => u.includes('/g/collect')));
    expect(await cookieCopies(site, GA_COOKIES)).toEqual(['_ga@.shop.test/', `_ga_${IDS.ga.slice(2)}@.shop.test/`]);
    // 2 years asked; Chromium keeps a cookie at most 400 days (tag-facts §0.5)
    expect(Math.abs((await secondsLeft(site, '_ga'))! - Math.min(GA_COOKIE_MAX_AGE, CHROME_MAX_AGE))).toBeLessThan(120);
    // the same client id in the cookie and the hits
    const ga = (await site.context.cookies()).find((c) => c.name === '_ga')!.value;
    expect(new URL(hits[0]!.url).searchParams.get('cid')).toBe(ga.replace(/^GA1\.\d\./, ''));
    // marketing was not granted: Google signals stays held
    expect(requestsTo(site, /^stats\.g\.doubleclick\.net$/)).toEqual([]);
    await site.close();
  });

  it('GA4 and Google Ads on one gtag.js, both granted at once: one loader, each config runs; _gcl_au and localStorage _gcl_ls appear, the conversion is sent to the Ads endpoint', async () => {
    const google = googleEmulator();
    const extra = ` gtag('config', '${IDS.ads}'); gtag('event', 'conversion', { send_to: '${IDS.ads}/AbC-D_efG', value: 1.0, currency: 'EUR', transaction_id: 't1' });`;
    const site = await openTagSite(browser, {
      config: { vendors: { 'google-analytics': true, 'google-ads': true } },
      head: SNIPPETS.gtag(IDS.ga, extra),
      hosts: google.handlers,
    });
    const { page } = site;
    await page.waitForTimeout(300);
    expect(requestsTo(site, GOOGLE).filter((u) => u !== GTAG_URL)).toEqual([]);
    expect(await cookieCopies(site, ADS_COOKIES)).toEqual([]);
    await grant(page, 'analytics', 'marketing');
    await expect.poll(() => google.hits().map((h) => `${h.tag}:${h.event}`)).toEqual(['ga:page_view', 'ads:remarketing', 'ads:conversion']);
    const conversion = new URL(google.hits()[2]!.url);
    expect([
      conversion.host,
      conversion.pathname,
      conversion.searchParams.get('label'),
      conversion.searchParams.get('value'),
      conversion.searchParams.get('currency_code'),
    ]).toEqual(['www.googleadservices.com', '/pagead/conversion/123456789/', 'AbC-D_efG', '1', 'EUR']);
    expect(await pageValue(page, '__googleEmu').then((e) => e.loads)).toEqual([IDS.ga]);
    expect(await cookieCopies(site, /^_gcl_au$/)).toEqual(['_gcl_au@.shop.test/']);
    expect(Math.abs((await secondsLeft(site, '_gcl_au'))! - GCL_MAX_AGE)).toBeLessThan(120);
    expect(await storageKeys(page, /^_gcl_ls$/)).toEqual(['local:_gcl_ls']);
    await site.close();
  });

  it("analytics alone releases the shared gtag.js for GA4, but Google Ads' cookies, key and pixels stay held until marketing", async () => {
    const google = googleEmulator();
    const site = await openTagSite(browser, {
      config: { vendors: { 'google-analytics': true, 'google-ads': true } },
      head: SNIPPETS.gtag(IDS.ga, ` gtag('config', '${IDS.ads}');`),
      hosts: google.handlers,
    });
    const { page } = site;
    await grant(page, 'analytics');
    await expect.poll(() => google.hits().map((h) => h.event)).toEqual(['page_view']);
    await page.waitForTimeout(300);
    expect(requestsTo(site, /doubleclick\.net$|googleadservices\.com$/)).toEqual([]);
    expect(await cookieCopies(site, ADS_COOKIES)).toEqual([]);
    expect(await storageKeys(page, /^_gcl/)).toEqual([]);
    // with ad_storage denied gtag.js writes no ad cookie or key (tag-facts §2), so Google Ads' remarketing ping is all it attempts
    const held = await heldFor(page, 'google-ads');
    expect(held.map((h) => h.kind).sort()).toEqual(['img']);
    expect(held.every((h) => h.purpose === 'marketing')).toBe(true);
    await site.close();
  });
});

describe('Google Tag Manager (Chromium, Google emulator)', () => {
  const CONTAINER = {
    [IDS.gtm]: {
      tags: [
        { type: 'ga4' as const, measurementId: IDS.ga },
        { type: 'html' as const, src: 'https://www.shop.test/partner-tag.js' },
      ],
    },
  };

  it('the documented head and body snippets: nothing before consent (the noscript iframe is never loaded); marketing runs the container in order, and the GA4 tag inside still waits for analytics', async () => {
    const google = googleEmulator({ containers: CONTAINER });
    const site = await openTagSite(browser, {
      config: { vendors: { 'google-tag-manager': true } },
      head: SNIPPETS.gtmHead(IDS.gtm),
      body: SNIPPETS.gtmBody(IDS.gtm),
      hosts: google.handlers,
    });
    const { page } = site;
    // the site's own partner tag, served by the site
    await site.context.route('https://www.shop.test/partner-tag.js', (route) =>
      route.fulfill({ body: '(window.ran = window.ran || []).push("partner")', contentType: 'text/javascript' }),
    );
    await page.waitForTimeout(400);
    expect(requestsTo(site, GOOGLE)).toEqual([]);
    expect(await pageValue(page, '__gtmEmu')).toBeNull();
    expect(await heldFor(page, 'google-tag-manager')).toEqual([
      { kind: 'script', target: `https://www.googletagmanager.com/gtm.js?id=${IDS.gtm}`, purpose: 'marketing' },
    ]);

    await grant(page, 'marketing');
    await expect.poll(() => pageValue(page, '__gtmEmu').then((e) => e?.events)).toEqual(['gtm.js', 'gtm.dom', 'gtm.load']);
    const gtm = await pageValue(page, '__gtmEmu');
    expect(gtm.containers).toEqual([IDS.gtm]);
    expect(gtm.fired).toEqual([`ga4:${IDS.ga}`, 'html:https://www.shop.test/partner-tag.js']);
    await expect.poll(() => pageValue(page, 'ran')).toEqual(['partner']);
    expect(await page.evaluate((id) => (window as any).google_tag_manager?.[id]?.dataLayer?.name, IDS.gtm)).toBe('dataLayer');
    // the GA4 tag the container fired is GA4's: held until analytics
    await page.waitForTimeout(300);
    expect(requestsTo(site, GOOGLE)).toEqual([`www.googletagmanager.com/gtm.js?id=${IDS.gtm}`]);
    expect(await cookieCopies(site, GA_COOKIES)).toEqual([]);
    expect((await heldFor(page, 'google-analytics')).map((h) => h.target)).toEqual([
      `https://www.googletagmanager.com/gtag/js?id=${IDS.ga}&l=dataLayer&cx=c`,
    ]);

    await grant(page, 'analytics');
    await expect.poll(() => google.hits().map((h) => `${h.id}:${h.event}`)).toEqual([`${IDS.ga}:page_view`]);
    expect(await cookieCopies(site, GA_COOKIES)).toEqual(['_ga@.shop.test/', `_ga_${IDS.ga.slice(2)}@.shop.test/`]);
    expect(requestsTo(site, /^www\.googletagmanager\.com$/).some((u) => u.includes('ns.html'))).toBe(false);
    await site.close();
  });
});
