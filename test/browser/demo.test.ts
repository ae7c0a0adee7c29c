import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchBrowser, type LaunchedBrowser } from './harness';
// @ts-expect-error plain JavaScript module without types
import { createDemoServer, demoConfig, listen } from '../../demo/server.mjs';

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

describe('demo (npm run demo), served by the demo server on localhost', () => {
  it('renders the banner, the chat button and the live panel; a screenshot is kept in test-results/demo.png', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) outside.push(r.url());
    });
    await page.goto(base);
    const banner = page.locator('#consent-gate-banner .cookie-notice');
    const chat = page.locator('button.cg-chat-launcher');
    await banner.waitFor({ state: 'visible' });
    // the drawn launcher and the page's own marked "Ask us" button both open the chat
    await chat.waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Ask us in the chat' }).waitFor({ state: 'visible' });
    await page.locator('#decisions li').first().waitFor();
    expect(await page.locator('#decisions').innerText()).toContain('functional: not asked yet');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'demo.png') });
    const [b, c] = [(await banner.boundingBox())!, (await chat.boundingBox())!];
    expect(b.x + b.width <= c.x || c.y + c.height <= b.y).toBe(true);
    expect(c.width).toBeGreaterThanOrEqual(24);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('a person can click through: allow in the prompt, chat opens from the emulator, the panel shows the cookie; revoke clears it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('#consent-gate-banner .cookie-notice').getByRole('button', { name: 'Reject all' }).click();
    await page.getByRole('button', { name: 'Ask us in the chat' }).click();
    await page.getByRole('button', { name: 'Allow and start chat' }).click();
    await page.locator('#hubspot-messages-iframe-container iframe').waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => page.locator('#cookies').innerText()).toContain('messagesUtk=');
    await page.screenshot({ path: join(ROOT, 'test-results', 'demo-chat-open.png') });
    // the open chat covers the panel's lower half, as it would for a person: close it first
    await page.evaluate(() => (window as any).consentGate.chat().close());
    await page.getByRole('button', { name: 'Let a tag try to write __hstc' }).click();
    await expect.poll(() => page.locator('#events').innerText()).toContain('held back');
    await page.getByRole('button', { name: 'Revoke functional' }).click();
    await page.locator('#hubspot-messages-iframe-container').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('#cookies').innerText()).not.toContain('messagesUtk=');
    await context.close();
  });

  it('offline by default; HUBSPOT_PORTAL_ID switches to the real HubSpot scripts (no hostBase), HUBSPOT_REGION=eu1 to the EU hosts', () => {
    const offline = demoConfig(new URLSearchParams(''), {}).vendors['hubspot-conversations'];
    expect(offline).toMatchObject({ portalId: '1234567', hostBase: '/vendor/{host}' });
    const real = demoConfig(new URLSearchParams('loader=tracking-code&inline=1'), { HUBSPOT_PORTAL_ID: '987654', HUBSPOT_REGION: 'eu1' }).vendors['hubspot-conversations'];
    expect(real).toMatchObject({ portalId: '987654', region: 'eu1', loader: 'tracking-code', inlineEmbedSelector: '#inline-chat' });
    expect(real.hostBase).toBeUndefined();
    // a malformed id does not reach HubSpot: the demo stays offline
    expect(demoConfig(new URLSearchParams(''), { HUBSPOT_PORTAL_ID: 'abc' }).vendors['hubspot-conversations'].hostBase).toBe('/vendor/{host}');
  });
});
