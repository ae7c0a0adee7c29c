/**
 * Global Privacy Control (issue 14 part 1), in Chromium, with the drop-in
 * (guard and runtime, HubSpot configured). The signal is the page's own
 * `navigator.globalPrivacyControl` (an init script defines it, as browsers
 * that send the signal do) together with the `Sec-GPC: 1` request header.
 * The visitor accepted everything on an earlier visit; the page attempts
 * one HubSpot request per purpose: the chat script (functional), the
 * analytics pixel, and the ads pixel script (marketing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/consent/codec';
import { dropInHead, html, launchBrowser, openSite, type LaunchedBrowser, type Site } from './harness';
import { settle, vendorHosts } from './guard-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const V = 'hubspot-conversations';
const PAGE = `<main><h1>Shop</h1></main>
<script>
var s = document.createElement('script'); s.src = 'https://js.usemessages.com/conversations-embed.js'; document.head.appendChild(s);
new Image().src = 'https://track.hubspot.com/__ptq.gif';
var m = document.createElement('script'); m.src = 'https://js.hsadspixel.net/fb.js'; document.head.appendChild(m);
</script>`;
const acceptedAll = encodeRecord({
  v: 1,
  p: '1',
  d: { functional: true, analytics: true, marketing: true },
  o: {},
  t: Date.now() - 86400000,
  id: 'abcdefghijklmnopqrstuv',
});

/** A browser context that sends the GPC signal (or not), and the visitor's record. */
async function open(gpc: boolean, config: object, record?: string): Promise<Site & { reload(): Promise<void>; header: string[] }> {
  const context = await browser.newContext(gpc ? { extraHTTPHeaders: { 'Sec-GPC': '1' } } : {});
  // the signal as the server sees it, on the page's own request
  const header: string[] = [];
  context.on('request', (request) => {
    if (request.resourceType() === 'document') header.push(request.headers()['sec-gpc'] ?? 'none');
  });
  if (gpc)
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
    );
  const site = await openSite(browser, {
    context,
    pages: { '/': html(PAGE, dropInHead({ vendors: { [V]: { portalId: '1234567' } }, policyVersion: '1', ...config })) },
    hosts: vendorHosts(),
  });
  if (record) await context.addCookies([{ name: 'consent_gate', value: encodeURIComponent(record), url: site.url('/') }]);
  const reload = async () => {
    site.requests.length = 0;
    await site.page.goto(site.url('/'));
    await site.page.waitForFunction(() => typeof window.consentGate.decisions === 'function');
    await settle(site, 300);
  };
  await reload();
  return Object.assign(site, { reload, header });
}

/** The purposes whose request went out (functional: the chat script; analytics: the pixel; marketing: the ads pixel). */
const loaded = (site: Site) => {
  const hosts = new Set(site.requests.map((r) => r.host));
  return [
    ['functional', 'js.usemessages.com'],
    ['analytics', 'track.hubspot.com'],
    ['marketing', 'js.hsadspixel.net'],
  ]
    .filter(([, h]) => hosts.has(h!))
    .map(([p]) => p);
};
const stored = async (site: Site) => {
  const cookie = (await site.context.cookies()).find((c) => c.name === 'consent_gate');
  return cookie ? decodeRecord(decodeURIComponent(cookie.value)) : null;
};
const gpcState = (site: Site) => site.page.evaluate(() => window.consentGate.decisions().gpc);

describe('guard and runtime: Global Privacy Control (Chromium)', () => {
  it('opt-out (default): a visitor who accepted all and now sends the signal has marketing refused, before and after the runtime; no record is written for it', async () => {
    const site = await open(true, {}, acceptedAll);
    expect(await site.page.evaluate(() => (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true);
    expect(site.header).toEqual(['1']);
    await expect.poll(() => loaded(site)).toEqual(['functional', 'analytics']);
    expect(await gpcState(site)).toEqual({ signal: true, applied: true });
    expect(await site.page.evaluate(() => window.consentGate.isAllowed('marketing'))).toBe(false);
    const log = await site.page.evaluate(() => window.consentGate.blocked().map((e: any) => e.purpose));
    expect(log).toEqual(['marketing']);
    expect((await stored(site))!.g).toBeUndefined();
    expect((await stored(site))!.t).toBe(decodeRecord(acceptedAll)!.t);
    await site.close();
  });

  it('reject-all refuses every optional purpose; ignore refuses nothing', async () => {
    const rejecting = await open(true, { gpc: 'reject-all' }, acceptedAll);
    expect(loaded(rejecting)).toEqual([]);
    expect(await gpcState(rejecting)).toEqual({ signal: true, applied: true });
    await rejecting.close();
    const ignoring = await open(true, { gpc: 'ignore' }, acceptedAll);
    await expect.poll(() => loaded(ignoring)).toEqual(['functional', 'analytics', 'marketing']);
    expect(await gpcState(ignoring)).toEqual({ signal: true, applied: false });
    await ignoring.close();
  });

  it('without the signal the earlier accept stands, whatever the mode', async () => {
    const site = await open(false, { gpc: 'reject-all' }, acceptedAll);
    await expect.poll(() => loaded(site)).toEqual(['functional', 'analytics', 'marketing']);
    expect(await gpcState(site)).toEqual({ signal: false, applied: false });
    await site.close();
  });

  it('a first visit with the signal writes no record', async () => {
    const site = await open(true, {});
    expect(loaded(site)).toEqual([]);
    expect(await stored(site)).toBeNull();
    await site.close();
  });

  it("opting back in while the signal is on (grant('marketing')) is recorded as such and stands on the next page, before the runtime", async () => {
    const site = await open(true, {}, acceptedAll);
    await expect.poll(() => loaded(site)).toEqual(['functional', 'analytics']);
    await site.page.evaluate(() => window.consentGate.grant('marketing'));
    // released on this page
    await expect.poll(() => loaded(site)).toEqual(['functional', 'analytics', 'marketing']);
    expect(await stored(site)).toMatchObject({ g: 1, d: { functional: true, analytics: true, marketing: true } });
    expect(await gpcState(site)).toEqual({ signal: true, applied: false });
    await site.reload();
    expect(loaded(site)).toEqual(['functional', 'analytics', 'marketing']);
    // the guard let it through by itself: nothing of marketing was held on this page
    expect(await site.page.evaluate(() => window.consentGate.blocked())).toEqual([]);
    await site.close();
  });
});
