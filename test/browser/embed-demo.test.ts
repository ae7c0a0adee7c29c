/**
 * The demo's Blog page (a YouTube video, a Vimeo video and a Google map,
 * emulated offline under /vendor/…) in Chromium: placeholders cause no
 * layout shift (the browser's own layout-shift entries), nothing is asked of
 * the vendors before a click, a click loads from the emulators; and axe
 * (WCAG 2.2 AA rule sets) finds nothing on a page of placeholders.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchBrowser, openSite, dropInHead, html, type LaunchedBrowser } from './harness';
import { CASES, placeholders, ready, settle } from './embed-pages';
// @ts-expect-error plain JavaScript module without types
import { createDemoServer, listen } from '../../demo/server.mjs';
import { YOUTUBE_HOSTS } from '../../emulators/youtube/index.mjs';
import { VIMEO_HOSTS } from '../../emulators/vimeo/index.mjs';
import { MAPS_HOSTS } from '../../emulators/google-maps/index.mjs';
import { axe } from './axe';

/** Every host of the three vendors (the demo serves each under /vendor/<host>/). */
const VENDOR_HOSTS: string[] = [...YOUTUBE_HOSTS, ...VIMEO_HOSTS, ...MAPS_HOSTS];

let browser: LaunchedBrowser;
let server: Server;
let base: string;
beforeAll(async () => {
  browser = await launchBrowser();
  server = createDemoServer({ env: {} });
  base = await listen(server, 0);
});
afterAll(async () => {
  await browser?.closeAll();
  await new Promise((r) => server?.close(r));
});

/** Every layout shift the page has had, with the elements that moved (outside the live panel, which fills in as it goes). */
const SHIFTS = `<script>
window.__shifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) {
    __shifts.push({ value: e.value, input: e.hadRecentInput, nodes: (e.sources || []).map(function (s) { return s.node && s.node.nodeType === 1 ? s.node.outerHTML.slice(0, 80) : String(s.node && s.node.nodeName); }), inPanel: (e.sources || []).length > 0 && e.sources.every(function (s) { return s.node && s.node.closest && s.node.closest('.panel'); }) });
  });
}).observe({ type: 'layout-shift', buffered: true });
</script>`;

/** A page of the demo in a fresh context, with what it asks of the vendors, of other origins, and what it logs as errors. */
async function openDemo(path: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const vendorPaths: string[] = [];
  const outside: string[] = [];
  const errors: string[] = [];
  /** Every path asked of the demo's own origin. */
  const paths: string[] = [];
  page.on('console', (m) => {
    // (a missing resource is reported below with its URL)
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    // the demo serves no favicon on this page's origin; anything else missing is an error
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    if (r.url().startsWith(base)) paths.push(new URL(r.url()).pathname);
    if (!r.url().startsWith(base)) outside.push(r.url());
    else if (VENDOR_HOSTS.includes(new URL(r.url()).pathname.split('/')[2]!))
      vendorPaths.push(new URL(r.url()).pathname + new URL(r.url()).search);
  });
  // the observer is in place before the page's own scripts run
  await page.addInitScript({ content: SHIFTS.replace(/<\/?script>/g, '') });
  await page.goto(new URL(path, base).href);
  await ready(page);
  if (path.startsWith('/blog/')) await placeholders(page, 3);
  await settle(page);
  const failed = (e: Error) => new Error(`${e.message}; the page logged: ${JSON.stringify(errors)}`);
  return { context, page, vendorPaths, outside, errors, failed, paths };
}

const placeholderOfVendor = (page: Page, id: string) => page.locator(`.cg-embed[data-consent-gate-placeholder="${id}"]`);

describe('the demo Blog page (npm run demo), videos and a map emulated offline', () => {
  it('shows a placeholder for each embed with no layout shift and asks nothing of the vendors before a click; "Always allow YouTube" (keyboard) loads every embed from the emulators, the chosen video starting at once, Vimeo with dnt=1; a screenshot is kept in test-results/embed-demo.png', async () => {
    const { context, page, vendorPaths, outside, errors, failed } = await openDemo('/blog/');
    expect(vendorPaths).toEqual([]);
    expect(outside).toEqual([]);
    const shifts = (await page.evaluate(() => (window as any).__shifts)) as { value: number; inPanel: boolean; nodes: string[] }[];
    const ours = shifts.filter((s) => !s.inPanel);
    expect(ours, JSON.stringify(ours)).toEqual([]);
    // the placeholders take the frames' places exactly, and fill the box the page sizes itself
    for (const frame of ['youtube', 'google-maps']) {
      const box = await placeholderOfVendor(page, frame).boundingBox();
      const [w, h] = await page
        .locator(`iframe[data-consent-gate="${frame}"]`)
        .evaluate((f) => [Number(f.getAttribute('width')), Number(f.getAttribute('height'))]);
      expect([box!.width, box!.height]).toEqual([w, h]);
    }
    const vimeo = await placeholderOfVendor(page, 'vimeo').boundingBox();
    const postBox = await page.locator('.post-box').boundingBox();
    expect(vimeo).toEqual(postBox);
    expect(postBox!.height).toBeGreaterThan(0);
    // the site's own poster, named by the frame's title, in the page's words
    expect(await placeholderOfVendor(page, 'youtube').locator('img.cg-embed-poster').getAttribute('src')).toBe(
      new URL('/blog-poster.svg', base).href,
    );
    await page.getByRole('group', { name: 'How we roast our coffee (video)' }).waitFor();
    await page.getByRole('group', { name: 'Knitting the warm socks (video)' }).waitFor();
    await page.getByRole('group', { name: 'The demo shop on the map' }).waitFor();
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'embed-demo.png'), fullPage: true });

    // Always allow YouTube, by keyboard: functional is granted, so the Vimeo video and the map load too
    await placeholderOfVendor(page, 'youtube').getByRole('button', { name: 'Always allow YouTube' }).focus();
    await page.keyboard.press('Enter');
    await placeholders(page, 0).catch((e) => {
      throw failed(e);
    });
    await page.frameLocator('iframe[title="How we roast our coffee (video)"]').locator('body[data-state="playing"]').waitFor();
    await page.frameLocator('.post-box iframe').locator('body[data-emulator="vimeo"][data-state="ready"]').waitFor();
    await page.frameLocator('iframe[title="The demo shop on the map"]').locator('body[data-emulator="google-maps"]').waitFor();
    expect(await page.evaluate(() => window.consentGate.decisions().purposes.functional)).toBe(true);
    const vimeoPaths = vendorPaths.filter((p) => p.startsWith('/vendor/player.vimeo.com/'));
    expect(vimeoPaths.length).toBeGreaterThan(0);
    for (const p of vimeoPaths) expect(p).toMatch(/[?&]dnt=1(&|$)/);
    expect(vendorPaths.filter((p) => p.startsWith('/vendor/www.youtube.com/'))).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);

    // withdrawn in the live panel: the three embeds turn back into placeholders
    await page.getByRole('button', { name: 'Revoke functional' }).click();
    await placeholders(page, 3);
    expect(await page.locator('iframe[title="How we roast our coffee (video)"]').getAttribute('src')).toBeNull();
    await context.close();
  });

  it("the placeholders' code (dist/consent-gate-embed.js) is fetched only by the page whose config names an embed vendor", async () => {
    const home = await openDemo('/');
    expect(await home.page.locator('.cg-embed').count()).toBe(0);
    expect(home.paths.filter((p) => p.includes('consent-gate-embed'))).toEqual([]);
    expect(home.errors).toEqual([]);
    await home.context.close();
    const blog = await openDemo('/blog/');
    expect(blog.paths.filter((p) => p.includes('consent-gate-embed'))).toEqual(['/dist/consent-gate-embed.js']);
    await blog.context.close();
  });

  it('"Load" on the map, through the head guard (its one-time pass, __consentGateGuard.release): the map loads from the emulator, the videos keep their placeholders, nothing is recorded', async () => {
    const { context, page, vendorPaths, outside, errors, failed } = await openDemo('/blog/');
    await placeholderOfVendor(page, 'google-maps').getByRole('button', { name: 'Load map' }).click();
    await placeholders(page, 2).catch((e) => {
      throw failed(e);
    });
    await page.frameLocator('iframe[title="The demo shop on the map"]').locator('body[data-emulator="google-maps"]').waitFor();
    expect(await placeholderOfVendor(page, 'youtube').count()).toBe(1);
    expect(await placeholderOfVendor(page, 'vimeo').count()).toBe(1);
    // the only vendor requests: the map's embed, and the tile its own frame then asks Google for (as a real
    // Maps embed does, from inside Google's frame); nothing from the videos' hosts
    expect(
      vendorPaths.filter((p) => !p.startsWith('/vendor/www.google.com/maps/embed') && !p.startsWith('/vendor/maps.googleapis.com/maps/vt')),
    ).toEqual([]);
    expect(await page.evaluate(() => window.consentGate.decisions().decided)).toBe(false);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accessibility of a page of placeholders (axe-core 4.11, WCAG 2.0/2.1/2.2 A and AA rules)', () => {
  for (const lang of ['en', 'de'] as const)
    it(`${lang}: axe reports no violation on a page with a placeholder of each vendor, for a visitor who refused`, async () => {
      const embeds = CASES.map((c) => c.markup.replace('id="markup"', `id="${c.vendor.id}"`)).join('<p>Next.</p>');
      const page = html(
        `<main><h1>Blog</h1>${embeds}</main>`,
        dropInHead({ vendors: { youtube: true, vimeo: true, 'google-maps': true }, lang }),
      );
      const site = await openSite(browser, {
        pages: { '/': page, '/poster.png': { body: readFileSync(join(ROOT, 'demo/blog-poster.svg')), contentType: 'image/svg+xml' } },
      });
      await site.page.goto(site.url('/'));
      await ready(site.page);
      // a visitor who refused: no banner, placeholders
      await site.page.evaluate(() => window.consentGate.revoke('functional', 'analytics', 'marketing'));
      await site.page.reload();
      await ready(site.page);
      await placeholders(site.page, 3);
      await settle(site.page);
      // the placeholders speak the page's language
      if (lang === 'de') expect(await site.page.getByRole('button', { name: 'Video laden' }).count()).toBe(2);
      const results = await axe(site.page);
      expect(results.version).toMatch(/^4\.11\./);
      expect(results.violations).toEqual([]);
      // the rules that matter here did run on the placeholders
      for (const rule of ['button-name', 'color-contrast', 'link-name', 'aria-allowed-attr', 'target-size'])
        expect(results.ran, rule).toContain(rule);
      await site.close();
    });
});
