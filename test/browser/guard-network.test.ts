import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/consent/codec';
import { html, launchBrowser, openSite, type LaunchedBrowser, type Site } from './harness';
import { allowAll, builtGuard, guardHead, ownFiles, settle, vendorHosts, vendorRequests } from './guard-helpers';

let browser: LaunchedBrowser;
let guard: Awaited<ReturnType<typeof builtGuard>>;
beforeAll(async () => {
  [browser, guard] = await Promise.all([launchBrowser(), builtGuard()]);
});
afterAll(async () => {
  await browser?.closeAll();
});

const worker = { body: 'postMessage("worker up")', contentType: 'text/javascript' };

async function open(head = guardHead()): Promise<Site & { sockets: string[] }> {
  const site = await openSite(browser, {
    pages: {
      '/': html('<p>shop</p>', head),
      '/guard.js': guard,
      '/api.json': { body: '{"own":true}', contentType: 'application/json' },
      '/worker.js': worker,
      '/paint.js': { body: '// a paint worklet of the site', contentType: 'text/javascript' },
      ...ownFiles,
    },
    hosts: {
      ...vendorHosts(),
      'js.hubspot.com': (url) =>
        url.pathname.endsWith('.js')
          ? worker
          : { body: '{"ok":true}', contentType: url.pathname.endsWith('.woff2') ? 'font/woff2' : 'application/json' },
    },
  });
  const sockets: string[] = [];
  site.page.on('websocket', (ws) => sockets.push(ws.url()));
  await site.page.goto(site.url('/'));
  return Object.assign(site, { sockets });
}

/** Every network vector, from code that already runs; resolves to what the page saw. */
const attempt = () =>
  ((window as any).attempt = async () => {
    const out: Record<string, unknown> = {};
    await fetch('https://api.hubspot.com/livechat-public/v1/message.json').then(
      (r) => (out.fetch = r.status),
      (e) => (out.fetch = e.name + ': ' + e.message),
    );
    out.xhr = await new Promise((resolve) => {
      const x = new XMLHttpRequest();
      x.open('POST', 'https://track.hubspot.com/collect.json');
      x.onload = () => resolve('load ' + x.status);
      x.onerror = () => resolve('error ' + x.readyState + ' ' + x.status);
      x.send('a=1');
    });
    out.beacon = navigator.sendBeacon('https://track.hubspot.com/beacon.json', 'x');
    out.ws = await new Promise((resolve) => {
      const ws = new WebSocket('wss://hubspot-realtime.ably.io/socket');
      const seen: string[] = [];
      ws.onerror = () => seen.push('error');
      ws.onclose = (e) => resolve([...seen, 'close ' + e.code].join(','));
      ws.onopen = () => resolve('open');
      setTimeout(() => resolve('timeout ' + seen), 3000);
    });
    out.wsIsSocket = WebSocket.OPEN === 1;
    out.es = await new Promise((resolve) => {
      const es = new EventSource('https://api.hubspot.com/stream.json');
      es.onerror = () => {
        resolve('error');
        es.close();
      };
      es.onopen = () => resolve('open');
    });
    out.worker = await new Promise((resolve) => {
      const w = new Worker('https://js.hubspot.com/worker.js');
      w.onerror = (e) => {
        e.preventDefault();
        resolve('error');
      };
      w.onmessage = (e) => resolve(e.data);
    }).catch((e) => 'threw ' + e.name);
    out.ownFetch = await fetch('/api.json').then((r) => r.json());
    return out;
  });

describe('guard: network, cookies and storage (Chromium)', () => {
  it("fetch, XMLHttpRequest, sendBeacon, WebSocket, EventSource and Worker to vendor hosts fail like a network error, with no request; the site's own fetch passes", async () => {
    const site = await open();
    await site.page.evaluate(attempt);
    const out = await site.page.evaluate(() => (window as any).attempt());
    expect(out).toMatchObject({
      fetch: 'TypeError: Failed to fetch',
      xhr: 'error 4 0',
      beacon: false,
      ws: 'error,close 1006',
      wsIsSocket: true,
      es: 'error',
      worker: 'error',
      ownFetch: { own: true },
    });
    await settle(site);
    expect(vendorRequests(site)).toEqual([]);
    expect(site.sockets.filter((u) => u.includes('ably'))).toEqual([]);
    const kinds = (await site.page.evaluate(() => window.consentGate.blocked())).map((e: any) => e.kind);
    expect(kinds).toEqual(['fetch', 'xhr', 'beacon', 'WebSocket', 'EventSource', 'Worker']);
    // once allowed, the same calls go out (the WebSocket reaches the vendor host)
    await allowAll(site);
    const after = await site.page.evaluate(() => (window as any).attempt());
    expect(after).toMatchObject({ fetch: 200, xhr: 'load 200', beacon: true, ownFetch: { own: true } });
    expect(site.sockets.filter((u) => u.includes('ably'))).toHaveLength(1);
    const hosts = vendorRequests(site).map((r) => r.host + r.path);
    for (const u of [
      'api.hubspot.com/livechat-public/v1/message.json',
      'track.hubspot.com/collect.json',
      'track.hubspot.com/beacon.json',
      'api.hubspot.com/stream.json',
    ])
      expect(hosts).toContain(u);
    // revoked again: new attempts are refused again
    const before = vendorRequests(site).length;
    await site.page.evaluate(() => (window as any).__consentGateGuard.update(() => false));
    expect(
      await site.page.evaluate(() =>
        fetch('https://api.hubspot.com/again.json').then(
          () => 'sent',
          (e) => e.message,
        ),
      ),
    ).toBe('Failed to fetch');
    expect(vendorRequests(site).length).toBe(before);
    await site.close();
  });

  it("URL objects, as the platform takes them: a vendor one is refused as its string is, the site's own passes and nothing throws", async () => {
    const site = await open();
    const out = await site.page.evaluate(async () => {
      const at = (path: string) => new URL(path, location.href);
      const vendor = (path: string) => new URL(path, 'https://api.hubspot.com/');
      const result: Record<string, unknown> = {};
      const settled = (p: Promise<Response>) =>
        p.then(
          (r) => r.status,
          (e) => e.name + ': ' + e.message,
        );
      result.fetch = await settled(fetch(vendor('/url-object.json')));
      result.ownFetch = await fetch(at('/api.json')).then((r) => r.json());
      result.ownRequest = await fetch(new Request(at('/api.json'))).then((r) => r.json());
      result.beacon = navigator.sendBeacon(vendor('/beacon-url.json'), 'x');
      result.xhr = await new Promise((resolve) => {
        const x = new XMLHttpRequest();
        x.open('GET', vendor('/xhr-url.json'));
        x.onload = () => resolve('load');
        x.onerror = () => resolve('error');
        x.send();
      });
      result.ownWorker = await new Promise((resolve) => {
        const w = new Worker(at('/worker.js'));
        w.onmessage = (e) => resolve(e.data);
        w.onerror = () => resolve('error');
      });
      result.socket = await new Promise((resolve) => {
        const ws = new WebSocket(new URL('wss://hubspot-realtime.ably.io/url-object'));
        ws.onclose = (e) => resolve('close ' + e.code);
        ws.onopen = () => resolve('open');
      });
      return result;
    });
    expect(out).toEqual({
      fetch: 'TypeError: Failed to fetch',
      ownFetch: { own: true },
      ownRequest: { own: true },
      beacon: false,
      xhr: 'error',
      ownWorker: 'worker up',
      socket: 'close 1006',
    });
    await settle(site);
    expect(vendorRequests(site)).toEqual([]);
    expect(site.sockets.filter((u) => u.includes('ably'))).toEqual([]);
    await site.close();
  });

  it("fetchLater, worklets, fonts loaded by script, WebSocketStream and WebTransport: a vendor's fail with no request until allowed; the site's own pass", async () => {
    const site = await open();
    const run = () =>
      site.page.evaluate(async () => {
        const out: Record<string, unknown> = {};
        const settled = (p: Promise<unknown>) =>
          p.then(
            () => 'resolved',
            (e) => 'rejected ' + e.name,
          );
        out.fetchLater = (window as any).fetchLater('https://api.hubspot.com/later.json', { activateAfter: 0 }).activated;
        out.worklet = await settled((CSS as any).paintWorklet.addModule('https://js.hubspot.com/paint.js'));
        out.ownWorklet = await settled((CSS as any).paintWorklet.addModule('/paint.js'));
        const font = new FontFace('vendor', "url(https://js.hubspot.com/font.woff2) format('woff2')");
        out.font = await settled(font.load());
        const stream = new (window as any).WebSocketStream('wss://hubspot-realtime.ably.io/stream');
        out.stream = [stream.url, await settled(stream.opened)];
        out.transport = await settled(new (window as any).WebTransport('https://hubspot-realtime.ably.io:443/transport').ready);
        return out;
      });
    const out = await run();
    expect(out).toEqual({
      fetchLater: false,
      worklet: 'rejected AbortError',
      ownWorklet: 'resolved',
      font: 'rejected NetworkError',
      stream: ['ws://0.0.0.0:1/', 'rejected WebSocketError'],
      transport: 'rejected WebTransportError',
    });
    await settle(site, 400);
    expect(vendorRequests(site)).toEqual([]);
    expect(site.sockets.filter((u) => u.includes('ably'))).toEqual([]);
    const kinds = (await site.page.evaluate(() => window.consentGate.blocked())).map((e: any) => e.kind);
    expect(kinds).toEqual(['fetchLater', 'worklet', 'font', 'WebSocketStream', 'WebTransport']);
    // once allowed, the same calls go out
    await allowAll(site);
    await run().catch(() => undefined);
    await settle(site, 400);
    const paths = vendorRequests(site).map((r) => r.host + r.path);
    for (const u of ['api.hubspot.com/later.json', 'js.hubspot.com/paint.js', 'js.hubspot.com/font.woff2']) expect(paths).toContain(u);
    expect(site.sockets.filter((u) => u.includes('ably'))).toHaveLength(1);
    await site.close();
  });

  it("document.cookie and cookieStore writes of vendor cookies are dropped; deletions, the record and the site's own cookies pass", async () => {
    const site = await open();
    const seen = await site.page.evaluate(async () => {
      document.cookie = 'messagesUtk=abc; path=/; max-age=3600';
      document.cookie = '__hstc=1.2.3; path=/';
      document.cookie = 'cart=3; path=/';
      document.cookie = '__hs_opt_out=no; path=/'; // necessary: passes
      document.cookie = 'hubspotutk=x; max-age=100; expires=Thu, 01 Jan 1970 00:00:00 GMT'; // Max-Age wins: not a deletion
      await (window as any).cookieStore.set('hs-messages-is-open', 'true');
      await (window as any).cookieStore.set({ name: 'theme', value: 'dark' });
      return document.cookie;
    });
    expect(seen.split('; ').sort()).toEqual(['__hs_opt_out=no', 'cart=3', 'theme=dark']);
    expect(await site.cookieNames()).toEqual(['__hs_opt_out', 'cart', 'theme']);
    const log = await site.page.evaluate(() => window.consentGate.blocked());
    expect(log.map((e: any) => [e.kind, e.target, e.purpose])).toEqual([
      ['cookie', 'messagesUtk', 'functional'],
      ['cookie', '__hstc', 'analytics'],
      ['cookie', 'hubspotutk', 'analytics'],
      ['cookieStore', 'hs-messages-is-open', 'functional'],
    ]);
    // a vendor cookie set while allowed is deleted after revocation: the deletion passes
    await allowAll(site);
    await site.page.evaluate(() => {
      document.cookie = 'messagesUtk=abc; path=/; max-age=3600';
      (window as any).__consentGateGuard.update(() => false);
      document.cookie = 'messagesUtk=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
      document.cookie = 'consent_gate=written-by-the-runtime; path=/';
    });
    expect(await site.cookieNames()).toEqual(['__hs_opt_out', 'cart', 'consent_gate', 'theme']);
    await site.close();
  });

  it('a stored record that grants functional lets functional vendor parts through at once and keeps analytics held', async () => {
    const record = encodeRecord({
      v: 1,
      p: '1',
      d: { functional: true, analytics: false, marketing: false },
      o: {},
      t: Date.now(),
      id: 'abcdefghijklmnopqrstuv',
    });
    const site = await openSite(browser, {
      pages: {
        '/': html(
          '<script src="https://js.usemessages.com/conversations-embed.js"></script><img src="https://track.hubspot.com/__ptq.gif">',
          guardHead(),
        ),
        '/guard.js': guard,
      },
      hosts: vendorHosts(),
    });
    await site.context.addCookies([{ name: 'consent_gate', value: encodeURIComponent(record), url: site.url('/') }]);
    await site.page.goto(site.url('/'));
    await site.page.waitForLoadState('load');
    expect(await site.page.evaluate(() => (window as any).ran)).toEqual(['js.usemessages.com/conversations-embed.js']);
    expect(await site.page.evaluate(() => document.querySelector('img')!.getAttribute('data-cg-src'))).toBe(
      'https://track.hubspot.com/__ptq.gif',
    );
    const cookies = await site.page.evaluate(() => {
      document.cookie = 'messagesUtk=1; path=/';
      document.cookie = '__hstc=1; path=/';
      return document.cookie;
    });
    expect(cookies).toContain('messagesUtk=1');
    expect(cookies).not.toContain('__hstc');
    await site.close();
  });
});
