/**
 * The banner with the keyboard alone (Chromium): the notice comes first in
 * the tab order; each purpose switch in the settings panel is reached and
 * changed; the panel keeps focus inside, closes on Escape and gives focus
 * back to what opened it; after a decision focus is never left on <body>.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSite, type LaunchedBrowser } from './harness';
import { focused, modal, notice, shopPage } from './banner-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const decisions = (page: import('playwright-core').Page) => page.evaluate(() => window.consentGate.decisions());

describe('banner with the keyboard alone (Chromium)', () => {
  it('the notice is first in the tab order; Settings opens a labelled modal dialog where each purpose switch is reached and changed, and Save records it', async () => {
    const site = await openSite(browser, { pages: { '/': shopPage() } });
    const { page } = site;
    await page.goto(site.url('/'));
    await notice(page).waitFor({ state: 'visible' });
    const region = page.getByRole('region', { name: 'Your privacy' });
    expect(await region.count()).toBe(1);
    expect(await region.getAttribute('aria-modal')).toBeNull();
    // first stops: the notice's policy link, Settings, Reject all, Accept all; then the page
    const stops: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops).toEqual(['a:privacy policy', 'a:Settings', 'button:Reject all', 'button:Accept all', '#home']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('a:Settings');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Privacy settings' });
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    // focus moved in
    expect(await page.evaluate(() => !!document.activeElement?.closest('.cm-modal'))).toBe(true);
    // every switch reachable with Tab, each toggled with Space
    const seen = new Set<string>();
    for (let i = 0; i < 12 && seen.size < 3; i++) {
      await page.keyboard.press('Tab');
      const id = await focused(page);
      if (/^#service-item-(functional|analytics|marketing)$/.test(id)) {
        seen.add(id);
        if (id === '#service-item-functional' || id === '#service-item-marketing') await page.keyboard.press('Space');
      }
    }
    expect([...seen].sort()).toEqual(['#service-item-analytics', '#service-item-functional', '#service-item-marketing']);
    expect(await page.locator('#service-item-functional').isChecked()).toBe(true);
    expect(await page.locator('#service-item-analytics').isChecked()).toBe(false);
    expect(await page.locator('#service-item-marketing').isChecked()).toBe(true);
    // on to "Save choices" and Enter
    for (let i = 0; i < 12 && (await focused(page)) !== 'button:Save choices'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await modal(page).waitFor({ state: 'detached' });
    const d = await decisions(page);
    expect(d.decided).toBe(true);
    expect({ functional: d.purposes.functional, analytics: d.purposes.analytics, marketing: d.purposes.marketing }).toEqual({
      functional: true,
      analytics: false,
      marketing: true,
    });
    // the notice's Settings link is gone with the notice: focus goes to the top of the page, not <body>
    expect(await focused(page)).toBe('#home');
    await site.close();
  });

  it('the panel keeps focus inside (Tab and Shift+Tab wrap), Escape closes it, and focus returns to the site link that opened it', async () => {
    const site = await openSite(browser, { pages: { '/': shopPage() } });
    const { page } = site;
    await page.goto(site.url('/'));
    await notice(page).waitFor({ state: 'visible' });
    await page.locator('#privacy').focus();
    await page.keyboard.press('Enter');
    await modal(page).waitFor({ state: 'visible' });
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('#consent-gate-banner .cm-modal'));
    const ring: string[] = [];
    for (let i = 0; i < 24; i++) {
      await page.keyboard.press('Tab');
      expect(await inside()).toBe(true);
      ring.push(await focused(page));
    }
    // the same stops come round again: close, policy link, three purposes, all, Reject all, Save, Accept all
    const cycle = ring.indexOf(ring[0]!, 1);
    expect(cycle).toBe(9);
    expect(ring.slice(cycle, 2 * cycle)).toEqual(ring.slice(0, cycle));
    for (let i = 0; i < 13; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inside()).toBe(true);
    }
    // focus cannot be moved out while it is open
    await page.evaluate(() => (document.getElementById('search') as HTMLElement).focus());
    expect(await inside()).toBe(true);
    await page.keyboard.press('Escape');
    await modal(page).waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('#privacy');
    // nothing was decided; the notice is back
    expect((await decisions(page)).decided).toBe(false);
    await notice(page).waitFor({ state: 'visible' });
    await site.close();
  });

  it("the notice's Settings link gets focus back when the panel closes undecided; after Accept all focus returns to where it was before the banner", async () => {
    const site = await openSite(browser, { pages: { '/': shopPage() } });
    const { page } = site;
    await page.goto(site.url('/'));
    await notice(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await modal(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await modal(page).waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('a:Settings');
    // from the page's search field back into the notice (it comes first: past #privacy and #home), then Accept all
    await page.locator('#search').focus();
    for (let i = 0; i < 8 && (await focused(page)) !== 'button:Accept all'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button:Accept all');
    await page.keyboard.press('Enter');
    await notice(page).waitFor({ state: 'detached' });
    expect((await decisions(page)).purposes.marketing).toBe(true);
    // back to the last place outside the banner
    expect(await focused(page)).toBe('#home');
    await site.close();
  });
});
