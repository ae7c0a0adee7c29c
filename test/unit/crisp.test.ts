import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config';
import { ConsentGateConfigError } from '../../src/errors';
import { compileRules, matchCookie, matchCookieWrite, matchUrl } from '../../src/guard/rules';
import type { Vendor } from '../../src/types';
import crisp, { CRISP_COOKIE_PREFIX, crispUrl, liveApi, preloadQueue, runtimeConfigOf } from '../../vendors/crisp';
import { catalog } from '../../vendors/index';

const ROOT = resolve(__dirname, '../..');
const WEBSITE_ID = '7598bf86-9ebb-46bc-8d61-be8929bbf93d';
const MONTH = 2629800;

function errorOf(input: unknown): ConsentGateConfigError {
  try {
    resolveConfig(input, [crisp as unknown as Vendor]);
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentGateConfigError);
    return error as ConsentGateConfigError;
  }
  throw new Error('expected a ConsentGateConfigError');
}

describe('Crisp catalog entry', () => {
  it('is functional; hosts and the session cookie are declared with purpose, lifetime, description and source', () => {
    expect(crisp.id).toBe('crisp');
    expect(crisp.purpose).toBe('functional');
    expect(crisp.hosts.map((h) => [h.host, h.purpose])).toEqual([
      ['client.crisp.chat', 'functional'],
      ['*.crisp.chat', 'functional'],
    ]);
    // the reference names client.crisp.chat only: the wildcard row says so
    expect(crisp.hosts[0]!.source).toMatch(/vendor-facts reference/);
    expect(crisp.hosts[1]!.source).toMatch(/^unverified:/);
    expect(crisp.cookies).toHaveLength(1);
    expect(crisp.cookies[0]).toMatchObject({
      name: 'crisp-client/session/',
      match: 'prefix',
      purpose: 'functional',
      lifetime: 6 * MONTH,
      scope: 'parent',
    });
    expect(crisp.cookies[0]!.source).toMatch(/vendor-facts reference.*6 months/);
    for (const part of [...crisp.hosts, ...crisp.cookies]) {
      expect(part.description.length).toBeGreaterThan(20);
      expect(part.source.length).toBeGreaterThan(20);
    }
    expect(crisp.storage).toEqual([]);
  });

  it('needs websiteId as a UUID, with a typed error naming the field; runtimeConfig and hostBase are checked too', () => {
    const missing = errorOf({ vendors: { crisp: {} } });
    expect(missing.path).toBe('vendors.crisp.websiteId');
    expect(missing.message).toMatch(/vendors\.crisp\.websiteId is missing; expected your Crisp website id, a UUID/);
    expect(errorOf({ vendors: { crisp: true } }).path).toBe('vendors.crisp.websiteId');
    const notUuid = errorOf({ vendors: { crisp: { websiteId: 'my-website' } } });
    expect(notUuid.path).toBe('vendors.crisp.websiteId');
    expect(notUuid.message).toMatch(/is "my-website"; expected your Crisp website id, a UUID/);
    expect(errorOf({ vendors: { crisp: { websiteId: 42 } } }).path).toBe('vendors.crisp.websiteId');
    expect(errorOf({ vendors: { crisp: { websiteId: `${WEBSITE_ID}x` } } }).path).toBe('vendors.crisp.websiteId');
    expect(errorOf({ vendors: { crisp: { websiteId: WEBSITE_ID, runtimeConfig: 'de' } } }).path).toBe('vendors.crisp.runtimeConfig');
    expect(errorOf({ vendors: { crisp: { websiteId: WEBSITE_ID, hostBase: 'http://localhost/vendor' } } }).path).toBe(
      'vendors.crisp.hostBase',
    );
    expect(errorOf({ vendors: { crisp: { websiteId: WEBSITE_ID, websiteID: WEBSITE_ID } } }).path).toBe('vendors.crisp.websiteID');
    const ok = resolveConfig(
      {
        vendors: {
          crisp: { websiteId: WEBSITE_ID.toUpperCase(), runtimeConfig: { locale: 'de' }, hostBase: '/vendor/{host}', label: 'Chat' },
        },
      },
      [crisp as unknown as Vendor],
    );
    expect(ok.vendors[0]!.vendor?.id).toBe('crisp');
    expect(ok.purposes).toEqual(['functional']);
  });
});

describe('Crisp adapter logic', () => {
  it('queues chat:hide before everything the site queued, keeping their order, once', () => {
    expect(preloadQueue(undefined)).toEqual([['do', 'chat:hide']]);
    expect(preloadQueue({ not: 'an array' })).toEqual([['do', 'chat:hide']]);
    const site = [
      ['set', 'user:email', ['ana@shop.test']],
      ['do', 'chat:hide'],
      ['on', 'chat:opened', 'fn'],
    ];
    expect(preloadQueue(site)).toEqual([
      ['do', 'chat:hide'],
      ['set', 'user:email', ['ana@shop.test']],
      ['on', 'chat:opened', 'fn'],
    ]);
    // a second prepare (retry) does not pile up hides
    expect(preloadQueue(preloadQueue(site))).toEqual(preloadQueue(site));
  });

  it("merges the runtime config with the site's own settings winning; builds URLs through hostBase", () => {
    expect(runtimeConfigOf({ locale: 'de', session_merge: false }, { session_merge: true })).toEqual({ locale: 'de', session_merge: true });
    expect(runtimeConfigOf(undefined, 'junk')).toEqual({});
    expect(crispUrl({}, 'client.crisp.chat', '/l.js')).toBe('https://client.crisp.chat/l.js');
    expect(crispUrl({ hostBase: '/vendor/{host}' }, 'client.crisp.chat', '/l.js')).toBe('/vendor/client.crisp.chat/l.js');
  });

  it('tells the pre-load array from the live $crisp', () => {
    expect(liveApi([])).toBeUndefined();
    expect(liveApi(undefined)).toBeUndefined();
    expect(liveApi({ push() {} })).toBeUndefined();
    const live = { push: () => 0, is: () => false };
    expect(liveApi(live)).toBe(live);
  });
});

describe('Crisp in the built-in catalog and the guard rules', () => {
  it('is listed in vendors/index.ts, so the drop-in and the head guard know it without a catalog option', () => {
    expect(catalog.find((v) => v.id === 'crisp')).toBe(crisp);
  });

  it('the guard rules hold back the loader, every *.crisp.chat host (wss included) and the session cookie until functional', () => {
    const rules = compileRules(catalog);
    const hit = { v: 'crisp', p: 'functional' };
    expect(matchUrl(rules, 'https://client.crisp.chat/l.js')).toEqual(hit);
    expect(matchUrl(rules, '//client.crisp.chat/l.js', 'https://www.shop.test/')).toEqual(hit);
    expect(matchUrl(rules, 'wss://client.relay.crisp.chat/w/')).toEqual(hit);
    expect(matchUrl(rules, 'https://image.crisp.chat/avatar/1.png')).toEqual(hit);
    expect(matchUrl(rules, 'https://crisp.chat.shop.test/')).toBeNull();
    expect(matchCookie(rules, `${CRISP_COOKIE_PREFIX}${WEBSITE_ID}`)).toEqual(hit);
    expect(matchCookie(rules, 'crisp-client')).toBeNull();
    expect(
      matchCookieWrite(
        rules,
        `${CRISP_COOKIE_PREFIX}${WEBSITE_ID}=session_1; path=/; domain=.shop.test; max-age=15778800`,
        'consent_gate',
        Date.now(),
      ),
    ).toEqual(hit);
    expect(matchCookieWrite(rules, `${CRISP_COOKIE_PREFIX}${WEBSITE_ID}=; max-age=0; path=/`, 'consent_gate', Date.now())).toBeNull();
  });

  it('`consent-gate declare --vendor crisp` prints the session cookie row with purpose, lifetime, description and source, and both host rows (needs a build)', () => {
    const audit = join(ROOT, 'dist/audit.mjs');
    expect(existsSync(audit), 'dist/audit.mjs is missing: build first').toBe(true);
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'cli/consent-gate.mjs'), 'declare', '--vendor', 'crisp', '--format', 'json', '--host', 'www.shop.test'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { disclosures: Record<string, unknown>[]; domains: Record<string, unknown>[] };
    const rows = out.disclosures.filter((r) => r.vendor === 'crisp');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      identifier: 'crisp-client/session/*',
      type: 'cookie',
      purposes: ['functional'],
      maxAgeSeconds: 6 * MONTH,
      lifetime: '6 months',
      domains: ['.shop.test'],
      provider: 'Crisp IM SAS',
      privacyPolicyUrl: 'https://crisp.chat/en/privacy/',
    });
    expect(String(rows[0]!.description)).toMatch(/session/);
    expect(String(rows[0]!.source)).toMatch(/vendor-facts reference/);
    expect(out.domains.filter((d) => d.vendor === 'crisp').map((d) => d.domain)).toEqual(['client.crisp.chat', '*.crisp.chat']);
    const md = spawnSync(process.execPath, [join(ROOT, 'cli/consent-gate.mjs'), 'declare', '--vendor', 'crisp', '--format', 'md'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(md.stdout).toContain('| `crisp-client/session/*` | cookie | functional | 6 months | Crisp IM SAS (Crisp chat) |');
  });
});
