/**
 * Shared loaders, in Chromium: gtag.js is Google Analytics' (analytics) and
 * Google Ads' (marketing); HubSpot's js.hs-scripts.com loader is HubSpot
 * Conversations' (functional) and HubSpot tracking's (analytics). The catalog
 * declares such a row once per vendor, under each one's purpose, and the head
 * guard lets the vendor the config names claim it: a site that runs Google
 * Ads alone, or HubSpot's tracking code alone, gets its loader under that
 * vendor's purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './harness';
import { googleEmulator } from '../../emulators/google/index.mjs';
import { hubspotTrackingEmulator } from '../../emulators/hubspot-tracking/index.mjs';
import { cookieCopies, grant, heldFor, IDS, openTagSite, pageValue, requestsTo, SNIPPETS, storageKeys } from './tags-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const GOOGLE = /(^|\.)(googletagmanager\.com|google-analytics\.com|doubleclick\.net|googleadservices\.com|google\.com)$/;
const HUBSPOT = /(^|\.)(hs-scripts\.com|hs-analytics\.net|hubspot\.com|hs-banner\.com|hscollectedforms\.net|hsadspixel\.net)$/;

describe('Google Ads alone claims gtag.js (marketing)', () => {
  it('the documented snippet with an AW- id: analytics does not release it; marketing runs it, with its remarketing and conversion pings, _gcl_au and _gcl_ls', async () => {
    const google = googleEmulator();
    const head = SNIPPETS.gtag(IDS.ads, ` gtag('event', 'conversion', { send_to: '${IDS.ads}/AbC-D_efG', value: 5, currency: 'EUR' });`);
    const site = await openTagSite(browser, { config: { vendors: { 'google-ads': true } }, head, hosts: google.handlers });
    const { page } = site;
    await page.waitForTimeout(300);
    expect(requestsTo(site, GOOGLE).filter((u) => !u.startsWith('www.googletagmanager.com/gtag/js'))).toEqual([]);
    expect(await heldFor(page, 'google-ads')).toEqual([
      { kind: 'script', target: `https://www.googletagmanager.com/gtag/js?id=${IDS.ads}`, purpose: 'marketing' },
    ]);

    await grant(page, 'analytics');
    await page.waitForTimeout(500);
    expect(await pageValue(page, '__googleEmu')).toBeNull();

    await grant(page, 'marketing');
    await expect.poll(() => google.hits().map((h) => `${h.tag}:${h.event}`)).toEqual(['ads:remarketing', 'ads:conversion']);
    expect(await cookieCopies(site, /^_gcl_au$/)).toEqual(['_gcl_au@.shop.test/']);
    expect(await storageKeys(page, /^_gcl_ls$/)).toEqual(['local:_gcl_ls']);
    await site.close();
  });
});

describe('HubSpot tracking alone claims the js.hs-scripts.com loader (analytics)', () => {
  it("HubSpot's snippet: nothing runs before consent; functional does not release it; analytics runs the tracking code: a page view with a visitor id, __hstc, hubspotutk, __hssc, __hssrc on the parent domain; its ads pixel and form capture wait for marketing", async () => {
    const hubspot = hubspotTrackingEmulator();
    const site = await openTagSite(browser, {
      config: { vendors: { 'hubspot-tracking': true } },
      head: SNIPPETS.hubspot(IDS.hubspot),
      hosts: hubspot.handlers,
    });
    const { page } = site;
    await page.waitForTimeout(300);
    // Chromium's preload scanner may fetch the parser-inserted loader; it never runs
    expect(requestsTo(site, HUBSPOT).filter((u) => u !== `js.hs-scripts.com/${IDS.hubspot}.js`)).toEqual([]);
    expect(await pageValue(page, '__hsEmu')).toBeNull();
    // (the log names the URL as the page gave it: HubSpot's snippet is protocol-relative)
    expect(await heldFor(page, 'hubspot-tracking')).toEqual([
      { kind: 'script', target: `//js.hs-scripts.com/${IDS.hubspot}.js`, purpose: 'analytics' },
    ]);

    await grant(page, 'functional');
    await page.waitForTimeout(500);
    expect(await pageValue(page, '__hsEmu')).toBeNull();

    await grant(page, 'analytics');
    await expect.poll(() => hubspot.pageViews()).toEqual([{ portalId: IDS.hubspot, path: '/', anonymous: false }]);
    expect(await cookieCopies(site, /^(__hs(tc|sc|src)|hubspotutk)$/)).toEqual([
      '__hssc@.shop.test/',
      '__hssrc@.shop.test/',
      '__hstc@.shop.test/',
      'hubspotutk@.shop.test/',
    ]);
    expect(requestsTo(site, /hsadspixel\.net$|hscollectedforms\.net$/)).toEqual([]);
    expect(await cookieCopies(site, /^_fbp$/)).toEqual([]);
    await site.close();
  });
});
