/**
 * What a record refuses is not kept from an earlier page, in Chromium, with
 * the drop-in (whole-catalog guard and generic runtime): a page that starts
 * with a record deletes the cookies (every copy: host, parent domain, a
 * sub-path) and Web Storage keys of the configured vendors (a catalog chat
 * and a service the site declares) whose purpose that record refuses, and
 * keeps those it allows, the site's own and the record. Without a record
 * nothing is deleted. A withdrawal followed at once by a navigation leaves
 * nothing behind on the next page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropInHead, html, launchBrowser, openSite, type LaunchedBrowser, type Site } from './harness';
import { IS_VENDOR } from './guard-helpers';

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
    'hubspot-conversations': { portalId: '1234567' },
    'shop-lang': {
      title: 'Language memory',
      provider: 'Shop Ltd',
      purpose: 'functional',
      privacyPolicyUrl: '/privacy',
      cookies: [{ name: 'shop_lang', lifetime: 31536000 }],
      storage: [{ key: 'shop-prefs', storage: 'local' }],
    },
  },
};

/** What vendors left on the device on an earlier page: set from a page of the site without consent-gate. */
const LEFT = `
document.cookie = 'messagesUtk=abc; path=/';
document.cookie = 'messagesUtk=abc; path=/; domain=.shop.test';
document.cookie = '__hstc=1.2.3; path=/';
document.cookie = 'hubspotutk=xyz; path=/shop';
document.cookie = 'shop_lang=nl; path=/; domain=.shop.test';
document.cookie = 'basket=3; path=/';
localStorage.setItem('shop-prefs', '{"size":"m"}');
localStorage.setItem('site-theme', 'dark');`;

const pages = {
  '/plain': html('<p>no consent manager here</p>'),
  '/': html('<main>home</main>', dropInHead(CONFIG)),
  '/shop/': html('<main>shop</main>', dropInHead(CONFIG)),
};

async function openShop(): Promise<Site> {
  return openSite(browser, { pages, hosts: { 'js.usemessages.com': () => null } });
}

/** Give the page a record: decide on the home page, then leave what vendors left before. */
async function decideThenLeave(site: Site, ids: string[]): Promise<void> {
  await site.page.goto(site.url('/'));
  await site.page.waitForFunction(() => typeof window.consentGate?.decisions === 'function');
  await site.page.evaluate((list) => {
    window.consentGate.revoke('functional', 'analytics');
    if (list.length) window.consentGate.grant(...list);
  }, ids);
  await site.page.goto(site.url('/plain'));
  await site.page.evaluate((code) => new Function(code)(), LEFT);
}

/** Cookie copies (name@domain path) and local keys, as Chromium holds them. */
async function device(site: Site): Promise<{ cookies: string[]; keys: string[] }> {
  const cookies = (await site.context.cookies())
    .filter((c) => c.name !== 'consent_gate')
    .map((c) => `${c.name}@${c.domain}${c.path}`)
    .sort();
  const keys = await site.page.evaluate(() => Object.keys(localStorage).sort());
  return { cookies, keys };
}

const ALL = {
  cookies: [
    '__hstc@www.shop.test/',
    'basket@www.shop.test/',
    'hubspotutk@www.shop.test/shop',
    'messagesUtk@.shop.test/',
    'messagesUtk@www.shop.test/',
    'shop_lang@.shop.test/',
  ],
  keys: ['shop-prefs', 'site-theme'],
};

async function startOn(site: Site, path: string): Promise<void> {
  await site.page.goto(site.url(path));
  await site.page.waitForFunction(() => typeof window.consentGate?.decisions === 'function');
}

describe('a page that starts with a record sweeps what it refuses (Chromium)', () => {
  it('everything refused: every copy of the chat, tracking and declared cookies and the declared key go; the rest stays', async () => {
    const site = await openShop();
    await decideThenLeave(site, []);
    expect(await device(site)).toEqual(ALL);
    await startOn(site, '/shop/');
    await expect.poll(() => device(site), { timeout: 10_000 }).toEqual({ cookies: ['basket@www.shop.test/'], keys: ['site-theme'] });
    // the record is kept, and sweeping fetched nothing of the vendor
    expect(await site.page.evaluate(() => window.consentGate.decisions().decided)).toBe(true);
    expect(site.requests.filter((r) => IS_VENDOR.test(r.host))).toEqual([]);
    await site.close();
  });

  it('functional allowed, analytics refused: only the analytics cookies go', async () => {
    const site = await openShop();
    await decideThenLeave(site, ['functional']);
    await startOn(site, '/shop/');
    const kept = {
      cookies: ['basket@www.shop.test/', 'messagesUtk@.shop.test/', 'messagesUtk@www.shop.test/', 'shop_lang@.shop.test/'],
      keys: ['shop-prefs', 'site-theme'],
    };
    await expect.poll(() => device(site), { timeout: 10_000 }).toEqual(kept);
    // and it stays so
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await device(site)).toEqual(kept);
    await site.close();
  });

  it('no record yet (a first visit): nothing is deleted', async () => {
    const site = await openShop();
    await site.page.goto(site.url('/plain'));
    await site.page.evaluate((code) => new Function(code)(), LEFT);
    await startOn(site, '/shop/');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await site.page.evaluate(() => window.consentGate.decisions().decided)).toBe(false);
    expect(await device(site)).toEqual(ALL);
    await site.close();
  });

  it('a withdrawal followed at once by a navigation leaves nothing of the service on the next page', async () => {
    const site = await openShop();
    // the withdrawal's cleanup never gets its file on this page: the visitor leaves before it arrives
    await site.page.route('**/consent-gate-adapter.js', () => undefined);
    await startOn(site, '/');
    await site.page.evaluate(() => {
      window.consentGate.grant('functional');
      document.cookie = 'shop_lang=de; path=/';
      localStorage.setItem('shop-prefs', '1');
    });
    expect((await device(site)).cookies).toContain('shop_lang@www.shop.test/');
    await Promise.all([
      site.page.waitForURL(site.url('/shop/')),
      site.page.evaluate(() => {
        window.consentGate.revoke('functional');
        location.href = '/shop/';
      }),
    ]);
    await site.page.waitForFunction(() => typeof window.consentGate?.decisions === 'function');
    await expect.poll(() => device(site), { timeout: 10_000 }).toEqual({ cookies: [], keys: [] });
    await site.close();
  });
});
