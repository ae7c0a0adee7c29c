// @vitest-environment node
/**
 * rewriteHtml over thousands of generated documents (fast-check): vendor tags
 * of every element kind, written in every way the tokenizer allows (case,
 * quotes, character references, repeated attributes, `>` in values), mixed
 * with the places a tag is not a tag (comments, CDATA, script and style
 * bodies, textarea, attribute values) and with noise.
 *
 * Properties: no exception; idempotence; no vendor URL left in a fetching
 * attribute of the output (as parse5, the WHATWG parser, reads it, with and
 * without scripts) unless the tag already holds the attribute the markup form
 * needs, and then it is reported as left; every other attribute kept.
 */
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../vendors/index';
import { compileRules, matchUrl } from '../../src/guard/rules';
import { FETCHING_ATTRIBUTES, rewriteHtml } from '../../src/audit/rewrite';

const rules = compileRules(catalog);
/** Documents per property (FUZZ_RUNS=20000 for a longer hunt). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
// (about 2 s for 2,500 on an idle machine; the bound is for a shared one)
const TIMEOUT = Math.max(180_000, RUNS * 40);

// --- generators ---

/** Concrete hosts of every catalog host rule (a wildcard gets a label). */
const vendorHosts = catalog.flatMap((v) => v.hosts.filter((h) => h.purpose !== 'necessary').map((h) => h.host));
const hostSpelling = fc
  .tuple(fc.constantFrom(...vendorHosts), fc.constantFrom('js.', 'x-1.', 'a.b.'), fc.constantFrom('plain', 'upper', 'mixed', 'percent'))
  .map(([host, label, how]) => {
    const h = host.startsWith('*.') ? label + host.slice(2) : host;
    if (how === 'upper') return h.toUpperCase();
    if (how === 'mixed') return h.replace(/[aeiou]/g, (c) => c.toUpperCase());
    // the URL parser percent-decodes a host: %2D is "-", %2E is "."
    if (how === 'percent') return h.replace('.', '%2E');
    return h;
  });
const vendorUrl = fc
  .tuple(
    fc.constantFrom('https://', 'http://', '//', 'HTTPS://', ' https://', 'https:\t//'),
    hostSpelling,
    fc.constantFrom('/', '/a.js', '/p.gif?x=1&y=2', '/w/1 2', ''),
  )
  .map(([scheme, host, path]) => scheme + host + path);
const ownUrl = fc.constantFrom(
  '/a.js',
  'a.png',
  'https://cdn.shop.test/x.js',
  'https://evilhubspot.com/x',
  'https://hubspot.com.shop.test/',
  'data:,x',
  '#',
  '',
  'javascript:void 0',
);
const url = fc.oneof({ weight: 3, arbitrary: vendorUrl }, { weight: 2, arbitrary: ownUrl });
const srcset = fc
  .array(fc.tuple(url, fc.constantFrom('', ' 1x', ' 2x', ' 100w')), { minLength: 1, maxLength: 3 })
  .map((c) => c.map(([u, d]) => u.trim() + d).join(', '));

/** The text of an attribute value: escaped as the chosen quoting needs, sometimes with character references. */
const written = (value: string) =>
  fc.constantFrom('"', "'", '', 'ref').map((quote) => {
    if (quote === 'ref')
      return `"${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\./g, '&#46;').replace(/:/g, '&colon;')}"`;
    if (quote === '' && /^[^\s"'=<>`]+$/.test(value)) return value;
    const q = quote || '"';
    return q + value.replace(/&/g, '&amp;').replace(new RegExp(q, 'g'), q === '"' ? '&quot;' : '&#39;') + q;
  });
const nameCase = (name: string) => fc.constantFrom(name, name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1));
const attribute = (name: string, value: fc.Arbitrary<string>) =>
  fc
    .tuple(nameCase(name), value.chain(written), fc.constantFrom(' ', '\n', '  ', '\t', '/'))
    .map(([n, v, sep]) => `${sep === '/' ? ' /' : sep}${n}=${v}`);
const otherAttributes = fc.array(
  fc.oneof(
    attribute('nonce', fc.constantFrom('r4nd0m', 'a b')),
    attribute('integrity', fc.constant('sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC')),
    attribute('title', fc.constantFrom('a > b', '<img src=https://js.hs-scripts.com/1.js>', "it's", 'x"y')),
    attribute('type', fc.constantFrom('text/javascript', 'module', 'text/plain', 'application/ld+json')),
    attribute('data-consent-gate', fc.constantFrom('hubspot-conversations', 'intercom')),
    // the attributes the markup form needs, already there: such a tag cannot be rewritten
    attribute('data-src', ownUrl),
    attribute('data-type', fc.constant('module')),
    fc.constantFrom(' async', ' defer', ' ASYNC', ' crossorigin', ' x=', ' =y'),
  ),
  { maxLength: 3 },
);

const VOID = ['img', 'source', 'track', 'input', 'embed', 'link', 'frame'];
const htmlTag = fc
  .constantFrom(...Object.keys(FETCHING_ATTRIBUTES).filter((t) => !['image', 'feimage', 'use'].includes(t)))
  .chain((tag) => {
    const urlAttributes = FETCHING_ATTRIBUTES[tag]!.filter((a) => a !== 'xlink:href' && !(tag === 'script' && a === 'href'));
    const fetching = fc.array(
      fc.constantFrom(...urlAttributes).chain((a) => attribute(a, a.endsWith('srcset') ? srcset : url)),
      { minLength: 1, maxLength: 2 },
    );
    return fc
      .tuple(
        nameCase(tag),
        fc.shuffledSubarray([0, 1]),
        fetching,
        otherAttributes,
        fc.constantFrom('', 'x = "<\\/script>"; a < b && c > d;', '<!-- <script src=https://js.hs-scripts.com/2.js></script> -->'),
      )
      .map(([name, order, f, o, body]) => {
        const attrs = (order[0] === 1 ? [...o, ...f] : [...f, ...o]).join('');
        if (VOID.includes(tag)) return `<${name}${attrs}>`;
        return `<${name}${attrs}>${tag === 'script' ? body : ''}</${name}>`;
      });
  });
const svgTag = fc
  .tuple(fc.constantFrom('image', 'feImage', 'use', 'script'), fc.constantFrom('href', 'xlink:href'), url.chain(written))
  .map(([t, a, v]) => `<svg><${t} ${a}=${v}/></svg>`);
const tag = fc.oneof({ weight: 4, arbitrary: htmlTag }, { weight: 1, arbitrary: svgTag });

const noise = fc.string({
  unit: fc.constantFrom('<', '>', '&', '"', "'", '=', '/', ' ', '\n', '\r', 'a', 'p', '!', '-', '[', ']', 'x', ';', '#'),
  maxLength: 20,
});
/** A tag as text where it is not a tag. */
const notATag = tag.chain((t) =>
  fc.constantFrom(
    `<!-- ${t} -->`,
    `<script>var s = '${t.replace(/<\/script/gi, '<\\/script')}';</script>`,
    `<style>/* ${t.replace(/<\/style/gi, '')} */</style>`,
    `<textarea>${t.replace(/<\/textarea/gi, '')}</textarea>`,
    `<title>${t.replace(/<\/title/gi, '')}</title>`,
    `<svg><![CDATA[${t.replace(/]]>/g, '')}]]></svg>`,
    `<p title="${t.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">p</p>`,
  ),
);
const part: fc.Arbitrary<string> = fc.letrec<{ part: string }>((self) => ({
  part: fc.oneof(
    { weight: 6, arbitrary: tag },
    { weight: 3, arbitrary: notATag },
    { weight: 2, arbitrary: noise },
    { weight: 1, arbitrary: fc.array(self('part'), { maxLength: 3 }).map((p) => `<noscript>${p.join('')}</noscript>`) },
    { weight: 1, arbitrary: fc.array(self('part'), { maxLength: 3 }).map((p) => `<template>${p.join('')}</template>`) },
    {
      weight: 1,
      arbitrary: fc
        .array(self('part'), { maxLength: 3 })
        .map((p) => `<iframe srcdoc="${p.join('').replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`),
    },
    { weight: 1, arbitrary: url.chain(written).map((v) => `<base href=${v}>`) },
  ),
})).part;
const documents = fc
  .tuple(fc.constantFrom('', '<!doctype html>', '<!DOCTYPE html><html><head>'), fc.array(part, { maxLength: 8 }))
  .map(([head, parts]) => head + parts.join(''));

// --- what the output holds, read by parse5 ---

const isElement = (n: T.Node): n is T.Element => 'tagName' in n;
function* all(node: T.ParentNode): Generator<T.Element> {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    yield child;
    if (child.tagName === 'template') yield* all((child as T.Template).content);
    yield* all(child);
  }
}
const fullName = (a: { name: string; prefix?: string }) => (a.prefix ? `${a.prefix}:${a.name}` : a.name);

/** The first <base href> outside templates, resolved (a data: or javascript: base does not count). */
function baseOf(doc: T.ParentNode, url: string): string | null {
  const outsideTemplates = (node: T.ParentNode): T.Element[] =>
    node.childNodes.filter(isElement).flatMap((e) => [e, ...(e.tagName === 'template' ? [] : outsideTemplates(e))]);
  const href = outsideTemplates(doc)
    .find((e) => e.tagName === 'base' && e.attrs.some((a) => a.name === 'href'))
    ?.attrs.find((a) => a.name === 'href')?.value;
  try {
    const u = href === undefined ? null : new URL(href, url);
    return u && !['data:', 'javascript:'].includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Vendor URLs in fetching attributes of one reading of `html` (with or without scripts), srcdoc documents
 * included; `clash` when the tag holds a data- attribute the markup form needs. A relative URL counts as a
 * vendor's when it resolves to one against any URL it may: the document's, its <base> in either reading,
 * and for a srcdoc document its parent's.
 */
function vendorAttributes(
  html: string,
  scripting: boolean,
  urls = ['https://www.shop.test/'],
): { tag: string; attribute: string; value: string; clash: boolean }[] {
  const out: { tag: string; attribute: string; value: string; clash: boolean }[] = [];
  const doc = parse(html, { scriptingEnabled: scripting });
  const bases = [
    ...urls,
    ...[doc, parse(html, { scriptingEnabled: !scripting })].map((d) => baseOf(d, urls[0]!)).filter((b): b is string => b !== null),
  ];
  for (const el of all(doc)) {
    const names = el.attrs.map(fullName);
    const found: { tag: string; attribute: string; value: string }[] = [];
    for (const a of el.attrs) {
      const name = fullName(a);
      if (el.tagName === 'iframe' && name === 'srcdoc') out.push(...vendorAttributes(a.value, scripting, bases));
      if (!FETCHING_ATTRIBUTES[el.tagName.toLowerCase()]?.includes(name)) continue;
      const urls = name.endsWith('srcset') ? a.value.split(/[\s,]+/) : [a.value];
      if (urls.some((u) => u.trim() && bases.some((b) => matchUrl(rules, u, b))))
        found.push({ tag: el.tagName, attribute: name, value: a.value });
    }
    // a tag is rewritten whole or not at all: one attribute of the markup form already there keeps all of it as written
    const clash =
      found.some((f) => names.includes(`data-${f.attribute}`)) ||
      (el.tagName === 'script' && names.includes('type') && names.includes('data-type'));
    out.push(...found.map((f) => ({ ...f, clash })));
  }
  return out;
}

/** Each element's attributes, with the markup form undone where it was applied (srcdoc left out: its own document). */
function attributesUndone(input: string, output: string): [Record<string, string>[], Record<string, string>[]] {
  const before = [...all(parse(input))].map((e) =>
    Object.fromEntries(e.attrs.map((a) => [fullName(a), a.value]).filter(([n]) => n !== 'srcdoc')),
  );
  const after = [...all(parse(output))].map((e, i) => {
    const out = new Map(e.attrs.map((a) => [fullName(a), a.value] as [string, string]).filter(([n]) => n !== 'srcdoc'));
    const was = before[i] ?? {};
    const renamed = [...out.keys()].filter((n) => n.startsWith('data-') && !(n in was) && n.slice(5) in was);
    if (renamed.length) {
      if (!('data-consent-gate' in was)) out.delete('data-consent-gate');
      if (e.tagName === 'script') {
        out.delete('type');
        if (out.has('data-type') && !('data-type' in was)) {
          out.set('type', out.get('data-type')!);
          out.delete('data-type');
        }
      }
      for (const n of renamed)
        if (n !== 'data-type') {
          out.set(n.slice(5), out.get(n)!);
          out.delete(n);
        }
    }
    return Object.fromEntries(out);
  });
  return [before, after];
}

describe('rewriteHtml, property-based', () => {
  it(
    `${RUNS} generated documents: no exception, idempotent, no vendor URL left in a fetching attribute, every other attribute kept`,
    () => {
      let rewritten = 0;
      let left = 0;
      fc.assert(
        fc.property(documents, (html) => {
          const r = rewriteHtml(html, rules, { baseUrl: 'https://www.shop.test/' });
          rewritten += r.changes.length;
          left += r.left.length;
          // idempotent
          const again = rewriteHtml(r.html, rules, { baseUrl: 'https://www.shop.test/' });
          expect(again.html).toBe(r.html);
          expect(again.changes).toEqual([]);
          // nothing fetches a vendor but a tag that already held the data- attribute the markup form needs (reported as left)
          const withScripts = vendorAttributes(r.html, true);
          expect(withScripts.filter((x) => !x.clash)).toEqual([]);
          if (withScripts.length) expect(r.left.some((t) => /already has a data-/.test(t.reason!))).toBe(true);
          // without scripts, also <noscript> content where the two readings disagree (reported as left, with that reason)
          const withoutScripts = vendorAttributes(r.html, false);
          if (withoutScripts.some((x) => !x.clash)) expect(r.left.some((t) => /inside <noscript>/.test(t.reason!))).toBe(true);
          if (withoutScripts.length) expect(r.left.length).toBeGreaterThan(0);
          for (const t of r.left) expect(t.reason).toMatch(/already has a data-|inside <noscript>/);
          // the same elements with the same attributes, the markup form aside
          const [before, after] = attributesUndone(html, r.html);
          expect(after).toEqual(before);
          // no change, no edit
          if (!r.changes.length) expect(r.html).toBe(html);
        }),
        { numRuns: RUNS },
      );
      // the generator reaches both outcomes
      expect(rewritten).toBeGreaterThan(RUNS);
      expect(left).toBeGreaterThan(10);
    },
    TIMEOUT,
  );

  it(
    `${RUNS} strings of markup characters: no exception, idempotent`,
    () => {
      const chars = fc.string({
        unit: fc.constantFrom(
          '<',
          '>',
          '/',
          '=',
          '"',
          "'",
          '&',
          '#',
          ';',
          ' ',
          '\n',
          '!',
          '-',
          '[',
          ']',
          's',
          'c',
          'r',
          'i',
          'p',
          't',
          'm',
          'g',
          'a',
          'src',
          'srcdoc',
          'noscript',
          'template',
          'svg',
          'img',
          'script',
          'https://js.hs-scripts.com/1.js',
          'CDATA',
          '\u0000',
          '\uFEFF',
        ),
        maxLength: 60,
      });
      fc.assert(
        fc.property(chars, (html) => {
          const r = rewriteHtml(html, rules);
          expect(rewriteHtml(r.html, rules).html).toBe(r.html);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
