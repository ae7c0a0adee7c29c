import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropInHead, html, launchBrowser, openSite, type LaunchedBrowser } from './harness';

const config = { vendors: { 'hubspot-conversations': { portalId: '1234567' } }, policyVersion: '2026-11' };
const page = html(
  `<main><h1>Shop</h1><a href="#" id="privacy" data-consent-gate-settings>Privacy settings</a></main>
<script>window.changes = []; (window.consentGate = window.consentGate || {}); consentGate.on('change', function (e) { window.changes.push(e); });</script>`,
  dropInHead(config),
);

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

async function recordOf(site: Awaited<ReturnType<typeof openSite>>) {
  const cookie = (await site.context.cookies()).find((c) => c.name === 'consent_gate');
  return cookie ? JSON.parse(decodeURIComponent(cookie.value).replace(/^[^.]+\./, '')) : null;
}

describe('banner (drop-in, Chromium)', () => {
  it('first visit shows the banner with equal Accept all / Reject all; Reject all writes the record and fires change', async () => {
    const site = await openSite(browser, { pages: { '/': page } });
    await site.page.goto(site.url('/'));
    const notice = site.page.locator('#consent-gate-banner .cookie-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    const accept = notice.getByRole('button', { name: 'Accept all' });
    const reject = notice.getByRole('button', { name: 'Reject all' });
    const [a, r] = [await accept.boundingBox(), await reject.boundingBox()];
    expect(a && r).toBeTruthy();
    const styles = await Promise.all(
      [accept, reject].map((b) =>
        b.evaluate((el) => {
          const s = getComputedStyle(el);
          return [s.backgroundColor, s.color, s.fontSize, s.fontWeight].join('|');
        }),
      ),
    );
    expect(styles[0]).toBe(styles[1]);
    expect(Math.abs(a!.height - r!.height)).toBeLessThanOrEqual(1);
    await reject.click();
    await expect.poll(() => notice.isVisible()).toBe(false);
    const record = await recordOf(site);
    expect(record).toMatchObject({ v: 1, p: '2026-11', d: { functional: false, analytics: false, marketing: false } });
    const changes = await site.page.evaluate(() => (window as any).changes);
    expect(changes).toHaveLength(1);
    expect(changes[0].source).toBe('banner');
    await site.close();
  });

  it('Accept all writes the record, fires change, and a reload reads it back without the banner or any Klaro file', async () => {
    const site = await openSite(browser, { pages: { '/': page } });
    await site.page.goto(site.url('/'));
    await site.page.locator('#consent-gate-banner .cookie-notice').getByRole('button', { name: 'Accept all' }).click();
    const record = await recordOf(site);
    expect(record.d).toEqual({ functional: true, analytics: true, marketing: true });
    const changes = await site.page.evaluate(() => (window as any).changes);
    expect(changes[0].granted).toEqual(expect.arrayContaining(['functional', 'analytics', 'marketing', 'hubspot-conversations']));
    expect(site.requestsTo('www.shop.test').some((r) => r.path.includes('banner'))).toBe(true);

    const before = site.requests.length;
    await site.page.reload();
    await site.page.waitForLoadState('load');
    await site.page.waitForTimeout(300);
    const after = site.requests.slice(before);
    expect(after.map((r) => r.path)).not.toContain('/dist/consent-gate-banner.js');
    expect(await site.page.locator('#consent-gate-banner').count()).toBe(0);
    const decisions = await site.page.evaluate(() => window.consentGate.decisions());
    expect(decisions.decided).toBe(true);
    expect(decisions.purposes.functional).toBe(true);
    await site.close();
  });

  it('show() brings the banner back and a change there updates the record', async () => {
    const site = await openSite(browser, { pages: { '/': page } });
    await site.page.goto(site.url('/'));
    await site.page.locator('#consent-gate-banner .cookie-notice').getByRole('button', { name: 'Accept all' }).click();
    await site.page.reload();
    await site.page.waitForLoadState('load');
    await site.page.click('#privacy');
    const modal = site.page.locator('#consent-gate-banner .cookie-modal');
    await expect.poll(() => modal.isVisible()).toBe(true);
    // the open panel reflects an API decision
    await site.page.evaluate(() => window.consentGate.revoke('analytics'));
    await expect.poll(() => modal.locator('input#service-item-analytics').isChecked()).toBe(false);
    await modal.locator('label[for="service-item-marketing"]').first().click();
    await modal.getByRole('button', { name: /Save choices/ }).click();
    const record = await recordOf(site);
    expect(record.d).toEqual({ functional: true, analytics: false, marketing: false });
    await site.close();
  });
});
