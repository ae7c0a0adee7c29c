// @vitest-environment node
/**
 * rewriteHtml: vendor tags written in HTML to the markup form, by example.
 * (The property-based run over generated documents is rewrite-fuzz.test.ts;
 * what Chromium fetches for a rewritten page is test/browser/rewrite.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../vendors/index';
import { compileRules, type CompiledRules } from '../../src/guard/rules';
import { readTag, rewriteHtml } from '../../src/audit/rewrite';
import type { VendorData } from '../../src/types';

const rules = compileRules(catalog);
const HS = 'hubspot-conversations';
const one = (html: string, r: CompiledRules = rules) => rewriteHtml(html, r);

describe('rewriteHtml', () => {
  it("rewrites HubSpot's embed code: type, vendor and data-src, every other attribute kept as written", () => {
    const html =
      '<!doctype html>\n<body>\n  <script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/1234567.js"></script>\n</body>';
    const r = one(html);
    expect(r.html).toBe(
      '<!doctype html>\n<body>\n  <script type="text/plain" data-consent-gate="hubspot-conversations" data-type="text/javascript" id="hs-script-loader" async defer data-src="//js.hs-scripts.com/1234567.js"></script>\n</body>',
    );
    expect(r.left).toEqual([]);
    expect(r.changes).toEqual([
      {
        offset: 25,
        line: 3,
        column: 3,
        element: 'script',
        tag: '<script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/1234567.js">',
        rewritten:
          '<script type="text/plain" data-consent-gate="hubspot-conversations" data-type="text/javascript" id="hs-script-loader" async defer data-src="//js.hs-scripts.com/1234567.js">',
        vendor: HS,
        purpose: 'functional',
        attributes: ['src'],
        url: '//js.hs-scripts.com/1234567.js',
      },
    ]);
    expect(one(r.html)).toEqual({ html: r.html, changes: [], left: [] });
  });

  it('keeps nonce, integrity, crossorigin and a module type (as data-type); no type gives none', () => {
    expect(
      one(
        '<script type=module nonce="r4nd0m" integrity="sha384-abc" crossorigin src="https://js.usemessages.com/conversations-embed.js"></script>',
      ).html,
    ).toBe(
      '<script type="text/plain" data-consent-gate="hubspot-conversations" data-type=module nonce="r4nd0m" integrity="sha384-abc" crossorigin data-src="https://js.usemessages.com/conversations-embed.js"></script>',
    );
    expect(one('<script src="https://widget.intercom.io/widget/abc"></script>').html).toBe(
      '<script type="text/plain" data-consent-gate="intercom" data-src="https://widget.intercom.io/widget/abc"></script>',
    );
  });

  it('every element kind keeps its tag, its URL attribute renamed, and gains data-consent-gate', () => {
    const cases: [string, string][] = [
      [
        '<iframe src="https://app.hubspot.com/conversations-visitor/1" title="chat"></iframe>',
        '<iframe data-consent-gate="hubspot-conversations" data-src="https://app.hubspot.com/conversations-visitor/1" title="chat"></iframe>',
      ],
      [
        '<img src="https://track.hubspot.com/__ptq.gif" alt="" width=1>',
        '<img data-consent-gate="hubspot-conversations" data-src="https://track.hubspot.com/__ptq.gif" alt="" width=1>',
      ],
      [
        '<img srcset="/a.png 1x, https://track.hubspot.com/b.gif 2x" src="/a.png">',
        '<img data-consent-gate="hubspot-conversations" data-srcset="/a.png 1x, https://track.hubspot.com/b.gif 2x" src="/a.png">',
      ],
      [
        '<picture><source srcset="https://js.hubspot.com/x.webp"><img src=/x.png></picture>',
        '<picture><source data-consent-gate="hubspot-conversations" data-srcset="https://js.hubspot.com/x.webp"><img src=/x.png></picture>',
      ],
      [
        '<video poster="https://js.hubspot.com/p.png" src="https://js.hubspot.com/v.mp4" controls></video>',
        '<video data-consent-gate="hubspot-conversations" data-poster="https://js.hubspot.com/p.png" data-src="https://js.hubspot.com/v.mp4" controls></video>',
      ],
      [
        '<audio src="https://js.hubspot.com/a.mp3"></audio>',
        '<audio data-consent-gate="hubspot-conversations" data-src="https://js.hubspot.com/a.mp3"></audio>',
      ],
      [
        '<embed src="https://js.hubspot.com/e.swf" type="x">',
        '<embed data-consent-gate="hubspot-conversations" data-src="https://js.hubspot.com/e.swf" type="x">',
      ],
      [
        '<object data="https://js.hubspot.com/o.svg"></object>',
        '<object data-consent-gate="hubspot-conversations" data-data="https://js.hubspot.com/o.svg"></object>',
      ],
      [
        '<link rel="stylesheet" href="https://client.crisp.chat/s.css">',
        '<link data-consent-gate="crisp" rel="stylesheet" data-href="https://client.crisp.chat/s.css">',
      ],
      [
        '<link rel=preconnect href=https://api.hubspot.com>',
        '<link data-consent-gate="hubspot-conversations" rel=preconnect data-href=https://api.hubspot.com>',
      ],
    ];
    for (const [input, output] of cases) {
      const r = one(input);
      expect(r.html, input).toBe(output);
      expect(one(r.html).changes, input).toEqual([]);
    }
  });

  it('leaves first-party tags, links and non-fetching attributes alone', () => {
    const html =
      '<script src="/app.js"></script><a href="https://www.hubspot.com/">HubSpot</a><img src="https://cdn.shop.test/x.png" alt="https://js.hubspot.com/"><div data-src="https://js.hubspot.com/x.js"></div><base href="/">';
    expect(one(html)).toEqual({ html, changes: [], left: [] });
  });

  it('is not fooled by comments, CDATA, script bodies, attribute values holding ">", raw text or textarea', () => {
    const html = [
      '<!-- <script src="https://js.hs-scripts.com/1.js"></script> -->',
      '<script>document.write(\'<script src="https://js.hs-scripts.com/2.js"><\\/script>\'); var s = "<img src=https://track.hubspot.com/x.gif>";</script>',
      '<style>/* <img src="https://track.hubspot.com/s.gif"> */</style>',
      '<textarea><script src="https://js.hs-scripts.com/3.js"></script></textarea>',
      '<title><img src="https://track.hubspot.com/t.gif"></title>',
      '<svg><![CDATA[<img src="https://track.hubspot.com/c.gif">]]></svg>',
      '<p title="a > b <img src=https://track.hubspot.com/a.gif>">text</p>',
    ].join('\n');
    expect(one(html)).toEqual({ html, changes: [], left: [] });
  });

  it('reads uppercase, unquoted, single-quoted and repeated attributes, and character references in URLs', () => {
    expect(one('<SCRIPT SRC=https://js.hs-scripts.com/1.js ASYNC></SCRIPT>').html).toBe(
      '<SCRIPT type="text/plain" data-consent-gate="hubspot-conversations" data-SRC=https://js.hs-scripts.com/1.js ASYNC></SCRIPT>',
    );
    expect(one("<img src='https://track.hubspot.com/x.gif'>").html).toBe(
      '<img data-consent-gate="hubspot-conversations" data-src=\'https://track.hubspot.com/x.gif\'>',
    );
    // the browser uses the first src; the copy must not come to life when the first is renamed
    expect(one('<img src="https://track.hubspot.com/a.gif" src="/own.png">').html).toBe(
      '<img data-consent-gate="hubspot-conversations" data-src="https://track.hubspot.com/a.gif" data-src="/own.png">',
    );
    expect(one('<img src="https&#58;//track.hubspot.com&#x2F;a.gif">').changes[0]).toMatchObject({
      vendor: HS,
      url: 'https://track.hubspot.com/a.gif',
    });
    expect(one('<img src="  https://TRACK.HubSpot.com/a.gif  ">').changes).toHaveLength(1);
    expect(one('<img/src=https://track.hubspot.com/a.gif>').html).toBe(
      '<img data-consent-gate="hubspot-conversations"/data-src=https://track.hubspot.com/a.gif>',
    );
    expect(one('<img\nsrc\n=\n"https://track.hubspot.com/a.gif"\n>').html).toBe(
      '<img data-consent-gate="hubspot-conversations"\ndata-src\n=\n"https://track.hubspot.com/a.gif"\n>',
    );
  });

  it('positions: line and column of each tag, counting \\r\\n and \\r as one line break', () => {
    const r = one('<p>\r\n<p>\r<p>\n   <img src=https://track.hubspot.com/a.gif>\r\n<script src=https://js.usemessages.com/x.js></script>');
    expect(r.changes.map((c) => [c.line, c.column, c.element])).toEqual([
      [4, 4, 'img'],
      [5, 1, 'script'],
    ]);
    expect(r.changes.map((c) => c.offset)).toEqual([16, 59]);
  });

  it('a tag already in the markup form, or with data-consent-gate, is not marked twice', () => {
    const form = '<script type="text/plain" data-consent-gate="hubspot-conversations" data-src="https://js.hs-scripts.com/1.js"></script>';
    expect(one(form).changes).toEqual([]);
    expect(one('<img data-consent-gate="hubspot-conversations" src="https://track.hubspot.com/a.gif">').html).toBe(
      '<img data-consent-gate="hubspot-conversations" data-src="https://track.hubspot.com/a.gif">',
    );
  });

  it('a tag that already has the attribute the markup form needs is left as written, with the reason', () => {
    const html =
      '<img src="https://track.hubspot.com/a.gif" data-src="/lazy.png"><script type=module data-type=x src="https://js.hs-scripts.com/1.js"></script>';
    const r = one(html);
    expect(r.html).toBe(html);
    expect(r.changes).toEqual([]);
    expect(r.left.map((t) => [t.element, t.reason])).toEqual([
      ['img', expect.stringContaining('already has a data-src attribute')],
      ['script', expect.stringContaining('already has a data-type attribute')],
    ]);
  });

  it('<noscript> content (what a browser without scripts parses) and <iframe srcdoc> documents', () => {
    const r = one('<noscript><img src="https://track.hubspot.com/__ptq.gif?a=1&amp;b=2" height="1"></noscript>');
    expect(r.html).toBe(
      '<noscript><img data-consent-gate="hubspot-conversations" data-src="https://track.hubspot.com/__ptq.gif?a=1&amp;b=2" height="1"></noscript>',
    );
    expect(r.changes[0]).toMatchObject({ within: 'noscript', offset: 10, column: 11 });
    const doc = one('<iframe title=x srcdoc="<p class=&quot;a&quot;>&amp;<script src=https://js.hs-scripts.com/1.js></script>"></iframe>');
    expect(doc.html).toBe(
      '<iframe title=x srcdoc="<p class=&quot;a&quot;>&amp;<script type=&quot;text/plain&quot; data-consent-gate=&quot;hubspot-conversations&quot; data-src=https://js.hs-scripts.com/1.js></script>"></iframe>',
    );
    expect(doc.changes[0]).toMatchObject({ within: 'srcdoc', offset: 0, element: 'script' });
    expect(one(doc.html).changes).toEqual([]);
  });

  it('resolves relative URLs against baseUrl and <base href>; SVG hrefs count', () => {
    expect(one('<script src="/1.js"></script>').changes).toEqual([]);
    expect(rewriteHtml('<script src="/1.js"></script>', rules, { baseUrl: 'https://js.hs-scripts.com/' }).changes).toHaveLength(1);
    expect(one('<head><base href="https://js.hs-scripts.com/"></head><script src="1.js"></script>').changes).toHaveLength(1);
    expect(
      one('<svg><image href="https://track.hubspot.com/a.png"/><image xlink:href="https://track.hubspot.com/b.png"/></svg>').html,
    ).toBe(
      '<svg><image data-consent-gate="hubspot-conversations" data-href="https://track.hubspot.com/a.png"/><image data-consent-gate="hubspot-conversations" data-xlink:href="https://track.hubspot.com/b.png"/></svg>',
    );
  });

  it('takes the rules as input: a vendor the rules name changes, one they do not stays', () => {
    const own: VendorData = {
      id: 'shop-analytics',
      title: 'Shop analytics',
      provider: 'Shop',
      privacyPolicyUrl: 'https://www.shop.test/privacy',
      purpose: 'analytics',
      summary: 's',
      hosts: [{ host: 'stats.shop-analytics.test', purpose: 'analytics', description: 'd', source: 's' }],
      cookies: [],
      storage: [],
      options: {},
    };
    const html = '<script src="https://stats.shop-analytics.test/s.js"></script><script src="https://js.hs-scripts.com/1.js"></script>';
    const r = one(html, compileRules([own]));
    expect(r.changes.map((c) => [c.vendor, c.purpose])).toEqual([['shop-analytics', 'analytics']]);
    expect(r.html).toContain('<script src="https://js.hs-scripts.com/1.js">');
  });

  it('wrong input types get a TypeError naming the parameter', () => {
    expect(() => rewriteHtml(null as unknown as string, rules)).toThrow(/html: expected a string/);
    expect(() => rewriteHtml('', {} as CompiledRules)).toThrow(/rules: expected compiled rules/);
    expect(() => rewriteHtml('', rules, { baseUrl: 'relative/' })).toThrow(/options\.baseUrl: expected an absolute URL/);
  });
});

describe('readTag', () => {
  it("follows the tokenizer's attribute states", () => {
    const t = '<a b c=d e = "f>g" h=\'i\' =j/k l="m"n>';
    const { nameEnd, attributes } = readTag(t);
    expect(nameEnd).toBe(2);
    expect(attributes.map((a) => [a.name, a.valueStart === undefined ? null : t.slice(a.valueStart, a.valueEnd)])).toEqual([
      ['b', null],
      ['c', 'd'],
      ['e', '"f>g"'],
      ['h', "'i'"],
      ['=j', null],
      ['k', null],
      ['l', '"m"'],
      ['n', null],
    ]);
  });
});
