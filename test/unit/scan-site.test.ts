// @vitest-environment node
/**
 * The scanner's report additions as pure functions: vendor tags written in
 * the HTML (listed, and named as the evidence of a request before consent),
 * screenshots, and a whole site summed up per vendor and per cookie.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../vendors/index';
import { compileRules } from '../../src/guard/rules';
import { rewriteHtml } from '../../src/audit/rewrite';
import { evaluateScan, renderScanReportHtml, renderSiteReportHtml, summarizeSite, type PhaseObservation } from '../../src/audit/scan';

const rules = compileRules(catalog);
const cookie = (name: string, domain: string) => ({ name, domain, path: '/', expires: -1, httpOnly: false, secure: true, setBy: [] });
const req = (url: string) => ({ url, host: new URL(url).host, method: 'GET', resourceType: 'script', status: 200 });
const phases = (
  a: Partial<PhaseObservation> = {},
  b: Partial<PhaseObservation> = {},
  c: Partial<PhaseObservation> = {},
): PhaseObservation[] => [
  {
    id: 'before-consent',
    action: 'load',
    at: 0,
    cookies: [],
    storage: [],
    requests: [],
    screenshot: 'screenshots/1-before-consent.jpg',
    ...a,
  },
  { id: 'after-accept', action: 'accept', at: 0, cookies: [cookie('consent_gate', 'www.shop.test')], storage: [], requests: [], ...b },
  {
    id: 'after-withdrawal',
    action: 'withdraw',
    at: 0,
    cookies: [cookie('consent_gate', 'www.shop.test')],
    storage: [],
    requests: [],
    ...c,
  },
];
const HTML =
  '<!doctype html>\n<body>\n  <script async src="//js.hs-scripts.com/1234567.js"></script>\n  <img src="https://track.hubspot.com/__ptq.gif" data-src="/x.png">\n</body>';
const scan = (url: string, p: PhaseObservation[], html = '') => {
  const { changes, left } = rewriteHtml(html, rules, { baseUrl: url });
  return evaluateScan({
    url,
    startedAt: 's',
    finishedAt: 'f',
    phases: p,
    vendors: catalog,
    cookieName: 'consent_gate',
    markup: [...changes, ...left],
  });
};

describe('scan report: vendor tags in the HTML', () => {
  it('lists each tag with its position and markup form, and names it as the evidence of the request it made', () => {
    const report = scan('https://www.shop.test/', phases({ requests: [req('https://js.hs-scripts.com/1234567.js')] }), HTML);
    expect(report.markup.map((t) => [t.line, t.column, t.element, t.vendor, t.rewritten === null])).toEqual([
      [3, 3, 'script', 'hubspot-conversations', false],
      [4, 3, 'img', 'hubspot-conversations', true],
    ]);
    expect(report.violations).toHaveLength(1);
    expect(report.violations[0]!.evidence).toEqual([
      'https://js.hs-scripts.com/1234567.js',
      'written in the HTML at line 3:3: <script async src="//js.hs-scripts.com/1234567.js">',
    ]);
    const html = renderScanReportHtml(report);
    expect(html).toContain('<div id="markup">');
    expect(html).toContain(
      '&lt;script type=&quot;text/plain&quot; data-consent-gate=&quot;hubspot-conversations&quot; async data-src=&quot;//js.hs-scripts.com/1234567.js&quot;&gt;',
    );
    expect(html).toContain('rewrite by hand: the tag already has a data-src attribute');
    expect(html).toContain('<img src="screenshots/1-before-consent.jpg"');
  });
});

describe('summarizeSite', () => {
  const home = scan('https://www.shop.test/', phases());
  const shop = scan(
    'https://www.shop.test/shop/',
    phases(
      { cookies: [cookie('shop_visitor_id', 'www.shop.test')], requests: [req('https://js.hs-scripts.com/1234567.js')] },
      { cookies: [cookie('consent_gate', 'www.shop.test'), cookie('__hstc', '.shop.test')] },
    ),
    HTML,
  );
  const site = summarizeSite({ url: 'https://www.shop.test/', startedAt: 's', finishedAt: 'f', pages: [home, shop], notes: ['a note'] });

  it("gathers every page's violations, each naming its page", () => {
    expect(site.clean).toBe(false);
    expect(site.violations.map((v) => [v.page, v.kind, v.target])).toEqual([
      ['https://www.shop.test/shop/', 'host-before-consent', 'js.hs-scripts.com'],
      ['https://www.shop.test/shop/', 'undeclared-cookie', 'shop_visitor_id'],
    ]);
    expect(site.pages).toEqual([home, shop]);
    expect(site.notes).toEqual(['a note']);
  });

  it('sums up per vendor (hosts, cookies, pages and phases, tags in the HTML) and per cookie (pages and phases)', () => {
    expect(site.vendors).toEqual([
      {
        vendor: 'hubspot-conversations',
        purposes: ['functional', 'analytics'],
        hosts: ['js.hs-scripts.com'],
        cookies: ['__hstc@.shop.test'],
        storage: [],
        pages: [{ url: 'https://www.shop.test/shop/', phases: ['before-consent', 'after-accept'] }],
        tags: 2,
        violations: 1,
      },
    ]);
    expect(site.cookies.map((c) => [c.name, c.declared, c.pages, c.violations])).toEqual([
      ['__hstc', true, [{ url: 'https://www.shop.test/shop/', phases: ['after-accept'] }], 0],
      [
        'consent_gate',
        true,
        [
          { url: 'https://www.shop.test/', phases: ['after-accept', 'after-withdrawal'] },
          { url: 'https://www.shop.test/shop/', phases: ['after-accept', 'after-withdrawal'] },
        ],
        0,
      ],
      ['shop_visitor_id', false, [{ url: 'https://www.shop.test/shop/', phases: ['before-consent'] }], 1],
    ]);
  });

  it('renders one page for the site: verdict, pages, violations with their page, vendors, cookies, then each page', () => {
    const html = renderSiteReportHtml(site);
    expect(html).toContain('<p class="verdict violations" id="verdict">2 violations on 1 of 2 pages</p>');
    expect(html).toContain('<a href="#page-2">https://www.shop.test/shop/</a>');
    expect(html).toContain('id="page-2-before-consent"');
    expect(html).toContain('id="vendors"');
    expect(html).toContain('id="cookies"');
    expect(html).not.toMatch(/<script/);
    expect(
      renderSiteReportHtml(summarizeSite({ url: 'https://www.shop.test/', startedAt: 's', finishedAt: 'f', pages: [home] })),
    ).toContain('Clean: no violations on 1 page<');
  });
});
