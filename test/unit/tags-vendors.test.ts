/**
 * Per tag vendor: option errors (exact messages naming the path), the head
 * guard's compiled rules for its hosts, cookies and keys, and the adapter's
 * logic (the documented snippet, never a second copy, the vendor's consent
 * calls). What a browser decides is proven in test/browser/tags-*.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config';
import { ConsentGateConfigError } from '../../src/errors';
import { compileRules, matchCookie, matchCookieWrite, matchKey, matchUrl, type CompiledRules } from '../../src/guard/rules';
import type { Purpose, Vendor, VendorContext } from '../../src/types';
import { catalog } from '../../vendors/index';
import { queueOf, scriptOnPage } from '../../vendors/_tags';
import { dataLayerOf, gtagOf, hasCommand } from '../../vendors/_google';
import googleAnalytics from '../../vendors/google-analytics';
import googleAds from '../../vendors/google-ads';
import googleTagManager from '../../vendors/google-tag-manager';
import hubspotTracking from '../../vendors/hubspot-tracking';
import metaPixel from '../../vendors/meta-pixel';
import linkedinInsight from '../../vendors/linkedin-insight';
import microsoftUet from '../../vendors/microsoft-uet';
import microsoftClarity, { clarityConsent } from '../../vendors/microsoft-clarity';
import hotjar from '../../vendors/hotjar';

const all = compileRules(catalog);
const CONSENT_MODE_EXPECTED =
  '"basic" (the tag is held back until its purpose is granted; the default) or "advanced" (the tag loads with denied defaults and sends cookieless pings; its cookies stay held back until granted)';

function messageOf(input: unknown): string {
  try {
    resolveConfig(input, catalog);
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentGateConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConsentGateConfigError');
}
const config = (id: string, options: Record<string, unknown> | true) => ({ vendors: { [id]: options } });

/** `{ v, p }` as the guard's matchers answer. */
const hit = (v: string, p: Purpose) => ({ v, p });

/** A vendor context over jsdom's window: records inserted scripts (appended to <head>, never fetched) and answers `allows` from a list. */
function contextFor(vendor: Vendor, options: Record<string, unknown>, allowed: Purpose[] = [], onInsert?: (src: string) => void) {
  const inserted: [string, Record<string, string>][] = [];
  const ctx: VendorContext = {
    vendor,
    options,
    window: window as Window & typeof globalThis,
    document,
    allows: (p) => p === 'necessary' || allowed.includes(p),
    insertScript: async (src, attributes = {}) => {
      inserted.push([src, attributes]);
      const el = document.createElement('script');
      for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
      el.setAttribute('src', src);
      document.head.appendChild(el);
      onInsert?.(src);
      return el;
    },
    deleteCookies: () => undefined,
    removeStorage: () => undefined,
  };
  return { ctx, inserted };
}

/** gtag commands on dataLayer as plain arrays (Arguments objects copied). */
const commands = () =>
  Array.from(dataLayerOf(window) as ArrayLike<unknown>, (e) =>
    e && typeof e === 'object' && 'length' in (e as object) ? Array.from(e as ArrayLike<unknown>) : e,
  );

const GLOBALS = [
  'dataLayer',
  'gtag',
  'fbq',
  '_fbq',
  'uetq',
  'UET',
  'clarity',
  'hj',
  '_hjSettings',
  '_hsp',
  '_hsq',
  'lintrk',
  '_linkedin_partner_id',
  '_linkedin_data_partner_ids',
];
beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  for (const g of GLOBALS) delete (window as unknown as Record<string, unknown>)[g];
});
afterEach(() => {
  document.head.innerHTML = '';
});

describe('option errors name the path and the expected value', () => {
  it('Google Analytics: measurementId, consentMode, hostBase, an unknown option', () => {
    expect(messageOf(config('google-analytics', { measurementId: 'UA-12345-1' }))).toBe(
      'consent-gate config: vendors.google-analytics.measurementId is "UA-12345-1"; expected your GA4 measurement id, "G-" then capital letters and digits, such as "G-ABC123DEF4"',
    );
    expect(messageOf(config('google-analytics', { measurementId: 'g-abc123' }))).toMatch(
      /^consent-gate config: vendors\.google-analytics\.measurementId is "g-abc123"; expected your GA4 measurement id/,
    );
    expect(messageOf(config('google-analytics', { consentMode: 'full' }))).toBe(
      `consent-gate config: vendors.google-analytics.consentMode is "full"; expected ${CONSENT_MODE_EXPECTED}`,
    );
    expect(messageOf(config('google-analytics', { hostBase: 'http://localhost/vendor' }))).toBe(
      'consent-gate config: vendors.google-analytics.hostBase is "http://localhost/vendor"; expected a URL containing {host}, such as "http://localhost:4173/vendor/{host}"',
    );
    expect(messageOf(config('google-analytics', { measurementID: 'G-ABC123' }))).toBe(
      'consent-gate config: vendors.google-analytics.measurementID is "G-ABC123"; expected one of this vendor\'s options: "measurementId", "consentMode", "hostBase"',
    );
  });

  it('Google Ads: conversionId (a number is not a string), consentMode', () => {
    expect(messageOf(config('google-ads', { conversionId: 123456789 }))).toBe(
      'consent-gate config: vendors.google-ads.conversionId is 123456789; expected your Google Ads conversion id, "AW-" then digits, such as "AW-123456789"',
    );
    expect(messageOf(config('google-ads', { conversionId: 'AW-123456789/AbC-D_efG' }))).toMatch(
      /^consent-gate config: vendors\.google-ads\.conversionId is "AW-123456789\/AbC-D_efG"; expected your Google Ads conversion id/,
    );
    expect(messageOf(config('google-ads', { consentMode: true }))).toBe(
      `consent-gate config: vendors.google-ads.consentMode is true; expected ${CONSENT_MODE_EXPECTED}`,
    );
  });

  it('Google Tag Manager: containerId', () => {
    expect(messageOf(config('google-tag-manager', { containerId: 'GTM_ABC1234' }))).toBe(
      'consent-gate config: vendors.google-tag-manager.containerId is "GTM_ABC1234"; expected your Google Tag Manager container id, "GTM-" then capital letters and digits, such as "GTM-ABC1234"',
    );
  });

  it('HubSpot tracking: portalId, region', () => {
    expect(messageOf(config('hubspot-tracking', { portalId: 'abc' }))).toBe(
      'consent-gate config: vendors.hubspot-tracking.portalId is "abc"; expected your HubSpot account id as a string of digits, e.g. "1234567"',
    );
    expect(messageOf(config('hubspot-tracking', { region: 'ap1' }))).toBe(
      'consent-gate config: vendors.hubspot-tracking.region is "ap1"; expected one of "na1", "eu1"',
    );
  });

  it('Meta Pixel, LinkedIn, UET, Clarity, Hotjar: their ids', () => {
    expect(messageOf(config('meta-pixel', { pixelId: '1234' }))).toBe(
      'consent-gate config: vendors.meta-pixel.pixelId is "1234"; expected your Meta pixel id, a string of 10 to 20 digits such as "123456789012345"',
    );
    expect(messageOf(config('linkedin-insight', { partnerId: 'li-123' }))).toBe(
      'consent-gate config: vendors.linkedin-insight.partnerId is "li-123"; expected your LinkedIn partner id, a string of digits such as "123456"',
    );
    expect(messageOf(config('microsoft-uet', { tagId: '12' }))).toBe(
      'consent-gate config: vendors.microsoft-uet.tagId is "12"; expected your UET tag id, a string of digits such as "12345678"',
    );
    expect(messageOf(config('microsoft-uet', { consentMode: 'Basic' }))).toBe(
      `consent-gate config: vendors.microsoft-uet.consentMode is "Basic"; expected ${CONSENT_MODE_EXPECTED}`,
    );
    expect(messageOf(config('microsoft-clarity', { projectId: 'ABCDE12345' }))).toBe(
      'consent-gate config: vendors.microsoft-clarity.projectId is "ABCDE12345"; expected your Clarity project id, lowercase letters and digits such as "abcde12345"',
    );
    expect(messageOf(config('hotjar', { siteId: 1234567 }))).toBe(
      'consent-gate config: vendors.hotjar.siteId is 1234567; expected your Hotjar site id, a string of digits such as "1234567"',
    );
    expect(messageOf(config('hotjar', { siteId: '1234567', consentMode: 'advanced' }))).toBe(
      'consent-gate config: vendors.hotjar.consentMode is "advanced"; expected one of this vendor\'s options: "siteId", "hostBase"',
    );
  });

  it('valid options (or true, with the snippet pasted) resolve; the purposes offered follow the vendors named', () => {
    const ok = resolveConfig(
      {
        vendors: {
          'google-analytics': { measurementId: 'G-ABC123DEF4', consentMode: 'advanced' },
          'google-ads': { conversionId: 'AW-123456789' },
          'google-tag-manager': { containerId: 'GTM-ABC1234', consentMode: 'basic' },
          'hubspot-tracking': { portalId: '1234567', region: 'eu1' },
          'meta-pixel': { pixelId: '123456789012345' },
          'linkedin-insight': { partnerId: '123456' },
          'microsoft-uet': { tagId: '12345678', hostBase: '/vendor/{host}' },
          'microsoft-clarity': { projectId: 'abcde12345' },
          hotjar: true,
        },
      },
      catalog,
    );
    expect(ok.vendors.map((v) => v.vendor?.id)).toEqual([
      'google-analytics',
      'google-ads',
      'google-tag-manager',
      'hubspot-tracking',
      'meta-pixel',
      'linkedin-insight',
      'microsoft-uet',
      'microsoft-clarity',
      'hotjar',
    ]);
    expect(ok.purposes).toEqual(['analytics', 'marketing']);
    expect(resolveConfig({ vendors: { hotjar: true } }, catalog).purposes).toEqual(['analytics']);
    // GA4 alone offers marketing too: Google signals (stats.g.doubleclick.net) is marketing
    expect(resolveConfig({ vendors: { 'google-analytics': true } }, catalog).purposes).toEqual(['analytics', 'marketing']);
  });
});

describe("the head guard's compiled rules hold back each tag's hosts, cookies and keys (whole catalog)", () => {
  const url = (u: string) => matchUrl(all, u, 'https://www.shop.test/');

  it('Google Analytics: gtag.js, both collection host families, Google signals under marketing; nothing merely alike', () => {
    expect(url('https://www.googletagmanager.com/gtag/js?id=G-ABC123DEF4')).toEqual(hit('google-analytics', 'analytics'));
    expect(url('https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC123DEF4')).toEqual(hit('google-analytics', 'analytics'));
    expect(url('https://www.google-analytics.com/g/collect')).toEqual(hit('google-analytics', 'analytics'));
    expect(url('https://region1.analytics.google.com/g/collect')).toEqual(hit('google-analytics', 'analytics'));
    expect(url('https://www.googletagmanager.com/a?id=G-ABC123DEF4')).toEqual(hit('google-analytics', 'analytics'));
    expect(url('https://stats.g.doubleclick.net/g/collect')).toEqual(hit('google-analytics', 'marketing'));
    expect(url('https://google-analytics.com.shop.test/g/collect')).toBeNull();
    expect(url('https://analytics.google.com/analytics/web/')).toBeNull();
    for (const name of ['_ga', '_ga_ABC123DEF4', '_gid', '_gat', '_gat_gtag_UA_1_1', '_dc_gtm_UA-1-1'])
      expect(matchCookie(all, name), name).toEqual(hit('google-analytics', 'analytics'));
    for (const name of ['ga', '_gax', '_gaz_1', 'cart']) expect(matchCookie(all, name), name).toBeNull();
    expect(matchCookieWrite(all, '_ga=GA1.1.123.456; path=/; domain=.shop.test; max-age=63072000', 'consent_gate')).toEqual(
      hit('google-analytics', 'analytics'),
    );
    expect(matchCookieWrite(all, '_ga=; path=/; domain=.shop.test; max-age=0', 'consent_gate')).toBeNull();
  });

  it('Google Ads: its hosts; www.google.com only under /pagead/ (reCAPTCHA and Maps pass); gtag.js is held by GA4 first in the catalog', () => {
    for (const u of [
      'https://www.googleadservices.com/pagead/conversion/123456789/',
      'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/',
      'https://www.google.com/pagead/1p-conversion/123456789/',
      'https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js',
      'https://td.doubleclick.net/td/rul/123456789',
      'https://bid.g.doubleclick.net/xbbe/pixel',
    ]) {
      expect(url(u), u).toEqual(hit('google-ads', 'marketing'));
    }
    expect(url('https://www.google.com/recaptcha/api.js')).toBeNull();
    // a Maps embed is not Google Ads': the catalog's Google Maps holds it
    expect(url('https://www.google.com/maps/embed?pb=1')).toEqual(hit('google-maps', 'functional'));
    expect(url('https://www.googletagmanager.com/gtag/js?id=AW-123456789')).toEqual(hit('google-analytics', 'analytics'));
    expect(matchUrl(compileRules([googleAds]), 'https://www.googletagmanager.com/gtag/js?id=AW-123456789')).toEqual(
      hit('google-ads', 'marketing'),
    );
    for (const name of ['_gcl_au', '_gcl_aw', '_gcl_dc', '_gac_UA-1-1', '_gac_gb_123'])
      expect(matchCookie(all, name), name).toEqual(hit('google-ads', 'marketing'));
    expect(matchCookie(all, '_gcl')).toBeNull();
    expect(matchKey(all, '_gcl_ls', 'l')).toEqual(hit('google-ads', 'marketing'));
    expect(matchKey(all, '_gcl_ls', 's')).toBeNull();
  });

  it("Google Tag Manager: gtm.js and ns.html on the tag host, more specific than GA4's wildcard", () => {
    expect(url('https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234')).toEqual(hit('google-tag-manager', 'marketing'));
    expect(url('https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234&l=myLayer')).toEqual(hit('google-tag-manager', 'marketing'));
    expect(url('https://www.googletagmanager.com/ns.html?id=GTM-ABC1234')).toEqual(hit('google-tag-manager', 'marketing'));
    expect(url('https://googletagmanager.com/gtm.js')).toBeNull();
  });

  it('HubSpot tracking: by itself its loader is analytics; in the whole catalog HubSpot Conversations (listed first) holds the shared rows until the config claims them', () => {
    const own = compileRules([hubspotTracking]);
    expect(matchUrl(own, 'https://js.hs-scripts.com/1234567.js')).toEqual(hit('hubspot-tracking', 'analytics'));
    expect(matchUrl(own, 'https://js-eu1.hs-scripts.com/1234567.js')).toEqual(hit('hubspot-tracking', 'analytics'));
    expect(matchUrl(own, 'https://js.hs-analytics.net/analytics/1700000000000/1234567.js')).toEqual(hit('hubspot-tracking', 'analytics'));
    expect(matchUrl(own, 'https://track.hubspot.com/__ptq.gif?a=1')).toEqual(hit('hubspot-tracking', 'analytics'));
    expect(matchUrl(own, 'https://js.hsadspixel.net/fb.js')).toEqual(hit('hubspot-tracking', 'marketing'));
    expect(matchUrl(own, 'https://js.hscollectedforms.net/collectedforms.js')).toEqual(hit('hubspot-tracking', 'marketing'));
    expect(matchUrl(own, 'https://js.usemessages.com/conversations-embed.js')).toBeNull();
    expect(matchCookie(own, '__hstc')).toEqual(hit('hubspot-tracking', 'analytics'));
    expect(matchCookie(own, '_fbp')).toEqual(hit('hubspot-tracking', 'marketing'));
    // necessary rows never reach the guard
    expect(matchCookie(own, '__hs_do_not_track')).toBeNull();
    expect(url('https://js.hs-scripts.com/1234567.js')).toEqual(hit('hubspot-conversations', 'functional'));
    expect(matchCookie(all, '__hstc')).toEqual(hit('hubspot-conversations', 'analytics'));
  });

  it('Meta Pixel: connect.facebook.net and the /tr endpoint; other facebook.com pages pass; _fbp is held (HubSpot Conversations first) as marketing', () => {
    expect(url('https://connect.facebook.net/en_US/fbevents.js')).toEqual(hit('meta-pixel', 'marketing'));
    expect(url('https://connect.facebook.net/signals/config/123456789012345?v=2.9.1')).toEqual(hit('meta-pixel', 'marketing'));
    expect(url('https://www.facebook.com/tr?id=123456789012345&ev=PageView&noscript=1')).toEqual(hit('meta-pixel', 'marketing'));
    expect(url('https://www.facebook.com/tr/')).toEqual(hit('meta-pixel', 'marketing'));
    expect(url('https://www.facebook.com/shop.test')).toBeNull();
    expect(matchCookie(all, '_fbc')).toEqual(hit('meta-pixel', 'marketing'));
    expect(matchCookie(all, '_fbp')).toEqual(hit('hubspot-conversations', 'marketing'));
    expect(matchCookie(compileRules([metaPixel]), '_fbp')).toEqual(hit('meta-pixel', 'marketing'));
  });

  it('LinkedIn: insight.min.js (not other static files), the collect endpoints, its cookies and key', () => {
    expect(url('https://snap.licdn.com/li.lms-analytics/insight.min.js')).toEqual(hit('linkedin-insight', 'marketing'));
    expect(url('https://snap.licdn.com/other/logo.png')).toBeNull();
    expect(url('https://px.ads.linkedin.com/collect/?pid=123456&fmt=gif')).toEqual(hit('linkedin-insight', 'marketing'));
    expect(url('https://dc.ads.linkedin.com/collect/')).toEqual(hit('linkedin-insight', 'marketing'));
    expect(url('https://www.linkedin.com/company/shop')).toBeNull();
    for (const name of ['li_fat_id', 'li_giant', 'li_sugr', 'ln_or'])
      expect(matchCookie(all, name), name).toEqual(hit('linkedin-insight', 'marketing'));
    expect(matchCookie(all, 'li_fat')).toBeNull();
    expect(matchKey(all, 'li_adsId', 'l')).toEqual(hit('linkedin-insight', 'marketing'));
  });

  it('Microsoft UET: bat.bing.com; its cookies; its localStorage copies (prefix), not sessionStorage', () => {
    expect(url('https://bat.bing.com/bat.js')).toEqual(hit('microsoft-uet', 'marketing'));
    expect(url('//bat.bing.com/action/0?ti=12345678&Ver=2')).toEqual(hit('microsoft-uet', 'marketing'));
    expect(url('https://www.bing.com/search?q=shop')).toBeNull();
    for (const name of ['_uetsid', '_uetvid', '_uetmsclkid'])
      expect(matchCookie(all, name), name).toEqual(hit('microsoft-uet', 'marketing'));
    expect(matchCookie(all, '_uetsid_exp')).toBeNull();
    for (const key of ['_uetsid', '_uetsid_exp', '_uetvid', '_uetvid_exp'])
      expect(matchKey(all, key, 'l'), key).toEqual(hit('microsoft-uet', 'marketing'));
    expect(matchKey(all, '_uetsid', 's')).toBeNull();
  });

  it('Microsoft Clarity: the loader and every clarity.ms host; _clck, _clsk; _cltk in sessionStorage', () => {
    expect(url('https://www.clarity.ms/tag/abcde12345')).toEqual(hit('microsoft-clarity', 'analytics'));
    expect(url('https://y.clarity.ms/collect')).toEqual(hit('microsoft-clarity', 'analytics'));
    expect(url('https://scripts.clarity.ms/0.8.9/clarity.js')).toEqual(hit('microsoft-clarity', 'analytics'));
    expect(url('https://clarity.ms.shop.test/')).toBeNull();
    expect(matchCookie(all, '_clck')).toEqual(hit('microsoft-clarity', 'analytics'));
    expect(matchCookie(all, '_clsk')).toEqual(hit('microsoft-clarity', 'analytics'));
    expect(matchKey(all, '_cltk', 's')).toEqual(hit('microsoft-clarity', 'analytics'));
    expect(matchKey(all, '_cltk', 'l')).toBeNull();
  });

  it('Hotjar: every hotjar.com and hotjar.io host (WebSocket too), every _hj cookie, its keys', () => {
    expect(url('https://static.hotjar.com/c/hotjar-1234567.js?sv=6')).toEqual(hit('hotjar', 'analytics'));
    expect(url('https://script.hotjar.com/modules.1.js')).toEqual(hit('hotjar', 'analytics'));
    expect(url('wss://ws.hotjar.com/api/v2/client/ws')).toEqual(hit('hotjar', 'analytics'));
    expect(url('https://content.hotjar.io/')).toEqual(hit('hotjar', 'analytics'));
    expect(url('https://hotjar.com/')).toBeNull();
    for (const name of ['_hjSessionUser_1234567', '_hjSession_1234567', '_hjTLDTest', '_hjIncludedInSessionSample_1234567', '_hjid'])
      expect(matchCookie(all, name), name).toEqual(hit('hotjar', 'analytics'));
    expect(matchCookie(all, 'hj')).toBeNull();
    expect(matchKey(all, '_hjUserAttributes', 'l')).toEqual(hit('hotjar', 'analytics'));
    expect(matchKey(all, 'hjViewportId', 'l')).toEqual(hit('hotjar', 'analytics'));
    expect(matchKey(all, '_hjRecordingLastActivity', 's')).toEqual(hit('hotjar', 'analytics'));
  });

  it('the catalog still fits the rule format (at most 36 vendors), and each vendor has an index in it', () => {
    const rules: CompiledRules = all;
    expect(rules.v.map((r) => r[0])).toEqual(catalog.map((v) => v.id));
    expect(catalog.length).toBeLessThanOrEqual(36);
  });
});

describe('the tag toolkit: a loader already on the page', () => {
  it("finds a script by its live src, the guard's held data-cg-src, the markup form's data-src, or through hostBase", () => {
    expect(scriptOnPage(document, undefined, 'bat.bing.com', '/bat.js')).toBeNull();
    for (const [attr, value] of [
      ['src', 'https://bat.bing.com/bat.js'],
      ['data-cg-src', '//bat.bing.com/bat.js'],
      ['data-src', 'https://bat.bing.com/bat.js?x=1'],
    ]) {
      document.head.innerHTML = `<script type="text/plain" ${attr}="${value}"></script>`;
      expect(scriptOnPage(document, undefined, 'bat.bing.com', '/bat.js'), attr).toBe(document.head.firstElementChild);
    }
    document.head.innerHTML = '<script src="/vendor/bat.bing.com/bat.js"></script>';
    expect(scriptOnPage(document, undefined, 'bat.bing.com', '/bat.js')).toBeNull();
    expect(scriptOnPage(document, '/vendor/{host}', 'bat.bing.com', '/bat.js')).not.toBeNull();
    document.head.innerHTML =
      '<script src="https://bat.bing.com/other.js"></script><script src="https://evil.test/bat.bing.com/bat.js"></script>';
    expect(scriptOnPage(document, undefined, 'bat.bing.com', '/bat.js')).toBeNull();
    document.head.innerHTML = '<script src="https://www.googletagmanager.com/gtm.js?id=GTM-AAAA1"></script>';
    expect(
      scriptOnPage(document, undefined, 'www.googletagmanager.com', '/gtm.js', (u) => u.searchParams.get('id') === 'GTM-BBBB2'),
    ).toBeNull();
    expect(
      scriptOnPage(document, undefined, 'www.googletagmanager.com', '/gtm.js', (u) => u.searchParams.get('id') === 'GTM-AAAA1'),
    ).not.toBeNull();
  });

  it('queueOf makes a missing queue an array, keeps a vendor object that took it over', () => {
    queueOf(window, '_hsp').push(['a']);
    expect((window as any)._hsp).toEqual([['a']]);
    const live = { push: (x: unknown) => x };
    (window as any)._hsp = live;
    expect(queueOf(window, '_hsp')).toBe(live);
  });
});

describe("adapters: the documented snippet, never twice; the vendor's own consent calls", () => {
  it('Google Analytics: gtag() pushes Arguments objects; js + config, then gtag.js; a second load adds nothing; no id: nothing', async () => {
    const { ctx, inserted } = contextFor(googleAnalytics, {});
    await googleAnalytics.adapter.load!(ctx);
    expect(inserted).toEqual([]);
    expect((window as any).dataLayer).toBeUndefined();

    const run = contextFor(googleAnalytics, { measurementId: 'G-ABC123DEF4' });
    await googleAnalytics.adapter.load!(run.ctx);
    expect(run.inserted).toEqual([['https://www.googletagmanager.com/gtag/js?id=G-ABC123DEF4', {}]]);
    const layer = (window as any).dataLayer as unknown[];
    expect(Object.prototype.toString.call(layer[0])).toBe('[object Arguments]');
    expect(commands()).toEqual([
      ['js', expect.any(Date)],
      ['config', 'G-ABC123DEF4'],
    ]);
    await googleAnalytics.adapter.load!(run.ctx);
    expect(run.inserted).toHaveLength(1);
    expect(commands()).toHaveLength(2);
  });

  it("Google Analytics with the site's snippet pasted (held by the guard): no second gtag.js, no second config", async () => {
    document.head.innerHTML = '<script async data-cg-src="https://www.googletagmanager.com/gtag/js?id=G-ABC123DEF4"></script>';
    const gtag = gtagOf(window);
    gtag('js', new Date());
    gtag('config', 'G-ABC123DEF4');
    const { ctx, inserted } = contextFor(googleAnalytics, { measurementId: 'G-ABC123DEF4' });
    await googleAnalytics.adapter.load!(ctx);
    expect(inserted).toEqual([]);
    expect(commands()).toHaveLength(2);
    expect(hasCommand(dataLayerOf(window), 'config', 'G-ABC123DEF4')).toBe(true);
  });

  it('Google Ads next to GA4: its config joins the one gtag.js (Google: one loader, one config per id); through hostBase', async () => {
    const a = contextFor(googleAnalytics, { measurementId: 'G-ABC123DEF4', hostBase: '/vendor/{host}' });
    await googleAnalytics.adapter.load!(a.ctx);
    const b = contextFor(googleAds, { conversionId: 'AW-123456789', hostBase: '/vendor/{host}' });
    await googleAds.adapter.load!(b.ctx);
    expect(a.inserted.map((i) => i[0])).toEqual(['/vendor/www.googletagmanager.com/gtag/js?id=G-ABC123DEF4']);
    expect(b.inserted).toEqual([]);
    expect(commands()).toEqual([
      ['js', expect.any(Date)],
      ['config', 'G-ABC123DEF4'],
      ['config', 'AW-123456789'],
    ]);
  });

  it('Google Tag Manager: the gtm.js start event, then gtm.js for this container; another container still loads', async () => {
    const { ctx, inserted } = contextFor(googleTagManager, { containerId: 'GTM-ABC1234' });
    await googleTagManager.adapter.load!(ctx);
    expect(inserted).toEqual([['https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234', {}]]);
    expect((window as any).dataLayer).toEqual([{ 'gtm.start': expect.any(Number), event: 'gtm.js' }]);
    await googleTagManager.adapter.load!(ctx);
    expect(inserted).toHaveLength(1);
    const other = contextFor(googleTagManager, { containerId: 'GTM-XYZ9876' });
    await googleTagManager.adapter.load!(other.ctx);
    expect(other.inserted.map((i) => i[0])).toEqual(['https://www.googletagmanager.com/gtm.js?id=GTM-XYZ9876']);
  });

  it("HubSpot tracking: the loader with HubSpot's id (eu1 host), not when a loader is on the page; revoke pushes revokeCookieConsent for analytics or marketing only", async () => {
    const { ctx, inserted } = contextFor(hubspotTracking, { portalId: '1234567', region: 'eu1' });
    await hubspotTracking.adapter.load!(ctx);
    expect(inserted).toEqual([['https://js-eu1.hs-scripts.com/1234567.js', { id: 'hs-script-loader', defer: '' }]]);
    await hubspotTracking.adapter.load!(ctx);
    expect(inserted).toHaveLength(1);
    document.head.innerHTML = '<script type="text/javascript" async defer data-cg-src="//js.hs-scripts.com/1234567.js"></script>';
    const pasted = contextFor(hubspotTracking, { portalId: '1234567' });
    await hubspotTracking.adapter.load!(pasted.ctx);
    expect(pasted.inserted).toEqual([]);

    hubspotTracking.adapter.revoke!(ctx, ['functional']);
    expect((window as any)._hsp).toBeUndefined();
    hubspotTracking.adapter.revoke!(ctx, ['analytics']);
    expect((window as any)._hsp).toEqual([['revokeCookieConsent']]);
    (window as any)._hsp = {
      push: () => {
        throw new Error('broken');
      },
    };
    expect(() => hubspotTracking.adapter.revoke!(ctx, ['marketing'])).not.toThrow();
  });

  it('Meta Pixel: Meta\'s fbq stub with init and PageView queued, then fbevents.js; a pasted fbevents.js is left alone; revoke calls fbq("consent", "revoke")', async () => {
    const { ctx, inserted } = contextFor(metaPixel, { pixelId: '123456789012345' });
    metaPixel.adapter.revoke!(ctx, ['marketing']);
    expect((window as any).fbq).toBeUndefined();
    await metaPixel.adapter.load!(ctx);
    expect(inserted).toEqual([['https://connect.facebook.net/en_US/fbevents.js', {}]]);
    const fbq = (window as any).fbq;
    expect([fbq.loaded, fbq.version, fbq.push === fbq, (window as any)._fbq === fbq]).toEqual([true, '2.0', true, true]);
    expect(fbq.queue.map((a: ArrayLike<unknown>) => Array.from(a))).toEqual([
      ['init', '123456789012345'],
      ['track', 'PageView'],
    ]);
    metaPixel.adapter.revoke!(ctx, ['analytics']);
    expect(fbq.queue).toHaveLength(2);
    metaPixel.adapter.revoke!(ctx, ['marketing']);
    expect(Array.from(fbq.queue[2])).toEqual(['consent', 'revoke']);

    document.head.innerHTML = '<script async data-cg-src="https://connect.facebook.net/de_DE/fbevents.js"></script>';
    delete (window as any).fbq;
    const pasted = contextFor(metaPixel, { pixelId: '123456789012345' });
    await metaPixel.adapter.load!(pasted.ctx);
    expect(pasted.inserted).toEqual([]);
    expect((window as any).fbq).toBeUndefined();
  });

  it('LinkedIn: the partner id globals and the lintrk queue, then insight.min.js once', async () => {
    const { ctx, inserted } = contextFor(linkedinInsight, { partnerId: '123456' });
    (window as any)._linkedin_data_partner_ids = ['999'];
    await linkedinInsight.adapter.load!(ctx);
    expect(inserted).toEqual([['https://snap.licdn.com/li.lms-analytics/insight.min.js', { type: 'text/javascript' }]]);
    expect((window as any)._linkedin_partner_id).toBe('123456');
    expect((window as any)._linkedin_data_partner_ids).toEqual(['999', '123456']);
    (window as any).lintrk('track', { conversion_id: 1 });
    expect((window as any).lintrk.q).toEqual([['track', { conversion_id: 1 }]]);
    await linkedinInsight.adapter.load!(ctx);
    expect(inserted).toHaveLength(1);
  });

  it("Microsoft UET: uetq, bat.js, then new UET({ ti, q: uetq }) and pageLoad, as Microsoft's snippet does on load", async () => {
    const made: unknown[] = [];
    class UET {
      pushed: unknown[][] = [];
      constructor(readonly options: { ti: string; q: unknown }) {
        made.push(options);
      }
      push(...args: unknown[]) {
        this.pushed.push(args);
      }
    }
    (window as any).uetq = [['consent', 'default', { ad_storage: 'denied' }]];
    const { ctx, inserted } = contextFor(microsoftUet, { tagId: '12345678' }, [], () => ((window as any).UET = UET));
    await microsoftUet.adapter.load!(ctx);
    expect(inserted).toEqual([['https://bat.bing.com/bat.js', {}]]);
    expect(made).toEqual([{ ti: '12345678', q: [['consent', 'default', { ad_storage: 'denied' }]] }]);
    expect((window as any).uetq).toBeInstanceOf(UET);
    expect((window as any).uetq.pushed).toEqual([['pageLoad']]);
    await microsoftUet.adapter.load!(ctx);
    expect(made).toHaveLength(1);
  });

  it('Microsoft Clarity: prepare states the decision through consentv2 (queued on the stub); load inserts the tag; revoke denies', async () => {
    expect(clarityConsent(() => false)).toEqual({ ad_Storage: 'denied', analytics_Storage: 'denied' });
    expect(clarityConsent((p) => p === 'marketing')).toEqual({ ad_Storage: 'denied', analytics_Storage: 'denied' });
    const { ctx, inserted } = contextFor(microsoftClarity, { projectId: 'abcde12345' }, ['analytics']);
    microsoftClarity.adapter.prepare!(ctx);
    const c = (window as any).clarity;
    expect(c.q.map((a: ArrayLike<unknown>) => Array.from(a))).toEqual([
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
    ]);
    await microsoftClarity.adapter.load!(ctx);
    expect(inserted).toEqual([['https://www.clarity.ms/tag/abcde12345', {}]]);
    expect((window as any).clarity).toBe(c);
    await microsoftClarity.adapter.load!(ctx);
    expect(inserted).toHaveLength(1);
    const both = contextFor(microsoftClarity, { projectId: 'abcde12345' }, ['marketing']);
    microsoftClarity.adapter.revoke!(both.ctx, ['analytics']);
    expect(Array.from(c.q[1])).toEqual(['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]);
    const adsOnly = contextFor(microsoftClarity, { projectId: 'abcde12345' }, ['analytics']);
    microsoftClarity.adapter.revoke!(adsOnly.ctx, ['marketing']);
    expect(Array.from(c.q[2])).toEqual(['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }]);
    microsoftClarity.adapter.revoke!(adsOnly.ctx, ['functional']);
    expect(c.q).toHaveLength(3);
  });

  it('Hotjar: the hj queue and _hjSettings, then the loader for the site (sv=6) once', async () => {
    const { ctx, inserted } = contextFor(hotjar, { siteId: '1234567' });
    await hotjar.adapter.load!(ctx);
    expect(inserted).toEqual([['https://static.hotjar.com/c/hotjar-1234567.js?sv=6', {}]]);
    expect((window as any)._hjSettings).toEqual({ hjid: 1234567, hjsv: 6 });
    (window as any).hj('identify', 'u1', { plan: 'pro' });
    expect((window as any).hj.q.map((a: ArrayLike<unknown>) => Array.from(a))).toEqual([['identify', 'u1', { plan: 'pro' }]]);
    await hotjar.adapter.load!(ctx);
    expect(inserted).toHaveLength(1);
  });
});
