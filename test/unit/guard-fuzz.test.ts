/**
 * Property-based fuzzing of the host matcher and the markup sanitizer:
 * generated URLs and markup, thousands of cases. No exception, and no vendor
 * URL accepted: the oracle is the URL parser (the host the browser would
 * connect to) against the catalog's hosts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { start } from '../../src/guard/decide';
import { sanitize } from '../../src/guard/markup';
import { compileRules, matchElementAttribute, matchUrl, mentionsHost } from '../../src/guard/rules';
import { catalog } from '../../vendors/index';

const rules = compileRules(catalog);
const BASE = 'https://www.shop.test/page/';
const ruled = catalog.flatMap((v) =>
  v.hosts.filter((h) => h.purpose !== 'necessary').map((h) => ({ host: h.host.toLowerCase(), path: h.path })),
);
const hostRules = [...new Set(ruled.map((r) => r.host))];

/** The oracle: whether the browser would connect to a ruled host, under the rule's path prefix when it has one (www.google.com is ruled under /pagead/ only). */
function isVendorHost(url: string, base = BASE): boolean {
  let host: string;
  let path: string;
  try {
    const u = new URL(url, base);
    if (!/^(https?|wss?):$/.test(u.protocol)) return false;
    host = u.hostname.replace(/\.+$/, '');
    path = u.pathname;
  } catch {
    return false;
  }
  return ruled.some(
    (rule) =>
      (rule.host.startsWith('*.') ? host.endsWith(rule.host.slice(1)) : host === rule.host) && (!rule.path || path.startsWith(rule.path)),
  );
}

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
/** A ruled host: an exact host, or a subdomain of a wildcard one. */
const vendorHost = fc.oneof(
  fc.constantFrom(...hostRules.filter((h) => !h.startsWith('*.'))),
  fc.tuple(label, fc.constantFrom(...hostRules.filter((h) => h.startsWith('*.')))).map(([l, h]) => l + h.slice(1)),
);
const otherHost = fc.oneof(
  fc.tuple(label, fc.constantFrom('.shop.test', '.cdn.test', '.example')).map(([l, d]) => l + d),
  vendorHost.map((h) => h + '.shop.test'),
  vendorHost.map((h) => 'evil' + h.replace(/^[^.]*\./, '')),
);
/** Spellings the URL parser maps to the same host. */
const spelled = (host: fc.Arbitrary<string>) =>
  fc
    .tuple(
      host,
      fc.shuffledSubarray(['upper', 'dot', 'dots', 'escape', 'tab', 'newline', 'userinfo', 'port', 'fullwidth', 'long-s'], {
        maxLength: 4,
      }),
    )
    .map(([h, ways]) => {
      let out = h;
      let prefix = '';
      let suffix = '';
      for (const way of ways) {
        if (way === 'upper') out = out.replace(/[a-z]/g, (c, i) => (i % 2 ? c.toUpperCase() : c));
        if (way === 'dot') out += '.';
        if (way === 'dots') out += '..';
        if (way === 'escape') out = out.replace(/[a-z]/i, (c) => '%' + c.charCodeAt(0).toString(16));
        if (way === 'tab') out = out.slice(0, 2) + '\t' + out.slice(2);
        if (way === 'newline') out = out.slice(0, 3) + '\n' + out.slice(3);
        if (way === 'userinfo') prefix = 'user:pw@';
        if (way === 'port') suffix = ':443';
        // Unicode forms the parser's IDNA step maps to ASCII letters
        if (way === 'fullwidth') out = out.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        if (way === 'long-s') out = out.replace('s', '\u017f');
      }
      return prefix + out + suffix;
    });
const path = fc.stringMatching(/^(\/[a-zA-Z0-9._-]{0,12}){0,3}$/);
const url = (host: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', '//', 'HTTPS://', 'wss://', 'https:\\\\', ' https://'),
      spelled(host),
      path,
      fc.constantFrom('', '?a=1', '#x'),
    )
    .map(([scheme, h, p, q]) => scheme + h + p + q);

describe('host matcher (fuzzed)', () => {
  it('every spelling of a vendor URL is matched; other hosts never; nothing throws (5,000 URLs)', () => {
    fc.assert(
      fc.property(fc.oneof(url(vendorHost), url(otherHost), fc.string({ maxLength: 40 })), (u) => {
        const match = matchUrl(rules, u, BASE);
        if (isVendorHost(u)) expect(match, u).not.toBeNull();
        else if (URL.canParse(u, BASE) && /^(https?|wss?):$/.test(new URL(u, BASE).protocol)) expect(match, u).toBeNull();
      }),
      { numRuns: 5000 },
    );
  }, 120_000);

  it('data: and javascript: URLs naming a vendor host are matched (percent-escaped or base64)', () => {
    fc.assert(
      fc.property(url(vendorHost), fc.constantFrom('plain', 'escaped', 'base64', 'javascript'), (u, form) => {
        const markup = `<script src="${u}"></script>`;
        const value =
          form === 'plain'
            ? 'data:text/html,' + markup
            : form === 'escaped'
              ? 'data:text/html,' + encodeURIComponent(markup)
              : form === 'base64'
                ? 'data:text/html;base64,' + Buffer.from(markup).toString('base64')
                : 'javascript:' + JSON.stringify(markup);
        // (a spelling with a tab or newline is a URL the frame's parser reads whole only when it is not inside the text;
        // one the URL parser refuses, such as a percent-escape with a fullwidth digit, fetches nothing)
        if (!/[\t\n]/.test(u) && isVendorHost(u)) expect(matchUrl(rules, value, BASE), value).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});

/** Every element's URL attributes in markup, template contents included, as the browser parses them. */
function urlAttributes(markup: string): [string, string][] {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const found: [string, string][] = [];
  const walk = (root: DocumentFragment) => {
    for (const element of root.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) {
        const bare = name.replace(/^.*:/, '').toLowerCase();
        if (['src', 'srcset', 'href', 'data', 'poster', 'srcdoc', 'imagesrcset'].includes(bare) && !element.matches('a,area,base'))
          found.push([bare, element.getAttribute(name)!]);
      }
      if (element.localName === 'template') walk((element as HTMLTemplateElement).content);
    }
  };
  walk(template.content);
  return found;
}

describe('markup sanitizer (fuzzed)', () => {
  start(rules, () => false);
  const attribute = (value: fc.Arbitrary<string>) =>
    fc.oneof(
      value.map((v) => `<script src="${v}"></script>`),
      value.map((v) => `<img src="${v}" alt="">`),
      value.map((v) => `<img srcset="/own.png 1x, ${v} 2x">`),
      value.map((v) => `<iframe src="${v}"></iframe>`),
      value.map((v) => `<link rel="stylesheet" href="${v}">`),
      value.map((v) => `<link rel="preload" as="image" imagesrcset="${v} 1x">`),
      value.map((v) => `<object data="${v}"></object>`),
      value.map((v) => `<embed src="${v}">`),
      value.map((v) => `<video poster="${v}"><source src="${v}"></video>`),
      value.map((v) => `<svg><image href="${v}"/><script href="${v}"></script></svg>`),
      value.map((v) => `<iframe srcdoc="&lt;script src=&quot;${v}&quot;&gt;&lt;/script&gt;"></iframe>`),
      value.map((v) => `<IMG SRC='${v}'>`),
      value.map((v) => `<img src=${v.replace(/[\s"'<>=`]/g, '')}>`),
    );
  const piece = attribute(fc.oneof(url(vendorHost), url(otherHost)));
  const markup = fc
    .array(fc.oneof(piece, fc.constantFrom('<p>text</p>', '<div class="x">', '</div>', '<b>', 'plain & text', '<!-- c -->')), {
      maxLength: 6,
    })
    .chain((parts) =>
      fc.constantFrom('', 'template', 'shadow').map((wrap) => {
        const inner = parts.join('');
        return wrap === 'template'
          ? `<template>${inner}</template>`
          : wrap === 'shadow'
            ? `<div><template shadowrootmode="open">${inner}</template></div>`
            : inner;
      }),
    );

  it('no vendor URL is left in a URL attribute; nothing throws (3,000 pieces of markup)', () => {
    fc.assert(
      fc.property(markup, (html) => {
        const out = sanitize(html) as string;
        for (const [name, value] of urlAttributes(out)) {
          expect(matchElementAttribute(rules, name, value, BASE), `${name}="${value}" in ${out}`).toBeNull();
        }
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('markup that names no vendor host is handed on as written (not parsed)', () => {
    fc.assert(
      fc.property(fc.array(attribute(url(otherHost)), { maxLength: 4 }), (parts) => {
        const html = parts.join('');
        if (!mentionsHost(rules, html)) expect(sanitize(html)).toBe(html);
      }),
      { numRuns: 500 },
    );
  }, 120_000);
});
