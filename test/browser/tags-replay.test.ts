/**
 * Session replay behind the drop-in, in Chromium: Microsoft Clarity and
 * Hotjar, each with the vendor's snippet pasted as the vendor documents it
 * and the vendor's hosts served by its emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './harness';
import { clarityEmulator } from '../../emulators/microsoft-clarity/index.mjs';
import { hotjarEmulator } from '../../emulators/hotjar/index.mjs';
import { cookieCopies, grant, heldFor, IDS, openTagSite, pageValue, requestsTo, secondsLeft, SNIPPETS, storageKeys } from './tags-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const CLARITY = /(^|\.)clarity\.ms$/;
const HOTJAR = /(^|\.)hotjar\.(com|io)$/;

describe('Microsoft Clarity (Chromium, Clarity emulator)', () => {
  it("the snippet: nothing before consent; grant(analytics) runs Clarity with the page's queued calls in order, uploads in cookie mode; _clck and _clsk on the parent domain, sessionStorage _cltk", async () => {
    const clarity = clarityEmulator();
    const site = await openTagSite(browser, {
      config: { vendors: { 'microsoft-clarity': true } },
      head: SNIPPETS.clarity(IDS.clarity, ` clarity('set', 'plan', 'pro'); clarity('event', 'newsletter');`),
      hosts: clarity.handlers,
    });
    const { page } = site;
    await page.waitForTimeout(400);
    expect(requestsTo(site, CLARITY)).toEqual([]);
    expect(await cookieCopies(site, /^_cl/)).toEqual([]);
    expect(await storageKeys(page, /^_cl/)).toEqual([]);
    expect(await heldFor(page, 'microsoft-clarity')).toEqual([
      { kind: 'script', target: `https://www.clarity.ms/tag/${IDS.clarity}`, purpose: 'analytics' },
    ]);

    await grant(page, 'analytics');
    await expect.poll(() => clarity.uploads().length).toBeGreaterThan(0);
    const first = clarity.uploads()[0]!;
    expect(first).toMatchObject({
      project: IDS.clarity,
      cookies: true,
      events: [
        ['set', 'plan', 'pro'],
        ['event', 'newsletter'],
      ],
    });
    expect(await pageValue(page, '__clarityEmu').then((e) => e.calls)).toEqual([
      ['set', 'plan', 'pro'],
      ['event', 'newsletter'],
    ]);
    expect(requestsTo(site, CLARITY)[0]).toBe(`www.clarity.ms/tag/${IDS.clarity}`);
    expect(await cookieCopies(site, /^_cl/)).toEqual(['_clck@.shop.test/', '_clsk@.shop.test/']);
    expect(Math.abs((await secondsLeft(site, '_clck'))! - 365 * 86400)).toBeLessThan(120);
    expect(await storageKeys(page, /^_cl/)).toEqual(['session:_cltk']);
    // the user id in _clck is the one uploaded
    expect((await site.context.cookies()).find((c) => c.name === '_clck')!.value.split('%7C')[0]).toBe(first.user);
    await site.close();
  });
});

describe('Hotjar (Chromium, Hotjar emulator)', () => {
  it("the snippet: nothing before consent; grant(analytics) runs Hotjar with the page's queued identify; _hjSessionUser_/_hjSession_ on the parent domain (found with _hjTLDTest), hjViewportId, _hjRecordingLastActivity, _hjUserAttributes", async () => {
    const hotjar = hotjarEmulator();
    const site = await openTagSite(browser, {
      config: { vendors: { hotjar: true } },
      head: SNIPPETS.hotjar(IDS.hotjar, ` hj('identify', 'user-1', { plan: 'pro' }); hj('event', 'checkout');`),
      hosts: hotjar.handlers,
    });
    const { page } = site;
    await page.waitForTimeout(400);
    expect(requestsTo(site, HOTJAR)).toEqual([]);
    expect(await cookieCopies(site, /^_hj/)).toEqual([]);
    expect(await storageKeys(page, /hj/i)).toEqual([]);
    expect((await heldFor(page, 'hotjar')).map((h) => h.target)).toEqual([`https://static.hotjar.com/c/hotjar-${IDS.hotjar}.js?sv=6`]);

    await grant(page, 'analytics');
    await expect.poll(() => hotjar.sessions().length).toBeGreaterThan(0);
    expect(hotjar.sessions()[0]).toMatchObject({
      site: IDS.hotjar,
      events: [
        ['identify', 'user-1', { plan: 'pro' }],
        ['event', 'checkout'],
      ],
    });
    expect(requestsTo(site, HOTJAR)[0]).toBe(`static.hotjar.com/c/hotjar-${IDS.hotjar}.js?sv=6`);
    // the probe found the parent domain and was deleted again
    expect(await cookieCopies(site, /^_hj/)).toEqual([`_hjSessionUser_${IDS.hotjar}@.shop.test/`, `_hjSession_${IDS.hotjar}@.shop.test/`]);
    expect(Math.abs((await secondsLeft(site, `_hjSessionUser_${IDS.hotjar}`))! - 365 * 86400)).toBeLessThan(120);
    expect(await storageKeys(page, /hj/i)).toEqual(['local:_hjUserAttributes', 'local:hjViewportId', 'session:_hjRecordingLastActivity']);
    await site.close();
  });
});
