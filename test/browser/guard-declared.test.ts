/**
 * A service the site declares in its config (issue 11 part 1, the guard's
 * side), in Chromium, with the drop-in (guard and runtime): the guard holds
 * back its host, cookie and storage key from `window.consentGateConfig`
 * alone, releases them when its purpose is granted, and holds them again
 * after withdrawal. A service whose purpose is necessary is never held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropInHead, html, launchBrowser, openSite, type LaunchedBrowser, type Site } from './harness';
import { scriptBody, settle } from './guard-helpers';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

const CONFIG = {
  policyVersion: '1',
  vendors: {
    'ab-test': {
      title: 'A/B tests',
      provider: 'Shop Ltd',
      purpose: 'analytics',
      privacyPolicyUrl: '/privacy',
      description: 'Which version of a page you see.',
      hosts: [{ host: 'cdn.abtest.example', path: '/v2/' }],
      cookies: [{ name: 'ab_', match: 'prefix', lifetime: 2592000, scope: 'parent' }],
      storage: [{ key: 'ab-variant', storage: 'local' }],
    },
    cart: {
      title: 'Cart',
      provider: 'Shop Ltd',
      purpose: 'necessary',
      privacyPolicyUrl: '/privacy',
      cookies: [{ name: 'cart', lifetime: 0 }],
    },
  },
};

/** What the service does on a page: its script (which writes its cookie and key when it runs), and the page's own writes. */
const attempt = (
  tag: string,
) => `var s = document.createElement('script'); s.src = 'https://cdn.abtest.example/v2/${tag}.js'; document.head.appendChild(s);
document.cookie = 'ab_group=${tag}; path=/'; localStorage.setItem('ab-variant', '${tag}'); document.cookie = 'cart=3; path=/';`;

async function open(): Promise<Site> {
  const site = await openSite(browser, {
    pages: { '/': html(`<main>shop</main><script>${attempt('page')}</script>`, dropInHead(CONFIG)) },
    hosts: {
      'cdn.abtest.example': (url) => ({
        body: `${scriptBody(url.pathname)} document.cookie = 'ab_id=1; path=/'; localStorage.setItem('ab-seen', '1');`,
        contentType: 'text/javascript',
      }),
    },
  });
  await site.page.goto(site.url('/'));
  await site.page.waitForFunction(() => typeof window.consentGate.decisions === 'function');
  await settle(site);
  return site;
}

const state = async (site: Site) => ({
  requests: site.requestsTo('cdn.abtest.example').map((r) => r.path),
  cookies: (await site.cookieNames()).filter((n) => n !== 'consent_gate'),
  keys: await site.page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('ab'))
      .sort(),
  ),
  ran: await site.page.evaluate(() => (window as any).ran ?? []),
});

describe('guard: a site-declared service (Chromium)', () => {
  it('held before consent (host, cookie, key), released after the grant of its purpose, held again after withdrawal; the necessary one never', async () => {
    const site = await open();
    expect(await state(site)).toEqual({ requests: [], cookies: ['cart'], keys: [], ran: [] });
    const log = await site.page.evaluate(() => window.consentGate.blocked().map((e: any) => [e.kind, e.target, e.vendor, e.purpose]));
    expect(log).toEqual([
      ['script', 'https://cdn.abtest.example/v2/page.js', 'ab-test', 'analytics'],
      ['cookie', 'ab_group', 'ab-test', 'analytics'],
      ['localStorage', 'ab-variant', 'ab-test', 'analytics'],
    ]);
    // another purpose releases nothing of it
    await site.page.evaluate(() => window.consentGate.grant('marketing'));
    await settle(site);
    expect((await state(site)).requests).toEqual([]);
    await site.page.evaluate(() => window.consentGate.grant('analytics'));
    await expect
      .poll(() => state(site))
      .toEqual({ requests: ['/v2/page.js'], cookies: ['ab_id', 'cart'], keys: ['ab-seen'], ran: ['/v2/page.js'] });
    await site.page.evaluate((code) => new Function(code)(), attempt('granted'));
    await expect
      .poll(() => state(site))
      .toEqual({
        requests: ['/v2/page.js', '/v2/granted.js'],
        cookies: ['ab_group', 'ab_id', 'cart'],
        keys: ['ab-seen', 'ab-variant'],
        ran: ['/v2/page.js', '/v2/granted.js'],
      });
    // withdrawal: whatever the runtime cleans up, the service's next attempts are held again
    await site.page.evaluate(() => window.consentGate.revoke('analytics'));
    await site.context.clearCookies({ name: /^ab_/ });
    await site.page.evaluate(() => localStorage.clear());
    await site.page.evaluate((code) => new Function(code)(), attempt('withdrawn'));
    await settle(site);
    expect(await state(site)).toEqual({
      requests: ['/v2/page.js', '/v2/granted.js'],
      cookies: ['cart'],
      keys: [],
      ran: ['/v2/page.js', '/v2/granted.js'],
    });
    await site.close();
  });
});
