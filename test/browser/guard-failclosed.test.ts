import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/consent/codec';
import { compileRules } from '../../src/guard/rules';
import type { VendorData } from '../../src/types';
import { DIST, ROOT, html, launchBrowser, openSite, type LaunchedBrowser, type Site } from './harness';
import { CONFIG, builtGuard, guardHead, ownFiles, ran, settle, vendorHosts, vendorRequests } from './guard-helpers';

let browser: LaunchedBrowser;
let guard: Awaited<ReturnType<typeof builtGuard>>;
let runtime: { body: string; contentType: string };
beforeAll(async () => {
  [browser, guard] = await Promise.all([launchBrowser(), builtGuard()]);
  runtime = { body: readFileSync(join(DIST, 'consent-gate.js'), 'utf8'), contentType: 'text/javascript' };
});
afterAll(async () => {
  await browser?.closeAll();
});

const grantAll = encodeRecord({
  v: 1,
  p: '1',
  d: { functional: true, analytics: true, marketing: true },
  o: {},
  t: Date.now(),
  id: 'abcdefghijklmnopqrstuv',
});

async function open(
  head: string,
  body = '',
  extraPages: Record<string, unknown> = {},
  record?: string,
): Promise<Site & { errors: string[] }> {
  const site = await openSite(browser, {
    pages: { '/': html(body, head), '/guard.js': guard, '/runtime.js': runtime, ...ownFiles, ...(extraPages as Record<string, string>) },
    hosts: vendorHosts(),
  });
  if (record) await site.context.addCookies([{ name: 'consent_gate', value: encodeURIComponent(record), url: site.url('/') }]);
  const errors: string[] = [];
  site.page.on('pageerror', (e) => errors.push(e.message));
  await site.page.goto(site.url('/'));
  await site.page.waitForLoadState('load');
  await settle(site);
  return Object.assign(site, { errors });
}

// (No vendor URL in the HTML itself: Chromium's preload scanner fetches those before any script runs; see docs/guard.md, "What the guard cannot stop".)
const VENDOR_PAGE = `<script src="/own.js"></script><script>
new Image().src = 'https://track.hubspot.com/__ptq.gif';
document.cookie = 'messagesUtk=1; path=/'; document.cookie = 'cart=1; path=/';
var s = document.createElement('script'); s.src = 'https://js.usemessages.com/conversations-embed.js'; document.head.appendChild(s);
fetch('https://api.hubspot.com/x.json').catch(function () {});
</script>`;

describe('guard: fails closed (Chromium)', () => {
  for (const [name, config] of [
    ['no config', undefined],
    ['config not an object', 'yes'],
    ['vendors not an object', { vendors: ['hubspot-conversations'] }],
    ['an unknown vendor id', { vendors: { 'hubspot-conversations': true, 'no-such-vendor': true } }],
  ] as const) {
    it(`${name}: every catalog host and cookie stays blocked, even with a record that grants everything`, async () => {
      const head = config === undefined ? '<script src="/guard.js"></script>' : guardHead(config);
      const site = await open(head, VENDOR_PAGE, {}, grantAll);
      expect(vendorRequests(site).map((r) => r.url)).toEqual([]);
      expect(await ran(site)).toEqual(['own.js']);
      expect((await site.cookieNames()).filter((n) => n !== 'consent_gate')).toEqual(['cart']);
      expect(site.errors).toEqual([]);
      await site.close();
    });
  }

  it('a patch that throws (a prototype the page froze) stays out of the page; every other vector still holds', async () => {
    const freeze = `<script>Object.defineProperty(HTMLScriptElement.prototype, 'src', { configurable: false, get() { return this.getAttribute('src') || ''; }, set(v) { this.setAttribute('src', v); } });
Object.defineProperty(window, 'fetch', { configurable: false, writable: false, value: window.fetch });</script>`;
    const site = await open(freeze + guardHead(), VENDOR_PAGE);
    expect(site.errors).toEqual([]);
    // fetch could not be patched: that request is the one that leaks; the script (via setAttribute), the pixel and the cookie are held
    expect(vendorRequests(site).map((r) => r.host)).toEqual(['api.hubspot.com']);
    expect(await ran(site)).toEqual(['own.js']);
    expect(await site.cookieNames()).toEqual(['cart']);
    await site.close();
  });

  it('an update with a permission function that throws opens nothing', async () => {
    const site = await open(guardHead(), VENDOR_PAGE);
    await site.page.evaluate(() =>
      (window as any).__consentGateGuard.update(() => {
        throw new Error('broken');
      }),
    );
    await settle(site);
    expect(vendorRequests(site)).toEqual([]);
    expect(site.errors).toEqual([]);
    await site.close();
  });
});

describe('guard with the runtime (Chromium)', () => {
  it('consentGate.blocked() answers before the runtime loads; grant() releases the held scripts before change fires, a script the runtime inserts after the grant loads, and blocked events follow', async () => {
    const head = `${guardHead(CONFIG)}
<script src="https://js.hs-scripts.com/1234567.js" id="hs-script-loader"></script>
<script>window.early = consentGate.blocked().length; window.events = []; consentGate.on('blocked', function (e) { events.push(e.target); });
consentGate.on('change', function () { window.ranAtChange = (window.ran || []).slice(); var s = document.createElement('script'); s.src = 'https://js.usemessages.com/after-grant.js'; document.head.appendChild(s); });</script>
<script src="/dist/consent-gate.js" defer></script>`;
    const site = await open(head, '<script>new Image().src = "https://track.hubspot.com/__ptq.gif";</script>');
    await site.page.waitForFunction(() => typeof window.consentGate.decisions === 'function');
    expect(await site.page.evaluate(() => (window as any).early)).toBe(1);
    expect((await site.page.evaluate(() => window.consentGate.blocked())).map((e: any) => e.target)).toEqual([
      'https://js.hs-scripts.com/1234567.js',
      'https://track.hubspot.com/__ptq.gif',
    ]);
    await site.page.evaluate(() => fetch('https://track.hubspot.com/late.json').catch(() => undefined));
    await expect.poll(() => site.page.evaluate(() => (window as any).events)).toEqual(['https://track.hubspot.com/late.json']);
    await site.page.evaluate(() => window.consentGate.grant('functional'));
    await expect.poll(() => ran(site)).toEqual(['js.hs-scripts.com/1234567.js', 'js.usemessages.com/after-grant.js']);
    // analytics was not granted: the pixel is still held
    expect(vendorRequests(site).filter((r) => r.host === 'track.hubspot.com')).toEqual([]);
    await site.close();
  });
});

describe('guard: storage keys (Chromium, a guard built with a test catalog)', () => {
  it('localStorage and sessionStorage setItem of declared vendor keys are dropped until granted; other keys pass', async () => {
    const build = join(ROOT, 'dist/guard-template.js');
    for (let i = 0; i < 120 && !existsSync(build); i++) await new Promise((r) => setTimeout(r, 500));
    const vendor: VendorData = {
      id: 'test-chat',
      title: 'Test chat',
      provider: 'Test',
      privacyPolicyUrl: 'https://chat.test/privacy',
      purpose: 'functional',
      summary: 'A test chat.',
      options: {},
      hosts: [{ host: 'cdn.chat.test', purpose: 'functional', description: 'd', source: 's' }],
      cookies: [{ name: 'chat_', match: 'prefix', purpose: 'functional', lifetime: 0, description: 'd', source: 's' }],
      storage: [
        { key: 'chat.visitor', storage: 'local', purpose: 'functional', lifetime: 0, description: 'd', source: 's' },
        { key: 'chat_', match: 'prefix', storage: 'session', purpose: 'analytics', lifetime: 0, description: 'd', source: 's' },
        { key: '.token', match: 'suffix', storage: 'local', purpose: 'marketing', lifetime: 0, description: 'd', source: 's' },
      ],
    };
    // @ts-expect-error plain JavaScript module without types
    const { bundleGuard } = await import('../fixtures/guard/bundle.mjs');
    const testGuard = { body: await bundleGuard(compileRules([vendor])), contentType: 'text/javascript' };
    const site = await openSite(browser, {
      pages: { '/': html('<p>x</p>', guardHead({ vendors: { 'test-chat': true } })), '/guard.js': testGuard },
    });
    await site.page.goto(site.url('/'));
    const write = () => {
      localStorage.setItem('chat.visitor', '1');
      sessionStorage.setItem('chat_session', '1');
      localStorage.setItem('abc.token', '1');
      localStorage.setItem('theme', 'dark');
      document.cookie = 'chat_id=1; path=/';
      return [Object.keys(localStorage).sort(), Object.keys(sessionStorage).sort(), document.cookie];
    };
    expect(await site.page.evaluate(write)).toEqual([['theme'], [], '']);
    const kinds = (await site.page.evaluate(() => window.consentGate.blocked())).map((e: any) => [e.kind, e.target, e.purpose]);
    expect(kinds).toEqual([
      ['localStorage', 'chat.visitor', 'functional'],
      ['sessionStorage', 'chat_session', 'analytics'],
      ['localStorage', 'abc.token', 'marketing'],
      ['cookie', 'chat_id', 'functional'],
    ]);
    await site.page.evaluate(() => (window as any).__consentGateGuard.update((_v: string, p: string) => p === 'functional'));
    expect(await site.page.evaluate(write)).toEqual([['chat.visitor', 'theme'], [], 'chat_id=1']);
    await site.close();
  });
});
