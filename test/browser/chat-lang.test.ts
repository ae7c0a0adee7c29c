/**
 * The chat in the page's language, in Chromium: a page with <html lang="de">
 * fetches the German words (dist/consent-gate-chat-de.js) and shows its
 * launcher with a German accessible name from the moment it is in the page,
 * and a German prompt; an English page fetches no language part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSite, type LaunchedBrowser } from './harness';
import { hubspotEmulator } from '../../emulators/hubspot/index.mjs';
import { chatShopPage, launcher, openChatShop, prompt } from './chat-kit';
import { HUBSPOT } from './hubspot-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

/** Records the accessible name every chat launcher has at the moment it enters the page. */
const RECORD_LABELS = `window.__launcherLabels = [];
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes)
    if (node.nodeType === 1 && node.matches('button.cg-chat-launcher')) window.__launcherLabels.push(node.getAttribute('aria-label'));
}).observe(document, { childList: true, subtree: true });`;

describe('the chat speaks the page language', () => {
  it('<html lang="de">: the launcher is "Chatten Sie mit uns" from the start, and the prompt is German', async () => {
    const german = chatShopPage(HUBSPOT).replace('<html lang="en">', '<html lang="de">');
    const site = await openSite(browser, { pages: { '/': german }, hosts: hubspotEmulator().handlers });
    const { page } = site;
    await page.addInitScript(RECORD_LABELS);
    await page.goto(site.url('/'));
    await page.getByRole('button', { name: 'Chatten Sie mit uns' }).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    // the one launcher entered the page with its German name: never English first
    expect(await page.evaluate(() => (window as any).__launcherLabels)).toEqual(['Chatten Sie mit uns']);
    expect(site.requests.filter((r) => /\/dist\/consent-gate-chat-/.test(r.path)).map((r) => r.path)).toEqual([
      '/dist/consent-gate-chat-de.js',
    ]);

    await launcher(page).click();
    await prompt(page).waitFor({ state: 'visible' });
    const dialog = page.getByRole('dialog', { name: 'Einen Chat mit HubSpot Conversations starten?' });
    await expect.poll(() => dialog.count()).toBe(1);
    const text = await prompt(page).innerText();
    expect(text).toContain('Der Chat wird von HubSpot');
    expect(text).toContain('Cookies der Kategorie „Funktional“');
    expect(text).toContain('Auf Ihrem Gerät gespeichert:');
    expect(text).not.toMatch(/\{\w+\}|Allow and start chat|Not now/);
    expect(await prompt(page).getByRole('button', { name: 'Erlauben und Chat starten' }).count()).toBe(1);
    expect(await prompt(page).getByRole('button', { name: 'Nicht jetzt' }).count()).toBe(1);
    await site.close();
  }, 60_000);

  it('<html lang="en">: English, and no language part is fetched', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT);
    await page.goto(site.url('/'));
    await page.getByRole('button', { name: 'Chat with us' }).waitFor({ state: 'visible' });
    await launcher(page).click();
    await page.getByRole('dialog', { name: 'Start a chat with HubSpot Conversations?' }).waitFor({ state: 'visible' });
    expect(site.requests.filter((r) => /\/dist\/consent-gate-chat-/.test(r.path))).toEqual([]);
    await site.close();
  }, 60_000);
});
