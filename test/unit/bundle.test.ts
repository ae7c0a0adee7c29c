// @vitest-environment node
/**
 * `consent-gate bundle --config --out` (needs `npm run build`): the files of
 * a site carry exactly the vendors its config names. And what a catalog entry
 * costs the pages that do not name it: nothing in the runtime, a little in the
 * head guard (its rules, so a pasted tag of a known vendor is still held back).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { guardFor } from '../../src/bundle/guard-file';
import { siteFiles } from '../../src/bundle/site-files';
import { catalog } from '../../vendors/index';

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');
const CLI = join(ROOT, 'cli/consent-gate.mjs');
const SLOW = 60_000;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function built(file: string): string {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` before this test (\`npm test\` does)`);
  return readFileSync(path, 'utf8');
}

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
/** The host names a vendor's files would carry (wildcards without their `*.`). */
const hostsOf = (id: string) => catalog.find((v) => v.id === id)!.hosts.map((h) => h.host.replace(/^\*\./, ''));

describe('consent-gate bundle', () => {
  it(
    'writes a guard and a runtime with the configured vendors alone, the parts beside them, and prints sizes',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'cg-bundle-'));
      const config = join(dir, 'site.json');
      writeFileSync(
        config,
        JSON.stringify({
          vendors: {
            'hubspot-conversations': { portalId: '1234567' },
            'ab-test': {
              title: 'A/B tests',
              provider: 'Shop Ltd',
              purpose: 'analytics',
              privacyPolicyUrl: '/privacy',
              cookies: [{ name: 'ab_', match: 'prefix', lifetime: 86400 }],
            },
          },
        }),
      );
      const out = join(dir, 'out');
      const r = cli(['bundle', '--config', config, '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/for hubspot-conversations \(and the site's own: ab-test\)/);
      const written = readdirSync(out).sort();
      expect(written).toEqual(
        expect.arrayContaining([
          'consent-gate-guard.js',
          'consent-gate.js',
          'consent-gate-banner.js',
          'consent-gate-chat.js',
          'consent-gate-adapter.js',
          'consent-gate-audit.js',
        ]),
      );
      // every written file is listed with its size and gzip size
      for (const name of written) {
        const bytes = readFileSync(join(out, name));
        expect(r.stdout).toMatch(new RegExp(`${name.replace(/\./g, '\\.')}\\s+${bytes.length}\\s+${gzip(bytes.toString())}`));
      }
      // no vendor file to fetch: the runtime carries HubSpot, and only HubSpot
      expect(written.some((f) => f.startsWith('consent-gate-vendor-'))).toBe(false);
      const runtime = readFileSync(join(out, 'consent-gate.js'), 'utf8');
      const guard = readFileSync(join(out, 'consent-gate-guard.js'), 'utf8');
      for (const host of hostsOf('hubspot-conversations').slice(0, 3)) {
        expect(runtime).toContain(host);
        expect(guard).toContain(host);
      }
      for (const other of catalog.filter((v) => v.id !== 'hubspot-conversations')) {
        for (const host of hostsOf(other.id)) {
          if (hostsOf('hubspot-conversations').some((h) => h.includes(host) || host.includes(h))) continue;
          expect(runtime.includes(host), `the runtime names ${host} (${other.id})`).toBe(false);
          expect(guard.includes(host), `the guard names ${host} (${other.id})`).toBe(false);
        }
      }
    },
    SLOW,
  );

  it(
    'a config with a mistake exits 2 naming the field, and writes nothing',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'cg-bundle-'));
      const config = join(dir, 'site.json');
      writeFileSync(config, JSON.stringify({ vendors: { 'hubspot-conversations': { portalId: 42 } } }));
      const r = cli(['bundle', '--config', config, '--out', join(dir, 'out')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('vendors.hubspot-conversations.portalId is 42');
      expect(existsSync(join(dir, 'out'))).toBe(false);
      expect(cli(['bundle', '--config', config]).stderr).toContain('--out <dir> is required');
    },
    SLOW,
  );

  it('the files for a site with one chat vendor (dist/consent-gate-<id>.js) are what bundle writes for that vendor', () => {
    const files = {
      guardTemplate: built('guard-template.js'),
      runtime: built('consent-gate.js'),
      vendorParts: Object.fromEntries(catalog.map((v) => [v.id, built(`consent-gate-vendor-${v.id}.js`)])),
    };
    for (const vendor of catalog.filter((v) => v.kind === 'chat')) {
      const made = siteFiles(files, [vendor], { guard: 'g', runtime: 'r' });
      expect(built(`consent-gate-guard-${vendor.id}.js`)).toBe(made.g);
      expect(built(`consent-gate-${vendor.id}.js`)).toBe(made.r);
    }
  });
});

describe('what a catalog entry costs a page that does not name it', () => {
  it('nothing in the runtime: the runtime every page loads names no vendor', () => {
    const runtime = built('consent-gate.js');
    for (const vendor of catalog) {
      // (an error message may use a vendor id as an example; no vendor's data is inside)
      expect(runtime.includes(`id:"${vendor.id}"`), `the runtime carries ${vendor.id}`).toBe(false);
      for (const host of hostsOf(vendor.id)) expect(runtime.includes(host), `the runtime names ${host}`).toBe(false);
    }
  });

  // (the chat vendors came before this rule; each is measured in the one-vendor guards' budgets)
  it('at most 80 bytes min+gzip in the head guard for each tag or embed entry (its rules)', () => {
    const template = built('guard-template.js');
    const whole = gzip(guardFor(template, catalog));
    const entries = catalog.filter((v) => v.kind !== 'chat');
    for (const vendor of entries) {
      const without = gzip(
        guardFor(
          template,
          catalog.filter((v) => v !== vendor),
        ),
      );
      expect(whole - without, `${vendor.id} adds ${whole - without} bytes to the guard`).toBeLessThanOrEqual(80);
    }
  });
});
