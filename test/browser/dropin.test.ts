import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropInHead, html, launchBrowser, openSite, type LaunchedBrowser } from './harness';

const config = { vendors: { 'hubspot-conversations': { portalId: '1234567' } } };
let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

describe('drop-in runtime (Chromium)', () => {
  it('keeps calls made before the runtime loaded and replays them in order', async () => {
    const page = html(
      `<script>
        window.seen = [];
        consentGate.on('change', function (e) { seen.push(e.source + ':' + e.granted.join('+') + '/' + e.revoked.join('+')); });
        consentGate.grant('functional', 'analytics');
        consentGate.revoke('analytics');
        window.typeAtQueueTime = typeof consentGate.decisions;
      </script>`,
      dropInHead(config),
    );
    const site = await openSite(browser, { pages: { '/': page } });
    await site.page.goto(site.url('/'));
    await site.page.waitForFunction(() => typeof window.consentGate.decisions === 'function');
    const result = await site.page.evaluate(() => ({
      seen: (window as any).seen,
      t: (window as any).typeAtQueueTime,
      d: window.consentGate.decisions(),
    }));
    expect(result.t).toBe('undefined'); // the calls above really were made before the runtime existed
    expect(result.seen).toEqual(['api:functional+analytics+hubspot-conversations/', 'api:/analytics']);
    expect(result.d.purposes).toMatchObject({ functional: true, analytics: false });
    // a decision was made through the API, so no banner is needed
    await site.page.waitForTimeout(300);
    expect(site.requests.map((r) => r.path)).not.toContain('/dist/consent-gate-banner.js');
    await site.close();
  });

  it('a broken config logs a ConsentGateConfigError naming the field; the page goes on and nothing is granted', async () => {
    const page = html(
      `<p id="ok">page works</p><script>consentGate.grant('functional'); document.getElementById('ok').dataset.after = 'yes';</script>`,
      dropInHead({ vendors: { 'hubspot-conversations': { portalId: 42 } } }),
    );
    const site = await openSite(browser, { pages: { '/': page } });
    const errors: string[] = [];
    const pageErrors: string[] = [];
    site.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    site.page.on('pageerror', (e) => pageErrors.push(String(e)));
    await site.page.goto(site.url('/'));
    await site.page.waitForLoadState('load');
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(
      'ConsentGateConfigError: consent-gate config: vendors.hubspot-conversations.portalId is 42; expected your HubSpot account id as a string of digits',
    );
    expect(pageErrors).toEqual([]);
    expect(await site.page.getAttribute('#ok', 'data-after')).toBe('yes');
    expect((await site.context.cookies()).map((c) => c.name)).not.toContain('consent_gate');
    await site.close();
  });
});
