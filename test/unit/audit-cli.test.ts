// @vitest-environment node
/**
 * `consent-gate declare` as a privacy team runs it (needs `npm run build`):
 * the JSON declaration for HubSpot lists every cookie of the vendor-facts
 * reference with its purpose and lifetime.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'cli/consent-gate.mjs');
const REFERENCE = resolve(ROOT, 'test/fixtures/reference/vendor-facts.md');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MONTH = 2629800;
function seconds(words: string): number {
  const w = words.trim().toLowerCase().replace(/\s+now$/, "");
  if (w === 'session') return 0;
  const m = /^(\d+)\s*(min|minutes?|hours?|days?|months?|years?)$/.exec(w);
  if (!m) throw new Error(`unreadable lifetime in the reference: ${words}`);
  const n = Number(m[1]);
  const unit = m[2]!;
  if (unit.startsWith('min')) return n * 60;
  if (unit.startsWith('hour')) return n * 3600;
  if (unit.startsWith('day')) return n * 86400;
  if (unit.startsWith('month')) return n * MONTH;
  return n * 365.25 * 86400;
}

interface ReferenceCookie {
  name: string;
  purpose: string;
  lifetime: number;
}

/** The HubSpot cookie table of the vendor-facts reference: names, purpose and the current lifetime. */
function referenceCookies(): ReferenceCookie[] {
  const text = readFileSync(REFERENCE, 'utf8');
  const section = text.slice(text.indexOf('### Cookies'), text.indexOf('### SDK behaviour'));
  const out: ReferenceCookie[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const [names, purpose, lifetime] = line.split('|').slice(1, 4).map((c) => c.trim());
    const ids = [...names!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    // "6 months (13 months in older copies)" -> "6 months"; "180 days / 7 days / …" -> one per name
    const values = lifetime!.replace(/\([^)]*\)/g, '').split('/').map((v) => v.trim()).filter(Boolean);
    ids.forEach((name, i) => out.push({ name, purpose: purpose!.split(/\s/)[0]!, lifetime: seconds(values[Math.min(i, values.length - 1)]!) }));
  }
  return out;
}

describe('consent-gate declare', () => {
  it('the reference is read as expected', () => {
    expect(existsSync(REFERENCE)).toBe(true);
    expect(referenceCookies().map((c) => c.name)).toEqual([
      'messagesUtk', 'hs-messages-is-open', 'hs-messages-hide-welcome-message', '__hstc', 'hubspotutk', '__hssc', '__hssrc',
      '__hs_opt_out', '__hs_initial_opt_in', '__hs_cookie_cat_pref', '__hs_do_not_track', '__cf_bm', '__cfruid', '__cfuvid',
    ]);
  });

  it('--format json for HubSpot lists every cookie of the vendor-facts reference with purpose and lifetime', () => {
    const r = cli(['declare', '--vendor', 'hubspot-conversations', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const byId = new Map<string, Record<string, unknown>>(json.disclosures.map((e: { identifier: string }) => [e.identifier, e]));
    for (const ref of referenceCookies()) {
      const entry = byId.get(ref.name);
      expect(entry, ref.name).toBeDefined();
      expect(entry!.type, ref.name).toBe('cookie');
      expect(entry!.purposes, ref.name).toEqual([ref.purpose]);
      expect(entry!.maxAgeSeconds, ref.name).toBe(ref.lifetime);
      expect(entry!.vendor, ref.name).toBe('hubspot-conversations');
      expect(String(entry!.description).length, ref.name).toBeGreaterThan(10);
      expect(entry!.privacyPolicyUrl).toBe('https://legal.hubspot.com/privacy-policy');
    }
    // consent-gate's own record is declared too
    expect(byId.get('consent_gate')).toMatchObject({ purposes: ['necessary'], maxAgeSeconds: 180 * 86400 });
  });

  it('--config takes the cookie name, lifetime and vendors from the site config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-declare-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ vendors: { 'hubspot-conversations': { portalId: '42' } }, cookieName: 'shop_consent', cookieLifetimeDays: 365 }));
    const r = cli(['declare', '--config', file, '--format', 'md', '--host', 'www.shop.example']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\| `shop_consent` \| cookie \| necessary \| 365 days \|/m);
    expect(r.stdout).toMatch(/^\| `__hstc` \| cookie \| analytics \| 6 months \(renewed\) \|/m);
    const csv = cli(['declare', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^identifier,type,purposes,maxAgeSeconds/);
  });

  it('usage errors exit 2 and say what was expected', { timeout: 60_000 }, () => {
    const format = cli(['declare', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format "xml": expected one of json, csv, md, html');
    const vendor = cli(['declare', '--vendor', 'nope']);
    expect(vendor.code).toBe(2);
    expect(vendor.stderr).toContain('expected one of: hubspot-conversations');
    const dir = mkdtempSync(join(tmpdir(), 'cg-declare-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ vendors: { 'hubspot-conversations': { portalId: 'abc' } } }));
    const config = cli(['declare', '--config', join(dir, 'bad.json')]);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('vendors.hubspot-conversations.portalId');
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['declare', '--nope']).code).toBe(2);
  });
});
