/**
 * `consent-gate scan` of the demo's Blog page, whose shop writes cookies of its
 * own (a necessary `cart`, a functional `shop_lang` after consent) declared in
 * its config as the site's services: they count as declared, whether the scan
 * reads them from the page's config or from --config; a cookie nobody declared
 * (`?plant=undeclared`) makes the scan exit 1 and is named.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness';
// @ts-expect-error plain JavaScript module without types
import { blogConfig, createDemoServer, listen } from '../../demo/server.mjs';

const CLI = join(ROOT, 'cli/consent-gate.mjs');

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

interface Cookie {
  name: string;
  vendor: string | null;
  purpose: string | null;
  declared: boolean;
}
interface Phase {
  id: string;
  cookies: Cookie[];
}

async function scan(url: string, extra: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), 'cg-scan-blog-'));
  const run = await cli(['scan', url, '--offline', '--out', out, ...extra]);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const phase = (id: string) => (report.phases as Phase[]).find((p) => p.id === id)!;
  const cookie = (id: string, name: string) => phase(id).cookies.find((c) => c.name === name);
  return { run, report, phase, cookie };
}

let server: ReturnType<typeof createDemoServer>;
let origin: string;
beforeAll(async () => {
  server = createDemoServer({ env: {} });
  origin = await listen(server, 0);
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

// each test runs the CLI, which starts a Chromium of its own
describe("consent-gate scan of the demo's Blog page (Chromium)", { timeout: 180_000 }, () => {
  it("the shop's own cookies, declared in the page's config, count as declared: exit 0", async () => {
    const { run, report, phase, cookie } = await scan(`${origin}blog/`);
    expect(run.stderr).toBe('');
    expect(report.violations).toEqual([]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("services the page's config declares: shop-cart, shop-language");
    expect(run.stdout).toMatch(/verdict: clean/);
    // the cart from the first load, necessary; the language only once functional is granted, and gone after withdrawal
    expect(cookie('before-consent', 'cart')).toMatchObject({ vendor: 'shop-cart', purpose: 'necessary', declared: true });
    expect(cookie('before-consent', 'shop_lang')).toBeUndefined();
    expect(cookie('after-accept', 'shop_lang')).toMatchObject({ vendor: 'shop-language', purpose: 'functional', declared: true });
    expect(cookie('after-withdrawal', 'shop_lang')).toBeUndefined();
    expect(cookie('after-withdrawal', 'cart')).toMatchObject({ vendor: 'shop-cart', declared: true });
    expect(phase('after-accept').cookies.every((c) => c.declared)).toBe(true);
  });

  it('a cookie nobody declared (?plant=undeclared): exit 1, and the scan names it; the declared ones stay declared (--config)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-scan-blog-config-'));
    const config = join(dir, 'consent-gate.config.json');
    writeFileSync(config, JSON.stringify(blogConfig(new URLSearchParams('plant=undeclared'), {})));
    const { run, report, cookie } = await scan(`${origin}blog/?plant=undeclared`, ['--config', config]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(report.violations).toEqual([
      expect.objectContaining({ kind: 'undeclared-cookie', target: 'blog_visitor', phase: 'before-consent', vendor: null }),
    ]);
    expect(run.stdout).toContain('verdict: 1 violation(s)');
    expect(run.stdout).toMatch(/\[before-consent\] cookie blog_visitor on localhost is not in the declaration/);
    expect(cookie('before-consent', 'cart')).toMatchObject({ vendor: 'shop-cart', declared: true });
    expect(cookie('after-accept', 'shop_lang')).toMatchObject({ vendor: 'shop-language', declared: true });
  });
});
