import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchBrowser, openSite, type LaunchedBrowser } from './harness';
import {
  allowAndOpen,
  chatReady,
  chatStatus,
  chatWidget,
  cookieCopies,
  emulatorCalls,
  launcher,
  openChatShop,
  prompt,
  ready,
  vendorRequests,
  withdrawAcrossTabs,
} from './chat-kit';
import { COOKIE_PREFIX, CRISP_LOADER_URL, SESSION_MAX_AGE, WEBSITE_ID, crispEmulator } from '../../emulators/crisp/index.mjs';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const SESSION_COOKIE = COOKIE_PREFIX + WEBSITE_ID;
const OTHER_WEBSITE = '0f0e0d0c-0b0a-4909-8807-060504030201';

/** The site's own Crisp snippet, as Crisp's setup instructions give it. */
const PASTED_SNIPPET = `<script type="text/javascript">window.$crisp=[];window.CRISP_WEBSITE_ID=${JSON.stringify(WEBSITE_ID)};(function(){var d=document;var s=d.createElement("script");s.src=${JSON.stringify(CRISP_LOADER_URL)};s.async=1;d.getElementsByTagName("head")[0].appendChild(s);})();</script>`;

/** Every Crisp cookie (any website id). */
const isCrispCookie = (name: string) => name.startsWith(COOKIE_PREFIX);

describe('Crisp click-to-chat (head guard + drop-in with the built-in catalog, Chromium, emulator under the Crisp host names)', () => {
  it("before consent, with the guard on the page: the site's pasted Crisp snippet and a tag writing the session cookie are held back (zero Crisp requests, no Crisp cookie, no widget); after Allow, Crisp boots once and opens", async () => {
    const { site, page } = await openChatShop(browser, 'crisp', {
      visit: true,
      head: `${PASTED_SNIPPET}<script>document.cookie = ${JSON.stringify(`${SESSION_COOKIE}=tag; path=/; max-age=${SESSION_MAX_AGE}; domain=.shop.test`)};</script>`,
    });
    expect(await page.evaluate(() => typeof window.__consentGateGuard?.update)).toBe('function');
    await launcher(page).waitFor({ state: 'visible' });
    await page.waitForTimeout(500);
    expect(vendorRequests(site, 'crisp')).toEqual([]);
    expect(await cookieCopies(site, isCrispCookie)).toEqual([]);
    expect(await page.evaluate(() => window.__crispEmu)).toBeUndefined();
    expect(await page.locator('.crisp-client').count()).toBe(0);
    // the guard reports what it held back, naming the vendor
    const blocked = await page.evaluate(() => window.consentGate.blocked());
    const ours = blocked.filter((b) => b.vendor === 'crisp');
    expect(ours.map((b) => b.target)).toContain(CRISP_LOADER_URL);
    expect(ours.some((b) => b.target.startsWith(SESSION_COOKIE))).toBe(true);
    expect(await page.evaluate(() => window.consentGate.decisions().purposes.functional)).toBe(false);

    // Allow: the held snippet is released and is the only loader (no second widget)
    await allowAndOpen(page, 'crisp');
    expect(vendorRequests(site, 'crisp').filter((r) => r.url === CRISP_LOADER_URL).length).toBe(1);
    expect((await emulatorCalls(page, 'crisp')).filter((c) => c[0] === 'loader').length).toBe(1);
    expect(await page.locator('.crisp-client').count()).toBe(1);
    expect(await page.evaluate(() => window.__crispEmu!.shown)).toEqual([{ opened: true }]);
    await site.close();
  });

  it('click → prompt → allow: loads l.js with CRISP_WEBSITE_ID and CRISP_RUNTIME_CONFIG, replays commands queued before load in order, opens; nothing shows before the visitor asked; the session cookie is on the parent domain for 6 months', async () => {
    const { site, page } = await openChatShop(browser, 'crisp', {
      visit: true,
      vendor: { runtimeConfig: { locale: 'de' } },
      head: `<script>
        window.$crisp = [];
        $crisp.push(['set', 'message:text', ['I need help with my order']]);
        $crisp.push(['set', 'user:nickname', ['Ana']]);
        window.CRISP_RUNTIME_CONFIG = { session_merge: true };
      </script>`,
    });
    await page.evaluate(() => {
      (window as any).openedEvents = 0;
      window.consentGate.chat('crisp').on('chat:opened', () => (window as any).openedEvents++);
    });
    await launcher(page).click();
    const dialog = prompt(page);
    await dialog.waitFor({ state: 'visible' });
    const text = await dialog.innerText();
    expect(text).toContain('Crisp');
    expect(text).toContain(`${COOKIE_PREFIX}… (6 months)`);
    expect(await dialog.getByRole('link', { name: /privacy policy/ }).getAttribute('href')).toBe('https://crisp.chat/en/privacy/');
    expect(vendorRequests(site, 'crisp')).toEqual([]);
    await dialog.getByRole('button', { name: 'Allow and start chat' }).click();
    await chatWidget(page, 'crisp').waitFor({ state: 'visible', timeout: 10_000 });
    await chatReady(page, 'crisp');

    const requested = vendorRequests(site, 'crisp').map((r) => `${r.host}${r.path}`);
    expect(requested).toEqual([
      'client.crisp.chat/l.js',
      `client.crisp.chat/settings/website/${WEBSITE_ID}/`,
      `image.crisp.chat/avatar/operator/${WEBSITE_ID}/32.png`,
    ]);
    expect(await page.evaluate(() => [(window as any).CRISP_WEBSITE_ID, (window as any).CRISP_RUNTIME_CONFIG])).toEqual([
      WEBSITE_ID,
      { locale: 'de', session_merge: true },
    ]);
    expect(await emulatorCalls(page, 'crisp')).toEqual([
      ['loader', WEBSITE_ID, { locale: 'de', session_merge: true }],
      ['do', 'chat:hide'],
      ['set', 'message:text', ['I need help with my order']],
      ['set', 'user:nickname', ['Ana']],
      ['on', 'chat:opened', 'fn'],
      ['do', 'chat:open'],
      ['do', 'chat:show'],
    ]);
    // what the visitor was shown: the chatbox, already open; never a closed launcher or anything before the click
    expect(await page.evaluate(() => window.__crispEmu!.shown)).toEqual([{ opened: true }]);
    expect(await page.evaluate(() => (window as any).openedEvents)).toBe(1);
    expect(await page.locator('#crisp-chatbox-input').inputValue()).toBe('I need help with my order');
    expect(await chatStatus(page, 'crisp')).toMatchObject({ state: 'ready', loaded: true, opened: true });
    await expect.poll(() => launcher(page).isVisible()).toBe(false);

    // the cookie Crisp wrote once it started (the guard let it through after consent): parent domain, path /, 6 months
    await expect.poll(() => cookieCopies(site, isCrispCookie)).toEqual([`${SESSION_COOKIE}@.shop.test/`]);
    const cookie = (await site.context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
    expect(Math.abs(cookie.expires - (Date.now() / 1000 + SESSION_MAX_AGE))).toBeLessThan(120);
    await site.close();
  });

  it('revoke: session:reset, the widget is gone, and every copy of the session cookie is gone (host, parent domain, sub-path, another website id), including the fresh session the reset starts', async () => {
    const { site, page } = await openChatShop(browser, 'crisp', { paths: ['/shop/item'], visit: true });
    await allowAndOpen(page, 'crisp');
    await expect.poll(() => cookieCopies(site, isCrispCookie)).toEqual([`${SESSION_COOKIE}@.shop.test/`]);
    // copies on the exact host and on sub-paths, as other pages, CRISP_COOKIE_DOMAIN or older widget versions leave them
    await site.context.addCookies([
      { name: SESSION_COOKIE, value: 'host', domain: 'www.shop.test', path: '/' },
      { name: SESSION_COOKIE, value: 'sub', domain: 'www.shop.test', path: '/shop' },
      { name: SESSION_COOKIE, value: 'parent-sub', domain: '.shop.test', path: '/shop' },
      { name: COOKIE_PREFIX + OTHER_WEBSITE, value: 'other', domain: '.shop.test', path: '/' },
      { name: 'cart', value: 'kept', domain: 'www.shop.test', path: '/' },
    ]);
    expect((await cookieCopies(site, isCrispCookie)).length).toBe(5);

    await page.evaluate(() => window.consentGate.revoke('functional'));
    await page.locator('.crisp-client').waitFor({ state: 'detached', timeout: 2000 });
    expect(await page.locator(`script[src="${CRISP_LOADER_URL}"]`).count()).toBe(0);
    expect(await page.evaluate(() => Array.isArray((window as any).$crisp))).toBe(true);
    const log = await emulatorCalls(page, 'crisp');
    expect(log).toContainEqual(['do', 'session:reset']);
    expect(await cookieCopies(site, isCrispCookie)).toEqual([]);
    // the reset starts a fresh session 100 ms later, which tries to write a new cookie: it must not survive
    await expect.poll(async () => (await emulatorCalls(page, 'crisp')).some((c) => c[0] === 'session:new')).toBe(true);
    await page.waitForTimeout(1300);
    expect(await cookieCopies(site, isCrispCookie)).toEqual([]);
    expect(await site.cookieNames()).toContain('cart');
    expect(await chatStatus(page, 'crisp')).toMatchObject({ state: 'idle', loaded: false });
    await launcher(page).waitFor({ state: 'visible' });
    await site.close();
  });

  it('a second tab follows: revoke in tab 1 → tab 2 loses its widget within about a second, and no Crisp cookie is left', async () => {
    const { site, page } = await openChatShop(browser, 'crisp', { paths: ['/products', '/contact'], visit: true });
    await allowAndOpen(page, 'crisp');

    // a second tab of the same site: consent is already given, so its launcher loads the chat without asking
    const other = await site.newPage();
    await other.goto(site.url('/contact'));
    await ready(other);
    expect(await other.evaluate(() => window.consentGate.decisions().purposes.functional)).toBe(true);
    await launcher(other).click();
    await chatWidget(other, 'crisp').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await prompt(other).count()).toBe(0);
    await chatReady(other, 'crisp');
    // the second tab continued the same Crisp session (same cookie)
    expect(await cookieCopies(site, isCrispCookie)).toEqual([`${SESSION_COOKIE}@.shop.test/`]);

    expect(await withdrawAcrossTabs(page, other, '.crisp-client')).toBeLessThan(1000);
    expect(await emulatorCalls(other, 'crisp')).toContainEqual(['do', 'session:reset']);
    expect(await other.evaluate(() => window.consentGate.decisions().purposes.functional)).toBe(false);
    // both tabs reset; neither fresh session's cookie survives
    await page.waitForTimeout(1300);
    expect(await cookieCopies(site, isCrispCookie)).toEqual([]);
    await launcher(page).waitFor({ state: 'visible' });
    await launcher(other).waitFor({ state: 'visible' });
    await site.close();
  });

  it('without the head guard (npm build): revoking still leaves no Crisp cookie, even the one the fresh session after session:reset writes', async () => {
    const config = { vendors: { crisp: { websiteId: WEBSITE_ID } }, policyVersion: '2026-11' };
    const page0 = html(
      '<main><p>Products.</p></main>',
      `<script type="module">
        import { createConsentGate } from '/dist/consent-gate.mjs';
        window.consentGate = createConsentGate(${JSON.stringify(config)});
      </script>`,
    );
    const site = await openSite(browser, { pages: { '/': page0 }, hosts: crispEmulator().handlers });
    const page = site.page;
    await page.goto(site.url('/'));
    await ready(page);
    expect(await page.evaluate(() => window.__consentGateGuard)).toBeUndefined();
    await allowAndOpen(page, 'crisp');
    await expect.poll(() => cookieCopies(site, isCrispCookie)).toEqual([`${SESSION_COOKIE}@.shop.test/`]);

    await page.evaluate(() => window.consentGate.revoke('functional'));
    await page.locator('.crisp-client').waitFor({ state: 'detached', timeout: 2000 });
    // the emulated reset writes a new session cookie 100 ms later; the adapter sweeps again after it
    await expect.poll(async () => (await emulatorCalls(page, 'crisp')).some((c) => c[0] === 'session:new')).toBe(true);
    await page.waitForTimeout(1300);
    expect(await cookieCopies(site, isCrispCookie)).toEqual([]);
    await site.close();
  });

  it("loadOn 'consent': nothing until consent; once granted, Crisp loads and shows its closed launcher, never opening by itself", async () => {
    const { site, page } = await openChatShop(browser, 'crisp', { vendor: { loadOn: 'consent' }, visit: true });
    await page.waitForTimeout(300);
    expect(vendorRequests(site, 'crisp')).toEqual([]);
    await page.evaluate(() => window.consentGate.grant('functional'));
    await page.locator('#crisp-chatbox-launcher').waitFor({ state: 'visible', timeout: 10_000 });
    await chatReady(page, 'crisp');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__crispEmu!.shown)).toEqual([{ opened: false }]);
    expect(await chatWidget(page, 'crisp').isVisible()).toBe(false);
    expect(await chatStatus(page, 'crisp')).toMatchObject({ loaded: true, opened: false });
    expect((await emulatorCalls(page, 'crisp')).filter((c) => c[0] === 'do')).toEqual([
      ['do', 'chat:hide'],
      ['do', 'chat:show'],
    ]);
    // the visitor's click on Crisp's own launcher opens it
    await page.locator('#crisp-chatbox-launcher').click();
    await chatWidget(page, 'crisp').waitFor({ state: 'visible' });
    await site.close();
  });

  it('cookie names with slashes: Chromium keeps crisp-client/session/{websiteId} as it is, and the cleanup deletes it by its declared prefix before any load', async () => {
    const { site, page } = await openChatShop(browser, 'crisp', { paths: ['/a/b'], visit: true });
    await site.context.addCookies([
      { name: SESSION_COOKIE, value: '1', domain: '.shop.test', path: '/' },
      { name: SESSION_COOKIE, value: '2', domain: 'www.shop.test', path: '/a' },
    ]);
    // the page sees the name unencoded
    expect(
      await page.evaluate(() =>
        document.cookie
          .split('; ')
          .filter((c) => c.startsWith('crisp-client/'))
          .map((c) => c.split('=')[0]),
      ),
    ).toEqual([SESSION_COOKIE, SESSION_COOKIE]);
    // chat('crisp').clear() before load deletes the vendor's declared cookies
    await page.evaluate(() => window.consentGate.chat('crisp').clear());
    expect(await cookieCopies(site, isCrispCookie)).toEqual([]);
    expect(vendorRequests(site, 'crisp')).toEqual([]);
    await site.close();
  });
});
