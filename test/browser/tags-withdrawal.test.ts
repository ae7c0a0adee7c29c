/**
 * Withdrawal, in Chromium, for every catalog tag: after `consentGate.revoke(purpose)`
 * the vendor's first-party cookies (every copy: the exact host, the parent
 * domain, a sub-path) and its Web Storage keys are gone, in this tab and in a
 * second tab of the same site, and the vendor's own consent call was made
 * where the vendor has one. The cookies are deleted by the runtime's sweep,
 * from the catalog's declarations; the vendors' consent APIs delete nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { OptionalPurpose } from '../../src/types';
import { launchBrowser, type HostHandler, type LaunchedBrowser, type Site } from './harness';
import { googleEmulator } from '../../emulators/google/index.mjs';
import { metaPixelEmulator } from '../../emulators/meta-pixel/index.mjs';
import { linkedinInsightEmulator } from '../../emulators/linkedin-insight/index.mjs';
import { uetEmulator } from '../../emulators/microsoft-uet/index.mjs';
import { clarityEmulator } from '../../emulators/microsoft-clarity/index.mjs';
import { hotjarEmulator } from '../../emulators/hotjar/index.mjs';
import { hubspotTrackingEmulator } from '../../emulators/hubspot-tracking/index.mjs';
import { cookieCopies, grant, IDS, openTagSite, pageValue, ready, revoke, SNIPPETS, storageKeys } from './tags-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

interface Case {
  vendor: string;
  config: Record<string, unknown>;
  head: string;
  hosts: () => Record<string, HostHandler>;
  grant: string[];
  revoke: OptionalPurpose;
  /** The vendor's cookies (all of them must go) and the cookie the page must show before the test revokes. */
  cookies: RegExp;
  first: string;
  /** The vendor's Web Storage keys, and the ones it writes in every tab (sessionStorage). */
  keys?: RegExp;
  tabKeys?: string[];
  /** Cookies of another purpose or vendor that must stay. */
  kept?: RegExp;
  /** The vendor's own consent call, as its emulator logged it. */
  call?: (page: Page) => Promise<unknown>;
  callExpected?: unknown;
}

const CASES: Case[] = [
  {
    vendor: 'google-analytics',
    config: { 'google-analytics': true },
    head: SNIPPETS.gtag(IDS.ga),
    hosts: () => googleEmulator().handlers,
    grant: ['analytics'],
    revoke: 'analytics',
    cookies: /^_ga($|_)/,
    first: '_ga',
  },
  {
    vendor: 'google-ads',
    config: { 'google-analytics': true, 'google-ads': true },
    head: SNIPPETS.gtag(IDS.ga, ` gtag('config', '${IDS.ads}');`),
    hosts: () => googleEmulator().handlers,
    grant: ['analytics', 'marketing'],
    revoke: 'marketing',
    cookies: /^_g(cl|ac)_/,
    first: '_gcl_au',
    keys: /^_gcl_ls$/,
    // analytics stays granted: GA4's cookies stay
    kept: /^_ga($|_)/,
  },
  {
    vendor: 'meta-pixel',
    config: { 'meta-pixel': true },
    head: SNIPPETS.meta(IDS.meta),
    hosts: () => metaPixelEmulator().handlers,
    grant: ['marketing'],
    revoke: 'marketing',
    cookies: /^_fb[pc]$/,
    first: '_fbp',
    call: (page) => pageValue(page, '__metaEmu').then((e) => e.calls.filter((c: unknown[]) => c[0] === 'consent')),
    callExpected: [['consent', 'revoke']],
  },
  {
    vendor: 'linkedin-insight',
    config: { 'linkedin-insight': true },
    head: SNIPPETS.linkedin(IDS.linkedin),
    hosts: () => linkedinInsightEmulator().handlers,
    grant: ['marketing'],
    revoke: 'marketing',
    cookies: /^(li_|ln_or$)/,
    first: 'li_sugr',
    keys: /^li_adsId$/,
  },
  {
    vendor: 'microsoft-uet',
    config: { 'microsoft-uet': true },
    head: SNIPPETS.uet(IDS.uet),
    hosts: () => uetEmulator().handlers,
    grant: ['marketing'],
    revoke: 'marketing',
    cookies: /^_uet/,
    first: '_uetvid',
    keys: /^_uet/,
  },
  {
    vendor: 'microsoft-clarity',
    config: { 'microsoft-clarity': true },
    head: SNIPPETS.clarity(IDS.clarity),
    hosts: () => clarityEmulator().handlers,
    grant: ['analytics'],
    revoke: 'analytics',
    cookies: /^_cl(ck|sk)$/,
    first: '_clck',
    keys: /^_cltk$/,
    tabKeys: ['session:_cltk'],
    call: (page) => pageValue(page, '__clarityEmu').then((e) => e.calls.filter((c: unknown[]) => c[0] === 'consentv2')),
    callExpected: [['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]],
  },
  {
    vendor: 'hotjar',
    config: { hotjar: true },
    head: SNIPPETS.hotjar(IDS.hotjar),
    hosts: () => hotjarEmulator().handlers,
    grant: ['analytics'],
    revoke: 'analytics',
    cookies: /^_hj/,
    first: `_hjSessionUser_${IDS.hotjar}`,
    keys: /^(_hjUserAttributes|hjViewportId|_hjRecordingLastActivity)$/,
    tabKeys: ['session:_hjRecordingLastActivity'],
  },
  {
    vendor: 'hubspot-tracking',
    config: { 'hubspot-tracking': true },
    head: SNIPPETS.hubspot(IDS.hubspot),
    hosts: () => hubspotTrackingEmulator().handlers,
    grant: ['analytics'],
    revoke: 'analytics',
    cookies: /^(__hs(tc|sc|src)|hubspotutk)$/,
    first: '__hstc',
    call: (page) => pageValue(page, '__hsTrackEmu').then((e) => e.commands.filter((c: unknown[]) => c[1] === 'revokeCookieConsent')),
    callExpected: [['_hsp', 'revokeCookieConsent']],
  },
];

const GONE = { timeout: 3000 };

/** Copies of `name` on the exact host and on a sub-path, as other pages or older tag versions leave them. */
async function seedCopies(site: Site, name: string): Promise<void> {
  await site.context.addCookies([
    { name, value: 'host', domain: 'www.shop.test', path: '/' },
    { name, value: 'sub', domain: 'www.shop.test', path: '/shop' },
    { name, value: 'parent-sub', domain: '.shop.test', path: '/shop' },
    { name: 'cart', value: 'kept', domain: 'www.shop.test', path: '/' },
  ]);
}

describe('withdrawal: every tag leaves no first-party cookie or key behind, in this tab and another (Chromium)', () => {
  for (const c of CASES) {
    it(`${c.vendor}: revoke('${c.revoke}') deletes ${c.cookies} (host, parent domain, sub-path)${c.keys ? ` and ${c.keys}` : ''}${c.call ? ", and calls the vendor's consent API" : ''}`, async () => {
      const site = await openTagSite(browser, {
        config: { vendors: c.config },
        head: c.head,
        hosts: c.hosts(),
        paths: ['/shop/item', '/shop/other'],
      });
      const { page } = site;
      await grant(page, ...c.grant);
      await expect.poll(() => cookieCopies(site, c.cookies), { timeout: 10_000 }).toContain(`${c.first}@.shop.test/`);
      await seedCopies(site, c.first);
      expect((await cookieCopies(site, new RegExp(`^${c.first}$`))).length).toBe(4);

      // a second tab of the same site: consent is there, the tag runs in it too
      const other = await site.newPage();
      await other.goto(site.url('/shop/other'));
      await ready(other);
      for (const key of c.tabKeys ?? [])
        await expect.poll(() => storageKeys(other, new RegExp(`^${key.split(':')[1]}$`)), { timeout: 10_000 }).toEqual([key]);
      const keptBefore = c.kept ? await cookieCopies(site, c.kept) : [];

      await revoke(page, c.revoke);
      await expect.poll(() => cookieCopies(site, c.cookies), GONE).toEqual([]);
      if (c.keys) {
        await expect.poll(() => storageKeys(page, c.keys!), GONE).toEqual([]);
        await expect.poll(() => storageKeys(other, c.keys!), GONE).toEqual([]);
      }
      expect(await other.evaluate((p) => window.consentGate.decisions().purposes[p], c.revoke)).toBe(false);
      expect(await site.cookieNames()).toContain('cart');
      if (c.kept) expect(await cookieCopies(site, c.kept)).toEqual(keptBefore);
      if (c.call) await expect.poll(() => c.call!(page), GONE).toEqual(c.callExpected);
      // the tag may try again: nothing comes back
      await page.waitForTimeout(500);
      expect(await cookieCopies(site, c.cookies)).toEqual([]);
      await site.close();
    });
  }
});
