import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchBrowser, type LaunchedBrowser } from './harness';
// @ts-expect-error plain JavaScript module without types
import { createDemoServer, demoConfig, listen, VENDORS } from '../../demo/server.mjs';

/** Each vendor of the selector: the element its emulator draws once the chat is open, and the hosts it is served under. */
const DEMO_VENDORS = [
  {
    id: 'hubspot-conversations',
    title: 'HubSpot Conversations',
    widget: '#hubspot-messages-iframe-container iframe',
    hosts: /^\/vendor\/js\.usemessages\.com\//,
  },
  { id: 'web1on1', title: 'web1on1', widget: '#web1on1-chat', hosts: /^\/vendor\/widget\.web1on1\.com\// },
  {
    id: 'intercom',
    title: 'Intercom',
    widget: '#intercom-container .intercom-messenger-frame',
    hosts: /^\/vendor\/widget\.intercom\.io\/widget\//,
  },
  { id: 'crisp', title: 'Crisp', widget: '#crisp-chatbox-panel', hosts: /^\/vendor\/client\.crisp\.chat\/l\.js$/ },
];

/** A fresh browser context on the demo, with every request the page makes and every script error it throws. */
async function visit(path: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const outside: string[] = [];
  const local: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(base)) local.push(new URL(r.url()).pathname);
    else if (!r.url().startsWith('data:')) outside.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL(path, base).href);
  await page.waitForFunction(() => typeof window.consentGate?.decisions === 'function', undefined, { timeout: 10_000 });
  return { context, page, outside, local, errors };
}

const current = (page: Page) => page.locator('nav[aria-label="Chat vendor"] a[aria-current="page"]');

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
    await page.evaluate(() => window.consentGate.chat().close());
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
    const real = demoConfig(new URLSearchParams('loader=tracking-code&inline=1'), { HUBSPOT_PORTAL_ID: '987654', HUBSPOT_REGION: 'eu1' })
      .vendors['hubspot-conversations'];
    expect(real).toMatchObject({ portalId: '987654', region: 'eu1', loader: 'tracking-code', inlineEmbedSelector: '#inline-chat' });
    expect(real.hostBase).toBeUndefined();
    // a malformed id does not reach HubSpot: the demo stays offline
    expect(demoConfig(new URLSearchParams(''), { HUBSPOT_PORTAL_ID: 'abc' }).vendors['hubspot-conversations'].hostBase).toBe(
      '/vendor/{host}',
    );
  });

  it('?vendor= picks the vendor of the config (offline, through hostBase); an unknown or empty value gives the default', () => {
    expect(Object.keys(VENDORS)).toEqual(DEMO_VENDORS.map((v) => v.id));
    const w1 = demoConfig(new URLSearchParams('vendor=web1on1'), {});
    expect(Object.keys(w1.vendors)).toEqual(['web1on1']);
    expect(w1.vendors.web1on1).toMatchObject({
      loaderUrl: 'https://widget.web1on1.com/v2/loader.js',
      hostBase: '/vendor/{host}',
      launcher: true,
    });
    for (const q of ['vendor=zendesk', 'vendor=', 'vendor=__proto__', 'vendor=toString']) {
      expect(Object.keys(demoConfig(new URLSearchParams(q), {}).vendors)).toEqual(['hubspot-conversations']);
    }
  });
});

describe('demo vendor selector (?vendor=), each vendor served offline by the demo server', () => {
  for (const vendor of DEMO_VENDORS) {
    it(`?vendor=${vendor.id}: the selector marks ${vendor.title}; a tag is held back before consent; click the launcher, allow, and its widget opens from the emulator the demo server serves; revoke in the panel removes it`, async () => {
      const { context, page, outside, local, errors } = await visit(`/?vendor=${vendor.id}`);
      expect(await current(page).innerText()).toBe(vendor.title);
      expect(await page.locator('body').getAttribute('data-vendor')).toBe(vendor.id);
      expect(await page.locator('.note').count()).toBe(0);
      // nothing of the vendor before the click; a tag writing one of its cookies or keys is held back
      await page.locator('button.cg-chat-launcher').waitFor({ state: 'visible' });
      const tag = VENDORS[vendor.id].tag as { kind: string; name: string; purpose: string };
      await page.locator('#tag').click();
      await expect.poll(() => page.locator('#events').innerText()).toContain(`a tag tried to write ${tag.name}: held back`);
      expect(local.filter((p) => p.startsWith('/vendor/'))).toEqual([]);

      await page.locator('button.cg-chat-launcher').click();
      const dialog = page.locator('[data-consent-gate-prompt]');
      await dialog.waitFor({ state: 'visible' });
      await dialog.getByRole('button', { name: 'Allow and start chat' }).click();
      await page.locator(vendor.widget).first().waitFor({ state: 'visible', timeout: 10_000 });
      await page.waitForFunction((id) => window.consentGate.chat(id).status().state === 'ready', vendor.id, { timeout: 10_000 });
      // the live panel names the vendor
      await expect.poll(() => page.locator('#chat-status').innerText()).toContain(`${vendor.title} chat: ready`);

      // served by the demo server itself, under /vendor/{host}/…, and nothing left the machine
      expect(local.some((p) => vendor.hosts.test(p))).toBe(true);
      expect(outside).toEqual([]);
      await page.screenshot({ path: join(ROOT, 'test-results', `demo-${vendor.id}.png`) });

      // revoke from the panel (the open chat covers its buttons, as it would for a person: close it first)
      await page.evaluate((id) => window.consentGate.chat(id).close(), vendor.id);
      if (tag.purpose === 'functional') {
        await page.locator('#tag').click();
        await expect.poll(() => page.locator('#events').innerText()).toContain(`a tag wrote ${tag.name} (functional is granted)`);
        await expect.poll(() => page.locator('#cookies').innerText()).toContain(tag.name);
      }
      await page.getByRole('button', { name: 'Revoke functional' }).click();
      await page.locator(vendor.widget).first().waitFor({ state: 'detached', timeout: 5000 });
      await expect.poll(() => page.locator('#chat-status').innerText()).toContain(`${vendor.title} chat: idle`);
      await expect.poll(() => page.locator('#cookies').innerText(), { timeout: 3000 }).not.toContain(tag.name);
      await page.locator('button.cg-chat-launcher').waitFor({ state: 'visible' });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("the selector is a set of links that keep the chosen vendor across the shop's pages", async () => {
    const { context, page } = await visit('/');
    expect(await current(page).innerText()).toBe('HubSpot Conversations');
    const links = page.locator('nav[aria-label="Chat vendor"] a');
    expect(await links.allInnerTexts()).toEqual(DEMO_VENDORS.map((v) => v.title));
    await links.filter({ hasText: 'web1on1' }).click();
    await page.waitForURL(/\?vendor=web1on1$/);
    expect(await current(page).innerText()).toBe('web1on1');
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Product' }).click();
    await page.waitForURL(/\/product\/\?vendor=web1on1$/);
    expect(await current(page).innerText()).toBe('web1on1');
    expect(await page.getByRole('button', { name: 'Ask us in the chat' }).getAttribute('data-consent-gate-chat')).toBe('web1on1');
    await context.close();
  });

  it('an unknown ?vendor= shows the default (HubSpot) with a visible note, never a broken page; markup in the value stays text', async () => {
    for (const value of ['zendesk', '<img src=x onerror="window.injected=1">{{config}}$&']) {
      const { context, page, outside, errors } = await visit(`/?vendor=${encodeURIComponent(value)}`);
      const note = page.locator('.note');
      await note.waitFor({ state: 'visible' });
      expect(await note.innerText()).toContain(`The demo has no chat vendor "${value}": showing HubSpot Conversations.`);
      expect(await current(page).innerText()).toBe('HubSpot Conversations');
      expect(await page.locator('body').getAttribute('data-vendor')).toBe('hubspot-conversations');
      expect(await page.evaluate(() => (window as any).injected)).toBeUndefined();
      expect(await page.locator('.note img').count()).toBe(0);
      // the page works: the default vendor's chat opens
      await page.locator('button.cg-chat-launcher').click();
      await page.locator('[data-consent-gate-prompt]').getByRole('button', { name: 'Allow and start chat' }).click();
      await page.locator('#hubspot-messages-iframe-container iframe').waitFor({ state: 'visible', timeout: 10_000 });
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe('demo: where and when the chat shows (show settings)', () => {
  it('the checkout is a page the chat does not target: no launcher, no "Ask us" button; the shop\'s other pages have both', async () => {
    const { context, page, errors } = await visit('/');
    await page.locator('button.cg-chat-launcher').waitFor({ state: 'visible' });
    await page.getByRole('link', { name: 'Go to the checkout' }).click();
    await page.waitForURL(/\/checkout\/$/);
    await page.waitForFunction(
      () => typeof window.consentGate?.decisions === 'function' && document.querySelector('button.cg-chat-launcher') !== null,
    );
    expect(await page.locator('h1').innerText()).toBe('Checkout');
    expect(await page.locator('button.cg-chat-launcher').isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: 'Ask us in the chat' }).count()).toBe(0);
    expect(await page.evaluate(() => window.consentGate.openChat())).toBe(false);
    await page.goBack();
    await page.locator('button.cg-chat-launcher').waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the business-hours switch in the live panel: closed with the away message, the prompt says when the team is back; closed with no launcher, none', async () => {
    const { context, page, errors } = await visit('/');
    const hours = page.getByRole('combobox', { name: 'Team hours' });
    expect(await hours.inputValue()).toBe('');
    await hours.selectOption('away');
    await page.waitForURL(/\?hours=away$/);
    await page.locator('button.cg-chat-launcher').click();
    const away = page.locator('[data-consent-gate-away]');
    await away.waitFor({ state: 'visible' });
    expect(await away.innerText()).toMatch(/We're back on \w+day/);
    expect(await away.getByRole('link', { name: 'Email us instead' }).getAttribute('href')).toBe('mailto:help@shop.example');
    await page.keyboard.press('Escape');

    await page.getByRole('combobox', { name: 'Team hours' }).selectOption('hide');
    await page.waitForURL(/\?hours=hide$/);
    await page.waitForFunction(
      () => typeof window.consentGate?.decisions === 'function' && document.querySelector('button.cg-chat-launcher') !== null,
    );
    expect(await page.locator('button.cg-chat-launcher').isHidden()).toBe(true);

    await page.getByRole('combobox', { name: 'Team hours' }).selectOption('open');
    await page.waitForURL(/\?hours=open$/);
    await page.locator('button.cg-chat-launcher').click();
    await page.locator('[data-consent-gate-prompt]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-consent-gate-prompt]').innerText()).toContain('We usually reply within a few minutes.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the hours the switch sets: closed now whatever the day (only the weekday after tomorrow), always open with a reply time', async () => {
    // @ts-expect-error plain JavaScript module without types
    const { demoShow } = await import('../../demo/server.mjs');
    for (let day = 0; day < 7; day++) {
      const now = Date.UTC(2026, 2, 1 + day, 12);
      const show = demoShow(new URLSearchParams('hours=away'), now);
      const after = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(new Date(now).getUTCDay() + 2) % 7];
      expect(show.hours).toEqual({ timeZone: 'UTC', days: { [after!]: ['09:00-17:00'] }, outside: 'away' });
    }
    expect(demoShow(new URLSearchParams('hours=hide')).hours.outside).toBe('hide');
    expect(Object.keys(demoShow(new URLSearchParams('hours=open')).hours.days)).toHaveLength(7);
    expect(demoShow(new URLSearchParams('')).hours).toBeUndefined();
    expect(demoShow(new URLSearchParams('')).urls).toEqual([{ operator: 'does-not-start-with', value: '/checkout/' }]);
  });
});
