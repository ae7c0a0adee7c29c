/**
 * The chat's `show` settings in Chromium (drop-in, HubSpot emulator under the
 * real host names): the launcher, the site's marked elements, the inline
 * placeholder and openChat() follow the targeting rules, the audience and
 * business hours; single-page navigation decides again; a vendor that loads
 * and shows nothing ends in the failure panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openSite, type LaunchedBrowser } from './harness';
import { hubspotEmulator } from '../../emulators/hubspot/index.mjs';
import { chatShopPage, chatWidget, emulatorCalls, launcher, openChatShop, prompt, vendorRequests } from './chat-kit';
import { HUBSPOT } from './hubspot-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

/** Resolves once the runtime has started and placed its launcher (shown or not). */
async function started(page: Page): Promise<void> {
  await page.waitForFunction(
    () => typeof window.consentGate?.decisions === 'function' && document.querySelector('button.cg-chat-launcher') !== null,
    undefined,
    { timeout: 10_000 },
  );
}

const HELP_ONLY = { urls: [{ operator: 'starts-with', value: '/help/' }] };
/** Monday to Friday, 09:00 to 17:00 in Amsterdam. */
const OFFICE = {
  timeZone: 'Europe/Amsterdam',
  days: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] },
};
/** Monday 2 March 2026, 19:00 in Amsterdam: outside hours; back on Tuesday at 09:00 (08:00 UTC). */
const MONDAY_EVENING = new Date('2026-03-02T18:00:00Z');
const MONDAY_MORNING = new Date('2026-03-02T10:00:00Z');

describe('targeting rules: where the chat appears', () => {
  it("no launcher on an untargeted page: no button, the site's marked element hidden, openChat() resolves false and says why; a targeted page has them", async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, {
      vendor: { show: HELP_ONLY, launcher: true },
      body: '<button type="button" id="ask" data-consent-gate-chat="hubspot-conversations">Ask us</button>',
      paths: ['/', '/help/faq'],
    });
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    await page.goto(site.url('/'));
    await started(page);
    expect(await launcher(page).isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: 'Chat with us' }).count()).toBe(0);
    expect(await page.locator('#ask').isHidden()).toBe(true);
    expect(await page.evaluate(() => window.consentGate.openChat())).toBe(false);
    expect(logs.some((l) => /hubspot-conversations chat is not shown on this page \(show\.urls\)/.test(l))).toBe(true);
    expect(await prompt(page).count()).toBe(0);
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);

    await page.goto(site.url('/help/faq'));
    await started(page);
    await launcher(page).waitFor({ state: 'visible' });
    expect(await page.locator('#ask').isVisible()).toBe(true);
    await page.locator('#ask').click();
    await prompt(page).waitFor({ state: 'visible' });
    await site.close();
  });

  it('single-page site: a launcher after pushState to a targeted page, gone after replaceState away, back with popstate; a loaded chat is refreshed on each route change', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { vendor: { show: HELP_ONLY }, paths: ['/', '/help/faq'] });
    await page.goto(site.url('/'));
    await started(page);
    expect(await launcher(page).isHidden()).toBe(true);

    await page.evaluate(() => history.pushState({}, '', '/help/faq'));
    await launcher(page).waitFor({ state: 'visible' });
    await page.evaluate(() => history.replaceState({}, '', '/checkout'));
    await launcher(page).waitFor({ state: 'hidden' });
    await page.evaluate(() => history.pushState({}, '', '/help/returns'));
    await launcher(page).waitFor({ state: 'visible' });
    await page.evaluate(() => history.pushState({}, '', '/'));
    await launcher(page).waitFor({ state: 'hidden' });
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => location.pathname === '/help/returns');
    await launcher(page).waitFor({ state: 'visible' });

    // once HubSpot is on the page, each route change lets it re-read the page (widget.refresh: its own targeting);
    // a change while it is still loading waits for it
    await launcher(page).click();
    await prompt(page).getByRole('button', { name: 'Allow and start chat' }).click();
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    await page.evaluate(() => history.pushState({}, '', '/help/shipping'));
    await expect
      .poll(async () => (await emulatorCalls(page, HUBSPOT)).filter((c) => c[0] === 'widget.refresh').length, { timeout: 5000 })
      .toBe(1);
    // a fragment change is no route change
    await page.evaluate(() => history.pushState({}, '', '/help/shipping#costs'));
    await page.waitForTimeout(1500);
    expect((await emulatorCalls(page, HUBSPOT)).filter((c) => c[0] === 'widget.refresh').length).toBe(1);
    await site.close();
  });

  it('the inline placeholder follows the rules too', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, {
      vendor: { show: HELP_ONLY, inlineEmbedSelector: '#chat-here' },
      body: '<section id="chat-here"></section>',
      paths: ['/'],
    });
    await page.goto(site.url('/'));
    await started(page);
    await page.waitForTimeout(300);
    expect(await page.locator('#chat-here [data-consent-gate-placeholder]').count()).toBe(0);
    await page.evaluate(() => history.pushState({}, '', '/help/'));
    await page.locator('#chat-here [data-consent-gate-placeholder]').waitFor({ state: 'visible' });
    await page.evaluate(() => history.pushState({}, '', '/'));
    await page.locator('#chat-here [data-consent-gate-placeholder]').waitFor({ state: 'detached' });
    await site.close();
  });
});

describe('audience', () => {
  it('"tracked" shows the launcher only once analytics is granted, and hides it again when analytics is withdrawn', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { vendor: { show: { audience: 'tracked' } } });
    await page.goto(site.url('/'));
    await started(page);
    expect(await launcher(page).isHidden()).toBe(true);
    await page.evaluate(() => window.consentGate.grant('functional'));
    await page.waitForTimeout(200);
    expect(await launcher(page).isHidden()).toBe(true);
    await page.evaluate(() => window.consentGate.grant('analytics'));
    await launcher(page).waitFor({ state: 'visible' });
    await page.evaluate(() => window.consentGate.revoke('analytics'));
    await launcher(page).waitFor({ state: 'hidden' });
    await site.close();
  });
});

describe('business hours', () => {
  async function shopAt(time: Date, hours: Record<string, unknown>, timezoneId = 'Europe/Amsterdam') {
    const hubspot = hubspotEmulator();
    const context = await browser.newContext({ timezoneId, locale: 'en-US' });
    await context.clock.setFixedTime(time);
    const site = await openSite(browser, {
      context,
      pages: { '/': chatShopPage(HUBSPOT, { vendor: { show: { hours }, fallbackUrl: 'mailto:help@shop.test' } }) },
      hosts: hubspot.handlers,
    });
    await site.page.goto(site.url('/'));
    await started(site.page);
    return site;
  }

  it('outside hours with outside "hide": no launcher; inside hours: the launcher, and the prompt says the reply time', async () => {
    const closed = await shopAt(MONDAY_EVENING, { ...OFFICE, outside: 'hide' });
    await closed.page.waitForTimeout(200);
    expect(await launcher(closed.page).isHidden()).toBe(true);
    expect(await closed.page.evaluate(() => window.consentGate.openChat())).toBe(false);
    await closed.close();

    const open = await shopAt(MONDAY_MORNING, { ...OFFICE, outside: 'hide', replyTime: 'We usually reply within an hour.' });
    await launcher(open.page).click();
    await prompt(open.page).waitFor({ state: 'visible' });
    expect(await prompt(open.page).innerText()).toContain('We usually reply within an hour.');
    await open.close();
  });

  it("with the away message: the prompt says when the team is back (on the visitor's clock) with the fallback link, and still lets the visitor leave a message", async () => {
    const site = await shopAt(MONDAY_EVENING, OFFICE);
    const { page } = site;
    await launcher(page).click();
    const away = prompt(page);
    await away.waitFor({ state: 'visible' });
    expect(await away.getAttribute('data-consent-gate-away')).toBe('');
    const text = await away.innerText();
    expect(text).toContain('Our team is away');
    expect(text).toContain("We're back tomorrow at 9:00 AM.");
    expect(await away.getByRole('link', { name: 'Email us instead' }).getAttribute('href')).toBe('mailto:help@shop.test');
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);
    await away.getByRole('button', { name: 'Allow and leave a message' }).click();
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    await site.close();

    // a visitor in New York reads the same moment on their own clock
    const far = await shopAt(MONDAY_EVENING, OFFICE, 'America/New_York');
    await launcher(far.page).click();
    await prompt(far.page).waitFor({ state: 'visible' });
    expect(await prompt(far.page).innerText()).toContain("We're back tomorrow at 3:00 AM.");
    await far.close();
  });

  it('outside hours without leaving messages: the away prompt offers the fallback and closes; nothing of HubSpot loads', async () => {
    const site = await shopAt(MONDAY_EVENING, { ...OFFICE, leaveMessage: false, awayMessage: 'The shop team is home for the night.' });
    const { page } = site;
    await launcher(page).click();
    await prompt(page).waitFor({ state: 'visible' });
    expect(await prompt(page).innerText()).toContain('The shop team is home for the night.');
    expect(
      await prompt(page)
        .getByRole('button', { name: /leave a message/i })
        .count(),
    ).toBe(0);
    await prompt(page).getByRole('button', { name: 'Close' }).click();
    await prompt(page).waitFor({ state: 'detached' });
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);
    await site.close();
  });
});

describe('a vendor that loads and shows nothing', () => {
  it('its own targeting said no: the failure panel with the fallback instead of nothing, and the console says why', async () => {
    const hubspot = hubspotEmulator({ showNothing: true });
    const { site, page } = await openChatShop(browser, HUBSPOT, {
      emulator: hubspot,
      vendor: { show: { appearWithin: 1500 }, fallbackUrl: 'mailto:help@shop.test' },
    });
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(site.url('/'));
    await launcher(page).click();
    await prompt(page).getByRole('button', { name: 'Allow and start chat' }).click();
    const failure = page.locator('[data-consent-gate-failure="hidden"]');
    await failure.waitFor({ state: 'visible', timeout: 8000 });
    expect(await failure.innerText()).toContain('The chat is not available on this page right now.');
    expect(await failure.getByRole('link', { name: 'Email us instead' }).getAttribute('href')).toBe('mailto:help@shop.test');
    expect(await failure.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    // the emulated HubSpot did load and was asked for its widget
    expect(await emulatorCalls(page, HUBSPOT)).toContainEqual(['untargeted']);
    expect(warnings.some((w) => /hubspot-conversations loaded but showed no chat within 1500 ms/.test(w))).toBe(true);
    expect(await page.evaluate(() => window.consentGate.chat().status())).toMatchObject({
      state: 'failed',
      reason: 'hidden',
      loaded: false,
    });
    // keyboard: the panel has focus, Escape closes it and focus goes back to the launcher
    expect(await page.evaluate(() => document.activeElement?.closest('[data-consent-gate-failure]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await failure.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cg-chat-launcher'))).toBe(true);
    await site.close();
  });

  it("without appearWithin, the chat's timeout still ends in that panel once the vendor's code has loaded", async () => {
    const hubspot = hubspotEmulator({ showNothing: true });
    const { site, page } = await openChatShop(browser, HUBSPOT, { emulator: hubspot, vendor: { timeout: 2000 } });
    await page.goto(site.url('/'));
    await launcher(page).click();
    await prompt(page).getByRole('button', { name: 'Allow and start chat' }).click();
    await page.locator('[data-consent-gate-failure="hidden"]').waitFor({ state: 'visible', timeout: 8000 });
    await site.close();
  });
});
