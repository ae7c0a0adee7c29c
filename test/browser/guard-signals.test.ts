/**
 * Consent signals (issue 11 part 4), in Chromium, with a guard built from a
 * test catalog (test/fixtures/guard/signal-catalog.ts: a Google tag and
 * Google Ads sharing Consent Mode on `dataLayer`, Microsoft UET on `uetq`,
 * HubSpot's tracking code on `_hsp`) and Google's documented gtag snippet
 * pasted in the page. The gtag.js the page loads is a stand-in: it notes the
 * `dataLayer` it finds and writes a `_ga` cookie whatever the consent (a tag
 * that ignores it), so the test sees what the guard lets through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/consent/codec';
import { compileRules } from '../../src/guard/rules';
import { signalCatalog } from '../fixtures/guard/signal-catalog';
import { html, launchBrowser, openSite, type LaunchedBrowser, type Site } from './harness';
import { GIF, settle } from './guard-helpers';

let browser: LaunchedBrowser;
let guard: { body: string; contentType: string };
beforeAll(async () => {
  // @ts-expect-error plain JavaScript module without types
  const { bundleGuard } = await import('../fixtures/guard/bundle.mjs');
  [browser, guard] = await Promise.all([
    launchBrowser(),
    bundleGuard(compileRules(signalCatalog)).then((body: string) => ({ body, contentType: 'text/javascript' })),
  ]);
});
afterAll(async () => {
  await browser?.closeAll();
});

/**
 * Google's gtag snippet as Google documents it (developers.google.com/tag-platform/gtagjs/install),
 * with its loader inserted by code, as tag managers and CMS plugins insert it. (Written in the HTML,
 * Chromium's preload scanner requests it before any script runs: the class `consent-gate rewrite`
 * and the service worker close, docs/guard.md.) UET's loader the same way.
 */
const SNIPPET = `<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-TEST');
  var g = document.createElement('script'); g.async = true; g.src = 'https://www.googletagmanager.com/gtag/js?id=G-TEST'; document.head.appendChild(g);
  var u = document.createElement('script'); u.async = true; u.src = 'https://bat.bing.com/bat.js'; document.head.appendChild(u);
</script>`;

/** The stand-in gtag.js: what it found on dataLayer when it ran, then a `_ga` cookie and a ping. */
const GTAG = `window.gtagSaw = Array.from(window.dataLayer, function (a) { return Array.from(a); });
document.cookie = '_ga=GA1.1.1.1; path=/';
new Image().src = 'https://www.googletagmanager.com/g/collect?v=2';`;

const hosts = {
  'www.googletagmanager.com': (url: URL) =>
    url.pathname === '/gtag/js' ? { body: GTAG, contentType: 'text/javascript' } : { body: GIF, contentType: 'image/gif' },
  'bat.bing.com': () => ({ body: 'window.uetRan = true;', contentType: 'text/javascript' }),
};

async function open(config: object, record?: string, before = ''): Promise<Site> {
  const head = `${before}<script>window.consentGateConfig = ${JSON.stringify(config)};</script><script src="/guard.js"></script>${SNIPPET}`;
  const site = await openSite(browser, { pages: { '/': html('<p>shop</p>', head), '/guard.js': guard }, hosts });
  if (record) await site.context.addCookies([{ name: 'consent_gate', value: encodeURIComponent(record), url: site.url('/') }]);
  await site.page.goto(site.url('/'));
  await site.page.waitForLoadState('load');
  await settle(site);
  return site;
}

/** dataLayer, uetq and _hsp as plain arrays. */
const queues = (site: Site) =>
  site.page.evaluate(() => ({
    dataLayer: Array.from((window as any).dataLayer, (a: any) => Array.from(a)),
    uetq: (window as any).uetq.slice(),
    hsp: (window as any)._hsp.slice(),
    banner: (window as any).disableHubSpotCookieBanner,
  }));
const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
const google = (site: Site) => site.requestsTo('www.googletagmanager.com').map((r) => r.path);
const grant = (site: Site, ...purposes: string[]) =>
  site.page.evaluate((granted) => (window as any).__consentGateGuard.update((_v: string, p: string) => granted.includes(p)), purposes);
const record = (d: object) =>
  encodeRecord({
    v: 1,
    p: '1',
    d: { functional: false, analytics: false, marketing: false, ...d },
    o: {},
    t: Date.now(),
    id: 'abcdefghijklmnopqrstuv',
  });

describe('guard: consent signals (Chromium)', () => {
  it("basic (default): the default is on dataLayer before the page's own config, Google's hosts are held, update follows a grant and then the tag runs", async () => {
    const site = await open({ vendors: { 'google-tag': true, 'google-ads': true, uet: true, 'hubspot-tracking': true } });
    const before = await queues(site);
    expect(before.dataLayer[0]).toEqual(['consent', 'default', DENIED]);
    expect(before.dataLayer.slice(1).map((a) => a[0])).toEqual(['js', 'config']);
    expect(before.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }]);
    expect(before.hsp).toEqual([['setHubSpotConsent', { analytics: false, advertisement: false, functionality: false }]]);
    expect(before.banner).toBe(true);
    expect(google(site)).toEqual([]);
    expect(site.requestsTo('bat.bing.com')).toEqual([]);
    await grant(site, 'analytics');
    await expect.poll(() => site.page.evaluate(() => (window as any).gtagSaw)).toBeTruthy();
    const after = await queues(site);
    expect(after.dataLayer[3]).toEqual(['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]);
    expect(after.dataLayer).toHaveLength(4);
    // the tag found the default, its config and the update when it ran
    expect((await site.page.evaluate(() => (window as any).gtagSaw)).map((a: any[]) => a.slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['js', after.dataLayer[1][1]],
      ['config', 'G-TEST'],
      ['consent', 'update'],
    ]);
    expect(after.hsp.at(-1)).toEqual(['setHubSpotConsent', { analytics: true, advertisement: false, functionality: false }]);
    // UET reads ad_storage only: no change, no update
    expect(after.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }]);
    expect(await site.cookieNames()).toContain('_ga');
    // the same permission again pushes nothing
    await grant(site, 'analytics');
    expect((await queues(site)).dataLayer).toHaveLength(4);
    await grant(site, 'analytics', 'marketing');
    const last = await queues(site);
    expect(last.uetq.slice(3)).toEqual(['consent', 'update', { ad_storage: 'granted' }]);
    expect(last.dataLayer.at(-1)).toEqual([
      'consent',
      'update',
      { ...DENIED, analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
    ]);
    await expect.poll(() => site.requestsTo('bat.bing.com').length).toBe(1);
    await site.close();
  });

  it('a record that exists is in the default already', async () => {
    const site = await open({ vendors: { 'google-tag': true } }, record({ analytics: true, functional: true }));
    const q = await queues(site);
    expect(q.dataLayer[0]).toEqual([
      'consent',
      'default',
      { ...DENIED, analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' },
    ]);
    expect(q.hsp).toEqual([['setHubSpotConsent', { analytics: true, advertisement: false, functionality: true }]]);
    await expect.poll(() => google(site)).toContain('/gtag/js');
    await site.close();
  });

  it("consentMode: types over the vendor's, region and wait_for_update in the default, ads_data_redaction and url_passthrough as set commands after it", async () => {
    const consentMode = {
      types: { security_storage: 'denied', ad_user_data: 'analytics' },
      region: ['ES', 'US-CA'],
      waitForUpdate: 500,
      adsDataRedaction: true,
      urlPassthrough: false,
    };
    const site = await open({ vendors: { 'google-tag': true }, consentMode }, record({ analytics: true }));
    const q = await queues(site);
    expect(q.dataLayer.slice(0, 3)).toEqual([
      [
        'consent',
        'default',
        {
          ...DENIED,
          security_storage: 'denied',
          analytics_storage: 'granted',
          ad_user_data: 'granted',
          region: ['ES', 'US-CA'],
          wait_for_update: 500,
        },
      ],
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', false],
    ]);
    expect(q.dataLayer[3]![0]).toBe('js');
    await site.close();
  });

  it('a page that has its own gtag before the guard gets the default through it (the guard defines none)', async () => {
    const own =
      '<script>window.dataLayer = []; window.gtag = function () { window.ownGtag = (window.ownGtag || 0) + 1; dataLayer.push(arguments); };</script>';
    const site = await open({ vendors: { 'google-tag': true } }, undefined, own);
    expect(await site.page.evaluate(() => (window as any).ownGtag)).toBe(1);
    expect((await queues(site)).dataLayer[0]).toEqual(['consent', 'default', DENIED]);
    await site.close();
  });

  it("advanced: Google's tag loads before consent with denied defaults and sends its pings, but its _ga cookie is held until analytics is granted", async () => {
    const site = await open({ vendors: { 'google-tag': { consentMode: 'advanced' }, uet: true } });
    await expect.poll(() => site.page.evaluate(() => (window as any).gtagSaw)).toBeTruthy();
    expect((await site.page.evaluate(() => (window as any).gtagSaw))[0]).toEqual(['consent', 'default', DENIED]);
    await expect.poll(() => google(site)).toEqual(['/gtag/js', '/g/collect']);
    expect(await site.cookieNames()).toEqual([]);
    // UET is basic: held
    expect(site.requestsTo('bat.bing.com')).toEqual([]);
    const log = await site.page.evaluate(() => (window as any).__consentGateGuard.blocked().map((e: any) => [e.kind, e.target, e.vendor]));
    expect(log).toContainEqual(['cookie', '_ga', 'google-tag']);
    await grant(site, 'analytics');
    await site.page.evaluate(() => (document.cookie = '_ga=GA1.1.2.2; path=/'));
    expect(await site.cookieNames()).toEqual(['_ga']);
    await site.close();
  });
});
