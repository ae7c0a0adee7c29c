import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './harness';
import {
  allowAndOpen,
  chatReady,
  chatWidget,
  emulatorCalls,
  launcher,
  openChatShop,
  prompt,
  ready,
  vendorRequests,
  withdrawAcrossTabs,
} from './chat-kit';
import { INTEGRATION_ID, WEB1ON1_HOST, WEB1ON1_LOADER_URL } from '../../emulators/web1on1/index.mjs';
import web1on1 from '../../vendors/web1on1';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

/** Calls the page made, in order (isOpened left out: the status report asks it). */
const calls = async (page: Page) => (await emulatorCalls(page, 'web1on1')).filter((c) => c[0] !== 'isOpened');
const localKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).sort());

/** Keys the catalog declares, as they appear for the emulator's integration id. */
const declaredKeys = web1on1.storage.map((s) => (s.match === 'suffix' ? INTEGRATION_ID + s.key : s.key));

describe('web1on1 click-to-chat (head guard + drop-in with the built-in catalog, Chromium, emulator under a web1on1 host)', () => {
  it('before consent, with the guard on the page: zero web1on1 requests (a tag inserting the loader is held back), no web1on1 key in localStorage, no widget; only the launcher', async () => {
    // a third-party tag of the site tries to load web1on1 and write its keys before anyone asked the visitor
    const { site, page } = await openChatShop(browser, 'web1on1', {
      visit: true,
      head: `<script>
      (function () {
        var s = document.createElement('script');
        s.src = ${JSON.stringify(WEB1ON1_LOADER_URL)};
        document.head.appendChild(s);
        localStorage.setItem('widget_uuid', 'tag');
        localStorage.setItem(${JSON.stringify(INTEGRATION_ID + '.appUserId')}, 'tag');
      })();
    </script>`,
    });
    expect(await page.evaluate(() => typeof window.__consentGateGuard?.update)).toBe('function');
    await launcher(page).waitFor({ state: 'visible' });
    await page.waitForTimeout(500);
    expect(vendorRequests(site, 'web1on1')).toEqual([]);
    expect((await localKeys(page)).filter((k) => declaredKeys.includes(k))).toEqual([]);
    expect(await page.evaluate(() => window.__w1Emu)).toBeUndefined();
    expect(await page.locator('#web1on1-widget').count()).toBe(0);
    expect(await page.evaluate(() => typeof (window as any).web1on1)).toBe('undefined');
    // the guard reports what it held back, naming the vendor
    const blocked = await page.evaluate(() => window.consentGate.blocked());
    expect(blocked.filter((b) => b.vendor === 'web1on1').map((b) => b.target)).toEqual(expect.arrayContaining([WEB1ON1_LOADER_URL]));
    expect(await page.evaluate(() => window.consentGate.decisions().purposes.functional)).toBe(false);
    await site.close();
  });

  it('click → prompt → allow: loads the loader with openAfter/shoutout false, opens the widget; calls queued before load reach the widget in order', async () => {
    const { site, page } = await openChatShop(browser, 'web1on1', {
      visit: true,
      head: `<script>
      window.web1on1Queue = [];
      window.web1on1Queue.push(['setPredefinedMessage', 'I want to book a test drive']);
      window.web1on1Queue.push(['api.sendClientMessage', '>cs /set @category Used Car']);
    </script>`,
    });
    // the queued calls really were made before the widget existed
    expect(await page.evaluate(() => typeof (window as any).web1on1)).toBe('undefined');
    await launcher(page).click();
    const dialog = prompt(page);
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain('web1on1');
    expect(vendorRequests(site, 'web1on1')).toEqual([]);
    await dialog.getByRole('button', { name: 'Allow and start chat' }).click();
    await chatWidget(page, 'web1on1').waitFor({ state: 'visible', timeout: 10_000 });
    await chatReady(page, 'web1on1');

    expect(vendorRequests(site, 'web1on1').map((r) => r.url)).toEqual([WEB1ON1_LOADER_URL]);
    expect(await page.locator('#web1on1-widget').isVisible()).toBe(true);
    const log = await calls(page);
    expect(log[0]).toEqual(['loader', { openAfter: false, shoutout: false }]);
    expect(log.some((c) => c[0] === 'shoutout' || c[0] === 'auto-open')).toBe(false);
    expect(log.slice(1)).toEqual([
      ['setPredefinedMessage', 'I want to book a test drive'],
      ['api.sendClientMessage:command', '>cs /set @category Used Car'],
      ['open'],
    ]);
    expect(await page.locator('#web1on1-input').inputValue()).toBe('I want to book a test drive');

    // after load, a push runs at once, and the ready listener gets the live API
    await page.evaluate(() => {
      (window as any).web1on1Queue.push(['api.showFakeAgentMessage', 'Welcome to the chat', 'Acme Cars']);
      window.consentGate.chat('web1on1').on('ready', (w: any) => w.api.sendClientMessage('Hello'));
    });
    expect((await calls(page)).slice(4)).toEqual([
      ['api.showFakeAgentMessage', 'Welcome to the chat', 'Acme Cars'],
      ['api.sendClientMessage', 'Hello'],
    ]);
    expect(await page.evaluate(() => window.consentGate.chat('web1on1').status().opened)).toBe(true);
    // the widget wrote its keys once it started (the guard let them through after consent)
    expect(await localKeys(page)).toEqual(
      expect.arrayContaining([`${INTEGRATION_ID}.appUserId`, 'widget_uuid', 'widget_loaded', 'widget_opened_by_customer']),
    );
    await site.close();
  });

  it('revoke: the widget is gone and every declared localStorage key is gone; the launcher is back', async () => {
    // web1on1 stores localStorage keys only, no cookies: localStorage belongs to one origin and has
    // no domain or path, so there are no parent-domain or sub-path copies to plant and sweep here
    // (the HubSpot test covers those for cookies). The catalog entry declares `cookies: []`.
    expect(web1on1.cookies).toEqual([]);
    const { site, page } = await openChatShop(browser, 'web1on1', { visit: true });
    await allowAndOpen(page, 'web1on1');
    // every declared key present (the widget writes some, the rest as a later session would)
    await page.evaluate((keys) => {
      for (const k of keys) if (localStorage.getItem(k) === null) localStorage.setItem(k, 'x');
      localStorage.setItem('site_own_key', 'kept');
    }, declaredKeys);
    const before = await localKeys(page);
    expect(before).toEqual(expect.arrayContaining(declaredKeys));

    await page.evaluate(() => window.consentGate.revoke('functional'));
    await page.locator('#web1on1-widget').waitFor({ state: 'detached', timeout: 2000 });
    expect(await page.locator('#web1on1-chat').count()).toBe(0);
    expect(await page.locator(`script[src="${WEB1ON1_LOADER_URL}"]`).count()).toBe(0);
    expect(await page.evaluate(() => typeof (window as any).web1on1)).toBe('undefined');
    expect((await localKeys(page)).filter((k) => declaredKeys.includes(k))).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('site_own_key'))).toBe('kept');
    expect((await site.context.cookies()).map((c) => c.name).filter((n) => n !== 'consent_gate')).toEqual([]);
    await launcher(page).waitFor({ state: 'visible' });
    expect(WEB1ON1_HOST).toMatch(/\.web1on1\.com$/);
    await site.close();
  });

  it('a second tab follows: revoke in tab 1 → tab 2 loses its widget and the web1on1 keys within about a second', async () => {
    const { site, page } = await openChatShop(browser, 'web1on1', { paths: ['/used-cars', '/contact'], visit: true });
    await allowAndOpen(page, 'web1on1');

    // a second tab of the same site: consent is already given, so its launcher loads the chat without asking
    const other = await site.newPage();
    await other.goto(site.url('/contact'));
    await ready(other);
    expect(await other.evaluate(() => window.consentGate.decisions().purposes.functional)).toBe(true);
    await launcher(other).click();
    await other.locator('#web1on1-widget').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await prompt(other).count()).toBe(0);
    await chatReady(other, 'web1on1');
    expect((await localKeys(other)).filter((k) => declaredKeys.includes(k)).length).toBeGreaterThan(0);

    expect(await withdrawAcrossTabs(page, other, '#web1on1-widget')).toBeLessThan(1000);
    expect(await other.locator('#web1on1-chat').count()).toBe(0);
    expect(await other.evaluate(() => typeof (window as any).web1on1)).toBe('undefined');
    // localStorage is shared by both tabs of the origin: no web1on1 key is left for either
    await expect.poll(async () => (await localKeys(other)).filter((k) => declaredKeys.includes(k)), { timeout: 1000 }).toEqual([]);
    expect(await other.evaluate(() => window.consentGate.decisions().purposes.functional)).toBe(false);
    // the facade is back in both tabs
    await launcher(page).waitFor({ state: 'visible' });
    await launcher(other).waitFor({ state: 'visible' });
    await site.close();
  });
});
