import { afterEach, describe, expect, it } from 'vitest';
import Cookies from 'js-cookie';
import { assembleGate } from '../../src/create';
import { testRuntime } from './runtime-kit';
import { auditFeature } from '../../src/audit/feature';
import { declarationEntries, lifetimeInWords, renderDeclaration } from '../../src/entries/audit';
import { matchCookie, matchHost, matchStorage } from '../../src/audit/match';
import { inspect } from '../../src/audit/inspect';
import { cookieNamesIn as cookieNames } from '../../src/cleanup/index';
import { evaluateScan, renderScanReportHtml, type PhaseObservation } from '../../src/audit/scan';
import { ConsentGateConfigError } from '../../src/errors';
import { catalog } from '../../vendors/index';
import type { GuardBridge } from '../../src/types';
import type { VendorData } from '../../src/types';

const hubspot = catalog.find((v) => v.id === 'hubspot-conversations')!;

const chatVendor: VendorData = {
  id: 'acme-chat',
  title: 'Acme <Chat>',
  provider: 'Acme, "Inc."',
  privacyPolicyUrl: 'https://acme.example/privacy?a=1&b=2',
  purpose: 'functional',
  summary: 'Chat',
  hosts: [{ host: 'widget.acme.example', purpose: 'functional', description: 'Widget', source: 'docs' }],
  cookies: [
    {
      name: 'acme-id-',
      match: 'prefix',
      purpose: 'functional',
      lifetime: 0,
      description: 'Visitor id, per app: "id", with a comma',
      source: 'docs',
    },
    { name: 'acme-id-special', purpose: 'marketing', lifetime: 86400, description: '=HYPERLINK("x") | pipes <b>', source: 'docs' },
  ],
  storage: [
    { key: 'acme.', match: 'prefix', storage: 'local', purpose: 'functional', lifetime: 0, description: 'Session token', source: 'docs' },
    { key: '.seen', match: 'suffix', storage: 'session', purpose: 'analytics', lifetime: 0, description: 'Seen flag', source: 'docs' },
  ],
  options: {},
};

describe('declaration', () => {
  it('JSON has the IAB device-storage fields for every cookie and key, the consent record first', () => {
    const d = declarationEntries({ vendors: [hubspot, chatVendor], cookieName: 'cg', lifetimeDays: 90, siteHost: 'www.shop.example' });
    expect(d.disclosures[0]).toMatchObject({
      identifier: 'cg',
      type: 'cookie',
      maxAgeSeconds: 90 * 86400,
      purposes: ['necessary'],
      vendor: 'consent-gate',
      domains: ['www.shop.example'],
    });
    const hstc = d.disclosures.find((e) => e.identifier === '__hstc')!;
    expect(hstc).toMatchObject({
      type: 'cookie',
      maxAgeSeconds: 15778800,
      lifetime: '6 months',
      cookieRefresh: true,
      domains: ['.shop.example'],
      purposes: ['analytics'],
      vendor: 'hubspot-conversations',
      provider: 'HubSpot, Inc.',
      privacyPolicyUrl: 'https://legal.hubspot.com/privacy-policy',
    });
    expect(hstc.source).toMatch(/HubSpot knowledge base/);
    expect(d.disclosures.find((e) => e.identifier === 'messagesUtk')!.domains).toEqual(['www.shop.example']);
    expect(d.disclosures.find((e) => e.identifier === 'acme-id-*')).toMatchObject({ maxAgeSeconds: 0, lifetime: 'session' });
    expect(d.disclosures.find((e) => e.identifier === 'acme.*')).toMatchObject({
      type: 'web',
      storage: 'local',
      maxAgeSeconds: null,
      lifetime: 'until removed',
    });
    expect(d.disclosures.find((e) => e.identifier === '*.seen')).toMatchObject({
      type: 'web',
      storage: 'session',
      lifetime: 'until the tab closes',
    });
    expect(d.disclosures).toHaveLength(1 + hubspot.cookies.length + 4);
    expect(d.domains.map((x) => x.domain)).toEqual(expect.arrayContaining(['*.usemessages.com', 'widget.acme.example']));
    expect(declarationEntries({ vendors: [hubspot] }).disclosures[1]!.domains).toEqual(['*']);
  });

  it('parent-domain cookies live on the registrable domain, found with the public-suffix list (www.shop.co.uk → .shop.co.uk)', () => {
    const d = declarationEntries({ vendors: [hubspot], siteHost: 'www.shop.co.uk' });
    expect(d.disclosures.find((e) => e.identifier === '__hstc')!.domains).toEqual(['.shop.co.uk']);
    expect(d.disclosures.find((e) => e.identifier === 'messagesUtk')!.domains).toEqual(['www.shop.co.uk']);
    const deep = declarationEntries({ vendors: [hubspot], siteHost: 'a.b.shop.example.com' });
    expect(deep.disclosures.find((e) => e.identifier === '__hstc')!.domains).toEqual(['.example.com']);
    // an IP address or localhost has no parent domain: the cookie is on the host
    expect(
      declarationEntries({ vendors: [hubspot], siteHost: 'localhost' }).disclosures.find((e) => e.identifier === '__hstc')!.domains,
    ).toEqual(['localhost']);
    // the browser runtime says which domain it found; it is taken as given
    expect(
      declarationEntries({ vendors: [hubspot], siteHost: 'www.shop.co.uk', siteDomain: 'shop.co.uk' }).disclosures.find(
        (e) => e.identifier === '__hstc',
      )!.domains,
    ).toEqual(['.shop.co.uk']);
  });

  it('CSV quotes commas and quotes and defuses formulas; Markdown escapes pipes', () => {
    const csv = renderDeclaration('csv', { vendors: [chatVendor] });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'identifier,type,purposes,maxAgeSeconds,lifetime,cookieRefresh,domains,vendor,provider,privacyPolicyUrl,description,source',
    );
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(csv).toContain('"Visitor id, per app: ""id"", with a comma"');
    expect(csv).toContain(`"'=HYPERLINK(""x"") | pipes <b>"`);
    expect(csv).toContain('"Acme, ""Inc."""');
    const md = renderDeclaration('md', { vendors: [chatVendor] });
    expect(md).toContain('=HYPERLINK("x") \\| pipes <b>');
    expect(md.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(5);
  });

  it('HTML escapes vendor text, shows the current choice per purpose and a change-settings button', () => {
    const undecided = renderDeclaration('html', { vendors: [chatVendor], nonce: 'n0nce' });
    expect(undecided).toContain('Acme &lt;Chat&gt;');
    expect(undecided).not.toContain('<Chat>');
    expect(undecided).toContain('href="https://acme.example/privacy?a=1&amp;b=2"');
    expect(undecided).toContain('<style nonce="n0nce">');
    expect(undecided).toContain('<button type="button" data-consent-gate-settings>Change settings</button>');
    expect(undecided).toMatch(/data-consent-gate-decision="functional" data-state="undecided">Not decided yet \(off\)/);
    const decided = renderDeclaration('html', {
      vendors: [chatVendor],
      decisions: { decided: true, purposes: { necessary: true, functional: true, analytics: false, marketing: false } },
    });
    expect(decided).toMatch(/data-consent-gate-decision="functional" data-state="on">Allowed/);
    expect(decided).toMatch(/data-consent-gate-decision="analytics" data-state="off">Not allowed/);
    expect(decided).toMatch(/data-consent-gate-decision="necessary" data-state="on">Always on/);
  });

  it('an unknown format is a typed error naming the expected formats', () => {
    expect(() => renderDeclaration('xml' as never, { vendors: [] })).toThrow(ConsentGateConfigError);
    expect(() => renderDeclaration('xml' as never, { vendors: [] })).toThrow(/"json", "csv", "md", "html"/);
  });

  it('lifetimes in words', () => {
    expect(lifetimeInWords(0)).toBe('session');
    expect(lifetimeInWords(1800)).toBe('30 minutes');
    expect(lifetimeInWords(86400)).toBe('1 day');
    expect(lifetimeInWords(180 * 86400)).toBe('180 days');
    expect(lifetimeInWords(6 * 2629800)).toBe('6 months');
    expect(lifetimeInWords(365.25 * 86400 * 2)).toBe('2 years');
    expect(lifetimeInWords(61)).toBe('61 seconds');
  });
});

describe('matching', () => {
  it('hosts: exact hosts beat wildcards; wildcards do not match look-alike domains', () => {
    expect(matchHost('https://app.hubspot.com/conversations-visitor/1', [hubspot])!.rule.purpose).toBe('functional');
    expect(matchHost('https://js.hubspot.com/web-interactives-embed.js', [hubspot])!.rule.purpose).toBe('marketing');
    expect(matchHost('https://js-eu1.hs-scripts.com/1.js', [hubspot])!.rule.host).toBe('*.hs-scripts.com');
    expect(matchHost('https://evilhs-scripts.com/1.js', [hubspot])).toBeNull();
    expect(matchHost('not a url', [hubspot])).toBeNull();
  });

  it('cookies and keys: exact beats prefix; suffix and storage kind respected', () => {
    expect(matchCookie('acme-id-special', [chatVendor])!.rule.purpose).toBe('marketing');
    expect(matchCookie('acme-id-42', [chatVendor])!.rule.purpose).toBe('functional');
    expect(matchCookie('acme', [chatVendor])).toBeNull();
    expect(matchStorage('acme.token', 'local', [chatVendor])!.rule.purpose).toBe('functional');
    expect(matchStorage('acme.token', 'session', [chatVendor])).toBeNull();
    expect(matchStorage('x.seen', 'session', [chatVendor])!.rule.purpose).toBe('analytics');
  });
});

describe('inspect', () => {
  it('flags cookies present without their purpose and marks unknown ones undeclared', () => {
    const items = inspect({
      cookies: cookieNames('consent_gate=x; __hstc=1; messagesUtk=2; session_id=3; __hstc=parent'),
      local: ['acme.token'],
      session: [],
      vendors: [hubspot, chatVendor],
      cookieName: 'consent_gate',
      allows: (_vendor, purpose) => purpose === 'functional',
    });
    const by = (name: string) => items.filter((i) => i.name === name);
    expect(by('consent_gate')[0]).toMatchObject({ vendor: 'consent-gate', purpose: 'necessary', declared: true, violation: false });
    expect(by('__hstc')).toHaveLength(2);
    expect(by('__hstc')[0]).toMatchObject({ vendor: 'hubspot-conversations', purpose: 'analytics', allowed: false, violation: true });
    expect(by('messagesUtk')[0]).toMatchObject({ allowed: true, violation: false });
    expect(by('session_id')[0]).toMatchObject({ vendor: null, purpose: null, declared: false, violation: false });
    expect(by('acme.token')[0]).toMatchObject({ kind: 'local', vendor: 'acme-chat', violation: false });
  });
});

describe('audit feature on the gate', () => {
  const gates: { destroy(): void }[] = [];
  afterEach(() => {
    for (const g of gates.splice(0)) g.destroy();
    for (const name of Object.keys(Cookies.get())) Cookies.remove(name, { path: '/' });
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('audit() follows the decisions and carries the guard log; declaration() reflects config and choices', () => {
    const log = [
      {
        time: 1,
        kind: 'script',
        target: 'https://js.usemessages.com/conversations-embed.js',
        vendor: 'hubspot-conversations',
        purpose: 'functional' as const,
      },
    ];
    const guard: GuardBridge = { update() {}, blocked: () => log, onBlocked() {} };
    const gate = assembleGate(
      { vendors: { 'hubspot-conversations': { portalId: '1' } }, cookieName: 'my_consent', cookieLifetimeDays: 30 },
      testRuntime({ guard, features: [auditFeature] }),
    );
    gates.push(gate);
    document.cookie = '__hstc=1; path=/';
    document.cookie = 'unknown_one=1; path=/';
    const audit = (gate.audit as () => ReturnType<ReturnType<typeof auditFeature>['audit']>)();
    expect(audit.violations.map((v) => v.name)).toEqual(['__hstc']);
    expect(audit.undeclared.map((v) => v.name)).toEqual(['unknown_one']);
    expect(audit.blocked).toEqual(log);
    gate.grant('analytics');
    const after = (gate.audit as () => typeof audit)();
    expect(after.violations).toEqual([]);
    expect(after.items.find((i) => i.name === 'my_consent')).toMatchObject({ purpose: 'necessary', declared: true });

    const json = JSON.parse((gate.declaration as (f: string) => string)('json'));
    expect(json.disclosures[0]).toMatchObject({ identifier: 'my_consent', maxAgeSeconds: 30 * 86400 });
    const html = (gate.declaration as (f: string) => string)('html');
    expect(html).toMatch(/data-consent-gate-decision="analytics" data-state="on">Allowed/);
    expect(html).toMatch(/data-consent-gate-decision="functional" data-state="off">Not allowed/);
  });

  it("keeps embedded declarations' current-choice cells in step with decisions", () => {
    document.body.innerHTML = renderDeclaration('html', { vendors: [hubspot] });
    const gate = assembleGate({ vendors: { 'hubspot-conversations': { portalId: '1' } } }, testRuntime({ features: [auditFeature] }));
    gates.push(gate);
    const cell = () => document.querySelector('[data-consent-gate-decision="functional"]')!;
    expect(cell().textContent).toBe('Not decided yet (off)');
    gate.grant('functional');
    expect(cell().textContent).toBe('Allowed');
    expect(cell().getAttribute('data-state')).toBe('on');
    gate.revoke('functional');
    expect(cell().textContent).toBe('Not allowed');
  });
});

describe('scan verdicts', () => {
  const cookie = (name: string, domain: string, setBy: string[] = []) => ({
    name,
    domain,
    path: '/',
    expires: -1,
    httpOnly: false,
    secure: true,
    setBy,
  });
  const req = (url: string) => ({ url, host: new URL(url).host, method: 'GET', resourceType: 'script', status: 200 });
  const phases = (overrides: Partial<Record<'a' | 'b' | 'c', Partial<PhaseObservation>>> = {}): PhaseObservation[] => [
    { id: 'before-consent', action: 'load', at: 0, cookies: [], storage: [], requests: [], ...overrides.a },
    { id: 'after-accept', action: 'accept', at: 0, cookies: [], storage: [], requests: [], ...overrides.b },
    { id: 'after-withdrawal', action: 'withdraw', at: 0, cookies: [], storage: [], requests: [], ...overrides.c },
  ];
  const run = (p: PhaseObservation[]) =>
    evaluateScan({
      url: 'https://www.shop.test/',
      startedAt: 's',
      finishedAt: 'f',
      phases: p,
      vendors: [hubspot],
      cookieName: 'consent_gate',
    });

  it('a clean run has no violations; the record and first-party hosts are fine', () => {
    const r = run(
      phases({
        a: { requests: [req('https://www.shop.test/dist/consent-gate.js')] },
        b: { cookies: [cookie('consent_gate', 'www.shop.test')] },
        c: { cookies: [cookie('consent_gate', 'www.shop.test')] },
      }),
    );
    expect(r.clean).toBe(true);
    expect(r.violations).toEqual([]);
  });

  it('names vendor hosts, cookies and keys before consent, undeclared cookies, and what survives withdrawal', () => {
    const r = run(
      phases({
        a: {
          requests: [
            req('https://js.hs-scripts.com/1.js'),
            req('https://js.usemessages.com/conversations-embed.js'),
            req('https://www.shop.test/'),
          ],
          cookies: [cookie('__hstc', '.shop.test', ['https://js.hs-analytics.net/a.js']), cookie('__cf_bm', '.hubspot.com')],
        },
        b: { cookies: [cookie('site_tracker', 'www.shop.test'), cookie('hubspotutk', '.shop.test')] },
        c: {
          cookies: [cookie('site_tracker', 'www.shop.test'), cookie('hubspotutk', '.shop.test'), cookie('consent_gate', 'www.shop.test')],
          requests: [req('https://track.hubspot.com/__ptq.gif')],
        },
      }),
    );
    const kinds = r.violations.map((v) => `${v.kind}:${v.target}${v.domain ? `@${v.domain}` : ''}`);
    expect(kinds).toEqual([
      'host-before-consent:js.hs-scripts.com',
      'host-before-consent:js.usemessages.com',
      'cookie-before-consent:__hstc@.shop.test',
      'undeclared-cookie:site_tracker@www.shop.test',
      'cookie-after-withdrawal:site_tracker@www.shop.test',
      'cookie-after-withdrawal:hubspotutk@.shop.test',
      'host-after-withdrawal:track.hubspot.com',
    ]);
    expect(r.violations[2]!.evidence).toEqual(['set by https://js.hs-analytics.net/a.js']);
    expect(r.phases.map((p) => p.violations)).toEqual([3, 1, 3]);
    expect(r.clean).toBe(false);
  });

  it('draws no withdrawal verdicts when the scanner could not withdraw', () => {
    const r = run(phases({ c: { performed: false, cookies: [cookie('hubspotutk', '.shop.test')] } }));
    expect(r.violations).toEqual([]);
  });

  it('the HTML report escapes what pages control and lists every violation', () => {
    const r = run(phases({ a: { cookies: [cookie('__hstc', '.shop.test', ['https://x.test/<script>.js'])] } }));
    const html = renderScanReportHtml(r);
    expect(html).toContain('1 violation found');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Vendor cookie present before consent');
  });
});
