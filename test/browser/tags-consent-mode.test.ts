/**
 * Consent signals the vendors' own code reads, in Chromium: Google Consent
 * Mode v2 on `dataLayer`, Microsoft UET's consent mode on `uetq`, HubSpot's
 * consent API on `_hsp`. The catalog declares them (`signals`); the head
 * guard writes the `default` before any tag runs and an `update` after every
 * change. Per Google vendor and UET the site picks `basic` (held back until
 * granted, the default) or `advanced` (the tag loads with denied defaults and
 * sends cookieless pings; its cookie writes stay held until granted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './harness';
import { googleEmulator } from '../../emulators/google/index.mjs';
import { uetEmulator } from '../../emulators/microsoft-uet/index.mjs';
import { hubspotTrackingEmulator } from '../../emulators/hubspot-tracking/index.mjs';
import { cookieCopies, grant, IDS, openTagSite, pageValue, ready, requestsTo, SNIPPETS } from './tags-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const GOOGLE =
  /(^|\.)(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|doubleclick\.net|googleadservices\.com|google\.com)$/;
const GTAG_URL = `www.googletagmanager.com/gtag/js?id=${IDS.ga}`;
const ALL_DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

/** dataLayer as plain values: gtag commands (Arguments objects) as `{ args }`, anything else as it is. */
const layer = (page: import('playwright-core').Page) =>
  page.evaluate(() =>
    ((window as any).dataLayer ?? []).map((e: unknown) =>
      Object.prototype.toString.call(e) === '[object Arguments]'
        ? { args: JSON.parse(JSON.stringify(Array.from(e as ArrayLike<unknown>))) }
        : JSON.parse(JSON.stringify(e)),
    ),
  );

describe('Google Consent Mode v2 (Chromium, Google emulator)', () => {
  it("basic: the consent default for all seven types is on dataLayer before the snippet's config; a grant pushes an update; no Google request before consent", async () => {
    const google = googleEmulator();
    const site = await openTagSite(browser, {
      config: { vendors: { 'google-analytics': true } },
      head: SNIPPETS.gtag(IDS.ga),
      hosts: google.handlers,
    });
    const { page } = site;
    const before = await layer(page);
    expect(before[0]).toEqual({ args: ['consent', 'default', expect.objectContaining(ALL_DENIED)] });
    expect(before.findIndex((e: { args?: unknown[] }) => e.args?.[0] === 'config')).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    // (Chromium's preload scanner may fetch gtag.js itself; it never runs)
    expect(requestsTo(site, GOOGLE).filter((u) => u !== GTAG_URL)).toEqual([]);
    expect(google.hits()).toEqual([]);

    await grant(page, 'analytics');
    const after = await layer(page);
    expect(after.slice(before.length)).toEqual([
      { args: ['consent', 'update', expect.objectContaining({ ...ALL_DENIED, analytics_storage: 'granted' })] },
    ]);
    // gtag.js read them in that order: default, js, config, update
    await expect
      .poll(() => pageValue(page, '__googleEmu').then((e) => e?.commands.map((c: unknown[]) => c.slice(0, 2).join(' '))))
      .toEqual(['consent default', 'js date', `config ${IDS.ga}`, 'consent update']);
    await expect.poll(() => google.hits().map((h) => h.gcs)).toEqual(['G101']);
    expect(await cookieCopies(site, /^_ga($|_)/)).toEqual(['_ga@.shop.test/', `_ga_${IDS.ga.slice(2)}@.shop.test/`]);
    await site.close();
  });

  it('with a record, the default already carries its decision (the next page of a visitor who allowed analytics)', async () => {
    const google = googleEmulator();
    const site = await openTagSite(browser, {
      config: { vendors: { 'google-analytics': true } },
      head: SNIPPETS.gtag(IDS.ga),
      hosts: google.handlers,
      paths: ['/', '/next'],
    });
    await grant(site.page, 'analytics');
    await site.page.goto(site.url('/next'));
    await ready(site.page);
    const first = (await layer(site.page))[0];
    expect(first).toEqual({ args: ['consent', 'default', expect.objectContaining({ ...ALL_DENIED, analytics_storage: 'granted' })] });
    await site.close();
  });

  it('advanced: gtag.js loads before consent and sends only cookieless pings; no Google cookie appears; a grant writes the cookies at once and later hits carry the client id', async () => {
    const google = googleEmulator();
    const extra = ` gtag('config', '${IDS.ads}');`;
    const site = await openTagSite(browser, {
      config: { vendors: { 'google-analytics': { consentMode: 'advanced' }, 'google-ads': { consentMode: 'advanced' } } },
      head: SNIPPETS.gtag(IDS.ga, extra),
      hosts: google.handlers,
    });
    const { page } = site;
    await expect.poll(() => google.hits().map((h) => `${h.tag}:${h.event}`)).toEqual(['ga:page_view', 'ads:remarketing']);
    expect(google.hits().every((h) => h.cookieless && h.gcs === 'G100')).toBe(true);
    await page.waitForTimeout(300);
    expect(await cookieCopies(site, /^_g(a|cl|ac)(_|$)/)).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('_gcl_ls'))).toBeNull();

    await grant(page, 'analytics');
    await expect.poll(() => cookieCopies(site, /^_ga($|_)/)).toEqual(['_ga@.shop.test/', `_ga_${IDS.ga.slice(2)}@.shop.test/`]);
    expect(await cookieCopies(site, /^_g(cl|ac)_/)).toEqual([]);
    await page.evaluate(() => (window as any).gtag('event', 'add_to_cart'));
    await expect.poll(() => google.hits().at(-1)).toMatchObject({ tag: 'ga', event: 'add_to_cart', gcs: 'G101', cookieless: false });
    await site.close();
  });

  it('basic next to advanced: a basic vendor stays held back while an advanced one pings', async () => {
    const google = googleEmulator();
    const site = await openTagSite(browser, {
      config: { vendors: { 'google-tag-manager': true, 'google-analytics': { consentMode: 'advanced' } } },
      head: SNIPPETS.gtag(IDS.ga) + SNIPPETS.gtmHead(IDS.gtm),
      hosts: google.handlers,
    });
    await expect.poll(() => google.hits().map((h) => h.event)).toEqual(['page_view']);
    expect(requestsTo(site, /^www\.googletagmanager\.com$/).some((u) => u.includes('gtm.js'))).toBe(false);
    await site.close();
  });
});

describe('Microsoft UET consent mode (Chromium, UET emulator)', () => {
  it('basic: uetq holds consent default denied before bat.js runs, then the update a grant pushes; UET reads them in order and sends with ad_storage granted', async () => {
    const uet = uetEmulator({ enforced: true });
    const site = await openTagSite(browser, {
      config: { vendors: { 'microsoft-uet': true } },
      head: SNIPPETS.uet(IDS.uet),
      hosts: uet.handlers,
    });
    const { page } = site;
    expect((await page.evaluate(() => (window as any).uetq)).slice(0, 3)).toEqual(['consent', 'default', { ad_storage: 'denied' }]);
    await grant(page, 'marketing');
    await expect.poll(() => uet.hits().map((h) => `${h.event}:${h.consent}`)).toEqual(['pageLoad:G']);
    expect((await pageValue(page, '__uetEmu')).commands.slice(0, 2)).toEqual([
      ['consent', 'default', { ad_storage: 'denied' }],
      ['consent', 'update', { ad_storage: 'granted' }],
    ]);
    await site.close();
  });

  it('advanced: bat.js loads with ad_storage denied, sends denied beacons and writes no cookie or key', async () => {
    const uet = uetEmulator({ enforced: true });
    const site = await openTagSite(browser, {
      config: { vendors: { 'microsoft-uet': { consentMode: 'advanced' } } },
      head: SNIPPETS.uet(IDS.uet),
      hosts: uet.handlers,
    });
    await expect.poll(() => uet.hits().map((h) => `${h.event}:${h.consent}`)).toEqual(['pageLoad:D']);
    expect(await cookieCopies(site, /^_uet/)).toEqual([]);
    await site.close();
  });
});

describe("HubSpot's consent API (Chromium, HubSpot tracking emulator)", () => {
  it("disableHubSpotCookieBanner before any HubSpot script and setHubSpotConsent on every page from the record: HubSpot's banner never loads; refused analytics means anonymous page views, granted means cookies", async () => {
    const hubspot = hubspotTrackingEmulator();
    const site = await openTagSite(browser, {
      config: { vendors: { 'hubspot-tracking': true } },
      head: SNIPPETS.hubspot(IDS.hubspot),
      hosts: hubspot.handlers,
      paths: ['/', '/next'],
    });
    const { page } = site;
    expect(await page.evaluate(() => [(window as any).disableHubSpotCookieBanner, (window as any)._hsp])).toEqual([
      true,
      [['setHubSpotConsent', { analytics: false, advertisement: false, functionality: false }]],
    ]);
    await grant(page, 'analytics');
    expect((await page.evaluate(() => (window as any)._hsp)).at(-1)).toEqual([
      'setHubSpotConsent',
      { analytics: true, advertisement: false, functionality: false },
    ]);
    await expect.poll(() => hubspot.pageViews().map((v) => v.anonymous)).toEqual([false]);
    expect(requestsTo(site, /hs-banner\.com$/)).toEqual([]);

    await page.goto(site.url('/next'));
    await ready(page);
    expect(await page.evaluate(() => (window as any)._hsp[0])).toEqual([
      'setHubSpotConsent',
      { analytics: true, advertisement: false, functionality: false },
    ]);
    await site.close();
  });
});
