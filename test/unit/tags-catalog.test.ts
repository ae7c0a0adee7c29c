/**
 * The tag entries of the catalog (kind 'tag'), held to one contract and to the
 * tag-facts reference (test/fixtures/reference/tag-facts.md, a copy of the
 * project's reference): which rows exist, their lifetimes, and which are
 * marked unverified. Also the list of every host, cookie and key two catalog
 * vendors share, so a new overlap is a deliberate change.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostBaseOption } from '../../src/contract/index';
import { declarationEntries } from '../../src/audit/declaration';
import type { ConsentSignal, CookieRule, HostRule, StorageRule, Vendor } from '../../src/types';
import { catalog } from '../../vendors/index';
import hubspotConversations from '../../vendors/hubspot-conversations';
import * as ga from '../../vendors/google-analytics';
import * as ads from '../../vendors/google-ads';
import * as gtm from '../../vendors/google-tag-manager';
import * as hubspotTracking from '../../vendors/hubspot-tracking';
import * as meta from '../../vendors/meta-pixel';
import * as linkedin from '../../vendors/linkedin-insight';
import * as uet from '../../vendors/microsoft-uet';
import * as clarity from '../../vendors/microsoft-clarity';
import * as hotjar from '../../vendors/hotjar';

const ROOT = resolve(__dirname, '../..');
const TAG_FACTS = readFileSync(resolve(ROOT, 'test/fixtures/reference/tag-facts.md'), 'utf8');
const VENDOR_FACTS = readFileSync(resolve(ROOT, 'test/fixtures/reference/vendor-facts.md'), 'utf8');
const MINUTE = 60;
const DAY = 86400;
const MONTH = 2629800;

/** The text of `## <n>. …` in tag-facts, up to the next section. */
function section(n: number): string {
  const start = TAG_FACTS.indexOf(`\n## ${n}. `);
  expect(start, `tag-facts has a section ${n}`).toBeGreaterThan(0);
  const end = TAG_FACTS.indexOf('\n## ', start + 1);
  return TAG_FACTS.slice(start, end);
}
const HUBSPOT_FACTS = VENDOR_FACTS.slice(VENDOR_FACTS.indexOf('## HubSpot'), VENDOR_FACTS.indexOf('## web1on1'));

type Row = HostRule | CookieRule | StorageRule;
/** How a row is named in these tests: `host a.b/path`, `cookie _ga` (a prefix ends in *), `local key`, `session key`. */
function rowName(row: Row): string {
  if ('host' in row) return `host ${row.host}${row.path ?? ''}`;
  if ('name' in row) return `cookie ${row.name}${row.match === 'prefix' ? '*' : ''}`;
  return `${row.storage} ${row.key}${row.match === 'prefix' ? '*' : ''}`;
}
const rowsOf = (v: Vendor): Row[] => [...v.hosts, ...v.cookies, ...v.storage];

/**
 * Per tag: its module, the reference text its facts come from, what each row's
 * name looks like in that text, the rows whose source must start with
 * "unverified:", and each cookie's lifetime with the words the reference gives it.
 */
interface Expected {
  module: { default: Vendor; purposeSource: string; data: unknown };
  purpose: string;
  facts: string;
  /** Row name → the text that must appear in the reference (null: not in the reference, the row's source says why). */
  rows: Record<string, string | null>;
  unverified: string[];
  /** Cookie → its lifetime and the reference's words for it (in `facts`, or in the text given third). */
  lifetimes: Record<string, [seconds: number, words: string, where?: string]>;
  /** The vendor's id option and an id it accepts. */
  idOption: [name: string, example: string];
  consentMode: boolean;
  signals: ConsentSignal[];
}

const GOOGLE_SIGNAL: ConsentSignal = {
  queue: 'dataLayer',
  style: 'gtag',
  command: ['consent', '{phase}'],
  types: {
    ad_storage: 'marketing',
    ad_user_data: 'marketing',
    ad_personalization: 'marketing',
    analytics_storage: 'analytics',
    functionality_storage: 'functional',
    personalization_storage: 'functional',
    security_storage: true,
  },
  values: ['granted', 'denied'],
  source: expect.stringMatching(/^standards-facts §1/) as unknown as string,
};
const HUBSPOT_SIGNAL: ConsentSignal = {
  queue: '_hsp',
  style: 'list',
  command: ['setHubSpotConsent'],
  types: { analytics: 'analytics', advertisement: 'marketing', functionality: 'functional' },
  values: [true, false],
  globals: { disableHubSpotCookieBanner: true },
  source: expect.stringMatching(/^standards-facts §3/) as unknown as string,
};
const UET_SIGNAL: ConsentSignal = {
  queue: 'uetq',
  style: 'args',
  command: ['consent', '{phase}'],
  types: { ad_storage: 'marketing' },
  values: ['granted', 'denied'],
  source: expect.stringMatching(/^standards-facts §1/) as unknown as string,
};

const EXPECTED: Record<string, Expected> = {
  'google-analytics': {
    module: ga as unknown as Expected['module'],
    purpose: 'analytics',
    facts: section(1),
    rows: {
      'host *.google-analytics.com': '`*.google-analytics.com',
      'host *.analytics.google.com': '*.analytics.google.com',
      'host www.googletagmanager.com/gtag/': 'https://www.googletagmanager.com/gtag/js?id=G-XXXX',
      'host *.googletagmanager.com': 'script `*.googletagmanager.com`',
      'host stats.g.doubleclick.net': '`stats.g.doubleclick.net`',
      'cookie _ga': '`_ga`, 2 years',
      'cookie _ga_*': '`_ga_<container-id>`, 2 years',
      'cookie _gid': '`_gid` (24 h)',
      'cookie _gat*': '`_gat` (1 min)',
      'cookie _dc_gtm_*': '`_dc_gtm_<property-id>`',
    },
    unverified: [
      'host *.google-analytics.com',
      'host *.analytics.google.com',
      'host *.googletagmanager.com',
      'host stats.g.doubleclick.net',
    ],
    lifetimes: {
      'cookie _ga': [63_072_000, '`cookie_expires` defaults to 63072000 s'],
      'cookie _ga_*': [63_072_000, '`cookie_expires` defaults to 63072000 s'],
      'cookie _gid': [DAY, '`_gid` (24 h)'],
      'cookie _gat*': [MINUTE, '`_gat` (1 min)'],
      'cookie _dc_gtm_*': [MINUTE, 'Universal Analytics cookie table [G17]'],
    },
    idOption: ['measurementId', 'G-ABC123DEF4'],
    consentMode: true,
    signals: [GOOGLE_SIGNAL],
  },
  'google-ads': {
    module: ads as unknown as Expected['module'],
    purpose: 'marketing',
    facts: section(2),
    rows: {
      'host www.googleadservices.com': '`www.googleadservices.com`',
      'host googleads.g.doubleclick.net': '`googleads.g.doubleclick.net`',
      'host www.google.com/pagead/': null,
      'host pagead2.googlesyndication.com': '`pagead2.googlesyndication.com`',
      'host td.doubleclick.net': '`td.doubleclick.net`',
      'host bid.g.doubleclick.net': '`bid.g.doubleclick.net`',
      'host www.googletagmanager.com/gtag/': '`gtag/js?id=AW-XXXX`',
      'cookie _gcl_*': '`_gcl_*`',
      'cookie _gac_*': '`_gac_<property-id>`',
      'local _gcl_ls': 'localStorage `_gcl_ls`',
    },
    unverified: [
      'host www.googleadservices.com',
      'host googleads.g.doubleclick.net',
      'host www.google.com/pagead/',
      'host pagead2.googlesyndication.com',
      'host td.doubleclick.net',
      'host bid.g.doubleclick.net',
      'host www.googletagmanager.com/gtag/',
      'local _gcl_ls',
    ],
    lifetimes: { 'cookie _gcl_*': [90 * DAY, 'all about 90 days'], 'cookie _gac_*': [90 * DAY, 'all about 90 days'] },
    idOption: ['conversionId', 'AW-123456789'],
    consentMode: true,
    signals: [GOOGLE_SIGNAL],
  },
  'google-tag-manager': {
    module: gtm as unknown as Expected['module'],
    purpose: 'marketing',
    facts: section(3),
    rows: {
      'host www.googletagmanager.com/gtm.js': '`https://www.googletagmanager.com/gtm.js?id=GTM-XXXX`',
      'host www.googletagmanager.com/ns.html': '`https://www.googletagmanager.com/ns.html?id=GTM-XXXX`',
    },
    unverified: ['host www.googletagmanager.com/ns.html'],
    lifetimes: {},
    idOption: ['containerId', 'GTM-ABC1234'],
    consentMode: true,
    signals: [GOOGLE_SIGNAL],
  },
  'hubspot-tracking': {
    module: hubspotTracking as unknown as Expected['module'],
    purpose: 'analytics',
    facts: HUBSPOT_FACTS,
    rows: {
      'host *.hs-scripts.com': '`js.hs-scripts.com/{portalId}.js`',
      'host *.hs-analytics.net': '`js.hs-analytics.net/analytics/{ts}/{portalId}.js`',
      'host track.hubspot.com': '`track.hubspot.com/__ptq.gif`',
      'host track-eu1.hubspot.com': null,
      'host *.hs-banner.com': '`js.hs-banner.com/{portalId}.js`',
      'host *.hscollectedforms.net': '`js.hscollectedforms.net/collectedforms.js`',
      'host *.hsadspixel.net': '`js.hsadspixel.net/fb.js`',
      'host *.hsleadflows.net': '`js.hsleadflows.net/leadflows.js`',
      'cookie __hstc': '| `__hstc` | analytics | 6 months',
      'cookie hubspotutk': '| `hubspotutk` | analytics | 6 months',
      'cookie __hssc': '| `__hssc` | analytics | 30 minutes',
      'cookie __hssrc': '| `__hssrc` | analytics | session',
      'cookie _fbp': 'ads pixel (sets e.g. `_fbp`)',
      'cookie __hs_opt_out': '`__hs_opt_out`',
      'cookie __hs_initial_opt_in': '`__hs_initial_opt_in`',
      'cookie __hs_cookie_cat_pref': '`__hs_cookie_cat_pref`',
      'cookie __hs_do_not_track': '`__hs_do_not_track`',
    },
    unverified: [],
    lifetimes: {
      'cookie __hstc': [6 * MONTH, '| `__hstc` | analytics | 6 months'],
      'cookie hubspotutk': [6 * MONTH, '| `hubspotutk` | analytics | 6 months'],
      'cookie __hssc': [30 * MINUTE, '| `__hssc` | analytics | 30 minutes'],
      'cookie __hssrc': [0, '| `__hssrc` | analytics | session'],
      'cookie __hs_opt_out': [180 * DAY, '180 days / 7 days / 180 days / 6 months'],
      'cookie __hs_initial_opt_in': [7 * DAY, '180 days / 7 days / 180 days / 6 months'],
      'cookie __hs_cookie_cat_pref': [180 * DAY, '180 days / 7 days / 180 days / 6 months'],
      'cookie __hs_do_not_track': [6 * MONTH, '180 days / 7 days / 180 days / 6 months'],
      // HubSpot's ads pixel writes Meta's browser id: Meta's lifetime
      'cookie _fbp': [90 * DAY, 'sets a 90-day TTL', section(4)],
    },
    idOption: ['portalId', '1234567'],
    consentMode: false,
    signals: [HUBSPOT_SIGNAL],
  },
  'meta-pixel': {
    module: meta as unknown as Expected['module'],
    purpose: 'marketing',
    facts: section(4),
    rows: {
      'host connect.facebook.net': '`https://connect.facebook.net/en_US/fbevents.js`',
      'host www.facebook.com/tr': '`https://www.facebook.com/tr?id=<ID>&ev=PageView&noscript=1`',
      'cookie _fbp': '`_fbp` is the browser ID',
      'cookie _fbc': '`_fbc` holds the click ID',
    },
    unverified: [],
    lifetimes: { 'cookie _fbp': [90 * DAY, 'sets a 90-day TTL'], 'cookie _fbc': [90 * DAY, 'sets a 90-day TTL'] },
    idOption: ['pixelId', '123456789012345'],
    consentMode: false,
    signals: [],
  },
  'linkedin-insight': {
    module: linkedin as unknown as Expected['module'],
    purpose: 'marketing',
    facts: section(5),
    rows: {
      'host snap.licdn.com/li.lms-analytics/': '`https://snap.licdn.com/li.lms-analytics/insight.min.js`',
      'host *.ads.linkedin.com': '`https://px.ads.linkedin.com/collect/?pid=<ID>&fmt=gif`',
      'cookie li_fat_id': '`li_fat_id` 30 d',
      'cookie li_giant': '`li_giant` 7 d',
      'cookie li_sugr': '`li_sugr` 90 d',
      'cookie ln_or': '`ln_or` 1 d',
      'local li_adsId': 'localStorage `li_adsId`',
    },
    unverified: ['cookie li_giant', 'cookie li_sugr', 'cookie ln_or', 'local li_adsId'],
    lifetimes: {
      'cookie li_fat_id': [30 * DAY, '`li_fat_id` 30 d'],
      'cookie li_giant': [7 * DAY, '`li_giant` 7 d'],
      'cookie li_sugr': [90 * DAY, '`li_sugr` 90 d'],
      'cookie ln_or': [DAY, '`ln_or` 1 d'],
    },
    idOption: ['partnerId', '123456'],
    consentMode: false,
    signals: [],
  },
  'microsoft-uet': {
    module: uet as unknown as Expected['module'],
    purpose: 'marketing',
    facts: section(6),
    rows: {
      'host bat.bing.com': 'Script `//bat.bing.com/bat.js`',
      'cookie _uetsid': '`_uetsid`',
      'cookie _uetvid': '`_uetvid`',
      'cookie _uetmsclkid': '`_uetmsclkid`',
      'local _uetsid*': 'localStorage `_uetsid`, `_uetsid_exp`',
      'local _uetvid*': '`_uetvid`, `_uetvid_exp`',
    },
    unverified: ['host bat.bing.com', 'cookie _uetsid', 'cookie _uetvid', 'cookie _uetmsclkid', 'local _uetsid*', 'local _uetvid*'],
    lifetimes: {
      'cookie _uetsid': [DAY, '`_uetsid` is given as 30 min, session or 1 day'],
      'cookie _uetvid': [13 * MONTH, '`_uetvid` as 16 days or 13 months'],
      // no source gives one: the row's source says 90 days is an assumption
      'cookie _uetmsclkid': [90 * DAY, '`_uetmsclkid` is not officially documented'],
    },
    idOption: ['tagId', '12345678'],
    consentMode: true,
    signals: [UET_SIGNAL],
  },
  'microsoft-clarity': {
    module: clarity as unknown as Expected['module'],
    purpose: 'analytics',
    facts: section(7),
    rows: {
      'host www.clarity.ms/tag/': '`https://www.clarity.ms/tag/<projectId>`',
      'host *.clarity.ms': 'Upload to `https://<x>.clarity.ms/collect`',
      'cookie _clck': '`_clck` is the user cookie',
      'cookie _clsk': '`_clsk` is the session cookie',
      'session _cltk': 'sessionStorage `_cltk` (tab ID)',
    },
    unverified: ['host www.clarity.ms/tag/'],
    lifetimes: {
      'cookie _clck': [365 * DAY, '`_clck` is the user cookie: 365 days'],
      'cookie _clsk': [DAY, '`_clsk` is the session cookie: 1 day'],
    },
    idOption: ['projectId', 'abcde12345'],
    consentMode: false,
    signals: [],
  },
  hotjar: {
    module: hotjar as unknown as Expected['module'],
    purpose: 'analytics',
    facts: section(8),
    rows: {
      'host static.hotjar.com/c/': '`https://static.hotjar.com/c/hotjar-<siteId>.js?sv=6`',
      'host *.hotjar.com': 'WebSocket `wss://*.hotjar.com`',
      'host *.hotjar.io': '`*.hotjar.io`',
      'cookie _hj*': 'Matching the prefix `_hj` covers them all',
      'local _hjUserAttributes': 'localStorage `_hjUserAttributes`',
      'local hjViewportId': '`hjViewportId`',
      'session _hjRecordingLastActivity': 'sessionStorage `_hjRecordingLastActivity`',
    },
    unverified: [
      'host static.hotjar.com/c/',
      'host *.hotjar.com',
      'host *.hotjar.io',
      'cookie _hj*',
      'local _hjUserAttributes',
      'local hjViewportId',
      'session _hjRecordingLastActivity',
    ],
    lifetimes: { 'cookie _hj*': [365 * DAY, '`_hjSessionUser_<siteId>` 365 d'] },
    idOption: ['siteId', '1234567'],
    consentMode: false,
    signals: [],
  },
};

const tags = catalog.filter((v) => v.kind === 'tag');

describe('tag entries: one contract', () => {
  it('the catalog lists exactly these tags, each once, after the chat vendors', () => {
    expect(tags.map((v) => v.id)).toEqual(Object.keys(EXPECTED));
    expect(new Set(catalog.map((v) => v.id)).size).toBe(catalog.length);
    for (const id of Object.keys(EXPECTED)) expect(catalog.find((v) => v.id === id)).toBe(EXPECTED[id]!.module.default);
  });

  for (const [id, want] of Object.entries(EXPECTED)) {
    describe(id, () => {
      const vendor = want.module.default;

      it('is a tag with a kebab-case id, a title, a provider, a privacy policy, a one-sentence summary and its purpose justified', () => {
        expect(vendor.id).toBe(id);
        expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(vendor.kind).toBe('tag');
        expect(vendor.purpose).toBe(want.purpose);
        expect(vendor.title.length).toBeGreaterThan(3);
        expect(vendor.provider.length).toBeGreaterThan(3);
        expect(vendor.privacyPolicyUrl).toMatch(/^https:\/\//);
        // one sentence a visitor reads: ends with a full stop, no second sentence, no jargon such as cookie names
        expect(vendor.summary).toMatch(/^[A-Z].{30,200}\.$/);
        expect(vendor.summary.slice(0, -1)).not.toMatch(/[.!?]\s/);
        expect(vendor.summary).not.toMatch(/_[a-z]|\bcookies? named\b/);
        // the purpose's justification cites the reference (VendorData has no field for it: the module exports it)
        expect(want.module.purposeSource).toMatch(/^(tag-facts §\d|vendor-facts reference)/);
        expect(want.module.purposeSource).toContain(want.purpose);
        expect(want.module.data).toMatchObject({ id });
      });

      it('declares exactly the rows the reference gives, each with a description and a source', () => {
        expect(rowsOf(vendor).map(rowName).sort()).toEqual(Object.keys(want.rows).sort());
        for (const row of rowsOf(vendor)) {
          const name = rowName(row);
          expect(row.description.length, name).toBeGreaterThan(10);
          expect(row.source, name).toMatch(/(tag-facts §\d|vendor-facts reference)/);
          const fact = want.rows[name];
          if (fact === null) expect(row.source, `${name} is not in the reference: its source says so`).toMatch(/^unverified:|unverified/);
          else expect(want.facts, `the reference's fact for ${name}`).toContain(fact);
        }
      });

      it('marks unverified exactly the rows the reference gives only from third parties', () => {
        const marked = rowsOf(vendor)
          .filter((r) => r.source.startsWith('unverified:'))
          .map(rowName);
        expect(marked.sort()).toEqual([...want.unverified].sort());
      });

      it("gives each cookie the reference's lifetime, and every row a purpose", () => {
        for (const c of vendor.cookies) {
          const name = rowName(c);
          const lifetime = want.lifetimes[name];
          if (c.purpose === 'necessary' && !lifetime) continue;
          expect(lifetime, `${name} has a lifetime in this test`).toBeDefined();
          expect(c.lifetime, name).toBe(lifetime![0]);
          expect(lifetime![2] ?? want.facts, `the reference's words for ${name}`).toContain(lifetime![1]);
        }
        for (const row of rowsOf(vendor))
          expect(['necessary', 'functional', 'analytics', 'marketing'], rowName(row)).toContain(row.purpose);
      });

      it("has the vendor's id, hostBase and (Google tags and UET) consentMode as options; declares its consent signals", () => {
        const [idName, example] = want.idOption;
        const expectedOptions = [
          idName,
          ...(id === 'hubspot-tracking' ? ['region'] : []),
          ...(want.consentMode ? ['consentMode'] : []),
          'hostBase',
        ];
        expect(Object.keys(vendor.options).sort()).toEqual(expectedOptions.sort());
        expect(vendor.options.hostBase).toBe(hostBaseOption);
        const idSpec = vendor.options[idName]!;
        expect(idSpec).toMatchObject({ type: 'string' });
        expect(idSpec.required).toBeUndefined();
        expect(idSpec.pattern!.test(example)).toBe(true);
        // the expected text names the id and shows an example the pattern accepts
        const shown = [...(idSpec.expected ?? '').matchAll(/"([^"]+)"/g)].pop();
        expect(shown, idSpec.expected).toBeDefined();
        expect(idSpec.pattern!.test(shown![1]!), `the example in "${idSpec.expected}"`).toBe(true);
        expect(idSpec.pattern!.test(`${example} `)).toBe(false);
        if (want.consentMode) expect(vendor.options.consentMode).toMatchObject({ type: 'string', oneOf: ['basic', 'advanced'] });
        expect(vendor.signals ?? []).toEqual(want.signals);
      });
    });
  }
});

describe('consent signals', () => {
  it("every Google vendor shares one Google Consent Mode v2 signal; HubSpot Conversations and HubSpot tracking share HubSpot's", () => {
    const google = ['google-analytics', 'google-ads', 'google-tag-manager'].map((id) => catalog.find((v) => v.id === id)!.signals![0]);
    expect(new Set(google).size).toBe(1);
    expect(Object.keys(google[0]!.types)).toEqual([
      'ad_storage',
      'ad_user_data',
      'ad_personalization',
      'analytics_storage',
      'functionality_storage',
      'personalization_storage',
      'security_storage',
    ]);
    expect(hubspotConversations.signals).toEqual([HUBSPOT_SIGNAL]);
    expect(hubspotConversations.signals![0]).toBe(catalog.find((v) => v.id === 'hubspot-tracking')!.signals![0]);
  });

  it('only Google, UET and HubSpot declare signals; every signal names a purpose or true for each type', () => {
    expect(catalog.filter((v) => v.signals?.length).map((v) => v.id)).toEqual([
      'hubspot-conversations',
      'google-analytics',
      'google-ads',
      'google-tag-manager',
      'hubspot-tracking',
      'microsoft-uet',
    ]);
    for (const v of catalog)
      for (const s of v.signals ?? [])
        for (const p of Object.values(s.types)) expect([true, 'functional', 'analytics', 'marketing']).toContain(p);
  });
});

describe('shared hosts, cookies and keys across the catalog', () => {
  /** Every host (with path), cookie and key pattern declared by more than one vendor: pattern → `vendor:purpose` in catalog order. */
  function shared(): Record<string, string[]> {
    const by = new Map<string, string[]>();
    for (const v of catalog)
      for (const row of rowsOf(v)) {
        const key = rowName(row);
        if (!by.has(key)) by.set(key, []);
        by.get(key)!.push(`${v.id}:${row.purpose}`);
      }
    return Object.fromEntries([...by].filter(([, owners]) => owners.length > 1));
  }

  it('is exactly this list (a new overlap is a deliberate change: add it here, with the purposes it has)', () => {
    expect(shared()).toEqual({
      // gtag.js serves GA4 and Google Ads: each declares it under its own purpose; the vendor the config names claims it
      'host www.googletagmanager.com/gtag/': ['google-analytics:analytics', 'google-ads:marketing'],
      // HubSpot's tracking-code loader: functional for the chat, analytics for the tracking code (claimed by the vendor the config names)
      'host *.hs-scripts.com': ['hubspot-conversations:functional', 'hubspot-tracking:analytics'],
      // what the tracking code loads and writes: the same purpose in both HubSpot entries
      'host *.hs-analytics.net': ['hubspot-conversations:analytics', 'hubspot-tracking:analytics'],
      'host track.hubspot.com': ['hubspot-conversations:analytics', 'hubspot-tracking:analytics'],
      'host track-eu1.hubspot.com': ['hubspot-conversations:analytics', 'hubspot-tracking:analytics'],
      'host *.hs-banner.com': ['hubspot-conversations:analytics', 'hubspot-tracking:analytics'],
      'host *.hscollectedforms.net': ['hubspot-conversations:marketing', 'hubspot-tracking:marketing'],
      'host *.hsadspixel.net': ['hubspot-conversations:marketing', 'hubspot-tracking:marketing'],
      'host *.hsleadflows.net': ['hubspot-conversations:marketing', 'hubspot-tracking:marketing'],
      'cookie __hstc': ['hubspot-conversations:analytics', 'hubspot-tracking:analytics'],
      'cookie hubspotutk': ['hubspot-conversations:analytics', 'hubspot-tracking:analytics'],
      'cookie __hssc': ['hubspot-conversations:analytics', 'hubspot-tracking:analytics'],
      'cookie __hssrc': ['hubspot-conversations:analytics', 'hubspot-tracking:analytics'],
      'cookie __hs_opt_out': ['hubspot-conversations:necessary', 'hubspot-tracking:necessary'],
      'cookie __hs_initial_opt_in': ['hubspot-conversations:necessary', 'hubspot-tracking:necessary'],
      'cookie __hs_cookie_cat_pref': ['hubspot-conversations:necessary', 'hubspot-tracking:necessary'],
      'cookie __hs_do_not_track': ['hubspot-conversations:necessary', 'hubspot-tracking:necessary'],
      // Meta's browser id: written by HubSpot's ads pixel and by the Meta Pixel, marketing in all three
      'cookie _fbp': ['hubspot-conversations:marketing', 'hubspot-tracking:marketing', 'meta-pixel:marketing'],
    });
  });

  it('a shared cookie has the same lifetime and scope in every entry that declares it', () => {
    for (const pattern of Object.keys(shared()).filter((k) => k.startsWith('cookie '))) {
      const rows = catalog.flatMap((v) => v.cookies.filter((c) => rowName(c) === pattern));
      expect(new Set(rows.map((c) => `${c.lifetime} ${c.scope} ${c.purpose}`)).size, pattern).toBe(1);
    }
  });

  it('where a shared host has two purposes, the one listed first in the catalog holds it until a config claims it', () => {
    const order = catalog.map((v) => v.id);
    expect(order.indexOf('google-analytics')).toBeLessThan(order.indexOf('google-ads'));
    expect(order.indexOf('hubspot-conversations')).toBeLessThan(order.indexOf('hubspot-tracking'));
  });
});

describe('declaration rows of the tags', () => {
  it("every tag's cookies and keys appear in the declaration with purpose, lifetime in words, scope and source", () => {
    const d = declarationEntries({ vendors: tags, siteHost: 'www.shop.example', siteDomain: 'shop.example' });
    const row = (vendor: string, identifier: string) => d.disclosures.find((e) => e.vendor === vendor && e.identifier === identifier)!;
    expect(row('google-analytics', '_ga')).toMatchObject({
      type: 'cookie',
      purposes: ['analytics'],
      maxAgeSeconds: 63_072_000,
      lifetime: '730 days',
      cookieRefresh: true,
      domains: ['.shop.example'],
      provider: 'Google Ireland Limited',
    });
    expect(row('google-analytics', '_ga_*')).toMatchObject({ purposes: ['analytics'], domains: ['.shop.example'] });
    expect(row('google-ads', '_gcl_*')).toMatchObject({ purposes: ['marketing'], lifetime: '90 days' });
    expect(row('google-ads', '_gcl_ls')).toMatchObject({
      type: 'web',
      storage: 'local',
      lifetime: 'until removed',
      domains: ['www.shop.example'],
    });
    expect(row('meta-pixel', '_fbp')).toMatchObject({
      purposes: ['marketing'],
      lifetime: '90 days',
      cookieRefresh: true,
      domains: ['.shop.example'],
    });
    expect(row('linkedin-insight', 'li_fat_id')).toMatchObject({ lifetime: '30 days', domains: ['www.shop.example'] });
    expect(row('microsoft-uet', '_uetvid')).toMatchObject({ lifetime: '13 months' });
    expect(row('microsoft-clarity', '_cltk')).toMatchObject({ type: 'web', storage: 'session', lifetime: 'until the tab closes' });
    expect(row('hotjar', '_hj*')).toMatchObject({ purposes: ['analytics'], lifetime: '365 days' });
    expect(String(row('hotjar', '_hj*').source)).toMatch(/^unverified:/);
    // Google Tag Manager writes nothing itself
    expect(d.disclosures.filter((e) => e.vendor === 'google-tag-manager')).toEqual([]);
    expect(d.domains.filter((e) => e.vendor === 'google-tag-manager').map((e) => e.domain)).toEqual([
      'www.googletagmanager.com/gtm.js',
      'www.googletagmanager.com/ns.html',
    ]);
    expect(d.disclosures.length).toBe(1 + tags.reduce((n, v) => n + v.cookies.length + v.storage.length, 0));
  });
});
