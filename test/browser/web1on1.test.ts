import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { html, launchBrowser, openSite, type LaunchedBrowser, type Site } from './harness';
import { INTEGRATION_ID, WEB1ON1_HOST, WEB1ON1_LOADER_URL, web1on1Emulator } from '../emulators/web1on1/index.mjs';
import web1on1 from '../../vendors/web1on1';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const launcher = (page: Page) => page.locator('button.cg-chat-launcher');
const prompt = (page: Page) => page.locator('[data-consent-gate-prompt]');

function shop(head = ''): string {
  const config = { vendors: { web1on1: { loaderUrl: WEB1ON1_LOADER_URL } }, policyVersion: '2026-11' };
  // npm build (ESM) with web1on1 passed as the catalog: the drop-in's built-in catalog does not list web1on1 yet
  return html(
    '<header><h1>Cars</h1></header><main><p>Used cars.</p></main>',
    `${head}<script type="module">
      import { createConsentGate } from '/dist/consent-gate.mjs';
      import web1on1 from '/dist/vendors/web1on1.mjs';
      window.consentGate = createConsentGate(${JSON.stringify(config)}, { catalog: [web1on1] });
    </script>`,
  );
}

async function open(head = ''): Promise<{ site: Site; page: Page }> {
  const emu = web1on1Emulator();
  const site = await openSite(browser, { pages: { '/': shop(head) }, hosts: emu.handlers });
  await site.page.goto(site.url('/'));
  return { site, page: site.page };
}

const w1Requests = (site: Site) => site.requests.filter((r) => /(^|\.)web1on1\.com$/.test(r.host));
/** Calls the page made, in order (isOpened left out: the status report asks it). */
const calls = async (page: Page) => (await page.evaluate(() => ((window as any).__w1Emu?.calls ?? []) as unknown[][])).filter((c) => c[0] !== 'isOpened');
const localKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).sort());

/** Keys the catalog declares, as they appear for the emulator's integration id. */
const declaredKeys = web1on1.storage.map((s) => (s.match === 'suffix' ? INTEGRATION_ID + s.key : s.key));

describe('web1on1 click-to-chat (drop-in, Chromium, emulator under a web1on1 host)', () => {
  it('before consent: no web1on1 request, no web1on1 key in localStorage, no widget; only the launcher', async () => {
    const { site, page } = await open();
    await launcher(page).waitFor({ state: 'visible' });
    await page.waitForTimeout(500);
    expect(w1Requests(site)).toEqual([]);
    expect((await localKeys(page)).filter((k) => declaredKeys.includes(k))).toEqual([]);
    expect(await page.locator('#web1on1-widget').count()).toBe(0);
    expect(await page.evaluate(() => typeof (window as any).web1on1)).toBe('undefined');
    await site.close();
  });

  it('click → prompt → allow: loads the loader with openAfter/shoutout false, opens the widget; calls queued before load reach the widget in order', async () => {
    const { site, page } = await open(`<script>
      window.web1on1Queue = [];
      window.web1on1Queue.push(['setPredefinedMessage', 'I want to book a test drive']);
      window.web1on1Queue.push(['api.sendClientMessage', '>cs /set @category Used Car']);
    </script>`);
    await launcher(page).click();
    const dialog = prompt(page);
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain('web1on1');
    expect(w1Requests(site)).toEqual([]);
    await dialog.getByRole('button', { name: 'Allow and start chat' }).click();
    await page.locator('#web1on1-chat').waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction(() => (window as any).consentGate.chat('web1on1').status().state === 'ready', undefined, { timeout: 10_000 });

    expect(w1Requests(site).map((r) => r.url)).toEqual([WEB1ON1_LOADER_URL]);
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
      (window as any).consentGate.chat('web1on1').on('ready', (w: any) => w.api.sendClientMessage('Hello'));
    });
    expect((await calls(page)).slice(4)).toEqual([
      ['api.showFakeAgentMessage', 'Welcome to the chat', 'Acme Cars'],
      ['api.sendClientMessage', 'Hello'],
    ]);
    expect(await page.evaluate(() => (window as any).consentGate.chat('web1on1').status().opened)).toBe(true);
    await site.close();
  });

  it('revoke: the widget is gone and every declared localStorage key is gone; the launcher is back', async () => {
    const { site, page } = await open();
    await launcher(page).click();
    await prompt(page).getByRole('button', { name: 'Allow and start chat' }).click();
    await page.locator('#web1on1-chat').waitFor({ state: 'visible', timeout: 10_000 });
    // every declared key present (the widget writes some, the rest as a later session would)
    await page.evaluate((keys) => {
      for (const k of keys) if (localStorage.getItem(k) === null) localStorage.setItem(k, 'x');
      localStorage.setItem('site_own_key', 'kept');
    }, declaredKeys);
    const before = await localKeys(page);
    expect(before).toEqual(expect.arrayContaining([`${INTEGRATION_ID}.appUserId`, `${INTEGRATION_ID}.clientId`, `${INTEGRATION_ID}.sessionToken`, 'widget_uuid', 'widget_loaded', 'widget_opened_by_customer']));

    await page.evaluate(() => (window as any).consentGate.revoke('functional'));
    await page.locator('#web1on1-widget').waitFor({ state: 'detached', timeout: 2000 });
    expect(await page.locator('#web1on1-chat').count()).toBe(0);
    expect(await page.locator(`script[src="${WEB1ON1_LOADER_URL}"]`).count()).toBe(0);
    expect(await page.evaluate(() => typeof (window as any).web1on1)).toBe('undefined');
    expect((await localKeys(page)).filter((k) => declaredKeys.includes(k))).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('site_own_key'))).toBe('kept');
    await launcher(page).waitFor({ state: 'visible' });
    expect(WEB1ON1_HOST).toMatch(/\.web1on1\.com$/);
    await site.close();
  });
});
