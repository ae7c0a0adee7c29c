/**
 * The HTML declaration and the runtime audit in Chromium: the declaration
 * renders as a readable table, its "Change settings" button opens the banner's
 * settings panel, its current-choice cells follow decisions, and audit()
 * sees every cookie copy the page can read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropInHead, html, launchBrowser, openSite, ROOT, type LaunchedBrowser } from './harness';

const config = { vendors: { 'hubspot-conversations': { portalId: '1234567' } }, policyVersion: '1' };
const SHOTS = join(tmpdir(), 'consent-gate-shots');

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.closeAll();
});

function declareHtml(): string {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'cli/consent-gate.mjs'), 'declare', '--vendor', 'hubspot-conversations', '--format', 'html', '--host', 'www.shop.test'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('HTML declaration (Chromium)', () => {
  it('renders as tables, its "Change settings" button opens the banner, and its choices follow decisions', async () => {
    const page = html(`<main style="max-width:960px;margin:1em auto"><h1>Cookie policy</h1>${declareHtml()}</main>`, dropInHead(config));
    const site = await openSite(browser, { pages: { '/cookies': page } });
    await site.page.setViewportSize({ width: 1100, height: 900 });
    await site.page.goto(site.url('/cookies'));
    // the first-visit banner is not what this test is about: answer it through the API
    await site.page.waitForFunction(() => typeof window.consentGate?.decisions === 'function');
    const section = site.page.locator('[data-consent-gate-declaration]');
    await expect.poll(() => section.isVisible()).toBe(true);

    const rows = await section.locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(4 + 16); // purposes + every HubSpot cookie and the record
    const hstcRow = section.locator('table[data-purpose="analytics"] tr', { hasText: '__hstc' });
    await expect.poll(() => hstcRow.textContent()).toMatch(/6 months/);
    const box = await section.boundingBox();
    expect(box!.height).toBeGreaterThan(800);
    // the tables are styled: borders and a header background reach the browser
    const th = await section
      .locator('th')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(th).toBe('rgb(238, 240, 243)');

    const shot = await section.screenshot({ path: join(SHOTS, 'declaration.png') });
    expect(shot.length).toBeGreaterThan(30_000);

    const cell = section.locator('[data-consent-gate-decision="analytics"]');
    expect(await cell.textContent()).toBe('Not decided yet (off)');
    await site.page.evaluate(() => window.consentGate.grant('analytics'));
    await expect.poll(() => cell.textContent()).toBe('Allowed');
    expect(await section.locator('[data-consent-gate-decision="functional"]').textContent()).toBe('Not allowed');

    const modal = site.page.locator('#consent-gate-banner .cookie-modal');
    expect(await modal.isVisible().catch(() => false)).toBe(false);
    await section.getByRole('button', { name: 'Change settings' }).click();
    await expect.poll(() => modal.isVisible(), { timeout: 10_000 }).toBe(true);
    await site.page.screenshot({ path: join(SHOTS, 'declaration-settings.png') });
    await site.close();
  });

  it('gate.declaration("html") shows the visitor\'s choices; audit() names host and parent-domain cookies and flags them', async () => {
    const page = html('<main id="policy"></main>', dropInHead(config));
    const site = await openSite(browser, { pages: { '/': page } });
    await site.page.goto(site.url('/'));
    await site.page.waitForFunction(() => typeof window.consentGate?.audit === 'function');
    await site.page.evaluate(() => window.consentGate.grant('functional'));
    const rendered = await site.page.evaluate(() => {
      const el = document.getElementById('policy')!;
      el.innerHTML = window.consentGate.declaration('html');
      return el.querySelector('[data-consent-gate-decision="functional"]')!.textContent;
    });
    expect(rendered).toBe('Allowed');
    // cookies as the page's own code could have written them (host copy and parent-domain copy)
    await site.context.addCookies([
      { name: '__hstc', value: 'host', domain: 'www.shop.test', path: '/' },
      { name: '__hstc', value: 'parent', domain: '.shop.test', path: '/' },
      { name: 'messagesUtk', value: 'x', domain: 'www.shop.test', path: '/' },
      { name: 'mystery', value: 'x', domain: '.shop.test', path: '/' },
    ]);
    const audit = await site.page.evaluate(() => window.consentGate.audit());
    const names = (list: { name: string }[]) => list.map((i) => i.name).sort();
    expect(names(audit.violations)).toEqual(['__hstc', '__hstc']);
    expect(names(audit.undeclared)).toEqual(['mystery']);
    expect(audit.items.find((i: { name: string }) => i.name === 'messagesUtk')).toMatchObject({
      vendor: 'hubspot-conversations',
      purpose: 'functional',
      allowed: true,
      violation: false,
    });
    expect(audit.items.find((i: { name: string }) => i.name === 'consent_gate')).toMatchObject({ purpose: 'necessary', declared: true });
    expect(Array.isArray(audit.blocked)).toBe(true);
    await site.close();
  });
});
