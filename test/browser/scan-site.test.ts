/**
 * `consent-gate scan <url> --pages N`, a whole-site scan, end to end: the
 * demo shop (its sitemap.xml and links, every vendor emulated offline) and a
 * fixture site with a page that sets an undeclared cookie. The report.html is
 * read back in Chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, type LaunchedBrowser } from './harness';
// @ts-expect-error plain JavaScript module without types
import { createDemoServer, listen, sitemap } from '../../demo/server.mjs';

const CLI = join(ROOT, 'cli/consent-gate.mjs');
const FIX = join(ROOT, 'test/fixtures/scan');
/**
 * Knobs that keep a many-page scan quick: a short quiet time, a bounded wait, two pages at once. (The quiet time
 * is long enough for a withdrawal's cleanup, which runs once the adapter's file has arrived, to finish before the
 * reload: with 50 ms, a full parallel run once reloaded first.)
 */
const QUICK = ['--quiet-ms', '250', '--max-wait-ms', '2000', '--parallel', '2'];
// (a page takes 2 to 3 s on an idle two-core machine; much longer when the machine is shared)
const LONG = 1_200_000;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.closeAll();
});

interface Page {
  url: string;
  clean: boolean;
  violations: { kind: string; target: string }[];
  phases: { id: string; screenshot?: string }[];
}

describe('consent-gate scan --pages (Chromium)', () => {
  it(
    '--pages 20 of the demo shop: its sitemap first, then its links, 20 pages with progress, every demo page among them, exit 0',
    async () => {
      const server = createDemoServer({ env: {} });
      const url: string = await listen(server, 0);
      try {
        const out = mkdtempSync(join(tmpdir(), 'cg-scan-site-demo-'));
        const run = await cli(['scan', url, '--pages', '20', '--offline', '--out', out, ...QUICK]);
        const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
        expect(run.code, run.stdout + run.stderr).toBe(0);
        // one progress line per page on stderr
        const progress = run.stderr.trim().split('\n');
        expect(progress).toHaveLength(20);
        progress.forEach((line, i) => {
          expect(line).toMatch(new RegExp(`^consent-gate scan: page ${i + 1} of \\d+: ${url.replace(/[.?]/g, '\\$&')}`));
        });
        const pages = report.pages as Page[];
        expect(pages).toHaveLength(20);
        // every page of the demo (each shop page with each chat vendor, and the Blog page, as its sitemap lists them) was scanned, and first
        const listed = [...sitemap(url.replace(/\/$/, '')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
        expect(listed).toHaveLength(17);
        expect(pages.slice(0, 17).map((p) => p.url)).toEqual(listed);
        // then links found on them, each page once
        expect(new Set(pages.map((p) => p.url)).size).toBe(20);
        // (the chat selector's link to the default vendor, which the sitemap lists without the query, is on every page and
        // among the first links any of them gives: with 17 sitemap pages, three pages are left for links)
        expect(pages.slice(17).map((p) => p.url)).toContain(`${url}?vendor=hubspot-conversations`);
        expect(report.clean).toBe(true);
        expect(pages.every((p) => p.clean)).toBe(true);
        expect(run.stdout).toContain('sitemap: 17 URLs in');
        expect(run.stdout).toContain('verdict: clean, no violations on 20 page(s)');
        // per cookie across the site: the consent record on every page, after accepting and after withdrawing
        const record = report.cookies.find((c: { name: string }) => c.name === 'consent_gate');
        expect(record.pages).toHaveLength(20);
        expect(record.pages[0].phases).toEqual(['after-accept', 'after-withdrawal']);
        // screenshots of each phase of each page, in the report
        for (const p of pages) for (const phase of p.phases) expect(existsSync(join(out, phase.screenshot!)), phase.screenshot).toBe(true);
        const context = await browser.newContext();
        const view = await context.newPage();
        await view.goto(pathToFileURL(join(out, 'report.html')).href);
        expect(await view.locator('#verdict').textContent()).toBe('Clean: no violations on 20 pages');
        expect(await view.locator('#pages tbody tr').count()).toBe(20);
        const shots = view.locator('section.page figure img');
        expect(await shots.count()).toBe(60);
        // (the report's screenshots load lazily: the first lies below the tables, so it is scrolled to before it is decoded)
        await shots.first().scrollIntoViewIfNeeded();
        expect(await shots.first().evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(100);
        await context.close();
      } finally {
        await new Promise((r) => server.close(r));
      }
    },
    LONG,
  );

  it(
    'a site with a page that sets an undeclared cookie: exit 1, the page named; sitemap, links, breadth-first, same origin, each page once',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'cg-scan-site-'));
      const run = await cli([
        'scan',
        'https://www.shop.test/',
        '--pages',
        '10',
        '--route',
        `www.shop.test=${join(FIX, 'site')}`,
        '--route',
        `www.shop.test/dist=${join(ROOT, 'dist')}`,
        '--hosts',
        join(FIX, 'hubspot'),
        '--offline',
        '--out',
        out,
        ...QUICK,
      ]);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      expect(run.code, run.stdout + run.stderr).toBe(1);
      // the sitemap's pages of this origin, then /blog/, found only as a link on /about/; no PDF, no other origin, no #fragment twice
      expect((report.pages as Page[]).map((p) => p.url)).toEqual([
        'https://www.shop.test/',
        'https://www.shop.test/about/',
        'https://www.shop.test/shop/',
        'https://www.shop.test/blog/',
      ]);
      expect(run.stderr.trim().split('\n')).toHaveLength(4);
      expect(report.violations).toEqual([
        expect.objectContaining({
          kind: 'undeclared-cookie',
          target: 'shop_visitor_id',
          page: 'https://www.shop.test/shop/',
          phase: 'before-consent',
        }),
      ]);
      expect(run.stdout).toContain('verdict: 1 violation(s) on 1 of 4 page(s)');
      expect(run.stdout).toContain(
        '  https://www.shop.test/shop/ [before-consent] cookie shop_visitor_id on www.shop.test is not in the declaration',
      );
      const cookie = report.cookies.find((c: { name: string }) => c.name === 'shop_visitor_id');
      expect(cookie).toMatchObject({
        declared: false,
        violations: 1,
        pages: [{ url: 'https://www.shop.test/shop/', phases: ['before-consent', 'after-accept', 'after-withdrawal'] }],
      });

      const context = await browser.newContext();
      const view = await context.newPage();
      await view.goto(pathToFileURL(join(out, 'report.html')).href);
      expect(await view.locator('#verdict').textContent()).toBe('1 violation on 1 of 4 pages');
      expect(await view.locator('#violations tbody tr').textContent()).toMatch(
        /https:\/\/www\.shop\.test\/shop\/.*Undeclared cookie.*shop_visitor_id/,
      );
      expect(await view.locator('#pages tr.bad').textContent()).toContain('https://www.shop.test/shop/');
      expect(await view.locator('#cookies tr.bad').textContent()).toContain('shop_visitor_id');
      await context.close();
    },
    LONG,
  );

  it('usage errors exit 2: --pages and --parallel must be whole numbers in range', async () => {
    for (const [args, message] of [
      [['--pages', '0'], '--pages 0: expected a number of pages from 1 to 10000'],
      [['--pages', 'many'], '--pages many: expected a number of pages from 1 to 10000'],
      [['--pages', '2.5'], '--pages 2.5: expected a number of pages'],
      [['--pages', '3', '--parallel', '9'], '--parallel 9: expected a number of pages at once from 1 to 8'],
    ] as const) {
      const run = await cli(['scan', 'https://www.shop.test/', ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });
});
