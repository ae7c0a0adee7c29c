import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config';
import { ConsentGateConfigError } from '../../src/errors';
import { compileRules, matchCookie, matchUrl } from '../../src/guard/rules';
import type { VendorContext } from '../../src/types';
import { catalog } from '../../vendors/index';
import intercom, {
  bootSettings,
  cookieNamesFor,
  createStub,
  ensureStub,
  type IntercomFunction,
  type IntercomOptions,
} from '../../vendors/intercom';

const ROOT = resolve(__dirname, '../..');
const REFERENCE = resolve(ROOT, 'test/fixtures/reference/vendor-facts.md');
const MONTH = 2629800;
const DAY = 86400;

function errorOf(input: unknown): ConsentGateConfigError {
  try {
    resolveConfig(input, catalog);
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentGateConfigError);
    return error as ConsentGateConfigError;
  }
  throw new Error('expected a ConsentGateConfigError');
}

/** The Intercom row of the reference's "Other chat widgets" table: cookie names (without {appId}) and lifetimes in seconds. */
function referenceCookies(): { name: string; lifetime: number }[] {
  const row = readFileSync(REFERENCE, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('| Intercom |'))!;
  const storage = row.split('|')[5]!;
  return [...storage.matchAll(/`([^`]+)\{appId\}` \((\d+) (months?|weeks?)\)/g)].map((m) => ({
    name: m[1]!,
    lifetime: Number(m[2]) * (m[3]!.startsWith('month') ? MONTH : 7 * DAY),
  }));
}

describe('Intercom catalog entry', () => {
  it('is in the built-in catalog, functional, with every host and cookie row complete and sourced', () => {
    expect(catalog.map((v) => v.id)).toContain('intercom');
    expect(intercom.purpose).toBe('functional');
    expect(intercom.hosts.map((h) => h.host)).toEqual(['widget.intercom.io', '*.intercom.io', '*.intercomcdn.com']);
    for (const row of [...intercom.hosts, ...intercom.cookies]) {
      expect(row.purpose).toBe('functional');
      expect(row.description.length).toBeGreaterThan(20);
      expect(row.source.length).toBeGreaterThan(10);
    }
    // the reference does not name the CDN host: said so
    expect(intercom.hosts.find((h) => h.host === '*.intercomcdn.com')!.source).toMatch(/^unverified:/);
    expect(intercom.storage).toEqual([]);
  });

  it('declares exactly the cookies of the vendor-facts reference, as prefixes, with its lifetimes', () => {
    const ref = referenceCookies();
    expect(ref.map((c) => c.name)).toEqual(['intercom-id-', 'intercom-session-', 'intercom-device-id-']);
    expect(intercom.cookies.map((c) => ({ name: c.name, lifetime: c.lifetime }))).toEqual(ref);
    for (const c of intercom.cookies) expect(c.match).toBe('prefix');
    expect(cookieNamesFor('abc12xyz')).toEqual(['intercom-id-abc12xyz', 'intercom-session-abc12xyz', 'intercom-device-id-abc12xyz']);
  });

  it('the guard rules compiled from the catalog hold back every Intercom host and cookie, and nothing merely alike', () => {
    const rules = compileRules(catalog);
    const ic = { v: 'intercom', p: 'functional' };
    for (const url of [
      'https://widget.intercom.io/widget/abc12xyz',
      'https://api-iam.intercom.io/messenger/web/ping',
      'https://api-iam.eu.intercom.io/messenger/web/ping',
      'https://api-iam.au.intercom.io/messenger/web/ping',
      'wss://nexus-websocket-a.intercom.io/pubsub/x',
      'https://js.intercomcdn.com/frame-modern.js',
    ])
      expect(matchUrl(rules, url), url).toEqual(ic);
    expect(matchUrl(rules, 'https://intercom.io/')).toBeNull();
    expect(matchUrl(rules, 'https://notintercom.io/x')).toBeNull();
    for (const name of cookieNamesFor('abc12xyz')) expect(matchCookie(rules, name), name).toEqual(ic);
    expect(matchCookie(rules, 'intercom')).toBeNull();
  });
});

describe('Intercom options', () => {
  it('needs appId (letters and digits), with a typed error naming the field', () => {
    const missing = errorOf({ vendors: { intercom: {} } });
    expect(missing.path).toBe('vendors.intercom.appId');
    expect(missing.message).toMatch(/vendors\.intercom\.appId is missing; expected your Intercom app id, letters and digits only/);
    expect(errorOf({ vendors: { intercom: { appId: 'abc-12' } } }).path).toBe('vendors.intercom.appId');
    expect(errorOf({ vendors: { intercom: { appId: 12345 } } }).path).toBe('vendors.intercom.appId');
    expect(errorOf({ vendors: { intercom: { appId: '' } } }).path).toBe('vendors.intercom.appId');
    expect(errorOf({ vendors: { intercom: true } }).path).toBe('vendors.intercom.appId');
  });

  it('region, settings, hostBase and unknown options are checked', () => {
    const region = errorOf({ vendors: { intercom: { appId: 'abc12xyz', region: 'us1' } } });
    expect(region.path).toBe('vendors.intercom.region');
    expect(region.message).toMatch(/"us", "eu" or "au"/);
    expect(errorOf({ vendors: { intercom: { appId: 'abc12xyz', settings: 'hide' } } }).path).toBe('vendors.intercom.settings');
    expect(errorOf({ vendors: { intercom: { appId: 'abc12xyz', hostBase: 'http://localhost/vendor/' } } }).path).toBe(
      'vendors.intercom.hostBase',
    );
    expect(errorOf({ vendors: { intercom: { appId: 'abc12xyz', app_id: 'x' } } }).path).toBe('vendors.intercom.app_id');
    expect(() =>
      resolveConfig(
        {
          vendors: {
            intercom: {
              appId: 'abc12xyz',
              region: 'eu',
              settings: { hide_default_launcher: true },
              hostBase: '/vendor/{host}',
              position: 'bottom-left',
            },
          },
        },
        catalog,
      ),
    ).not.toThrow();
  });
});

describe('Intercom boot settings and queue stub', () => {
  it("boot settings: config settings, then the site's intercomSettings, then app_id and api_base by region (and hostBase)", () => {
    const o = { appId: 'abc12xyz', settings: { name: 'config', alignment: 'left', app_id: 'nope' } } as IntercomOptions;
    expect(bootSettings(o, { name: 'site' })).toEqual({
      name: 'site',
      alignment: 'left',
      app_id: 'abc12xyz',
      api_base: 'https://api-iam.intercom.io',
    });
    expect(bootSettings({ appId: 'a1', region: 'eu' }).api_base).toBe('https://api-iam.eu.intercom.io');
    expect(bootSettings({ appId: 'a1', region: 'au' }).api_base).toBe('https://api-iam.au.intercom.io');
    expect(bootSettings({ appId: 'a1', region: 'eu', hostBase: '/vendor/{host}' }).api_base).toBe('/vendor/api-iam.eu.intercom.io');
    expect(bootSettings({ appId: 'a1' }, 'not an object')).toEqual({ app_id: 'a1', api_base: 'https://api-iam.intercom.io' });
  });

  it("the stub queues calls (as Intercom's snippet does); ensureStub keeps a site's own stub and its queue", () => {
    const stub = createStub();
    stub('trackEvent', 'viewed-pricing');
    stub('update', { company: 'Acme' });
    expect(stub.q!.map((args) => Array.from(args))).toEqual([
      ['trackEvent', 'viewed-pricing'],
      ['update', { company: 'Acme' }],
    ]);
    const w: { Intercom?: IntercomFunction } = { Intercom: stub };
    expect(ensureStub(w)).toBe(stub);
    const empty: { Intercom?: IntercomFunction } = {};
    expect(Array.isArray(ensureStub(empty).q)).toBe(true);
  });

  function fakeCtx(win: Record<string, unknown>, deleted: string[][]): VendorContext<IntercomOptions> {
    return {
      vendor: intercom,
      options: { appId: 'abc12xyz' },
      window: win as unknown as Window & typeof globalThis,
      document,
      allows: () => true,
      insertScript: () => Promise.reject(new Error('not in unit tests')),
      deleteCookies: (names) => void deleted.push([...names]),
      removeStorage: () => undefined,
    };
  }

  it('prepare puts boot (and the open-state listeners) at the head of the queue, once, even across a failed load and a retry', () => {
    const win: Record<string, unknown> = {};
    const site = createStub();
    site('trackEvent', 'viewed-pricing');
    win.Intercom = site;
    const ctx = fakeCtx(win, []);
    intercom.adapter.prepare!(ctx);
    const methods = () => (win.Intercom as IntercomFunction).q!.map((args) => Array.from(args)[0]);
    expect(methods()).toEqual(['boot', 'onShow', 'onHide', 'trackEvent']);
    expect(Array.from((win.Intercom as IntercomFunction).q![0]!)[1]).toEqual({
      app_id: 'abc12xyz',
      api_base: 'https://api-iam.intercom.io',
    });
    // a failed load: consent-gate's entries go, the site's stay
    intercom.adapter.unload!(ctx);
    expect(win.Intercom).toBe(site);
    expect(methods()).toEqual(['trackEvent']);
    intercom.adapter.prepare!(ctx);
    intercom.adapter.prepare!(ctx);
    expect(methods()).toEqual(['boot', 'onShow', 'onHide', 'trackEvent']);
  });

  it('the live Messenger replays the queue; revoke calls shutdown, deletes the three cookies and leaves a fresh, empty stub', async () => {
    const win: Record<string, unknown> = {};
    const deleted: string[][] = [];
    const ctx = fakeCtx(win, deleted);
    intercom.adapter.prepare!(ctx);
    (win.Intercom as IntercomFunction)('trackEvent', 'late');
    // what Intercom's code does when it runs: replace the stub, replay the queue in order
    const log: unknown[][] = [];
    const queued = (win.Intercom as IntercomFunction).q!;
    const live = ((method: string, ...args: unknown[]) => {
      log.push([method, ...args.map((a) => (typeof a === 'function' ? 'fn' : a))]);
      if (method === 'boot') live.booted = true;
      if (method === 'shutdown') live.booted = false;
    }) as IntercomFunction;
    win.Intercom = live;
    for (const args of queued) live(...(Array.from(args) as [string, ...unknown[]]));
    await intercom.adapter.mount!(ctx);
    intercom.adapter.open!(ctx);
    expect(log.map((c) => c[0])).toEqual(['boot', 'onShow', 'onHide', 'trackEvent', 'show']);

    await intercom.adapter.revoke!(ctx, ['functional']);
    expect(log.at(-1)).toEqual(['shutdown']);
    expect(deleted).toEqual([['intercom-id-abc12xyz', 'intercom-session-abc12xyz', 'intercom-device-id-abc12xyz']]);
    const fresh = win.Intercom as IntercomFunction;
    expect(fresh).not.toBe(live);
    expect(fresh.q).toEqual([]);
    expect(() => fresh('update')).not.toThrow();
    // revoking another purpose leaves Intercom alone
    await intercom.adapter.revoke!(ctx, ['analytics']);
    expect(win.Intercom).toBe(fresh);
  });
});

describe('consent-gate declare (needs the build)', () => {
  it('prints the Intercom cookie rows with purpose, lifetime and source', () => {
    const cli = join(ROOT, 'cli/consent-gate.mjs');
    expect(existsSync(join(ROOT, 'dist/audit.mjs'))).toBe(true);
    const r = spawnSync(process.execPath, [cli, 'declare', '--vendor', 'intercom', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = (JSON.parse(r.stdout).disclosures as Record<string, unknown>[]).filter((d) => d.vendor === 'intercom');
    expect(rows.map((d) => [d.identifier, d.type, d.purposes, d.maxAgeSeconds])).toEqual([
      ['intercom-id-*', 'cookie', ['functional'], 9 * MONTH],
      ['intercom-session-*', 'cookie', ['functional'], 7 * DAY],
      ['intercom-device-id-*', 'cookie', ['functional'], 9 * MONTH],
    ]);
    for (const row of rows) {
      expect(row.privacyPolicyUrl).toBe('https://www.intercom.com/legal/privacy');
      expect(String(row.source)).toMatch(/vendor-facts reference/);
      expect(String(row.description).length).toBeGreaterThan(20);
    }
    const md = spawnSync(process.execPath, [cli, 'declare', '--vendor', 'intercom', '--format', 'md'], { cwd: ROOT, encoding: 'utf8' });
    expect(md.stdout).toMatch(/^\| `intercom-session-\*` \| cookie \| functional \| 7 days \|/m);
  });
});
