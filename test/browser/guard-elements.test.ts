import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchBrowser, openSite, type LaunchedBrowser, type Site } from './harness';
import { allowAll, guardHead, ownFiles, ran, scriptBody, settle, sri, vendorHosts, vendorRequests } from './guard-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

async function open(body: string, head = guardHead(), pages: Record<string, unknown> = {}): Promise<Site> {
  const site = await openSite(browser, { pages: { '/': html(body, head), ...ownFiles, ...(pages as Record<string, string>) }, hosts: vendorHosts() });
  await site.page.goto(site.url('/'));
  await site.page.waitForLoadState('load');
  await settle(site);
  return site;
}

/** Before consent: nothing of the vendor ran, and the site's own script ran. */
async function expectHeld(site: Site) {
  expect(vendorRequests(site).map((r) => r.url)).toEqual([]);
  expect((await ran(site)).filter((n) => n !== 'own.js')).toEqual([]);
}

describe('guard: elements (Chromium)', () => {
  it('parser-inserted scripts later in the HTML (sync, async, defer, module) do not run before consent; after update they run once, in order, attributes intact', async () => {
    const body = scriptBody('js.usemessages.com/conversations-embed.js');
    const site = await open(
      `<script src="/own.js"></script>
<script src="https://js.usemessages.com/conversations-embed.js" id="hs-chat" data-hsjs-portal="1234567" nonce="n0nce" integrity="${sri(body)}" crossorigin="anonymous"></script>
<script src="https://js.hs-analytics.net/analytics/1/1234567.js" defer id="an"></script>
<script src="https://js.hubspot.com/module.js" type="module" id="mod"></script>
<script src="https://js.hs-scripts.com/1234567.js" async id="loader"></script>
<img src="/own.gif" id="own-img">`,
    );
    const preloaded = vendorRequests(site);
    expect((await ran(site))).toEqual(['own.js']);
    // the site's own image loaded
    expect(await site.page.evaluate(() => (document.getElementById('own-img') as HTMLImageElement).naturalWidth)).toBe(1);
    // held: the src waits in data-cg-src
    expect(await site.page.evaluate(() => document.getElementById('hs-chat')!.getAttribute('src'))).toBeNull();
    await allowAll(site);
    await expect.poll(() => ran(site).then((r) => r.length)).toBe(5);
    const order = await ran(site);
    const inOrder = order.filter((n) => !n.includes('hs-scripts'));
    expect(inOrder).toEqual(['own.js', 'js.usemessages.com/conversations-embed.js', 'js.hs-analytics.net/analytics/1/1234567.js', 'js.hubspot.com/module.js']);
    expect(order.filter((n) => n.includes('hs-scripts'))).toHaveLength(1);
    const attrs = await site.page.evaluate(() => {
      const s = document.getElementById('hs-chat') as HTMLScriptElement;
      return { src: s.getAttribute('src'), portal: s.dataset.hsjsPortal, nonce: s.nonce, integrity: s.integrity, crossorigin: s.crossOrigin, held: s.hasAttribute('data-cg-src'), module: (document.getElementById('mod') as HTMLScriptElement).type, defer: document.getElementById('an')!.hasAttribute('defer') };
    });
    expect(attrs).toEqual({ src: 'https://js.usemessages.com/conversations-embed.js', portal: '1234567', nonce: 'n0nce', integrity: sri(body), crossorigin: 'anonymous', held: false, module: 'module', defer: true });
    // a second update releases nothing twice
    await allowAll(site);
    await settle(site);
    expect(await ran(site)).toHaveLength(5);
    console.log('preload scanner requests before consent:', preloaded.map((r) => r.url));
    await site.close();
  });
});
