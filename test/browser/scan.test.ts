/**
 * `consent-gate scan` end to end: the CLI drives its own Chromium through the
 * three phases against fixture pages whose every host is served from local
 * folders (--route / --hosts, --offline), and its report.html is read back in
 * Chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, type LaunchedBrowser } from './harness';
// @ts-expect-error plain JavaScript module without types
import { createDemoServer, listen } from '../../demo/server.mjs';

const CLI = join(ROOT, 'cli/consent-gate.mjs');
const FIX = join(ROOT, 'test/fixtures/scan');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Scan a fixture site served as https://www.shop.test/ with the build under /dist/ and HubSpot's hosts from local stand-ins. */
async function scanFixture(site: string) {
  const out = mkdtempSync(join(tmpdir(), `cg-scan-${site}-`));
  const run = await cli([
    'scan',
    'https://www.shop.test/',
    '--route',
    `www.shop.test=${join(FIX, site)}`,
    '--route',
    `www.shop.test/dist=${join(ROOT, 'dist')}`,
    '--hosts',
    join(FIX, 'hubspot'),
    '--offline',
    '--out',
    out,
  ]);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  return { run, report, out };
}

type V = { kind: string; phase: string; target: string; domain?: string; evidence: string[] };

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

async function openReport(out: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(pathToFileURL(join(out, 'report.html')).href);
  return { page, context };
}

// each test runs the CLI, which starts a Chromium of its own, once or twice
describe('consent-gate scan (Chromium)', { timeout: 180_000 }, () => {
  it("HubSpot's embed code without consent-gate: exit 1, names the hosts and the cookies set before consent", async () => {
    const { run, report, out } = await scanFixture('embed-no-gate');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/phase a: loading without any interaction/);
    expect(run.stdout).toMatch(/phase b: accepting all/);
    expect(run.stdout).toMatch(/phase c: withdrawing consent/);
    const violations = report.violations as V[];
    const hosts = violations.filter((v) => v.kind === 'host-before-consent').map((v) => v.target);
    expect(hosts).toEqual(expect.arrayContaining(['js.hs-scripts.com', 'js.usemessages.com', 'js.hs-analytics.net']));
    const cookies = violations.filter((v) => v.kind === 'cookie-before-consent');
    expect(cookies.map((v) => v.target).sort()).toEqual(['__hssc', '__hssrc', '__hstc', 'hubspotutk', 'messagesUtk']);
    expect(cookies.find((v) => v.target === '__hstc')).toMatchObject({
      domain: '.shop.test',
      evidence: ['set by https://js.hs-analytics.net/analytics/1700000000000/1234567.js'],
    });
    expect(cookies.find((v) => v.target === 'messagesUtk')).toMatchObject({
      domain: 'www.shop.test',
      evidence: ['set by https://js.usemessages.com/conversations-embed.js'],
    });
    // there is no way to withdraw on this page: no withdrawal verdicts, and a note says so
    expect(violations.some((v) => v.phase === 'after-withdrawal')).toBe(false);
    expect(report.notes.join(' ')).toMatch(/no way to withdraw/);
    expect(run.stdout).toMatch(/js\.usemessages\.com .* was contacted before consent/);
    // the vendor tag written in the HTML: its position, the tag, its markup form; named as where the request came from
    expect(report.markup).toEqual([
      expect.objectContaining({
        line: 11,
        column: 3,
        element: 'script',
        vendor: 'hubspot-conversations',
        purpose: 'functional',
        tag: '<script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/1234567.js">',
        rewritten:
          '<script type="text/plain" data-consent-gate="hubspot-conversations" data-type="text/javascript" id="hs-script-loader" async defer data-src="//js.hs-scripts.com/1234567.js">',
      }),
    ]);
    expect(run.stdout).toContain(
      '  vendor tag in the HTML, line 11:3: <script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/1234567.js"> hubspot-conversations (functional); markup form: <script type="text/plain" data-consent-gate="hubspot-conversations" data-type="text/javascript" id="hs-script-loader" async defer data-src="//js.hs-scripts.com/1234567.js">\n',
    );
    expect(violations.find((v) => v.target === 'js.hs-scripts.com')!.evidence).toContain(
      'written in the HTML at line 11:3: <script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/1234567.js">',
    );
    // a screenshot of each phase
    expect(report.phases.map((p: { screenshot: string }) => p.screenshot)).toEqual([
      'screenshots/before-consent.jpg',
      'screenshots/after-accept.jpg',
      'screenshots/after-withdrawal.jpg',
    ]);
    for (const p of report.phases) expect(readFileSync(join(out, p.screenshot)).length).toBeGreaterThan(1000);

    const { page, context } = await openReport(out);
    expect(await page.locator('#verdict').textContent()).toBe(`${violations.length} violations found`);
    const rows = page.locator('#violations tbody tr');
    expect(await rows.count()).toBe(violations.length);
    const text = (await page.locator('#violations').textContent())!;
    for (const name of ['js.hs-scripts.com', 'js.usemessages.com', '__hstc', 'hubspotutk', 'messagesUtk']) expect(text).toContain(name);
    // the phase tables mark the offending rows
    expect(await page.locator('#before-consent tr.bad').count()).toBeGreaterThanOrEqual(violations.length);
    expect(await page.locator('#markup tbody tr').textContent()).toMatch(
      /line 11:3.*hs-script-loader.*hubspot-conversations \/ functional.*data-consent-gate="hubspot-conversations"/,
    );
    expect(
      await page.locator('#before-consent figure img').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).toBeGreaterThan(100);
    const shot = await page.screenshot({ path: join(tmpdir(), 'consent-gate-shots', 'report-embed.png'), fullPage: true });
    expect(shot.length).toBeGreaterThan(50_000);
    await context.close();
  });

  it('a page whose withdrawal forgets the parent-domain cookie: exit 1 and the report names it', async () => {
    const { run, report, out } = await scanFixture('forgotten-cookie');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("called consentGate.grant('functional', 'analytics', 'marketing')");
    const violations = report.violations as V[];
    expect(violations.map((v) => `${v.kind}:${v.target}@${v.domain}`)).toEqual(['cookie-after-withdrawal:__hstc@.shop.test']);
    expect(violations[0]!.evidence).toEqual(['set by https://www.shop.test/site-analytics.js']);
    // before consent the page stored nothing but contacted no vendor either
    expect(report.phases[0].cookies).toEqual([]);
    expect(report.phases[1].cookies.map((c: { name: string }) => c.name).sort()).toEqual(['__hstc', 'consent_gate']);

    const { page, context } = await openReport(out);
    expect(await page.locator('#verdict').textContent()).toBe('1 violation found');
    const row = page.locator('#violations tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Cookie still present after withdrawal.*__hstc.*\.shop\.test/);
    expect(await page.locator('#after-withdrawal tr.bad', { hasText: '__hstc' }).count()).toBe(1);
    await context.close();
  });

  it('a consent-gate page with HubSpot behind its facade: exit 0 and a clean report', async () => {
    const { run, report, out } = await scanFixture('clean');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(report.clean).toBe(true);
    expect(report.violations).toEqual([]);
    expect(run.stdout).toMatch(/verdict: clean/);
    expect(report.phases[1].action).toMatch(/consentGate\.grant/);
    expect(report.phases[2].action).toMatch(/consentGate\.revoke/);
    const { page, context } = await openReport(out);
    expect(await page.locator('#verdict').textContent()).toBe('Clean: no violations found');
    await context.close();
  });

  it("a server that sets a refused vendor's cookie after withdrawal is named, although the page's start-up deletes it at once", async () => {
    // a page served from this machine whose server writes HubSpot's __hstc on every response that carries a record
    const page = readFileSync(join(FIX, 'clean/index.html'), 'utf8');
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0]!;
      const headers: Record<string, string | string[]> = {};
      if (/(^|;\s*)consent_gate=/.test(request.headers.cookie ?? '')) headers['set-cookie'] = ['__hstc=server.1; Path=/; Max-Age=3600'];
      if (path === '/') return response.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(page);
      const file = join(ROOT, 'dist', path.replace(/^\/dist\//, ''));
      if (!path.startsWith('/dist/') || !existsSync(file)) return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const out = mkdtempSync(join(tmpdir(), 'cg-scan-server-'));
      const port = (server.address() as AddressInfo).port;
      const run = await cli(['scan', `http://127.0.0.1:${port}/`, '--hosts', join(FIX, 'hubspot'), '--offline', '--out', out]);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      expect(run.code).toBe(1);
      const violations = report.violations as V[];
      expect(violations.map((v) => `${v.kind}:${v.target}@${v.domain}`)).toEqual(['cookie-after-withdrawal:__hstc@127.0.0.1']);
      expect(violations[0]!.evidence).toEqual([`set by HTTP response of http://127.0.0.1:${port}/`]);
      // the page had deleted it by the snapshot: the report says so
      const after = report.phases[2].cookies.find((c: { name: string }) => c.name === '__hstc');
      expect(after).toMatchObject({ gone: true, lifetime: 'set by a response, deleted by the page before the snapshot' });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("the demo shop scans clean (exit 0), with the HubSpot emulator and with HubSpot's real host names kept offline", async () => {
    for (const env of [{}, { HUBSPOT_PORTAL_ID: '1234567' }]) {
      const server = createDemoServer({ env });
      const url: string = await listen(server, 0);
      try {
        const out = mkdtempSync(join(tmpdir(), 'cg-scan-demo-'));
        const run = await cli(['scan', url, '--offline', '--out', out]);
        const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
        expect(run.stderr).toBe('');
        expect(report.violations).toEqual([]);
        expect(run.code).toBe(0);
        expect(report.phases[1].action).toMatch(/consentGate\.grant/);
        expect(report.phases[1].cookies.map((c: { name: string }) => c.name)).toContain('consent_gate');
        // nothing reached a HubSpot host in any phase
        const hosts = report.phases.flatMap((p: { hosts: { host: string }[] }) => p.hosts.map((h) => h.host));
        expect(hosts.filter((h: string) => /hubspot|hs-|usemessages/.test(h))).toEqual([]);
      } finally {
        await new Promise((r) => server.close(r));
      }
    }
  });

  it('usage errors exit 2 with a clear message', async () => {
    const badUrl = await cli(['scan', 'not a url']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('is not a URL');
    const ftp = await cli(['scan', 'ftp://www.shop.test/']);
    expect(ftp.code).toBe(2);
    expect(ftp.stderr).toContain('expected an http: or https: URL');
    const none = await cli(['scan']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('scan needs a URL');
    const noChrome = await cli(['scan', 'https://www.shop.test/'], { CHROME_PATH: '/nonexistent/chromium' });
    expect(noChrome.code).toBe(2);
    expect(noChrome.stderr).toContain('Chromium not found');
    expect(noChrome.stderr).toContain('apt-get install chromium');
    const route = await cli(['scan', 'https://www.shop.test/', '--route', 'www.shop.test=/nonexistent/folder']);
    expect(route.code).toBe(2);
    expect(route.stderr).toContain('folder not found');
    const unreachable = await cli(['scan', 'https://www.shop.test/', '--offline']);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain('could not load https://www.shop.test/');
  });
});
