import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser, type Site } from './harness';
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
} from './chat-kit';
import { CHAT_COOKIES, HUBSPOT } from './hubspot-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const gate = 'window.consentGate';
const hubspotRequestsSince = (site: Site, from: number) =>
  vendorRequests({ requests: site.requests.slice(from) }, HUBSPOT).map((r) => r.url);

describe('HubSpot SDK through consent-gate (Chromium)', () => {
  it('preconnects to HubSpot on hover or focus only after consent', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT);
    await page.goto(site.url('/'));
    await launcher(page).hover();
    await launcher(page).focus();
    await page.waitForTimeout(200);
    expect(await page.locator('link[rel="preconnect"]').count()).toBe(0);
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);

    await page.evaluate(`${gate}.grant('functional')`);
    await page.mouse.move(0, 0);
    await launcher(page).hover();
    const hrefs = await page.locator('link[rel="preconnect"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(hrefs).toEqual(['https://js.usemessages.com/', 'https://app.hubspot.com/', 'https://api.hubspot.com/']);
    await site.close();
  });

  it("consentOnClick: 'click' treats the click as consent, recorded as such, with no prompt", async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, {
      vendor: { consentOnClick: 'click', label: 'Chat with us on HubSpot (sets a chat cookie)' },
    });
    await page.goto(site.url('/'));
    await page.getByRole('button', { name: 'Chat with us on HubSpot (sets a chat cookie)' }).click();
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await prompt(page).count()).toBe(0);
    const changes = await page.evaluate(() => window.changes);
    expect(changes.at(-1)).toMatchObject({ source: 'click', granted: expect.arrayContaining(['functional']) });
    await site.close();
  });

  it("the site's own element marked data-consent-gate-chat is the facade; no launcher is drawn", async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, {
      body: '<button type="button" id="own" data-consent-gate-chat="hubspot-conversations">Ask us</button>',
    });
    await page.goto(site.url('/'));
    await page.locator('#own').waitFor();
    await page.waitForTimeout(200);
    expect(await launcher(page).count()).toBe(0);
    await page.locator('#own').click();
    // the prompt opens right there, next to the button that asked for it
    const [own, box] = [(await page.locator('#own').boundingBox())!, (await prompt(page).boundingBox())!];
    expect(Math.round(box.y - (own.y + own.height))).toBe(8);
    expect(Math.abs(box.x - own.x)).toBeLessThanOrEqual(8);
    await prompt(page).getByRole('button', { name: 'Allow and start chat' }).click();
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => page.locator('#own').getAttribute('data-consent-gate-chat-state')).toBe('ready');
    expect(await layoutShift(page, '#hubspot-messages-iframe-container')).toBe(0);
    await site.close();
  });

  it('open/close/status/clear answer sensibly before load; refresh() reaches widget.refresh; identification passes through and sets no messagesUtk', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, {
      vendor: {
        identificationEmail: 'visitor@shop.test',
        identificationToken: 'tok-123',
        avoidInlineStyles: true,
        disableInitialInputFocus: true,
        enableWidgetCookieBanner: 'ON_EXIT_INTENT',
      },
    });
    await page.goto(site.url('/'));
    await site.context.addCookies([{ name: 'messagesUtk', value: 'old', domain: 'www.shop.test', path: '/' }]);
    const before = await page.evaluate(() => {
      const chat = window.consentGate.chat('hubspot-conversations');
      chat.close();
      const status = chat.status();
      chat.clear();
      return status;
    });
    expect(before).toEqual({ vendor: 'hubspot-conversations', state: 'idle', allowed: false, loaded: false });
    expect(await cookieCopies(site, CHAT_COOKIES)).toEqual([]);
    await page.evaluate(() => window.consentGate.refresh());
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);
    expect(
      await page.evaluate(() => {
        try {
          window.consentGate.chat('intercom');
          return 'no error';
        } catch (e) {
          return (e as Error).message;
        }
      }),
    ).toMatch(/chat\(\) argument 1 is "intercom"; expected a configured chat vendor id \("hubspot-conversations"\)/);

    await allowAndOpen(page, HUBSPOT);
    const seen = await page.evaluate(() => window.__hsEmu!.settingsSeen);
    expect(seen).toEqual({
      identificationEmail: 'visitor@shop.test',
      identificationToken: 'tok-123',
      avoidInlineStyles: true,
      disableInitialInputFocus: true,
      enableWidgetCookieBanner: 'ON_EXIT_INTENT',
      loadImmediately: false,
    });
    await page.waitForTimeout(300);
    expect(await cookieCopies(site, ['messagesUtk'])).toEqual([]);

    await page.evaluate(() => window.history.pushState({}, '', '/pricing'));
    await page.evaluate(() => window.consentGate.refresh());
    const calls = await emulatorCalls(page, HUBSPOT);
    expect(calls.filter((c) => c[0] === 'widget.refresh')).toHaveLength(1);
    expect(await page.evaluate(() => window.__hsEmu!.throttled)).toBe(0);
    await page.evaluate(() => window.consentGate.chat().close());
    await expect.poll(async () => (await chatWidget(page, HUBSPOT).boundingBox())!.height).toBeLessThan(200);
    await site.close();
  });

  it('loadOn consent: the widget loads (closed) as soon as functional is granted, without a click', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { vendor: { loadOn: 'consent' } });
    await page.goto(site.url('/'));
    await page.waitForTimeout(300);
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);
    await page.evaluate(() => window.consentGate.grant('functional'));
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    expect((await chatWidget(page, HUBSPOT).boundingBox())!.height).toBeLessThan(200);
    expect(await emulatorCalls(page, HUBSPOT)).toContainEqual(['widget.load', null]);
    await site.close();
  });

  it('eu1: loads from the EU hosts with data-hsjs-hublet="eu1"', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { vendor: { region: 'eu1' } });
    await page.goto(site.url('/'));
    await allowAndOpen(page, HUBSPOT);
    const hosts = [...new Set(vendorRequests(site, HUBSPOT).map((r) => r.host))];
    expect(hosts).toEqual(['js-eu1.usemessages.com', 'app-eu1.hubspot.com']);
    expect(await page.locator('#hubspot-messages-loader').getAttribute('data-hsjs-hublet')).toBe('eu1');
    await site.close();
  });

  it('revoke then allow again: the throttle is respected, subscriptions detach on revocation and re-attach on load', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT);
    await page.goto(site.url('/'));
    await page.evaluate(() => {
      (window as any).events = [];
      window.consentGate.chat().on('widgetLoaded', () => (window as any).events.push('loaded'));
    });
    await allowAndOpen(page, HUBSPOT);
    await expect.poll(() => page.evaluate(() => (window as any).events)).toEqual(['loaded']);
    await page.evaluate(() => window.consentGate.revoke('functional'));
    await launcher(page).waitFor({ state: 'visible' });
    // the SDK stays in memory, but our listener is off it
    expect(await page.evaluate(() => (window.__hsEmu!.listeners.widgetLoaded ?? []).length)).toBe(0);
    await allowAndOpen(page, HUBSPOT);
    await expect.poll(() => page.evaluate(() => (window as any).events)).toEqual(['loaded', 'loaded']);
    expect(await page.evaluate(() => (window.__hsEmu!.listeners.widgetLoaded ?? []).length)).toBe(1);
    expect(await page.evaluate(() => window.__hsEmu!.throttled)).toBe(0);
    await site.close();
  });

  it('the config nonce reaches every element consent-gate inserts (style, scripts, preconnect links)', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { config: { nonce: 'n0nce-123' } });
    await page.goto(site.url('/'));
    await page.evaluate(() => window.consentGate.grant('functional'));
    await launcher(page).hover();
    await launcher(page).click();
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    const nonces = await page.evaluate(() => ({
      style: (document.getElementById('consent-gate-chat-styles') as HTMLStyleElement).nonce,
      script: (document.getElementById('hubspot-messages-loader') as HTMLScriptElement).nonce,
      links: [...document.querySelectorAll('link[rel="preconnect"]')].map((l) => (l as HTMLLinkElement).nonce),
    }));
    expect(nonces).toEqual({ style: 'n0nce-123', script: 'n0nce-123', links: ['n0nce-123', 'n0nce-123', 'n0nce-123'] });
    await site.close();
  });

  it('reloadOnRevoke: a revocation with the chat on the page reloads it for a clean slate', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { vendor: { reloadOnRevoke: true } });
    await page.goto(site.url('/'));
    await allowAndOpen(page, HUBSPOT);
    await page.evaluate(() => ((window as any).marker = 'before'));
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.consentGate.revoke('functional'))]);
    expect(await page.evaluate(() => (window as any).marker)).toBeUndefined();
    expect(await cookieCopies(site, CHAT_COOKIES)).toEqual([]);
    await launcher(page).waitFor({ state: 'visible' });
    expect(await page.locator('#hubspot-messages-iframe-container').count()).toBe(0);
    await site.close();
  });

  it('shows progress while loading: the launcher is busy and says so until the widget has loaded', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { vendor: { consentOnClick: 'click' } });
    await site.context.route('https://js.usemessages.com/**', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.fallback();
    });
    await page.goto(site.url('/'));
    const before = (await launcher(page).boundingBox())!;
    await launcher(page).click();
    await expect.poll(() => launcher(page).getAttribute('aria-busy')).toBe('true');
    expect(await page.getByRole('status').first().innerText()).toBe('Loading chat…');
    expect(await launcher(page).boundingBox()).toEqual(before);
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => launcher(page).isVisible()).toBe(false);
    await site.close();
  });

  it('openChat() called before the runtime has loaded is queued and answered with the prompt', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { body: '<script>window.consentGate.openChat();</script>' });
    await page.goto(site.url('/'));
    await prompt(page).waitFor({ state: 'visible' });
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);
    await prompt(page).getByRole('button', { name: 'Allow and start chat' }).click();
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    await site.close();
  });

  it('continuity: with consent and an open chat, the next page loads the widget by itself, open; a closed chat waits for a click', async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { paths: ['/', '/next', '/third'] });
    await page.goto(site.url('/'));
    await allowAndOpen(page, HUBSPOT);
    await expect.poll(() => cookieCopies(site, ['hs-messages-is-open'])).toEqual(['hs-messages-is-open@www.shop.test/']);
    await page.goto(site.url('/next'));
    await chatWidget(page, HUBSPOT).waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(async () => (await chatWidget(page, HUBSPOT).boundingBox())!.height).toBeGreaterThan(400);
    expect(await emulatorCalls(page, HUBSPOT)).toContainEqual(['widget.load', null]);
    // the visitor closes the chat: the next page stays quiet until asked
    await page.evaluate(() => window.consentGate.chat().close());
    await expect.poll(() => cookieCopies(site, ['hs-messages-is-open'])).toEqual(['hs-messages-is-open@www.shop.test/']);
    const before = site.requests.length;
    await page.goto(site.url('/third'));
    await launcher(page).waitFor({ state: 'visible' });
    await page.waitForTimeout(500);
    expect(hubspotRequestsSince(site, before)).toEqual([]);
    await site.close();
  });

  it("position 'bottom-left': the launcher rises above the banner while it shows, and returns to its corner after", async () => {
    const { site, page } = await openChatShop(browser, HUBSPOT, { vendor: { position: 'bottom-left', color: '#0a5c36' } });
    await page.goto(site.url('/'));
    const notice = page.locator('#consent-gate-banner .cookie-notice');
    await notice.waitFor({ state: 'visible' });
    await launcher(page).waitFor({ state: 'visible' });
    const overlaps = async () => {
      const [b, c] = [(await notice.boundingBox())!, (await launcher(page).boundingBox())!];
      return !(b.x + b.width <= c.x || c.x + c.width <= b.x || b.y + b.height <= c.y || c.y + c.height <= b.y);
    };
    await expect.poll(overlaps).toBe(false);
    const box = (await launcher(page).boundingBox())!;
    expect(box.x).toBeLessThan(40);
    expect(await launcher(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(10, 92, 54)');
    await notice.getByRole('button', { name: 'Reject all' }).click();
    await notice.waitFor({ state: 'hidden' });
    const viewport = page.viewportSize()!;
    await expect
      .poll(async () => {
        const c = (await launcher(page).boundingBox())!;
        return Math.round(viewport.height - (c.y + c.height));
      })
      .toBe(20);
    await site.close();
  });
});
