/**
 * Consent receipts from a real page to a real receiver (`consent-gate
 * receipts serve`'s code, on PGlite in a temporary folder, in this process):
 * every decision path sends one receipt; a receiver that is down loses
 * nothing re-sent within the bounded time; the page never throws.
 *
 * The page posts to https://receipts.shop.test/receipts; the route handler
 * hands each request to the receiver on loopback as a browser would have
 * sent it (its Origin, its body), and its answer back to the page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, startReceiver, type Receiver, type ReceiptStore, type StoredReceipt } from '../../src/receipts-server/index';
import { encodeRecord } from '../../src/consent/codec';
import { dropInHead, html, launchBrowser, openSite, ORIGIN, type HostHandler, type LaunchedBrowser } from './harness';
import { hubspotEmulator } from '../../emulators/hubspot/index.mjs';

let browser: LaunchedBrowser;
let store: ReceiptStore;
let receiver: Receiver;
/** While false, the receiver's host fails like a lost connection. */
let up = true;

beforeAll(async () => {
  browser = await launchBrowser();
  store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'cg-receipts-browser-')) });
  receiver = await startReceiver({ store, port: 0, origins: [ORIGIN], rate: 0, log: () => undefined });
  // (PGlite compiles PostgreSQL's WebAssembly on first open: seconds on an idle machine, longer on a busy one)
}, 180_000);
afterAll(async () => {
  await receiver?.close();
  await store?.close();
  await browser?.closeAll();
});

const receiverHost: HostHandler = async (url, request) => {
  if (!up) return 'abort';
  const answer = await fetch(receiver.url + url.pathname, {
    method: request.method(),
    headers: { 'content-type': request.headers()['content-type'] ?? 'text/plain', origin: request.headers().origin ?? ORIGIN },
    body: request.method() === 'POST' ? (request.postData() ?? '') : undefined,
  });
  const headers = Object.fromEntries([...answer.headers].filter(([name]) => name.startsWith('access-control-')));
  return { status: answer.status, body: await answer.text(), contentType: 'application/json', headers };
};

const CONFIG = {
  vendors: { 'hubspot-conversations': { portalId: '1234567' } },
  policyVersion: '2026-11',
  receipts: { endpoint: 'https://receipts.shop.test/receipts' },
};

async function stored(recordId: string): Promise<StoredReceipt[]> {
  return store.byRecord(recordId);
}

function page(body = '') {
  return html(
    `<main><h1>Shop</h1>${body}</main><script>window.errors = []; addEventListener('error', function (e) { errors.push(String(e.message)); }); addEventListener('unhandledrejection', function (e) { errors.push(String(e.reason)); });</script>`,
    dropInHead(CONFIG),
  );
}

async function open(paths = ['/', '/next']) {
  const hubspot = hubspotEmulator();
  const site = await openSite(browser, {
    pages: Object.fromEntries(paths.map((p) => [p, page()])),
    hosts: { ...hubspot.handlers, 'receipts.shop.test': receiverHost },
  });
  const pageErrors: string[] = [];
  site.page.on('pageerror', (e) => pageErrors.push(String(e)));
  return { site, pageErrors };
}

const recordId = (p: import('playwright-core').Page) => p.evaluate(() => window.consentGate.decisions().id as string);

describe('consent receipts (Chromium, a real receiver)', () => {
  it('every decision path sends one receipt: banner accept all, reject all, settings, the API, the chat prompt; the receipt event carries each', async () => {
    up = true;
    const { site, pageErrors } = await open();
    const p = site.page;
    await p.goto(site.url('/'));
    await p.evaluate(() => {
      (window as any).seen = [];
      window.consentGate.on('receipt', (r: any) => (window as any).seen.push(`${r.action}/${r.source}`));
    });
    const notice = p.locator('#consent-gate-banner .cookie-notice');
    await notice.getByRole('button', { name: 'Accept all' }).click();
    const id = await recordId(p);
    await expect.poll(async () => (await stored(id)).map((r) => `${r.receipt.action}/${r.receipt.source}`)).toEqual(['accept-all/banner']);

    await p.evaluate(() => window.consentGate.revoke('marketing'));
    await p.evaluate(() => window.consentGate.grant('marketing'));
    await p.evaluate(() => window.consentGate.show());
    await p
      .locator('#consent-gate-banner .cookie-modal')
      .getByRole('button', { name: /Reject all|Decline/ })
      .first()
      .click();
    await expect
      .poll(async () => (await stored(id)).map((r) => `${r.receipt.action}/${r.receipt.source}`))
      .toEqual(['accept-all/banner', 'withdraw/api', 'grant/api', 'reject-all/banner']);

    // the chat prompt: a decision in context
    await p.locator('button.cg-chat-launcher').click();
    await p.locator('[data-consent-gate-prompt]').getByRole('button', { name: 'Allow and start chat' }).click();
    await expect
      .poll(async () => (await stored(id)).map((r) => `${r.receipt.action}/${r.receipt.source}`))
      .toEqual(['accept-all/banner', 'withdraw/api', 'grant/api', 'reject-all/banner', 'grant/prompt']);
    const last = (await stored(id)).at(-1)!.receipt;
    expect(last).toMatchObject({
      recordId: id,
      policyVersion: '2026-11',
      path: '/',
      language: 'en',
      purposes: { functional: true, analytics: false, marketing: false },
      vendors: { 'hubspot-conversations': true },
      gpc: { signal: false, applied: false },
    });
    expect(await p.evaluate(() => (window as any).seen)).toEqual([
      'accept-all/banner',
      'withdraw/api',
      'grant/api',
      'reject-all/banner',
      'grant/prompt',
    ]);
    // nothing waits: every receipt was acknowledged (the receiver stores before the page reads its answer)
    await expect.poll(() => p.evaluate(() => localStorage.getItem('consent_gate_receipts'))).toBeNull();
    expect(pageErrors).toEqual([]);
    expect(await p.evaluate(() => (window as any).errors)).toEqual([]);
    await site.close();
  });

  it('a receiver that is down loses nothing: the receipt waits and the next page sends it; the page never throws', async () => {
    up = false;
    const { site, pageErrors } = await open();
    const p = site.page;
    await p.goto(site.url('/'));
    await p.waitForFunction(() => typeof window.consentGate?.decisions === 'function');
    await p.evaluate(() => window.consentGate.grant('analytics'));
    const id = await recordId(p);
    await expect.poll(() => p.evaluate(() => JSON.parse(localStorage.getItem('consent_gate_receipts') ?? '[]').length)).toBe(1);
    expect(await stored(id)).toEqual([]);
    up = true;
    await p.goto(site.url('/next'));
    await expect.poll(async () => (await stored(id)).map((r) => `${r.receipt.action}/${r.receipt.source}`)).toEqual(['grant/api']);
    await expect.poll(() => p.evaluate(() => localStorage.getItem('consent_gate_receipts'))).toBeNull();
    // sent once: another page does not send it again
    await p.goto(site.url('/'));
    await p.waitForTimeout(300);
    expect(await stored(id)).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await site.close();
  });

  it('a record older than the lifetime: its receipt says "expired", and the record is gone', async () => {
    up = true;
    const old = encodeRecord({
      v: 1,
      p: '2026-11',
      d: { functional: true, analytics: true, marketing: true },
      o: {},
      t: Date.now() - 200 * 86_400_000,
      id: 'expiredrecord_0123456',
    });
    const { site } = await open();
    await site.context.addCookies([{ name: 'consent_gate', value: encodeURIComponent(old), domain: 'www.shop.test', path: '/' }]);
    await site.page.goto(site.url('/'));
    await expect
      .poll(async () => (await stored('expiredrecord_0123456')).map((r) => `${r.receipt.action}/${r.receipt.source}`))
      .toEqual(['expired/expiry']);
    expect((await stored('expiredrecord_0123456'))[0]!.receipt.purposes).toEqual({ functional: false, analytics: false, marketing: false });
    await expect.poll(async () => (await site.context.cookies()).some((c) => c.name === 'consent_gate')).toBe(false);
    await site.close();
  });
});
