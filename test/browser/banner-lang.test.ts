/**
 * The banner's languages, its place on the page and the GPC notice, in
 * Chromium: the page's language (or config `lang`) picks the texts and only
 * that language's file is fetched; an unknown language shows English with one
 * warning; a site's `dir` is respected; `--consent-gate-banner-inset` follows
 * the notice; "Opt-out preference signal honored" shows by marketing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSite, type LaunchedBrowser } from './harness';
import { modal, notice, SHOP_CONFIG, shopPage } from './banner-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const languageFiles = (site: Awaited<ReturnType<typeof openSite>>) =>
  site.requests.map((r) => r.path).filter((p) => /^\/dist\/consent-gate-banner-.+\.js$/.test(p));

describe('banner languages (Chromium)', () => {
  const cases = [
    {
      name: '<html lang="de-AT">',
      lang: 'de-AT',
      config: SHOP_CONFIG,
      file: 'de',
      tag: 'de',
      accept: 'Alle akzeptieren',
      reject: 'Alle ablehnen',
    },
    {
      name: 'config lang "fr" over <html lang="de">',
      lang: 'de',
      config: { ...SHOP_CONFIG, lang: 'fr' },
      file: 'fr',
      tag: 'fr',
      accept: 'Accepter tout',
      reject: 'Refuser tout',
    },
    {
      name: '<html lang="sr-Cyrl">',
      lang: 'sr-Cyrl',
      config: SHOP_CONFIG,
      file: 'sr_cyrl',
      tag: 'sr-Cyrl',
      accept: 'Прихвати све',
      reject: 'Одбиј све',
    },
    { name: '<html lang="en">', lang: 'en', config: SHOP_CONFIG, file: null, tag: 'en', accept: 'Accept all', reject: 'Reject all' },
  ];
  for (const c of cases) {
    it(`${c.name}: the banner speaks ${c.tag} and fetches ${c.file ? `only consent-gate-banner-${c.file}.js` : 'no language file'}`, async () => {
      const site = await openSite(browser, { pages: { '/': shopPage({ lang: c.lang, config: c.config }) } });
      const warnings: string[] = [];
      site.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await site.page.goto(site.url('/'));
      await notice(site.page).waitFor({ state: 'visible' });
      expect(await site.page.locator('#consent-gate-banner .klaro').getAttribute('lang')).toBe(c.tag);
      expect(await notice(site.page).getByRole('button', { name: c.accept }).count()).toBe(1);
      expect(await notice(site.page).getByRole('button', { name: c.reject }).count()).toBe(1);
      expect(languageFiles(site)).toEqual(c.file ? [`/dist/consent-gate-banner-${c.file}.js`] : []);
      expect(warnings.filter((w) => w.includes('consent-gate'))).toEqual([]);
      await site.close();
    });
  }

  it('a language Klaro does not ship shows English, with exactly one console warning', async () => {
    const site = await openSite(browser, { pages: { '/': shopPage({ lang: 'ja' }) } });
    const warnings: string[] = [];
    site.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await site.page.goto(site.url('/'));
    await notice(site.page).waitFor({ state: 'visible' });
    expect(await notice(site.page).getByRole('button', { name: 'Accept all' }).count()).toBe(1);
    // open and close the settings too: still one warning
    await site.page.locator('#privacy').click();
    await modal(site.page).waitFor({ state: 'visible' });
    expect(warnings.filter((w) => w.includes('consent-gate'))).toHaveLength(1);
    expect(warnings.find((w) => w.includes('consent-gate'))).toContain('"ja"');
    expect(languageFiles(site)).toEqual([]);
    await site.close();
  });

  it('a site\'s dir="rtl" is respected: text runs right to left and the notice sits in the start (right) corner', async () => {
    const site = await openSite(browser, { pages: { '/': shopPage({ dir: 'rtl' }) } });
    await site.page.goto(site.url('/'));
    await notice(site.page).waitFor({ state: 'visible' });
    const layout = await site.page.evaluate(() => {
      const n = document.querySelector('#consent-gate-banner .cookie-notice')!;
      const p = n.querySelector('p')!;
      return {
        direction: getComputedStyle(p).direction,
        align: getComputedStyle(p).textAlign,
        right: document.documentElement.clientWidth - n.getBoundingClientRect().right,
      };
    });
    expect(layout.direction).toBe('rtl');
    expect(layout.align).toBe('start');
    expect(Math.round(layout.right)).toBe(20);
    await site.close();
  });
});

describe('banner position for the chat launcher (Chromium)', () => {
  it('--consent-gate-banner-inset on <html> is the distance from the viewport bottom to the notice top, follows resizes, and goes with the notice', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const site = await openSite(browser, { context, pages: { '/': shopPage() } });
    const { page } = site;
    await page.goto(site.url('/'));
    await notice(page).waitFor({ state: 'visible' });
    const measure = () =>
      page.evaluate(() => ({
        inset: document.documentElement.style.getPropertyValue('--consent-gate-banner-inset'),
        expected: `${Math.round(document.documentElement.clientHeight - document.querySelector('#consent-gate-banner .cookie-notice')!.getBoundingClientRect().top)}px`,
      }));
    await expect
      .poll(async () => {
        const m = await measure();
        return m.inset === m.expected && m.inset !== '0px';
      })
      .toBe(true);
    const wide = await measure();
    // a phone: the notice is narrower, so taller
    await page.setViewportSize({ width: 360, height: 740 });
    await expect
      .poll(async () => {
        const m = await measure();
        return m.inset === m.expected;
      })
      .toBe(true);
    expect(parseInt((await measure()).inset, 10)).toBeGreaterThan(parseInt(wide.inset, 10));
    await notice(page).getByRole('button', { name: 'Reject all' }).click();
    await notice(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--consent-gate-banner-inset'))).toBe('');
    expect(await page.locator('#consent-gate-banner-spacer').count()).toBe(0);
    await site.close();
  });
});

describe('GPC in the settings panel (Chromium, a stub decision)', () => {
  /** A page that imports the banner file itself and mounts it with a stub bridge whose decision says GPC applied. */
  const stubPage = (
    lang: string,
  ) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>gpc</title></head><body><main><h1>Shop</h1></main>
<script type="module">
import { mountBanner } from '/dist/consent-gate-banner.js';
const vendors = [
  { id: 'chat', uses: ['functional'], vendor: { id: 'chat', title: 'Chat Co', purpose: 'functional', hosts: [], cookies: [], storage: [] }, options: {} },
  { id: 'ads', uses: ['marketing'], vendor: { id: 'ads', title: 'Ad Network', purpose: 'marketing', hosts: [], cookies: [], storage: [] }, options: {} },
];
const config = { vendors, purposes: ['functional', 'marketing'], banner: {}, cookieName: 'cg', policyVersion: '1', lifetimeDays: 365 };
const decisions = { decided: true, purposes: { necessary: true, functional: true, analytics: false, marketing: false }, overrides: {}, vendors: {}, decidedAt: 1, id: 'x', policyVersion: '1', gpc: { signal: true, applied: true } };
window.decided = [];
mountBanner({ config, decisions: () => decisions, decide: (change, source) => window.decided.push({ change, source }) }).show(true);
</script></body></html>`;

  for (const [lang, honored, save] of [
    ['en', 'Opt-out preference signal honored', 'Save choices'],
    ['de', 'Opt-out-Präferenzsignal berücksichtigt', 'Auswahl speichern'],
  ] as const) {
    it(`${lang}: "${honored}" shows by marketing, and the visitor can still switch marketing on`, async () => {
      const site = await openSite(browser, { pages: { '/': stubPage(lang) } });
      const { page } = site;
      await page.goto(site.url('/'));
      await modal(page).waitFor({ state: 'visible' });
      const marketing = page.locator('#consent-gate-banner li.cm-service', { has: page.locator('#service-item-marketing') });
      await expect.poll(() => marketing.locator('.cg-gpc').textContent()).toBe(honored);
      expect(await page.locator('#consent-gate-banner .cg-gpc').count()).toBe(1);
      // part of what a screen reader reads for the switch
      expect(await page.locator('#service-item-marketing-description').innerText()).toContain(honored);
      expect(await page.locator('#service-item-marketing').isChecked()).toBe(false);
      await page.locator('#service-item-marketing').focus();
      await page.keyboard.press('Space');
      expect(await page.locator('#service-item-marketing').isChecked()).toBe(true);
      await modal(page).getByRole('button', { name: save }).click();
      const decided = await page.evaluate(() => (window as any).decided);
      expect(decided).toEqual([{ change: { purposes: { functional: true, marketing: true }, reset: false }, source: 'banner' }]);
      await site.close();
    });
  }
});
