/**
 * The demo served as a real site serves its files (compressed, cached,
 * revalidated, a favicon), its live panel shifting nothing as it fills, and
 * the emulated chats looking like chats (a header with the vendor's name, a
 * greeting, a labelled message field).
 */
import { request } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './harness';
// @ts-expect-error plain JavaScript module without types
import { createDemoServer, listen } from '../../demo/server.mjs';

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

/** One GET with the given headers: status, headers and the body's length as sent. */
const get = (path: string, headers: Record<string, string> = {}) => request2('GET', path, headers);

/** One request: status, headers and the body's length as sent. */
function request2(
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the demo server, as a real site', () => {
  it("serves consent-gate's files compressed (brotli when asked, else gzip) with an hour of caching and a validator", async () => {
    const plain = await get('/dist/consent-gate.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get('/dist/consent-gate.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.bytes).toBeLessThan(plain.bytes / 2);
    const gz = await get('/dist/consent-gate.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=3600');
    const etag = String(gz.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    expect((await get('/dist/consent-gate.js', { 'if-none-match': etag })).status).toBe(304);
    const page = await get('/', { 'accept-encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('revalidates as HTTP says: If-None-Match takes a list and compares weakly; lengths and HEAD are right', async () => {
    const plain = await get('/dist/consent-gate.js');
    const br = await get('/dist/consent-gate.js', { 'accept-encoding': 'br' });
    const gz = await get('/dist/consent-gate.js', { 'accept-encoding': 'gzip' });
    expect(br.headers.etag).toBe(plain.headers.etag);
    for (const r of [plain, br, gz]) expect(Number(r.headers['content-length'])).toBe(r.bytes);
    // a cache holding any copy revalidates it, alone or in a list
    expect((await get('/dist/consent-gate.js', { 'accept-encoding': 'br', 'if-none-match': String(gz.headers.etag) })).status).toBe(304);
    expect((await get('/dist/consent-gate.js', { 'if-none-match': `"other", W/${br.headers.etag}` })).status).toBe(304);
    expect((await get('/dist/consent-gate.js', { 'if-none-match': '*' })).status).toBe(304);
    expect((await get('/dist/consent-gate.js', { 'if-none-match': '"other"' })).status).toBe(200);
    const head = await request2('HEAD', '/dist/consent-gate.js', { 'accept-encoding': 'gzip' });
    expect(head.status).toBe(200);
    expect(head.bytes).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(gz.bytes);
  });

  it('a request target the URL parser reads as a host (`//…`), or no URL at all, is answered, and the server stays up', async () => {
    const raw = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: new URL(base).hostname, port: new URL(base).port, path }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await raw('//?x=1')).toBe(404);
    expect(await raw('//evil.example/dist/consent-gate.js')).toBe(404);
    expect(await raw('http://[::1')).toBe(400);
    expect((await get('/dist/consent-gate.js')).status).toBe(200);
  });

  it('a page asks for nothing that is missing (a favicon included), and its live panel shifts nothing as it fills', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const missing: string[] = [];
    page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
    await page.addInitScript(() => {
      (window as any).shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as any[])
          if (!e.hadRecentInput)
            (window as any).shifts.push({
              value: e.value,
              nodes: e.sources.map((s: any) => s.node?.id || s.node?.className || s.node?.nodeName),
            });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(base);
    await page.waitForFunction(() => typeof window.consentGate?.decisions === 'function');
    await page.locator('#decisions li').first().waitFor();
    // the tag button and a grant fill the lists further
    await page.evaluate(() => window.consentGate.grant('analytics'));
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => (window as any).shifts)).toEqual([]);
    expect(missing).toEqual([]);
    await context.close();
  });

  for (const [vendor, panel] of [
    ['web1on1', '#web1on1-chat'],
    ['intercom', '#intercom-container .intercom-messenger-frame'],
    ['crisp', '#crisp-chatbox-panel'],
  ] as const) {
    it(`the ${vendor} emulator draws a chat: the vendor's name, a greeting, a labelled message field`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(new URL(`/?vendor=${vendor}`, base).href);
      await page.locator('button.cg-chat-launcher').click();
      await page.locator('[data-consent-gate-prompt]').getByRole('button', { name: 'Allow and start chat' }).click();
      const window_ = page.locator(panel);
      await window_.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await window_.innerText()).toMatch(
        new RegExp(vendor === 'web1on1' ? 'web1on1' : vendor === 'intercom' ? 'Intercom' : 'Crisp'),
      );
      await expect.poll(() => window_.getByLabel('Your message').isVisible()).toBe(true);
      await context.close();
    });
  }
});
