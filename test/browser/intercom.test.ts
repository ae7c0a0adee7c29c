import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './harness';
import {
  allowAndOpen,
  chatWidget,
  cookieCopies,
  emulatorCalls,
  launcher,
  openChatShop,
  prompt,
  vendorRequests,
  withdrawAcrossTabs,
} from './chat-kit';
import { APP_ID, BUNDLE_PATH, INTERCOM_API_HOSTS, INTERCOM_CDN_HOST, INTERCOM_WIDGET_HOST } from '../../emulators/intercom/index.mjs';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

/** Intercom's own queue stub, as its install snippet defines it, without the loader part (the site pastes this; consent-gate loads the Messenger). */
const SITE_STUB = `(function(){var w=window;var ic=w.Intercom;if(typeof ic!=="function"){var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;}})();`;

/** The cookies of the vendor-facts reference, named for the emulator's app id (the catalog declares them as prefixes). */
const COOKIES = ['intercom-id-', 'intercom-session-', 'intercom-device-id-'].map((prefix) => prefix + APP_ID);

const ownLauncher = (page: Page) => page.locator('.intercom-lightweight-app-launcher');

describe('Intercom click-to-chat (guard + drop-in, Chromium, emulator under the real host names)', () => {
  it("before consent: no Intercom request, no intercom-* cookie (not even from the site's own code), no Messenger; the site's Intercom(...) calls only queue", async () => {
    const { site, page } = await openChatShop(browser, 'intercom', {
      head: `<script>${SITE_STUB}
        Intercom('trackEvent', 'viewed-pricing');
        ${JSON.stringify(COOKIES)}.forEach(function (name) { document.cookie = name + '=planted; path=/; max-age=600'; });
        window.siteFetch = fetch('https://${INTERCOM_API_HOSTS.us}/messenger/web/ping', { method: 'POST' }).then(() => 'sent', () => 'refused');
      </script>`,
    });
    await page.goto(site.url('/'));
    await launcher(page).waitFor({ state: 'visible' });
    await page.waitForTimeout(500);

    expect(vendorRequests(site, 'intercom')).toEqual([]);
    expect(await page.evaluate(() => (window as any).siteFetch)).toBe('refused');
    expect(await cookieCopies(site, COOKIES)).toEqual([]);
    expect(await page.locator('.intercom-lightweight-app, #intercom-container').count()).toBe(0);
    expect(await page.evaluate(() => ((window as any).Intercom.q as ArrayLike<unknown>[]).length)).toBe(1);
    expect(await page.evaluate(() => window.__icEmu)).toBeUndefined();

    // hover (preconnect intent) and the prompt itself reach nothing either
    await launcher(page).hover();
    await launcher(page).click();
    const dialog = prompt(page);
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain('Intercom');
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await page.waitForTimeout(300);
    expect(vendorRequests(site, 'intercom')).toEqual([]);
    expect(await page.locator('link[rel="preconnect"]').count()).toBe(0);
    await site.close();
  });

  it("click → prompt → allow: loader, bundle and API ping, boot first with app_id and api_base, the site's queued calls replayed in order, then show; Intercom's own launcher reopens it", async () => {
    const { site, page } = await openChatShop(browser, 'intercom', {
      vendor: { settings: { vertical_padding: 40, name: 'From config' } },
      head: `<script>${SITE_STUB}
        window.intercomSettings = { name: 'Ada' };
        Intercom('update', { company: 'Acme' });
        Intercom('trackEvent', 'viewed-pricing', { plan: 'pro' });
      </script>`,
    });
    await page.goto(site.url('/'));
    await allowAndOpen(page, 'intercom');

    expect(vendorRequests(site, 'intercom').map((r) => `${r.host}${r.path}`)).toEqual([
      `${INTERCOM_WIDGET_HOST}/widget/${APP_ID}`,
      `${INTERCOM_CDN_HOST}${BUNDLE_PATH}`,
      `${INTERCOM_API_HOSTS.us}/messenger/web/ping`,
    ]);
    expect(await emulatorCalls(page, 'intercom')).toEqual([
      ['loader', APP_ID],
      ['bundle', 5],
      ['boot', { vertical_padding: 40, name: 'Ada', app_id: APP_ID, api_base: `https://${INTERCOM_API_HOSTS.us}` }],
      ['onShow', '[function]'],
      ['onHide', '[function]'],
      ['update', { company: 'Acme' }],
      ['trackEvent', 'viewed-pricing', { plan: 'pro' }],
      ['show'],
    ]);
    // the live Messenger replaced the stub; the three declared cookies are written on the page's host
    expect(await page.evaluate(() => typeof (window as any).Intercom.q)).toBe('undefined');
    expect(await cookieCopies(site, COOKIES)).toEqual(COOKIES.map((n) => `${n}@www.shop.test/`).sort());
    const max = Object.fromEntries(
      (await site.context.cookies())
        .filter((c) => COOKIES.includes(c.name))
        .map((c) => [c.name, Math.round((c.expires - Date.now() / 1000) / 86400)]),
    );
    expect(max).toEqual({ [`intercom-id-${APP_ID}`]: 274, [`intercom-session-${APP_ID}`]: 7, [`intercom-device-id-${APP_ID}`]: 274 });

    // consent-gate's launcher stepped aside; Intercom's own launcher is the way back after closing
    await expect.poll(() => launcher(page).isVisible()).toBe(false);
    expect(await ownLauncher(page).isVisible()).toBe(true);
    expect(await page.evaluate(() => window.consentGate.chat('intercom').status())).toMatchObject({
      state: 'ready',
      loaded: true,
      opened: true,
    });
    await page.evaluate(() => {
      (window as any).shown = 0;
      window.consentGate.chat('intercom').on('show', () => (window as any).shown++);
      window.consentGate.chat('intercom').close();
    });
    await chatWidget(page, 'intercom').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.consentGate.chat('intercom').status().opened)).toBe(false);
    await ownLauncher(page).click();
    await chatWidget(page, 'intercom').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => (window as any).shown)).toBe(1);
    expect(await page.evaluate(() => window.consentGate.chat('intercom').status().opened)).toBe(true);
    // after load a call runs at once
    await page.evaluate(() => (window as any).Intercom('trackEvent', 'opened-twice'));
    expect((await emulatorCalls(page, 'intercom')).at(-1)).toEqual(['trackEvent', 'opened-twice']);
    await site.close();
  });

  it("the site's own pasted Intercom snippet: the guard holds its loader until consent, then that one loader boots the Messenger once and opens it", async () => {
    const snippet = `window.intercomSettings = { api_base: 'https://${INTERCOM_API_HOSTS.us}', app_id: '${APP_ID}' };
      (function(){var w=window;var ic=w.Intercom;if(typeof ic==="function"){ic('reattach_activator');ic('update',w.intercomSettings);}else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src='https://${INTERCOM_WIDGET_HOST}/widget/' + '${APP_ID}';var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s,x);};if(document.readyState==='complete'){l();}else if(w.attachEvent){w.attachEvent('onload',l);}else{w.addEventListener('load',l,false);}}})();`;
    const { site, page } = await openChatShop(browser, 'intercom', { head: `<script>${snippet}</script>` });
    await page.goto(site.url('/'));
    await launcher(page).waitFor({ state: 'visible' });
    await page.waitForTimeout(500);
    expect(vendorRequests(site, 'intercom')).toEqual([]);
    expect(await page.evaluate(() => window.__icEmu)).toBeUndefined();
    const blocked = await page.evaluate(() => window.consentGate.blocked());
    expect(blocked.filter((b) => b.vendor === 'intercom').map((b) => b.target)).toContain(
      `https://${INTERCOM_WIDGET_HOST}/widget/${APP_ID}`,
    );

    await allowAndOpen(page, 'intercom');
    expect(vendorRequests(site, 'intercom').filter((r) => r.host === INTERCOM_WIDGET_HOST)).toHaveLength(1);
    expect(await emulatorCalls(page, 'intercom')).toEqual([
      ['loader', APP_ID],
      ['bundle', 3],
      ['boot', { api_base: `https://${INTERCOM_API_HOSTS.us}`, app_id: APP_ID }],
      ['onShow', '[function]'],
      ['onHide', '[function]'],
      ['show'],
    ]);
    await page.evaluate(() => window.consentGate.revoke('functional'));
    await page.locator('.intercom-lightweight-app').waitFor({ state: 'detached', timeout: 2000 });
    expect(await page.locator('script[src*="intercom"]').count()).toBe(0);
    await expect.poll(() => cookieCopies(site, COOKIES)).toEqual([]);
    await site.close();
  });

  it('region "eu": api_base and the API request go to api-iam.eu.intercom.io only', async () => {
    const { site, page } = await openChatShop(browser, 'intercom', { vendor: { region: 'eu', settings: { hide_default_launcher: true } } });
    await page.goto(site.url('/'));
    await page.evaluate(() => window.consentGate.grant('functional'));
    await page.evaluate(() => window.consentGate.openChat('intercom'));
    await chatWidget(page, 'intercom').waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => vendorRequests(site, 'intercom').map((r) => r.host)).toContain(INTERCOM_API_HOSTS.eu);
    expect(vendorRequests(site, 'intercom').some((r) => r.host === INTERCOM_API_HOSTS.us || r.host === INTERCOM_API_HOSTS.au)).toBe(false);
    expect((await emulatorCalls(page, 'intercom')).find((c) => c[0] === 'boot')).toEqual([
      'boot',
      { hide_default_launcher: true, app_id: APP_ID, api_base: `https://${INTERCOM_API_HOSTS.eu}` },
    ]);
    // the site asked for no Intercom launcher: none is drawn
    expect(await ownLauncher(page).count()).toBe(0);
    await site.close();
  });

  it('revoke: shutdown, the Messenger is gone, every declared cookie copy is gone (parent domain, sub-path), and a second tab loses its Messenger within a second', async () => {
    const { site, page } = await openChatShop(browser, 'intercom', { paths: ['/shop/item', '/other'] });
    await page.goto(site.url('/shop/item'));
    await allowAndOpen(page, 'intercom');
    await expect.poll(() => cookieCopies(site, COOKIES)).toHaveLength(3);
    // copies on the parent domain and on a sub-path, as other pages or other set-ups leave them
    await site.context.addCookies(
      COOKIES.flatMap((name) => [
        { name, value: 'parent', domain: '.shop.test', path: '/' },
        { name, value: 'sub', domain: 'www.shop.test', path: '/shop' },
      ]),
    );
    expect(await cookieCopies(site, COOKIES)).toHaveLength(9);

    // a second tab continues the Intercom session on page load (Messenger booted, closed)
    const other = await site.newPage();
    await other.goto(site.url('/other'));
    await ownLauncher(other).waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => other.evaluate(() => window.consentGate.chat('intercom').status().loaded)).toBe(true);

    expect(await withdrawAcrossTabs(page, other, '.intercom-lightweight-app')).toBeLessThan(1000);

    for (const p of [page, other]) {
      expect(await p.locator('.intercom-lightweight-app, #intercom-container').count()).toBe(0);
      expect(await p.locator('script[src*="intercom"]').count()).toBe(0);
      // a fresh, empty stub: the site's own calls neither throw nor reach Intercom
      expect(await p.evaluate(() => (window as any).Intercom.q.length)).toBe(0);
      expect((await emulatorCalls(p, 'intercom')).filter((c) => c[0] === 'shutdown')).toHaveLength(1);
      await launcher(p).waitFor({ state: 'visible' });
    }
    await expect.poll(() => cookieCopies(site, COOKIES)).toEqual([]);
    await page.evaluate(() => (window as any).Intercom('show'));
    await page.waitForTimeout(300);
    expect(await chatWidget(page, 'intercom').count()).toBe(0);
    await site.close();
  });

  it('a bad appId stops consent-gate with an error naming the field; the page still works and Intercom stays blocked', async () => {
    const { site, page } = await openChatShop(browser, 'intercom', { vendor: { appId: 'abc-12 x' } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(site.url('/'));
    await page.waitForTimeout(500);
    expect(errors.join('\n')).toMatch(/vendors\.intercom\.appId.*your Intercom app id, letters and digits only/);
    expect(await page.locator('h1').innerText()).toBe('Shop');
    expect(await launcher(page).count()).toBe(0);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.src = 'https://widget.intercom.io/widget/abc12xyz';
      document.head.appendChild(s);
    });
    await page.waitForTimeout(300);
    expect(vendorRequests(site, 'intercom')).toEqual([]);
    await site.close();
  });
});
