/**
 * The guard and the runtime read the record alike (issue 17): a record older
 * than the configured lifetime opens nothing, before or after the runtime
 * starts, and the banner asks again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/consent/codec';
import { html, launchBrowser, openSite, type LaunchedBrowser } from './harness';
import { vendorHosts, vendorRequests } from './guard-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const DAY = 86400000;
const record = (ageDays: number) =>
  encodeRecord({
    v: 1,
    p: '1',
    d: { functional: true, analytics: true, marketing: true },
    o: {},
    t: Date.now() - ageDays * DAY,
    id: 'abcdefghijklmnopqrstuv',
  });

async function open(config: object, value: string) {
  const page = html(
    `<main><h1>Shop</h1></main>
<script>var s = document.createElement('script'); s.src = 'https://js.usemessages.com/conversations-embed.js'; document.head.appendChild(s);
document.cookie = 'messagesUtk=1; path=/'; fetch('https://api.hubspot.com/x.json').catch(function () {});
window.beforeRuntime = consentGate.blocked().length;</script>`,
    `<script>window.consentGateConfig = ${JSON.stringify(config)};</script><script src="/dist/consent-gate-guard.js"></script><script src="/dist/consent-gate.js" defer></script>`,
  );
  const site = await openSite(browser, { pages: { '/': page }, hosts: vendorHosts() });
  await site.context.addCookies([{ name: 'consent_gate', value: encodeURIComponent(value), url: site.url('/') }]);
  await site.page.goto(site.url('/'));
  return site;
}

describe('guard and runtime agree on the record (Chromium)', () => {
  it('a record older than cookieLifetimeDays, checksum valid and everything granted, opens nothing before or after the runtime starts; the banner shows', async () => {
    const site = await open(
      { vendors: { 'hubspot-conversations': { portalId: '1234567' } }, policyVersion: '1', cookieLifetimeDays: 30 },
      record(100),
    );
    // before the runtime: the guard held the script, the cookie and the fetch
    expect(await site.page.evaluate(() => (window as any).beforeRuntime)).toBe(3);
    await site.page.waitForFunction(() => typeof window.consentGate.decisions === 'function');
    expect(await site.page.evaluate(() => window.consentGate.decisions().decided)).toBe(false);
    await expect.poll(() => site.page.locator('#consent-gate-banner .cookie-notice').isVisible()).toBe(true);
    expect(vendorRequests(site).map((r) => r.url)).toEqual([]);
    expect((await site.cookieNames()).filter((n) => n !== 'consent_gate')).toEqual([]);
    await site.close();
  });

  it('the same record within the lifetime opens the vendor at once, before the runtime', async () => {
    const site = await open(
      { vendors: { 'hubspot-conversations': { portalId: '1234567' } }, policyVersion: '1', cookieLifetimeDays: 200 },
      record(100),
    );
    expect(await site.page.evaluate(() => (window as any).beforeRuntime)).toBe(0);
    await expect.poll(() => vendorRequests(site).map((r) => r.host)).toContain('js.usemessages.com');
    await site.close();
  });

  it('a record from the future (beyond the clock-skew allowance) opens nothing', async () => {
    const site = await open({ vendors: { 'hubspot-conversations': { portalId: '1234567' } }, policyVersion: '1' }, record(-3));
    expect(await site.page.evaluate(() => (window as any).beforeRuntime)).toBe(3);
    await site.page.waitForFunction(() => typeof window.consentGate.decisions === 'function');
    expect(vendorRequests(site)).toEqual([]);
    await site.close();
  });
});
