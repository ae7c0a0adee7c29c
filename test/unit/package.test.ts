// @vitest-environment node
/**
 * The published package, as a user installs it: `npm pack`, unpack into a
 * fresh folder's node_modules, then require/import it in plain Node (no DOM).
 * Needs `npm run build` first (npm test does it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'consent-gate-pack-'));
  const out = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
  const target = join(dir, 'node_modules', 'consent-gate');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, out), '-C', target, '--strip-components=1']);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
}

describe('packed tarball in plain Node', () => {
  it('ships the build files', () => {
    for (const f of ['consent-gate.mjs', 'consent-gate.cjs', 'consent-gate.js', 'consent-gate-guard.js', 'consent-gate-banner.js', 'types/src/index.d.ts', 'vendors/hubspot-conversations.mjs', 'vendors/hubspot-conversations.cjs']) {
      expect(existsSync(join(dir, 'node_modules/consent-gate/dist', f)), f).toBe(true);
    }
  });

  it('require() works without a DOM and has no side effects', () => {
    const out = node(['-e', `
      const before = Object.keys(globalThis).sort().join();
      const cg = require('consent-gate');
      const vendor = require('consent-gate/vendors/hubspot-conversations');
      const after = Object.keys(globalThis).sort().join();
      console.log(JSON.stringify({ same: before === after, fn: typeof cg.createConsentGate, err: typeof cg.ConsentGateConfigError, vendor: vendor.default.id, catalog: cg.catalog.map(v => v.id) }));
    `]);
    expect(JSON.parse(out)).toMatchObject({ same: true, fn: 'function', err: 'function', vendor: 'hubspot-conversations' });
  });

  it('import works without a DOM and has no side effects', () => {
    const out = node(['--input-type=module', '-e', `
      const before = Object.keys(globalThis).sort().join();
      const cg = await import('consent-gate');
      const vendor = await import('consent-gate/vendors/hubspot-conversations');
      const after = Object.keys(globalThis).sort().join();
      let error;
      try { cg.createConsentGate({ vendors: { 'hubspot-conversations': {} } }); } catch (e) { error = e.name + ': ' + e.message; }
      console.log(JSON.stringify({ same: before === after, fn: typeof cg.createConsentGate, vendor: vendor.default.id, error }));
    `]);
    expect(JSON.parse(out)).toMatchObject({
      same: true,
      fn: 'function',
      vendor: 'hubspot-conversations',
      error: expect.stringMatching(/^ConsentGateConfigError: consent-gate config: vendors\.hubspot-conversations\.portalId is missing/),
    });
  });
});
