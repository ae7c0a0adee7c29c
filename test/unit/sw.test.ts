// @vitest-environment node
/**
 * The consent service worker's logic with a stand-in for the worker scope:
 * its options, its decisions, and the paths Chromium does not take (a worker
 * without the Cookie Store API, which learns the record from the page's
 * message). What a browser does with its answers is test/browser/sw.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../vendors/index';
import { compileRules, guardAllows, guardSetup, matchUrl } from '../../src/guard/rules';
import { encodeRecord, type ConsentRecord } from '../../src/consent/codec';
import { COOKIE_MESSAGE, installConsentWorker, workerOptions, workerRules, type WorkerScope } from '../../src/sw/worker';

const rules = compileRules(catalog);
const granted: ConsentRecord = {
  v: 1,
  p: '1',
  d: { functional: true, analytics: false, marketing: false },
  o: {},
  t: Date.now(),
  id: 'abcdefghijklmnop',
};
const cookie = (record: ConsentRecord, name = 'consent_gate') => `other=1; ${name}=${encodeURIComponent(encodeRecord(record))}`;

type Listener = (event: any) => void;
function fakeScope(cookies: string | null, navigator?: { globalPrivacyControl?: unknown }) {
  const listeners: Record<string, Listener[]> = {};
  const fetched: string[] = [];
  const waits: Promise<unknown>[] = [];
  const calls: string[] = [];
  let jar = cookies;
  const scope = {
    addEventListener: (type: string, fn: Listener) => void (listeners[type] ||= []).push(fn),
    fetch: async (request: Request) => {
      fetched.push(request.url);
      return new Response('vendor');
    },
    navigator,
    ...(cookies === null
      ? {}
      : {
          cookieStore: {
            getAll: async (name: string) =>
              (jar ?? '')
                .split('; ')
                .map((p) => ({ name: p.slice(0, p.indexOf('=')), value: p.slice(p.indexOf('=') + 1) }))
                .filter((c) => c.name === name),
          },
        }),
    registration: {
      scope: 'https://www.shop.test/',
      cookies: { subscribe: async (s: unknown) => void calls.push(`subscribe ${JSON.stringify(s)}`) },
    },
    skipWaiting: async () => void calls.push('skipWaiting'),
    clients: { claim: async () => void calls.push('claim') },
  };
  const event = (type: string, extra: object = {}) => {
    const e = {
      type,
      stopped: false,
      answer: undefined as Promise<Response> | undefined,
      waitUntil: (p: Promise<unknown>) => void waits.push(p),
      respondWith: (r: Promise<Response>) => void (e.answer = r),
      stopImmediatePropagation: () => void (e.stopped = true),
      ...extra,
    };
    for (const fn of listeners[type] ?? []) fn(e);
    return e;
  };
  /** A request as the worker sees it: its answer, or 'untouched' when it let the browser fetch it. */
  const request = async (url: string) => {
    const e = event('fetch', { request: new Request(url) });
    if (!e.answer) return 'untouched';
    const response = await e.answer;
    return response.type === 'error' ? 'refused' : `fetched by the worker: ${await response.text()}`;
  };
  return {
    scope: scope as unknown as WorkerScope,
    event,
    request,
    fetched,
    calls,
    settle: () => Promise.all(waits),
    setCookies: (c: string) => void (jar = c),
  };
}

describe('workerOptions', () => {
  it('reads the worker URL query, with the config defaults', () => {
    expect(workerOptions('')).toEqual({ cookieName: 'consent_gate', policyVersion: '1' });
    expect(workerOptions('?cookieName=shop_consent&policyVersion=2024-05')).toEqual({
      cookieName: 'shop_consent',
      policyVersion: '2024-05',
    });
  });
  it("reads the record's lifetime and the GPC setting as the page config gives them, absent when not given", () => {
    expect(workerOptions('?cookieLifetimeDays=30&gpc=reject-all')).toEqual({
      cookieName: 'consent_gate',
      policyVersion: '1',
      cookieLifetimeDays: 30,
      gpc: 'reject-all',
    });
    expect(workerOptions('?cookieLifetimeDays=0.5')).toEqual({ cookieName: 'consent_gate', policyVersion: '1', cookieLifetimeDays: 0.5 });
    expect(workerOptions('', { cookieLifetimeDays: 180, gpc: 'ignore' })).toEqual({
      cookieName: 'consent_gate',
      policyVersion: '1',
      cookieLifetimeDays: 180,
      gpc: 'ignore',
    });
    expect(workerOptions('?gpc=opt-out')).toEqual({ cookieName: 'consent_gate', policyVersion: '1', gpc: 'opt-out' });
    expect(Object.keys(workerOptions('')!)).toEqual(['cookieName', 'policyVersion']);
  });
  it("reads a site worker's object when given", () => {
    expect(workerOptions('?cookieName=ignored', { policyVersion: '7' })).toEqual({ cookieName: 'consent_gate', policyVersion: '7' });
  });
  it('null (every vendor refused) for values the page config would refuse', () => {
    expect(workerOptions('?cookieName=a%3Bb')).toBeNull();
    expect(workerOptions('?cookieName=')).toBeNull();
    expect(workerOptions('?policyVersion=' + 'x'.repeat(65))).toBeNull();
    expect(workerOptions('?policyVersion=%22')).toBeNull();
    expect(workerOptions('', 'consent_gate')).toBeNull();
    expect(workerOptions('', null)).toBeNull();
    expect(workerOptions('', { cookieName: 42 })).toBeNull();
    for (const bad of ['0', '-1', 'x', '', 'Infinity', 'NaN']) expect(workerOptions('?cookieLifetimeDays=' + bad), bad).toBeNull();
    for (const bad of [0, -1, '30', Infinity, NaN, null]) expect(workerOptions('', { cookieLifetimeDays: bad }), String(bad)).toBeNull();
    for (const bad of ['', 'off', 'OPT-OUT']) expect(workerOptions('?gpc=' + bad), bad).toBeNull();
    expect(workerOptions('', { gpc: true })).toBeNull();
  });
});

describe('installConsentWorker', () => {
  it('leaves first-party and unknown hosts untouched; refuses a vendor until its purpose is granted, then fetches it', async () => {
    const w = fakeScope('other=1');
    installConsentWorker(w.scope, rules, workerOptions(''), true);
    await w.settle();
    expect(await w.request('https://www.shop.test/app.js')).toBe('untouched');
    expect(await w.request('https://cdn.example/lib.js')).toBe('untouched');
    expect(await w.request('https://js.usemessages.com/conversations-embed.js')).toBe('refused');
    // a grant in the page: the very next request reads the cookie before refusing, and is fetched
    w.setCookies(cookie(granted));
    expect(await w.request('https://js.usemessages.com/conversations-embed.js')).toBe('fetched by the worker: vendor');
    expect(await w.request('https://api.hubspot.com/x')).toBe('fetched by the worker: vendor');
    // only the granted purpose: the analytics host stays refused
    expect(await w.request('https://track.hubspot.com/__ptq.gif')).toBe('refused');
    expect(w.fetched).toEqual(['https://js.usemessages.com/conversations-embed.js', 'https://api.hubspot.com/x']);
  });

  it('follows cookiechange: a withdrawal refuses again', async () => {
    const w = fakeScope(cookie(granted));
    installConsentWorker(w.scope, rules, workerOptions(''), true);
    await w.settle();
    expect(await w.request('https://api.hubspot.com/x')).toBe('fetched by the worker: vendor');
    w.setCookies(cookie({ ...granted, d: { functional: false, analytics: false, marketing: false } }));
    w.event('cookiechange');
    await w.settle();
    expect(await w.request('https://api.hubspot.com/x')).toBe('refused');
  });

  it('a withdrawal counts for the very next vendor request, before the cookie change event reaches the worker', async () => {
    const w = fakeScope(cookie(granted));
    installConsentWorker(w.scope, rules, workerOptions(''), true);
    await w.settle();
    expect(await w.request('https://api.hubspot.com/x')).toBe('fetched by the worker: vendor');
    // the page withdraws; no cookiechange has been dispatched yet
    w.setCookies(cookie({ ...granted, d: { functional: false, analytics: false, marketing: false } }));
    expect(await w.request('https://api.hubspot.com/y')).toBe('refused');
    expect(w.fetched).toEqual(['https://api.hubspot.com/x']);
  });

  it("what needs no consent passes untouched: a tag the page's config runs in Consent Mode's advanced mode", async () => {
    const config = { vendors: { 'google-analytics': { measurementId: 'G-TEST123', consentMode: 'advanced' } } };
    const w = fakeScope('other=1');
    installConsentWorker(w.scope, workerRules(rules, config)!, workerOptions('', config), true);
    await w.settle();
    expect(await w.request('https://www.googletagmanager.com/gtag/js?id=G-TEST123')).toBe('untouched');
    expect(w.fetched).toEqual([]);
  });

  it('fails closed: no options, another policy version, a tampered or undecodable record', async () => {
    for (const [jar, options] of [
      [cookie(granted), null],
      [cookie({ ...granted, p: '2' }), workerOptions('')],
      // (analytics turned on by hand: the checksum no longer holds, so nothing at all is granted)
      [cookie(granted).replace('%22analytics%22%3Afalse', '%22analytics%22%3Atrue'), workerOptions('')],
      ['consent_gate=%E0%A4%A', workerOptions('')],
      [cookie(granted, 'other_name'), workerOptions('')],
    ] as const) {
      const w = fakeScope(jar);
      installConsentWorker(w.scope, rules, options, true);
      await w.settle();
      expect(await w.request('https://api.hubspot.com/x'), jar).toBe('refused');
    }
  });

  it('honours exactly the records the head guard honours: the configured lifetime (capped), clock skew, the GPC signal and setting', async () => {
    const day = 86_400_000;
    const all = { functional: true, analytics: true, marketing: true };
    const records: [string, ConsentRecord][] = [
      ['fresh', { ...granted, d: all }],
      ['10 days old', { ...granted, d: all, t: Date.now() - 10 * day }],
      ['40 days old', { ...granted, d: all, t: Date.now() - 40 * day }],
      ['100 days old', { ...granted, d: all, t: Date.now() - 100 * day }],
      ['500 days old', { ...granted, d: all, t: Date.now() - 500 * day }],
      ['a minute ahead', { ...granted, d: all, t: Date.now() + 60_000 }],
      ['a day ahead', { ...granted, d: all, t: Date.now() + day }],
      ['decided under GPC', { ...granted, d: all, g: 1 }],
      ['a vendor of its own', { ...granted, o: { 'meta-pixel': true } }],
    ];
    const configs = [
      {},
      { cookieLifetimeDays: 30 },
      { cookieLifetimeDays: 1000 },
      { gpc: 'reject-all' },
      { gpc: 'ignore' },
      { cookieLifetimeDays: 7, gpc: 'opt-out' },
    ] as const;
    const urls = [
      'https://js.usemessages.com/conversations-embed.js',
      'https://track.hubspot.com/__ptq.gif',
      'https://connect.facebook.net/en_US/fbevents.js',
    ];
    const seen = new Set<string>();
    for (const [name, record] of records)
      for (const config of configs)
        for (const signal of [false, true]) {
          const jar = cookie(record);
          const setup = guardSetup({ vendors: {}, ...config }, rules, signal);
          const query = '?' + new URLSearchParams(Object.entries(config).map(([k, v]) => [k, String(v)])).toString();
          const w = fakeScope(jar, { globalPrivacyControl: signal });
          installConsentWorker(w.scope, rules, workerOptions(query), true);
          await w.settle();
          for (const url of urls) {
            const m = matchUrl(rules, url)!;
            const guard = guardAllows(setup, jar, Date.now())(m.v, m.p);
            const worker = (await w.request(url)) !== 'refused';
            expect(worker, `${name}, ${JSON.stringify(config)}, GPC ${signal}: ${url}`).toBe(guard);
            seen.add(String(guard));
          }
        }
    // (both answers were given: the comparison above could fail either way)
    expect(seen).toEqual(new Set(['true', 'false']));
    // the case of the issue: a record older than a shortened lifetime grants nothing
    const old = fakeScope(cookie(records[3]![1]));
    installConsentWorker(old.scope, rules, workerOptions('?cookieLifetimeDays=30'), true);
    await old.settle();
    expect(await old.request(urls[0]!)).toBe('refused');
  });

  it('without a Cookie Store: refused until the page posts its cookies, which it then follows', async () => {
    const w = fakeScope(null);
    installConsentWorker(w.scope, rules, workerOptions(''), true);
    await w.settle();
    expect(await w.request('https://api.hubspot.com/x')).toBe('refused');
    w.event('message', { data: { type: COOKIE_MESSAGE, cookie: cookie(granted) } });
    expect(await w.request('https://api.hubspot.com/x')).toBe('fetched by the worker: vendor');
    w.event('message', { data: { type: 'something else', cookie: '' } });
    expect(await w.request('https://api.hubspot.com/x')).toBe('fetched by the worker: vendor');
    w.event('message', { data: { type: COOKIE_MESSAGE, cookie: 42 } });
    expect(await w.request('https://api.hubspot.com/x')).toBe('refused');
  });

  it('registered on its own it takes over at once and subscribes to the record cookie; imported, it leaves the lifecycle alone', async () => {
    const own = fakeScope('');
    installConsentWorker(own.scope, rules, workerOptions('?cookieName=shop_consent'), true);
    own.event('install');
    own.event('activate');
    await own.settle();
    expect([...own.calls].sort()).toEqual([
      'claim',
      'skipWaiting',
      'subscribe [{"name":"shop_consent","url":"https://www.shop.test/"}]',
      'subscribe [{"name":"shop_consent","url":"https://www.shop.test/"}]',
    ]);
    const imported = fakeScope('');
    installConsentWorker(imported.scope, rules, workerOptions('', {}), false);
    imported.event('install');
    imported.event('activate');
    await imported.settle();
    expect(imported.calls.filter((c) => !c.startsWith('subscribe'))).toEqual([]);
  });

  it('a refused request is kept from later listeners (a site worker that imported this one)', async () => {
    const w = fakeScope('');
    installConsentWorker(w.scope, rules, workerOptions(''), false);
    const e = w.event('fetch', { request: new Request('https://api.hubspot.com/x') });
    expect(e.stopped).toBe(true);
    expect(w.event('fetch', { request: new Request('https://www.shop.test/') }).stopped).toBe(false);
  });
});

describe("a site's own worker handing over the page's config", () => {
  /** The page's config: HubSpot's chat, Google Analytics in advanced mode, a service of the site's own. */
  const config = {
    policyVersion: '1',
    vendors: {
      'hubspot-conversations': { portalId: '1234567' },
      'google-analytics': { measurementId: 'G-TEST123', consentMode: 'advanced' },
      reviews: {
        title: 'Product reviews',
        provider: 'Reviews Ltd',
        purpose: 'marketing',
        privacyPolicyUrl: '/privacy',
        hosts: [{ host: 'widget.reviews.example', path: '/embed/' }],
      },
    },
  };
  const marketing: ConsentRecord = { ...granted, d: { functional: false, analytics: false, marketing: true } };

  it("refuses the site's declared service until its purpose is granted, as the head guard holds it", async () => {
    const table = workerRules(rules, config);
    expect(table).not.toBeNull();
    const w = fakeScope('other=1');
    installConsentWorker(w.scope, table!, workerOptions('', config), true);
    await w.settle();
    expect(await w.request('https://widget.reviews.example/embed/w.js')).toBe('refused');
    // (only the declared path is the service's)
    expect(await w.request('https://widget.reviews.example/about.html')).toBe('untouched');
    expect(await w.request('https://js.usemessages.com/conversations-embed.js')).toBe('refused');
    w.setCookies(cookie(marketing));
    expect(await w.request('https://widget.reviews.example/embed/w.js')).toBe('fetched by the worker: vendor');
    expect(await w.request('https://js.usemessages.com/conversations-embed.js')).toBe('refused');
  });

  it("lets a tag the config runs in Consent Mode's advanced mode load before consent, as the page does; its cookies still wait", async () => {
    const w = fakeScope('other=1');
    installConsentWorker(w.scope, workerRules(rules, config)!, workerOptions('', config), true);
    await w.settle();
    expect(await w.request('https://www.googletagmanager.com/gtag/js?id=G-TEST123')).toBe('untouched');
    // the catalog alone (a worker registered by URL) refuses it
    const plain = fakeScope('other=1');
    installConsentWorker(plain.scope, workerRules(rules, undefined)!, workerOptions(''), true);
    await plain.settle();
    expect(await plain.request('https://www.googletagmanager.com/gtag/js?id=G-TEST123')).toBe('refused');
  });

  it('options alone, or no object: the catalog rules as built', () => {
    expect(workerRules(rules, { cookieName: 'consent_gate', policyVersion: '1' })).toBe(rules);
    expect(workerRules(rules, undefined)).toBe(rules);
  });

  it('a config the head guard cannot read: null, and the worker started without options refuses every vendor, granted or not', async () => {
    const broken = { vendors: { reviews: { title: 'Reviews', purpose: 'sometimes', hosts: [{ host: 'widget.reviews.example' }] } } };
    expect(workerRules(rules, broken)).toBeNull();
    expect(workerRules(rules, { vendors: 'hubspot-conversations' })).toBeNull();
    const w = fakeScope(cookie({ ...granted, d: { functional: true, analytics: true, marketing: true } }));
    // as dist/consent-gate-sw.js starts it (src/sw/entry.ts): the catalog's rules, no options
    installConsentWorker(w.scope, rules, null, true);
    await w.settle();
    expect(await w.request('https://js.usemessages.com/conversations-embed.js')).toBe('refused');
    expect(await w.request('https://www.shop.test/app.js')).toBe('untouched');
  });
});
