import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchBrowser, openSite, type LaunchedBrowser } from './harness';
import { hubspotEmulator } from '../../emulators/hubspot/index.mjs';
import {
  allowAndOpen,
  chatWidget,
  cookieCopies,
  emulatorCalls,
  launcher,
  layoutShift,
  openChatShop,
  prompt,
  vendorRequests,
  withdrawAcrossTabs,
} from './chat-kit';
import { ANALYTICS_COOKIES, CHAT_COOKIES, HUBSPOT } from './hubspot-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

describe('HubSpot click-to-chat (drop-in, Chromium, emulator under the real host names)', () => {
  it('before the click: no HubSpot request or cookie; the launcher is visible, accessible, never covered by the banner, and shifts nothing', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT);
    await page.goto(site.url('/'));
    const button = launcher(page);
    await button.waitFor({ state: 'visible' });
    await page.locator('#consent-gate-banner .cookie-notice').waitFor({ state: 'visible' });
    await page.waitForTimeout(500);

    expect(vendorRequests(site, HUBSPOT)).toEqual([]);
    expect(await cookieCopies(site, [...CHAT_COOKIES, ...ANALYTICS_COOKIES])).toEqual([]);
    expect(await layoutShift(page)).toBe(0);

    // a real button with an accessible name, at least 24x24 px
    expect(await page.getByRole('button', { name: 'Chat with us' }).count()).toBe(1);
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
    // never covered by the banner (WCAG 2.4.11): the banner's box does not intersect the launcher's
    const banner = (await page.locator('#consent-gate-banner .cookie-notice').boundingBox())!;
    const overlap = !(
      banner.x + banner.width <= box.x ||
      box.x + box.width <= banner.x ||
      banner.y + banner.height <= box.y ||
      box.y + box.height <= banner.y
    );
    expect(overlap).toBe(false);
    const topmost = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('.cg-chat-launcher') !== null,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(topmost).toBe(true);
    // …at narrower viewports too, where the banner would otherwise span the page's width
    const desktop = page.viewportSize()!;
    for (const [width, height] of [
      [1000, 600],
      [600, 700],
      [360, 640],
    ] as const) {
      await page.setViewportSize({ width, height });
      const l = (await button.boundingBox())!;
      const b = (await page.locator('#consent-gate-banner .cookie-notice').boundingBox())!;
      const hit = !(b.x + b.width <= l.x || l.x + l.width <= b.x || b.y + b.height <= l.y || l.y + l.height <= b.y);
      expect(hit, `banner covers the launcher at ${width}x${height}`).toBe(false);
    }
    await page.setViewportSize(desktop);

    // keyboard operable with a visible focus indicator
    await button.focus();
    const outline = await button.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await prompt(page).waitFor({ state: 'visible' });
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(outline).not.toMatch(/^none/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Allow and start chat');
    await page.keyboard.press('Escape');
    await prompt(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cg-chat-launcher'))).toBe(true);
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);
    await site.close();
  });

  it('click without consent: "Not now" loads nothing; "Allow" loads the chat-only script with loadImmediately false, opens the widget, sets messagesUtk and no analytics cookie', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, {
      head: `<script>
        window.hsConversationsSettings = { disableAttachment: true };
        window.siteReady = 0;
        window.hsConversationsOnReady = [function () { window.siteReady++; }];
      </script>`,
    });
    await page.goto(site.url('/'));
    await launcher(page).click();
    const dialog = prompt(page);
    await dialog.waitFor({ state: 'visible' });
    const text = await dialog.innerText();
    expect(text).toContain('HubSpot Conversations');
    expect(text).toMatch(/messagesUtk \(6 months\)/);
    expect(await dialog.getByRole('link', { name: /privacy policy/ }).getAttribute('href')).toBe(
      'https://legal.hubspot.com/privacy-policy',
    );
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await page.waitForTimeout(400);
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);
    expect(await page.evaluate(() => window.consentGate.decisions().purposes.functional)).toBe(false);

    await allowAndOpen(page, HUBSPOT);
    const requested = vendorRequests(site, HUBSPOT).map((r) => `${r.host}${r.path}`);
    expect(requested[0]).toBe('js.usemessages.com/conversations-embed.js');
    expect(requested.some((r) => r.startsWith('js.hs-scripts.com') || r.startsWith('js.hs-analytics.net'))).toBe(false);
    const attrs = await page.evaluate(() => {
      const s = document.getElementById('hubspot-messages-loader')!;
      return Object.fromEntries([...s.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value]));
    });
    expect(attrs).toEqual({
      'data-loader': 'hs-scriptloader',
      'data-hsjs-portal': '1234567',
      'data-hsjs-env': 'prod',
      'data-hsjs-hublet': 'na1',
    });

    const emu = await page.evaluate(() => window.__hsEmu!);
    expect(emu.settingsSeen).toEqual({ disableAttachment: true, loadImmediately: false });
    expect(emu.throttled).toBe(0);
    expect(emu.calls).toContainEqual(['widget.load', { widgetOpen: true }]);
    // the site's own callback still ran, and its settings reached the widget
    expect(await page.evaluate(() => (window as any).siteReady)).toBe(1);
    expect(await chatWidget(page, HUBSPOT).getAttribute('src')).toContain('disableAttachment=1');

    await expect.poll(() => cookieCopies(site, CHAT_COOKIES)).toContain('messagesUtk@www.shop.test/');
    expect(await cookieCopies(site, ANALYTICS_COOKIES)).toEqual([]);
    // the widget is open (its panel is drawn) and the launcher stepped aside
    expect((await chatWidget(page, HUBSPOT).boundingBox())!.height).toBeGreaterThan(400);
    await expect.poll(() => launcher(page).isVisible()).toBe(false);
    // prompt and progress sit above the page: no layout shift from consent-gate (the vendor's own widget resizing is HubSpot's)
    expect(await layoutShift(page, '#hubspot-messages-iframe-container')).toBe(0);
    const changes = await page.evaluate(() => window.changes);
    expect(changes.at(-1)).toMatchObject({ source: 'prompt', granted: expect.arrayContaining(['functional']) });
    await site.close();
  });

  it('revoking functional removes the widget and every chat cookie copy (parent domain, sub-path), and a second tab loses its widget within one second', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { paths: ['/shop/item', '/other'] });
    await page.goto(site.url('/shop/item'));
    await allowAndOpen(page, HUBSPOT);
    await expect
      .poll(() => cookieCopies(site, CHAT_COOKIES))
      .toEqual(['hs-messages-hide-welcome-message@www.shop.test/', 'hs-messages-is-open@www.shop.test/', 'messagesUtk@www.shop.test/']);
    // copies on the parent domain and on a sub-path, as other pages or older widget versions leave them
    const copies = CHAT_COOKIES.flatMap((name) => [
      { name, value: 'parent', domain: '.shop.test', path: '/' },
      { name, value: 'sub', domain: 'www.shop.test', path: '/shop' },
    ]);
    await site.context.addCookies(copies);
    expect((await cookieCopies(site, CHAT_COOKIES)).length).toBe(9);

    // a second tab continues the open conversation on page load
    const other = await site.newPage();
    await other.goto(site.url('/other'));
    await other.locator('#hubspot-messages-iframe-container').waitFor({ state: 'attached', timeout: 10_000 });
    await expect.poll(() => other.evaluate(() => (window as any).HubSpotConversations?.widget.status().loaded)).toBe(true);

    expect(await withdrawAcrossTabs(page, other, '#hubspot-messages-iframe-container')).toBeLessThan(1000);

    expect(await page.locator('#hubspot-messages-iframe-container').count()).toBe(0);
    expect(await cookieCopies(site, CHAT_COOKIES)).toEqual([]);
    const calls = await emulatorCalls(page, HUBSPOT);
    const clearAt = calls.findIndex((c) => c[0] === 'clear');
    expect(calls[clearAt]).toEqual(['clear', { resetWidget: true }]);
    expect(calls.slice(clearAt).some((c) => c[0] === 'widget.remove')).toBe(true);
    // the facade is back in both tabs
    await launcher(page).waitFor({ state: 'visible' });
    await launcher(other).waitFor({ state: 'visible' });
    await site.close();
  });

  it('tracking-code loader: grant analytics, then revoke it: __hstc and the other analytics cookies are gone from every domain, _hsp/_hsq got the calls', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { vendor: { loader: 'tracking-code' }, paths: ['/shop/item'] });
    await page.goto(site.url('/shop/item'));
    await page.evaluate(() => window.consentGate.grant('functional', 'analytics'));
    await launcher(page).click();
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    expect(vendorRequests(site, HUBSPOT).map((r) => r.host)).toEqual(
      expect.arrayContaining(['js.hs-scripts.com', 'js.usemessages.com', 'js.hs-analytics.net']),
    );
    // HubSpot's own banner stays off; marketing parts stay out
    expect(vendorRequests(site, HUBSPOT).some((r) => /hs-banner|hsadspixel|hscollectedforms/.test(r.host))).toBe(false);
    await expect
      .poll(() => cookieCopies(site, ANALYTICS_COOKIES))
      .toEqual(['__hssc@.shop.test/', '__hssrc@.shop.test/', '__hstc@.shop.test/', 'hubspotutk@.shop.test/']);
    await site.context.addCookies([
      { name: '__hstc', value: 'host', domain: 'www.shop.test', path: '/' },
      { name: 'hubspotutk', value: 'sub', domain: '.shop.test', path: '/shop' },
    ]);

    await page.evaluate(() => window.consentGate.revoke('analytics'));
    await expect.poll(() => cookieCopies(site, ANALYTICS_COOKIES)).toEqual([]);
    const calls = await emulatorCalls(page, HUBSPOT);
    expect(calls).toContainEqual(['_hsp', 'revokeCookieConsent']);
    expect(calls).toContainEqual(['_hsq', 'doNotTrack']);
    // the chat itself (functional) stays
    expect(await chatWidget(page, HUBSPOT).isVisible()).toBe(true);
    await site.close();
  });

  it('tracking-code loader without analytics: with the guard on the page, no analytics script, pixel or cookie gets through, and the chat works', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { vendor: { loader: 'tracking-code' } });
    await page.goto(site.url('/'));
    expect(await page.evaluate(() => typeof window.__consentGateGuard?.update)).toBe('function');
    await allowAndOpen(page, HUBSPOT);
    await page.waitForTimeout(500);
    expect(vendorRequests(site, HUBSPOT).map((r) => r.host)).toContain('js.hs-scripts.com');
    expect(site.requestsTo(/hs-analytics\.net$|^track\.hubspot\.com$/)).toEqual([]);
    expect(await cookieCopies(site, ANALYTICS_COOKIES)).toEqual([]);
    expect(await page.evaluate(() => window.__hsEmu!.analyticsRuns ?? 0)).toBe(0);
    await site.close();
  });

  it("the site's own pasted HubSpot snippet: the guard holds the loader until functional, then holds back its analytics script and cookies", async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, {
      vendor: { loader: 'tracking-code' },
      body: '<script type="text/javascript" id="hs-script-loader" async defer src="https://js.hs-scripts.com/1234567.js"></script>',
    });
    await page.goto(site.url('/'));
    await page.waitForTimeout(500);
    // Chromium's preload scanner may fetch a parser-inserted script before any script can stop it; what counts is that it does not run
    expect(await page.evaluate(() => window.__hsEmu!)).toBeUndefined();
    await allowAndOpen(page, HUBSPOT);
    await page.waitForTimeout(500);
    expect(site.requestsTo(/hs-analytics\.net$|^track\.hubspot\.com$/)).toEqual([]);
    expect(await cookieCopies(site, ANALYTICS_COOKIES)).toEqual([]);
    const held = await page.evaluate(() => window.consentGate.blocked().map((b) => `${b.purpose} ${b.target}`));
    expect(held.some((h: string) => h.startsWith('analytics ') && h.includes('js.hs-analytics.net'))).toBe(true);
    await site.close();
  });

  it('inline embed: the placeholder and then the widget sit in the given element; a subscription made before load fires after load', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, {
      vendor: { inlineEmbedSelector: '#chat-here' },
      body: '<section id="chat-here" style="width:400px"></section>',
    });
    await page.goto(site.url('/'));
    // the visitor first rejects everything in the banner, then asks for the chat
    await page.locator('#consent-gate-banner .cookie-notice').getByRole('button', { name: 'Reject all' }).click();
    const placeholder = page.locator('#chat-here [data-consent-gate-placeholder]');
    await placeholder.waitFor({ state: 'visible' });
    expect(await launcher(page).count()).toBe(0);
    const before = (await page.locator('#chat-here').boundingBox())!;
    await page.evaluate(() => {
      (window as any).loadedEvents = [];
      window.consentGate.chat('hubspot-conversations').on('widgetLoaded', (p: unknown) => (window as any).loadedEvents.push(p));
    });
    expect(await page.evaluate(() => window.consentGate.chat().status())).toMatchObject({ state: 'idle', loaded: false, allowed: false });
    await placeholder.getByRole('button', { name: 'Start chat' }).click();
    await placeholder.getByRole('button', { name: 'Allow and start chat' }).click();
    await page
      .locator('#chat-here > #hubspot-conversations-inline-parent > iframe#hubspot-conversations-inline-iframe')
      .waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => page.evaluate(() => (window as any).loadedEvents.length)).toBe(1);
    expect(await placeholder.count()).toBe(0);
    const after = (await page.locator('#chat-here').boundingBox())!;
    expect(after.height).toBe(before.height);
    expect(await page.evaluate(() => window.__hsEmu!.settingsSeen.inlineEmbedSelector)).toBe('#chat-here');
    await site.close();
  });

  for (const mode of ['404', 'timeout', 'offline'] as const) {
    // (the load limit: 8 s where the test waits for it to run out, which leaves the retry room to load on a busy
    // machine (with 6 s, a full parallel run once saw the retry miss); 10 s where the failure comes at once)
    it(`script ${mode}: the facade shows the failure state with a fallback, nothing is left half-loaded, and retry works`, async () => {
      const {
        site,
        page,
        emulator: hubspot,
      } = await openChatShop(browser, HUBSPOT, {
        vendor: { timeout: mode === 'timeout' ? 8000 : 10_000, fallbackUrl: 'mailto:help@shop.test' },
      });
      await page.goto(site.url('/'));
      if (mode === 'offline') await site.context.setOffline(true);
      else hubspot.fail('js.usemessages.com', mode);
      await launcher(page).click();
      await prompt(page).getByRole('button', { name: 'Allow and start chat' }).click();
      const failure = page.locator(`[data-consent-gate-failure="${mode === '404' ? 'error' : mode}"]`);
      await failure.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await failure.getByRole('link', { name: 'Email us instead' }).getAttribute('href')).toBe('mailto:help@shop.test');
      expect(
        await page.evaluate(() => [!!document.getElementById('hubspot-messages-loader'), typeof (window as any).HubSpotConversations]),
      ).toEqual([false, 'undefined']);
      expect(await page.evaluate(() => window.consentGate.chat().status())).toMatchObject({ state: 'failed', loaded: false });

      if (mode === 'offline') await site.context.setOffline(false);
      else hubspot.restore('js.usemessages.com');
      await failure.getByRole('button', { name: 'Try again' }).click();
      await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 15_000 });
      expect(await failure.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => window.consentGate.chat().status())).toMatchObject({ state: 'ready', loaded: true });
      await site.close();
    });
  }

  it('works without the head guard too: tracking-code loader without analytics keeps the analytics script out, and revocation still sweeps', async () => {
    const hubspot = hubspotEmulator();
    const config = { vendors: { 'hubspot-conversations': { portalId: '1234567', loader: 'tracking-code' } } };
    const page0 = html(
      '<main>Shop</main>',
      `<script>window.consentGateConfig = ${JSON.stringify(config)};</script><script src="/dist/consent-gate.js" defer></script>`,
    );
    const site = await openSite(browser, { pages: { '/': page0 }, hosts: hubspot.handlers });
    const { page } = site;
    await page.goto(site.url('/'));
    expect(await page.evaluate(() => typeof window.__consentGateGuard)).toBe('undefined');
    await allowAndOpen(page, HUBSPOT);
    await page.waitForTimeout(500);
    expect(vendorRequests(site, HUBSPOT).map((r) => r.host)).toContain('js.hs-scripts.com');
    expect(site.requestsTo(/hs-analytics\.net$|^track\.hubspot\.com$/)).toEqual([]);
    expect(await cookieCopies(site, ANALYTICS_COOKIES)).toEqual([]);
    expect(await emulatorCalls(page, HUBSPOT)).toContainEqual(['loader.skip', 'hs-analytics']);
    await expect.poll(() => cookieCopies(site, ['messagesUtk'])).toEqual(['messagesUtk@www.shop.test/']);
    await page.evaluate(() => window.consentGate.revoke('functional'));
    await expect.poll(() => cookieCopies(site, CHAT_COOKIES)).toEqual([]);
    expect(await page.locator('#hubspot-messages-iframe-container').count()).toBe(0);
    await site.close();
  });
});
