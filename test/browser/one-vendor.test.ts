import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchBrowser, openSite, type LaunchedBrowser } from './harness';
import { hubspotEmulator } from '../../emulators/hubspot/index.mjs';
import { allowAndOpen, cookieCopies, launcher, PORTAL, vendorRequests } from './chat-kit';
import { ANALYTICS_COOKIES, CHAT_COOKIES, HUBSPOT } from './hubspot-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

/** A page with the two files built for one vendor: dist/consent-gate-guard-<id>.js and dist/consent-gate-<id>.js. */
function page(id: string, config: unknown, body = ''): string {
  return html(
    `<main><p>Shop.</p></main>${body}`,
    `<script>window.consentGateConfig = ${JSON.stringify(config)}; window.errors = []; addEventListener('error', function (e) { window.errors.push(String(e.message)); });</script>
<script src="/dist/consent-gate-guard-${id}.js"></script>
<script src="/dist/consent-gate-${id}.js" defer></script>`,
  );
}

/** The site's own code inserting HubSpot's tracking-code loader, as a pasted embed does. */
const pastedTag = `<script>
  var s = document.createElement('script'); s.src = 'https://js.hs-scripts.com/${PORTAL}.js'; s.id = 'hs-script-loader'; document.head.appendChild(s);
  document.cookie = '__hstc=site-tag; path=/';
</script>`;

describe('the files for a site with one vendor (HubSpot Conversations)', () => {
  it('guard and runtime built for HubSpot alone: nothing of HubSpot before consent, then click → allow → the chat opens', async () => {
    const hubspot = hubspotEmulator();
    const config = { vendors: { 'hubspot-conversations': { portalId: PORTAL } }, policyVersion: '2026-11' };
    const site = await openSite(browser, { pages: { '/': page('hubspot-conversations', config, pastedTag) }, hosts: hubspot.handlers });
    const p = site.page;
    await p.goto(site.url('/'));
    await launcher(p).waitFor({ state: 'visible' });
    await p.waitForTimeout(300);
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);
    expect(await cookieCopies(site, [...CHAT_COOKIES, ...ANALYTICS_COOKIES])).toEqual([]);
    const held = await p.evaluate(() => window.consentGate.blocked().map((e) => [e.kind, e.target]));
    expect(held).toContainEqual(['script', `https://js.hs-scripts.com/${PORTAL}.js`]);
    expect(held).toContainEqual(['cookie', '__hstc']);

    await allowAndOpen(p, HUBSPOT);
    expect(vendorRequests(site, HUBSPOT).some((r) => r.host === 'js.usemessages.com')).toBe(true);
    expect(await p.evaluate(() => (window as any).errors)).toEqual([]);
    await site.close();
  });

  it('consent given earlier: a page where no conversation continues fetches no chat part before intent; one with an open chat loads it by itself', async () => {
    const hubspot = hubspotEmulator();
    const config = { vendors: { 'hubspot-conversations': { portalId: PORTAL } } };
    const heads = {
      '/one/': page('hubspot-conversations', config),
      '/generic/': html(
        '<main><p>Shop.</p></main>',
        `<script>window.consentGateConfig = ${JSON.stringify(config)};</script><script src="/dist/consent-gate-guard.js"></script><script src="/dist/consent-gate.js" defer></script>`,
      ),
    };
    for (const [path, body] of Object.entries(heads)) {
      const site = await openSite(browser, { pages: { [path]: body }, hosts: hubspot.handlers });
      const p = site.page;
      const chatPart = () => site.requests.filter((r) => r.path === '/dist/consent-gate-chat.js').length;
      await p.goto(site.url(path));
      await p.waitForFunction(() => typeof window.consentGate?.grant === 'function');
      await p.evaluate(() => window.consentGate.grant('functional'));
      // the next page: the launcher, and nothing of the chat or of HubSpot until the visitor shows intent
      const before = site.requests.length;
      await p.goto(site.url(path));
      await launcher(p).waitFor({ state: 'visible' });
      await p.waitForTimeout(500);
      expect(
        site.requests.slice(before).filter((r) => r.path === '/dist/consent-gate-chat.js'),
        path,
      ).toEqual([]);
      expect(vendorRequests(site, HUBSPOT), path).toEqual([]);
      await launcher(p).hover();
      await expect.poll(chatPart).toBeGreaterThan(0);
      // a conversation left open on an earlier page: the next page fetches the chat part and the widget comes by itself
      await site.context.addCookies([{ name: 'hs-messages-is-open', value: 'true', url: site.url('/') }]);
      await p.goto(site.url(path));
      await expect.poll(() => vendorRequests(site, HUBSPOT).some((r) => r.host === 'js.usemessages.com'), { timeout: 10_000 }).toBe(true);
      await site.close();
    }
  });

  it('a config naming a vendor the file was not built for: a ConsentGateConfigError names it, the page goes on, and nothing of HubSpot loads', async () => {
    const hubspot = hubspotEmulator();
    const config = { vendors: { intercom: { appId: 'abc123' } } };
    const site = await openSite(browser, {
      pages: { '/': page('hubspot-conversations', config, pastedTag + '<p id="after">still here</p>') },
      hosts: hubspot.handlers,
    });
    const p = site.page;
    const consoleErrors: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await p.goto(site.url('/'));
    await p.waitForLoadState('load');
    await p.waitForTimeout(300);
    expect(
      consoleErrors.some((t) => /ConsentGateConfigError/.test(t) && /vendors\.intercom/.test(t)),
      consoleErrors.join('\n'),
    ).toBe(true);
    expect(await p.locator('#after').textContent()).toBe('still here');
    expect(await launcher(p).count()).toBe(0);
    // the guard does not know the vendor named, so it holds back everything it knows
    expect(vendorRequests(site, HUBSPOT)).toEqual([]);
    expect(await cookieCopies(site, ANALYTICS_COOKIES)).toEqual([]);
    await site.close();
  });
});
