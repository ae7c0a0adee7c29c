/**
 * The guard's reading of the page's config (rules.ts `guardSetup`): the
 * site's own services compiled at run time in the catalog's rule format,
 * Consent Mode's advanced mode, the GPC signal; and the consent signals the
 * build compiles (`compileSignals`).
 */
import { describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/consent/codec';
import {
  compileParts,
  compileRules,
  guardAllows,
  guardSetup,
  mainPurpose,
  matchCookie,
  matchKey,
  matchUrl,
  type RuleTable,
} from '../../src/guard/rules';
import type { VendorData } from '../../src/types';
import { GOOGLE, signalCatalog } from '../fixtures/guard/signal-catalog';
import { catalog } from '../../vendors/index';

const all = compileRules(catalog);
const V = 'hubspot-conversations';

/** A declaration as a site writes it (src/declare.ts). */
const shop = {
  title: 'A/B tests',
  provider: 'Shop Ltd',
  purpose: 'analytics',
  privacyPolicyUrl: 'https://shop.example/privacy',
  hosts: [
    { host: 'cdn.abtest.example', path: '/v2/' },
    { host: '*.ads.abtest.example', purpose: 'marketing' },
  ],
  cookies: [
    { name: 'ab_', match: 'prefix', lifetime: 2592000, scope: 'parent' },
    { name: 'shop_consent', lifetime: 0, purpose: 'necessary' },
  ],
  storage: [
    { key: 'ab-variant', storage: 'local' },
    { key: '.ab', match: 'suffix', storage: 'session', purpose: 'functional' },
  ],
};
const rulesOf = (config: unknown, gpc = false): RuleTable => guardSetup(config, all, gpc)![3];

describe("the site's own services, compiled by the guard", () => {
  it("hosts (with a path), cookies and storage keys are held under their purpose, the service's when a part has none; every catalog rule stays", () => {
    const rules = rulesOf({ vendors: { [V]: { portalId: '1' }, 'ab-test': shop } });
    expect(rules.v.at(-1)).toEqual(['ab-test', 'analytics']);
    expect(matchUrl(rules, 'https://cdn.abtest.example/v2/a.js')).toEqual({ v: 'ab-test', p: 'analytics' });
    expect(matchUrl(rules, 'https://cdn.abtest.example/v1/a.js')).toBeNull();
    expect(matchUrl(rules, 'https://x.ads.abtest.example/p.gif')).toEqual({ v: 'ab-test', p: 'marketing' });
    expect(matchCookie(rules, 'ab_group')).toEqual({ v: 'ab-test', p: 'analytics' });
    expect(matchCookie(rules, 'shop_consent'), 'a necessary part').toBeNull();
    expect(matchKey(rules, 'ab-variant', 'l')).toEqual({ v: 'ab-test', p: 'analytics' });
    expect(matchKey(rules, 'x.ab', 's')).toEqual({ v: 'ab-test', p: 'functional' });
    // the catalog's rules are all still there
    expect(matchUrl(rules, 'https://js.usemessages.com/x.js')).toEqual({ v: V, p: 'functional' });
    expect(matchCookie(rules, 'messagesUtk')).toEqual({ v: V, p: 'functional' });
    for (const list of ['h', 'c', 's'] as const)
      for (const rule of all[list].split(' ').filter(Boolean)) expect(rules[list].split(' ')).toContain(rule);
  });

  it('a service whose purpose is necessary is never held (its parts without a purpose of their own are necessary)', () => {
    const rules = rulesOf({
      vendors: {
        cart: {
          ...shop,
          purpose: 'necessary',
          hosts: [{ host: 'cart.shop.example' }],
          cookies: [{ name: 'cart', lifetime: 0 }],
          storage: [],
        },
      },
    });
    expect(rules.h).toBe(all.h);
    expect(rules.c).toBe(all.c);
    expect(matchCookie(rules, 'cart')).toBeNull();
    expect(mainPurpose(rules, 'cart')).toBe('necessary');
  });

  it('the same rule format as the build: compileParts of a declaration equals compileRules of the same data', () => {
    const vendor = { id: 'ab-test', ...shop, summary: 's', options: {} } as unknown as VendorData;
    const built = compileRules([vendor]);
    const own = compileParts([{ ...shop, id: 'ab-test' } as unknown as VendorData]);
    expect(own).toEqual({ v: built.v, h: built.h, c: built.c, s: built.s });
  });

  it('a declaration the guard cannot read fails closed: no record honoured', () => {
    const bad: [string, unknown][] = [
      ['true for an unknown id', true],
      ['an object without a purpose (a mistyped catalog id)', { portalId: '1' }],
      ['a purpose that is none', { ...shop, purpose: 'ads' }],
      ['a part purpose that is none', { ...shop, cookies: [{ name: 'x', lifetime: 0, purpose: 'stats' }] }],
      ['hosts not a list', { ...shop, hosts: 'cdn.abtest.example' }],
      ['a host that is no string', { ...shop, hosts: [{ host: 5 }] }],
      ['a host with a space', { ...shop, hosts: [{ host: 'cdn abtest.example' }] }],
      ['a wildcard inside a host', { ...shop, hosts: [{ host: 'cdn*.abtest.example' }] }],
      ['a cookie name with a pattern character', { ...shop, cookies: [{ name: 'ab$', lifetime: 0 }] }],
      ['a storage that is neither local nor session', { ...shop, storage: [{ key: 'k', storage: 'indexedDB' }] }],
      ['a storage key with a space', { ...shop, storage: [{ key: 'a b', storage: 'local' }] }],
    ];
    for (const [label, declaration] of bad) expect(guardSetup({ vendors: { [V]: true, 'ab-test': declaration } }, all), label).toBeNull();
    expect(guardSetup({ vendors: { [V]: true, 'ab-test': shop } }, all)).not.toBeNull();
    // so a record that grants everything grants nothing
    const record = encodeRecord({
      v: 1,
      p: '1',
      d: { functional: true, analytics: true, marketing: true },
      o: {},
      t: Date.now(),
      id: 'abcdefghijklmnopqrstuv',
    });
    const cookies = `consent_gate=${encodeURIComponent(record)}`;
    expect(guardAllows(guardSetup({ vendors: { 'ab-test': shop } }, all), cookies, Date.now())('ab-test', 'analytics')).toBe(true);
    expect(
      guardAllows(guardSetup({ vendors: { 'ab-test': { ...shop, purpose: 'ads' } } }, all), cookies, Date.now())(V, 'functional'),
    ).toBe(false);
  });

  it('more vendors than the rule format carries fail closed', () => {
    const many = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`own-${i}`, { ...shop, hosts: [], storage: [], cookies: [{ name: `c${i}`, lifetime: 0 }] }]),
    );
    expect(guardSetup({ vendors: many }, all)).toBeNull();
  });
});

describe('the GPC signal in the guard', () => {
  const record = (g?: 1) =>
    `consent_gate=${encodeURIComponent(encodeRecord({ v: 1, p: '1', d: { functional: true, analytics: true, marketing: true }, o: {}, t: Date.now(), id: 'abcdefghijklmnopqrstuv', ...(g ? { g } : {}) }))}`;
  const allows = (config: object, gpc: boolean, g?: 1) => {
    const a = guardAllows(guardSetup({ vendors: { [V]: true }, ...config }, all, gpc), record(g), Date.now());
    return ['functional', 'analytics', 'marketing'].filter((p) => a(V, p as never));
  };

  it('opt-out (the default) refuses marketing over an earlier accept; reject-all every optional purpose; ignore nothing; no signal nothing', () => {
    expect(allows({}, true)).toEqual(['functional', 'analytics']);
    expect(allows({ gpc: 'opt-out' }, true)).toEqual(['functional', 'analytics']);
    expect(allows({ gpc: 'reject-all' }, true)).toEqual([]);
    expect(allows({ gpc: 'ignore' }, true)).toEqual(['functional', 'analytics', 'marketing']);
    expect(allows({ gpc: 'reject-all' }, false)).toEqual(['functional', 'analytics', 'marketing']);
  });

  it('a record decided while the signal was on stands', () => {
    expect(allows({}, true, 1)).toEqual(['functional', 'analytics', 'marketing']);
    expect(allows({ gpc: 'reject-all' }, true, 1)).toEqual(['functional', 'analytics', 'marketing']);
  });

  it('a gpc setting that is none fails closed', () => {
    for (const gpc of ['opt_out', true, 1, null]) expect(guardSetup({ vendors: {}, gpc }, all), String(gpc)).toBeNull();
  });
});

describe('consent signals in the rule table', () => {
  const table = compileRules(signalCatalog);

  it('compactly: vendors sharing a queue and command share one signal; `true` is granted; no source', () => {
    expect(table.g).toEqual([
      ['01', 'dataLayer', 'g', ['consent', '{phase}'], { ...GOOGLE.types, security_storage: 'granted' }, ['granted', 'denied']],
      ['2', 'uetq', 'a', ['consent', '{phase}'], { ad_storage: 'marketing' }, ['granted', 'denied']],
      [
        '3',
        '_hsp',
        'l',
        ['setHubSpotConsent'],
        { analytics: 'analytics', advertisement: 'marketing', functionality: 'functional' },
        [true, false],
        { disableHubSpotCookieBanner: true },
      ],
    ]);
    expect(JSON.stringify(table)).not.toContain('source');
    // a catalog without signals carries none
    const silent = catalog.filter((v) => !v.signals?.length);
    expect(silent.length).toBeGreaterThan(0);
    expect(compileRules(silent).g).toBeUndefined();
  });

  it('advanced mode: a vendor with a phased signal loads (its hosts pass, its markup form needs nothing); its cookies stay held; basic and other vendors unchanged', () => {
    const rules = guardSetup(
      {
        vendors: {
          'google-tag': { consentMode: 'advanced' },
          uet: { consentMode: 'basic' },
          'hubspot-tracking': { consentMode: 'advanced' },
        },
      },
      table,
    )![3];
    expect(matchUrl(rules, 'https://www.googletagmanager.com/gtag/js?id=G-1')).toBeNull();
    expect(mainPurpose(rules, 'google-tag')).toBe('necessary');
    expect(matchCookie(rules, '_ga')).toEqual({ v: 'google-tag', p: 'analytics' });
    expect(matchUrl(rules, 'https://googleads.g.doubleclick.net/x')).toEqual({ v: 'google-ads', p: 'marketing' });
    expect(matchUrl(rules, 'https://bat.bing.com/bat.js')).toEqual({ v: 'uet', p: 'marketing' });
    // HubSpot's signal has no phase: advanced means nothing for it
    expect(matchUrl(rules, 'https://js.hs-analytics.net/a.js')).toEqual({ v: 'hubspot-tracking', p: 'analytics' });
    expect(mainPurpose(rules, 'hubspot-tracking')).toBe('analytics');
  });
});
