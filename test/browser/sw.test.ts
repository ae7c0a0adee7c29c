/**
 * The consent service worker (dist/consent-gate-sw.js) in Chromium.
 *
 * What counts as "reaching a vendor host" is the vendor's route handler being
 * asked: a request the worker refuses fails inside the browser and never gets
 * there, one it lets through does (Chromium routes a service worker's own
 * fetches through the context's routes too). The request log of the context
 * (`context.on('request')`, service-worker requests included) shows what was
 * attempted, so every test also proves the vendor tags were really there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/consent/codec';
import { DIST, html, launchBrowser, openSite, type HostHandler, type LaunchedBrowser, type Served, type Site } from './harness';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const js = (body: string): Served => ({ body, contentType: 'text/javascript' });
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Every vendor host a page below names, answering as the vendor would. */
const VENDOR_HOSTS = [
  'js.hs-scripts.com',
  'js.usemessages.com',
  'js.hs-analytics.net',
  'track.hubspot.com',
  'js.hubspot.com',
  'api.hubspot.com',
  'app.hubspot.com',
  // a service the site declares in its own config
  'widget.reviews.example',
];
const vendorAnswer: HostHandler = (url) => {
  if (url.pathname.endsWith('.gif')) return { body: GIF, contentType: 'image/gif' };
  if (url.pathname.startsWith('/conversations-visitor')) return { body: '<!doctype html><p>chat', contentType: 'text/html' };
  if (url.pathname.endsWith('.css')) return { body: 'p{color:red}', contentType: 'text/css' };
  if (url.pathname.endsWith('.mjs')) return js('export const vendor = true;');
  if (url.pathname.endsWith('.json') || url.host === 'api.hubspot.com') return { body: '{"vendor":true}', contentType: 'application/json' };
  return js(`window.vendorRan = (window.vendorRan || []).concat(${JSON.stringify(url.href)});`);
};

/**
 * The shop's page: the head guard and the runtime, and vendor tags written in its HTML of every kind the
 * preload scanner and the parser fetch, a stylesheet with url() and @import, a dynamic import(), a worker
 * that imports and fetches, and child frames (same-origin and srcdoc) with vendor tags of their own.
 */
const CONFIG = { vendors: { 'hubspot-conversations': { portalId: '1234567' } }, policyVersion: '1' };
const head = `<script>window.consentGateConfig = ${JSON.stringify(CONFIG)};</script>
<script src="/dist/consent-gate-guard.js"></script>
<script src="/dist/consent-gate.js" defer></script>
<link rel="stylesheet" href="/site.css">
<link rel="stylesheet" href="https://js.hubspot.com/embed.css">
<script src="https://js.hs-scripts.com/1234567.js" async defer id="hs-script-loader"></script>`;
const body = `<h1>Shop</h1>
<img src="https://track.hubspot.com/__ptq.gif" alt="">
<img src="/own.gif" alt="">
<iframe src="/child.html" title="child"></iframe>
<iframe srcdoc="<img src='https://track.hubspot.com/srcdoc.gif'>" title="srcdoc"></iframe>
<script type="module">
  window.imported = import('https://js.hubspot.com/module.mjs').then(() => 'loaded', () => 'refused');
</script>
<script>
  window.workerSaid = new Promise((resolve) => { new Worker('/worker.js').onmessage = (e) => resolve(e.data); });
</script>`;
const PAGES: Record<string, string | Served> = {
  '/': html(body, head),
  '/site.css': {
    body: '@import url("https://js.hubspot.com/imported.css"); body { background: url("https://track.hubspot.com/css.gif"); }',
    contentType: 'text/css',
  },
  '/child.html': html(
    '<img src="https://track.hubspot.com/child.gif" alt=""><script src="https://js.usemessages.com/conversations-embed.js"></script>',
  ),
  '/worker.js': js(`let imported = 'loaded';
try { importScripts('https://js.hs-analytics.net/analytics/1/1234567.js'); } catch (e) { imported = 'refused'; }
fetch('https://api.hubspot.com/from-worker.json').then(() => 'loaded', () => 'refused').then((fetched) => postMessage({ imported, fetched }));`),
  '/own.gif': { body: GIF, contentType: 'image/gif' },
  '/own.json': { body: '{"own":true}', contentType: 'application/json' },
  '/consent-gate-sw.js': js(readFileSync(join(DIST, 'consent-gate-sw.js'), 'utf8')),
};
/** The same vendor tags without the guard and the runtime: whatever is refused here, the worker refused. */
PAGES['/plain.html'] = html(
  body,
  '<link rel="stylesheet" href="/site.css"><link rel="stylesheet" href="https://js.hubspot.com/embed.css"><script src="https://js.hs-scripts.com/1234567.js" async></script>',
);

/** What each of the page's vendor tags requests (as the test sees it attempted). */
const EXPECTED = {
  'preload scanner (script in the HTML)': 'https://js.hs-scripts.com/1234567.js',
  'preload scanner (img in the HTML)': 'https://track.hubspot.com/__ptq.gif',
  'stylesheet in the HTML': 'https://js.hubspot.com/embed.css',
  'CSS url()': 'https://track.hubspot.com/css.gif',
  'CSS @import': 'https://js.hubspot.com/imported.css',
  'dynamic import()': 'https://js.hubspot.com/module.mjs',
  'worker importScripts': 'https://js.hs-analytics.net/analytics/1/1234567.js',
  'worker fetch': 'https://api.hubspot.com/from-worker.json',
  'child frame img': 'https://track.hubspot.com/child.gif',
  'child frame script': 'https://js.usemessages.com/conversations-embed.js',
  'srcdoc frame img': 'https://track.hubspot.com/srcdoc.gif',
};

interface SwSite extends Site {
  /** Requests that reached a vendor's route handler (left the browser), in order. */
  served: string[];
  /** Requests the page's own origin answered (first-party). */
  ownServed: string[];
  /** Requests the service worker itself made (it let them through). */
  fromWorker: string[];
  /** Failed requests: url and error. */
  failed: { url: string; error: string }[];
}

async function openShop(pages: Record<string, string | Served> = PAGES): Promise<SwSite> {
  const served: string[] = [];
  const ownServed: string[] = [];
  const hosts = Object.fromEntries(
    VENDOR_HOSTS.map((h) => [
      h,
      ((url, request) => {
        served.push(url.href);
        return vendorAnswer(url, request);
      }) as HostHandler,
    ]),
  );
  // (the same object: a test may serve another file at a path later)
  const site = await openSite(browser, { pages, hosts });
  const fromWorker: string[] = [];
  const failed: { url: string; error: string }[] = [];
  site.context.on('request', (r) => {
    if (r.serviceWorker()) fromWorker.push(r.url());
    if (new URL(r.url()).host === 'www.shop.test') ownServed.push(new URL(r.url()).pathname);
  });
  site.context.on('requestfailed', (r) => failed.push({ url: r.url(), error: r.failure()?.errorText ?? '' }));
  return Object.assign(site, { served, ownServed, fromWorker, failed });
}

/** Register the worker from the page (`query`: its options) and wait until it controls the page. */
async function register(page: Page, query = '?cookieName=consent_gate&policyVersion=1', script = '/consent-gate-sw.js') {
  await page.evaluate(async (url) => {
    await navigator.serviceWorker.register(url);
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    // the first, uncontrolled view's own worker fetch may still be on its way: let it land before a test counts requests
    await (window as any).workerSaid;
  }, script + query);
}

/**
 * The vendor tags the head guard holds on the shop's page, so that they are never requested there: the srcdoc
 * frame's document names a vendor host, and the guard keeps the frame's `srcdoc` until consent (its img never
 * exists). What the worker does with them is proven on /plain.html, the same tags without the guard.
 */
const HELD_BY_GUARD: (keyof typeof EXPECTED)[] = ['srcdoc frame img'];

/** The vendor tags a page asks for: all of them without the guard (or with a grant), all but those it holds with it. */
const asked = (guarded: boolean) =>
  Object.entries(EXPECTED).filter(([kind]) => !guarded || !HELD_BY_GUARD.includes(kind as keyof typeof EXPECTED));

/**
 * Wait until every vendor tag the page asks for has been attempted: the import and the worker settled, the
 * frames loaded. On a page with the guard and no grant, the tags it holds are checked held instead (never in the document).
 */
async function settled(site: SwSite) {
  await site.page.waitForFunction(() => (window as any).imported && (window as any).workerSaid);
  const result = await site.page.evaluate(async () => ({
    imported: await (window as any).imported,
    worker: await (window as any).workerSaid,
  }));
  await site.page.waitForLoadState('load');
  // (the guard holds them until consent: the records these tests write grant every purpose, and the guard then lets them go)
  const granted = (await site.context.cookies()).some((c) => c.name === 'consent_gate');
  const guarded = !granted && (await site.page.evaluate(() => (window as any).consentGateConfig !== undefined));
  for (const [, url] of asked(guarded))
    await expect.poll(() => site.requests.some((r) => r.url === url), { timeout: 10_000, message: url }).toBe(true);
  if (guarded) {
    // the srcdoc frame was left without its vendor document: no img in it to request
    const frame = await site.page.evaluate(() => {
      const f = document.querySelector('iframe[title="srcdoc"]') as HTMLIFrameElement;
      return { srcdoc: f.hasAttribute('srcdoc'), img: !!f.contentDocument?.querySelector('img') };
    });
    expect(frame).toEqual({ srcdoc: false, img: false });
    expect(site.requests.map((r) => r.url)).not.toContain(EXPECTED['srcdoc frame img']);
  }
  return result;
}

const vendorServed = (site: SwSite) => site.served.filter((u) => VENDOR_HOSTS.includes(new URL(u).host));

describe('consent service worker (Chromium)', { timeout: 120_000 }, () => {
  it('from the second page view no request reaches a vendor host: preload scanner, CSS url() and @import, import(), a worker, child frames', async () => {
    const site = await openShop();
    // the first view: the worker does not control the page yet, and the guard alone cannot hold these back
    await site.page.goto(site.url('/'));
    await register(site.page);
    await settled(site);
    const first = vendorServed(site);
    expect(first).toEqual(
      expect.arrayContaining([EXPECTED['preload scanner (script in the HTML)'], EXPECTED['CSS url()'], EXPECTED['worker importScripts']]),
    );

    // the second view
    site.served.length = 0;
    site.requests.length = 0;
    site.failed.length = 0;
    await site.page.reload();
    const result = await settled(site);
    expect(vendorServed(site)).toEqual([]);
    expect(result).toEqual({ imported: 'refused', worker: { imported: 'refused', fetched: 'refused' } });
    // every kind the page asks for was attempted, and each failed inside the browser (the srcdoc frame's: see /plain.html below)
    const attempted = site.requests.map((r) => r.url);
    for (const [kind, url] of asked(true)) {
      expect(attempted, kind).toContain(url);
      expect(
        site.failed.map((f) => f.url),
        kind,
      ).toContain(url);
    }
    expect(await site.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      'https://www.shop.test/consent-gate-sw.js?cookieName=consent_gate&policyVersion=1',
    );
    expect(await site.page.evaluate(() => (window as any).vendorRan)).toBeUndefined();
    await site.close();
  });

  it("without the guard on the page (/plain.html) the worker alone refuses every kind, the srcdoc frame's img included", async () => {
    const site = await openShop();
    await site.page.goto(site.url('/plain.html'));
    await register(site.page);
    site.served.length = 0;
    site.requests.length = 0;
    site.failed.length = 0;
    await site.page.reload();
    const result = await settled(site);
    expect(vendorServed(site)).toEqual([]);
    expect(result).toEqual({ imported: 'refused', worker: { imported: 'refused', fetched: 'refused' } });
    const attempted = site.requests.map((r) => r.url);
    for (const [kind, url] of Object.entries(EXPECTED)) {
      expect(attempted, kind).toContain(url);
      expect(
        site.failed.map((f) => f.url),
        kind,
      ).toContain(url);
    }
    expect(await site.page.evaluate(() => (window as any).vendorRan)).toBeUndefined();
    await site.close();
  });

  it('first-party requests pass untouched: not answered by the worker, served by the site', async () => {
    const site = await openShop();
    await site.page.goto(site.url('/'));
    await register(site.page);
    site.ownServed.length = 0;
    await site.page.reload();
    await settled(site);
    expect(site.ownServed).toEqual(
      expect.arrayContaining(['/', '/site.css', '/child.html', '/worker.js', '/own.gif', '/dist/consent-gate-guard.js']),
    );
    const own = await site.page.evaluate(async () => {
      const r = await fetch('/own.json');
      return { status: r.status, body: await r.json() };
    });
    expect(own).toEqual({ status: 200, body: { own: true } });
    // the worker made no request of its own for them (other than the browser's check of its script): the browser fetched them as without a worker
    expect(site.fromWorker.filter((u) => new URL(u).host === 'www.shop.test' && new URL(u).pathname !== '/consent-gate-sw.js')).toEqual([]);
    expect(site.failed.filter((f) => new URL(f.url).host === 'www.shop.test')).toEqual([]);
    expect(await site.page.evaluate(() => (document.querySelector('img[src="/own.gif"]') as HTMLImageElement).naturalWidth)).toBe(1);
    await site.close();
  });

  it('a grant in the page lets the next vendor request through at once, without a reload; a withdrawal refuses again', async () => {
    const site = await openShop();
    await site.page.goto(site.url('/'));
    await register(site.page);
    site.served.length = 0;
    await site.page.reload();
    await settled(site);
    expect(vendorServed(site)).toEqual([]);

    await site.page.waitForFunction(() => typeof window.consentGate?.grant === 'function' && !window.consentGate.q);
    const status = await site.page.evaluate(async () => {
      window.consentGate.grant('functional', 'analytics', 'marketing');
      // the very next request, in the same task as the grant
      return fetch('https://api.hubspot.com/after-grant.json').then(
        (r) => r.status,
        (e) => String(e),
      );
    });
    expect(status).toBe(200);
    expect(site.served).toContain('https://api.hubspot.com/after-grant.json');
    // the guard releases the vendor script it held, and now the worker lets it through too
    await expect.poll(() => site.served.includes('https://js.hs-scripts.com/1234567.js')).toBe(true);
    await site.page.waitForFunction(() => ((window as any).vendorRan ?? []).includes('https://js.hs-scripts.com/1234567.js'));

    site.served.length = 0;
    const after = await site.page.evaluate(async () => {
      window.consentGate.revoke('functional', 'analytics', 'marketing');
      const img = new Image();
      const css = document.createElement('div');
      css.style.backgroundImage = 'url(https://track.hubspot.com/after-revoke.gif)';
      document.body.append(css);
      getComputedStyle(css).backgroundImage;
      img.src = '/own.gif';
      return fetch('https://api.hubspot.com/after-revoke.json').then(
        (r) => r.status,
        (e) => e.name,
      );
    });
    expect(after).toBe('TypeError');
    await expect.poll(() => site.requests.some((r) => r.url === 'https://track.hubspot.com/after-revoke.gif')).toBe(true);
    expect(vendorServed(site)).toEqual([]);
    await site.close();
  });

  it('fails closed: options it cannot read refuse every vendor, even with a valid grant', async () => {
    const site = await openShop();
    await site.page.goto(site.url('/'));
    await register(site.page, '?cookieName=not%20a%20name');
    await site.page.waitForFunction(() => typeof window.consentGate?.grant === 'function');
    await site.page.evaluate(() => window.consentGate.grant('functional', 'analytics', 'marketing'));
    expect(await site.context.cookies().then((c) => c.map((x) => x.name))).toContain('consent_gate');
    site.served.length = 0;
    expect(
      await site.page.evaluate(() =>
        fetch('https://api.hubspot.com/x.json').then(
          (r) => r.status,
          (e) => e.name,
        ),
      ),
    ).toBe('TypeError');
    await site.page.reload();
    await settled(site);
    expect(vendorServed(site)).toEqual([]);
    await site.close();
  });

  it('fails closed: a tampered record, or one of another policy version, refuses every vendor', async () => {
    const record = {
      v: 1 as const,
      p: '1',
      d: { functional: true, analytics: true, marketing: true },
      o: {},
      t: Date.now(),
      id: 'abcdefghijklmnop',
    };
    for (const value of [encodeRecord(record).replace('"marketing":true', '"marketing":!0'), encodeRecord({ ...record, p: '2' })]) {
      const site = await openShop();
      await site.page.goto(site.url('/plain.html'));
      await register(site.page);
      await site.context.addCookies([{ name: 'consent_gate', value: encodeURIComponent(value), url: site.url('/') }]);
      site.served.length = 0;
      expect(
        await site.page.evaluate(() =>
          fetch('https://api.hubspot.com/x.json').then(
            (r) => r.status,
            (e) => e.name,
          ),
        ),
      ).toBe('TypeError');
      expect(vendorServed(site)).toEqual([]);
      // the same record, valid, lets it through (so the refusal above was the record's doing)
      await site.context.addCookies([{ name: 'consent_gate', value: encodeURIComponent(encodeRecord(record)), url: site.url('/') }]);
      expect(
        await site.page.evaluate(() =>
          fetch('https://api.hubspot.com/y.json').then(
            (r) => r.status,
            (e) => e.name,
          ),
        ),
      ).toBe(200);
      expect(vendorServed(site)).toEqual(['https://api.hubspot.com/y.json']);
      await site.close();
    }
  });

  it("does not see the navigation of a cross-origin vendor frame (it belongs to the frame's origin): the documented limit", async () => {
    const site = await openShop({
      ...PAGES,
      '/frame.html': html(
        '<iframe src="https://app.hubspot.com/conversations-visitor/1234567" title="chat"></iframe><img src="https://track.hubspot.com/beside.gif" alt="">',
      ),
    });
    await site.page.goto(site.url('/frame.html'));
    await register(site.page);
    site.served.length = 0;
    await site.page.reload();
    await expect.poll(() => site.requests.some((r) => r.url === 'https://track.hubspot.com/beside.gif')).toBe(true);
    await expect.poll(() => site.served).toContain('https://app.hubspot.com/conversations-visitor/1234567');
    // the image beside it, a request of the page, is refused
    expect(site.served).not.toContain('https://track.hubspot.com/beside.gif');
    await site.close();
  });

  it("from a site's own worker with importScripts: vendors refused, the site's own fetch handler still answers", async () => {
    const ownWorker = js(`self.consentGateWorker = { cookieName: 'consent_gate', policyVersion: '1' };
importScripts('/consent-gate-sw.js');
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (url.pathname === '/hello') e.respondWith(new Response('hello from the site worker'));
  else if (url.host !== location.host) e.respondWith(fetch(e.request));
});`);
    const site = await openShop({ ...PAGES, '/site-sw.js': ownWorker });
    await site.page.goto(site.url('/'));
    await register(site.page, '', '/site-sw.js');
    site.served.length = 0;
    await site.page.reload();
    const result = await settled(site);
    expect(result).toEqual({ imported: 'refused', worker: { imported: 'refused', fetched: 'refused' } });
    expect(vendorServed(site)).toEqual([]);
    expect(await site.page.evaluate(() => fetch('/hello').then((r) => r.text()))).toBe('hello from the site worker');
    await site.close();
  });

  it("from a site's own worker given the page's config: the site's declared services are refused too, until their purpose is granted", async () => {
    const config = {
      ...CONFIG,
      vendors: {
        ...CONFIG.vendors,
        reviews: {
          title: 'Product reviews',
          provider: 'Reviews Ltd',
          purpose: 'marketing',
          privacyPolicyUrl: '/privacy',
          hosts: [{ host: 'widget.reviews.example', path: '/embed/' }],
        },
      },
    };
    const ownWorker = js(`self.consentGateWorker = ${JSON.stringify(config)};
importScripts('/consent-gate-sw.js');
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));`);
    // no guard on this page: what is refused, the worker refused
    const page = html(
      '<h1>Reviews</h1><img src="https://widget.reviews.example/embed/stars.gif" alt=""><img src="https://widget.reviews.example/about.gif" alt=""><img src="https://track.hubspot.com/reviews.gif" alt="">',
      '<link rel="stylesheet" href="/reviews.css">',
    );
    const site = await openShop({
      ...PAGES,
      '/reviews.html': page,
      '/reviews.css': { body: 'body { background: url("https://widget.reviews.example/embed/bg.gif"); }', contentType: 'text/css' },
      '/site-sw.js': ownWorker,
    });
    await site.page.goto(site.url('/reviews.html'));
    await register(site.page, '', '/site-sw.js');
    const urls = [
      'https://widget.reviews.example/embed/stars.gif',
      'https://widget.reviews.example/embed/bg.gif',
      'https://widget.reviews.example/about.gif',
      'https://track.hubspot.com/reviews.gif',
    ];
    site.served.length = 0;
    await site.page.reload();
    await site.page.waitForLoadState('load');
    for (const url of urls) await expect.poll(() => site.requests.some((r) => r.url === url), { message: url }).toBe(true);
    // the service's own path and the catalog vendor were refused; the service's other files are not its (only /embed/ is declared)
    await expect.poll(() => site.served).toContain('https://widget.reviews.example/about.gif');
    expect(site.served.filter((u) => u !== 'https://widget.reviews.example/about.gif')).toEqual([]);

    // marketing granted: the service's requests leave; the chat (functional, not granted) stays refused
    const record = {
      v: 1 as const,
      p: '1',
      d: { functional: false, analytics: false, marketing: true },
      o: {},
      t: Date.now(),
      id: 'abcdefghijklmnop',
    };
    await site.context.addCookies([{ name: 'consent_gate', value: encodeURIComponent(encodeRecord(record)), url: site.url('/') }]);
    site.served.length = 0;
    await site.page.reload();
    await expect.poll(() => site.served).toContain('https://widget.reviews.example/embed/stars.gif');
    await expect.poll(() => site.served).toContain('https://widget.reviews.example/embed/bg.gif');
    expect(
      await site.page.evaluate(() =>
        fetch('https://api.hubspot.com/x.json').then(
          (r) => r.status,
          (e) => e.name,
        ),
      ),
    ).toBe('TypeError');
    expect(site.served).not.toContain('https://api.hubspot.com/x.json');
    await site.close();
  });

  it('removal: the documented unregister snippet and the kill-switch worker both give the page back its plain network', async () => {
    // the unregister snippet of docs/service-worker.md
    const docs = readFileSync(join(__dirname, '../../docs/service-worker.md'), 'utf8');
    const snippet = /```js remove\n([\s\S]*?)```/.exec(docs)![1]!;
    const killSwitch = /```js kill-switch\n([\s\S]*?)```/.exec(docs)![1]!;

    const site = await openShop();
    await site.page.goto(site.url('/'));
    await register(site.page);
    await site.page.evaluate(snippet);
    await site.page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0);
    site.served.length = 0;
    await site.page.reload();
    await settled(site);
    expect(vendorServed(site)).toContain(EXPECTED['preload scanner (script in the HTML)']);
    await site.close();

    // the kill switch in the worker's place (a browser installs it on its next update check of the worker's URL,
    // which Playwright's routes do not answer: here it is registered for the same scope) removes it and reloads the page
    const killed = await openShop({ ...PAGES, '/kill-switch.js': js(killSwitch) });
    await killed.page.goto(killed.url('/'));
    await register(killed.page);
    await killed.page.evaluate(() => navigator.serviceWorker.register('/kill-switch.js'));
    // (the kill switch reloads the page: read it again until it answers)
    const gone = () =>
      killed.page
        .evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && !navigator.serviceWorker.controller)
        .catch(() => false);
    await expect.poll(gone, { timeout: 10_000 }).toBe(true);
    await killed.close();
  });
});
