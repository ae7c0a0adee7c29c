/**
 * Vendor tags written in a page's HTML, found and rewritten to the markup form
 * the head guard releases on consent. Chromium's preload scanner requests a
 * `<script src>` or `<img src>` from the HTML before any script runs (a request
 * hands the visitor's IP address to the vendor), so the guard cannot hold
 * these back; a page that ships them in the markup form makes no request.
 *
 *   <script src="https://js.hs-scripts.com/1.js" async>
 *   <script type="text/plain" data-consent-gate="hubspot-conversations" data-src="https://js.hs-scripts.com/1.js" async>
 *
 *   <img src="https://track.hubspot.com/__ptq.gif" alt="">
 *   <img data-consent-gate="hubspot-conversations" data-src="https://track.hubspot.com/__ptq.gif" alt="">
 *
 * A pure function of the HTML and the compiled rules (src/guard/rules.ts, the
 * same matcher as the guard's): no DOM, no file system. The rewrite edits the
 * source text in place (attribute names renamed, two attributes added after
 * the tag name), so every other byte, `nonce`, `integrity` and inline content
 * included, stays as written, and a second run changes nothing.
 *
 * Where tags are: parse5, the WHATWG HTML parsing algorithm with source
 * offsets, decides what is a tag (never a tag inside a comment, CDATA, a
 * `<script>` or `<style>` body, an attribute value or a `<textarea>`) and
 * decodes attribute values (`&#58;` is a colon to the browser too). The
 * attributes of a tag are then read from its source text by `readTag` below,
 * which follows the tokenizer's attribute states, so that repeated attributes
 * (which parse5 drops, as the browser does) are renamed too.
 */
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { matchUrl, type CompiledRules, type Match } from '../guard/rules.js';
import type { Purpose } from '../types.js';

/**
 * The attributes that make an element fetch as it is parsed, by element
 * (lower-case tag name; SVG's `image`, `feImage`, `use` and `script` take `href`).
 * `<a>`, `<area>` and `<base>` fetch nothing of their own and are left alone.
 */
export const FETCHING_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  script: ['src', 'href', 'xlink:href'],
  img: ['src', 'srcset'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  object: ['data'],
  link: ['href', 'imagesrcset'],
};

/** Attributes that list several URLs (image candidates), each checked. */
const URL_LISTS = ['srcset', 'imagesrcset'];

/** The attribute that names the vendor of a tag in the markup form. */
const MARKUP_ATTRIBUTE = 'data-consent-gate';

/** Relative URLs of a file with no address of its own resolve here: first party, never a vendor. */
const FIRST_PARTY = 'https://first-party.invalid/';

/** A vendor tag written in the HTML. */
export interface VendorTag {
  /** Where the tag starts: UTF-16 offset into the HTML, 1-based line and column. */
  offset: number;
  line: number;
  column: number;
  /** Lower-case tag name, e.g. `script`, `img`. */
  element: string;
  /** The start tag as written. */
  tag: string;
  /** The start tag in the markup form, or null when it cannot be rewritten (see `reason`). */
  rewritten: string | null;
  /** Why the tag was left as written. */
  reason?: string;
  vendor: string;
  /** The purpose of the vendor URL (the rule that matched it). */
  purpose: Purpose;
  /** The attributes holding vendor URLs, e.g. `['src']`. */
  attributes: string[];
  /** The first vendor URL, as written (attribute value after character references). */
  url: string;
  /**
   * Set when the tag is not in the page's own markup: inside `<noscript>`
   * (parsed by a browser without scripts) or in an `<iframe srcdoc>`, whose
   * iframe is then at `offset`.
   */
  within?: 'noscript' | 'srcdoc';
}

export interface RewriteResult {
  /** The HTML with every vendor tag it could rewrite in the markup form (the input itself when nothing changed). */
  html: string;
  /** The tags rewritten, in source order. */
  changes: VendorTag[];
  /** Vendor tags left as written, each with its `reason`. */
  left: VendorTag[];
}

export interface RewriteOptions {
  /**
   * The page's URL, which relative URLs resolve against (a `<base href>` in
   * the HTML counts too). Without it, relative URLs are the site's own.
   */
  baseUrl?: string;
}

/** One attribute of a start tag as written: where its name starts and ends, and its value's text with any quotes. */
export interface WrittenAttribute {
  /** Lower-case, as the tokenizer reads it. */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The value as written, quotes included; absent for an attribute without `=`. */
  valueStart?: number;
  valueEnd?: number;
}

const SPACE = /[\t\n\f\r ]/;

/**
 * The attributes of one start tag (`<name …>`, the whole tag as the parser
 * found it), with their positions in `tag`: the tokenizer's states from "tag
 * name" to "self-closing start tag" (HTML Living Standard, 13.2.5.8 to 13.2.5.40),
 * character references left undecoded.
 */
export function readTag(tag: string): { nameEnd: number; attributes: WrittenAttribute[] } {
  let i = 1;
  while (i < tag.length && !SPACE.test(tag[i]!) && tag[i] !== '/' && tag[i] !== '>') i++;
  const nameEnd = i;
  const attributes: WrittenAttribute[] = [];
  while (i < tag.length) {
    const c = tag[i]!;
    if (SPACE.test(c) || c === '/') {
      i++;
      continue;
    }
    if (c === '>') break;
    // attribute name: a leading `=` belongs to it
    const nameStart = i++;
    while (i < tag.length && !SPACE.test(tag[i]!) && tag[i] !== '/' && tag[i] !== '>' && tag[i] !== '=') i++;
    const attribute: WrittenAttribute = { name: tag.slice(nameStart, i).toLowerCase(), nameStart, nameEnd: i };
    attributes.push(attribute);
    // after the name: spaces, then `=` and a value, or the next attribute
    let j = i;
    while (j < tag.length && SPACE.test(tag[j]!)) j++;
    if (tag[j] !== '=') {
      i = j;
      continue;
    }
    j++;
    while (j < tag.length && SPACE.test(tag[j]!)) j++;
    const quote = tag[j];
    if (quote === '>') {
      i = j;
      continue;
    }
    attribute.valueStart = j;
    if (quote === '"' || quote === "'") {
      const close = tag.indexOf(quote, j + 1);
      j = close < 0 ? tag.length : close + 1;
    } else {
      while (j < tag.length && !SPACE.test(tag[j]!) && tag[j] !== '>') j++;
    }
    attribute.valueEnd = j;
    i = j;
  }
  return { nameEnd, attributes };
}

/** The vendor of an attribute value: every URL of an image-candidate list, one URL otherwise. */
function vendorOf(rules: CompiledRules, name: string, value: string, base: string): Match | null {
  // (an empty URL fetches nothing, where it would otherwise resolve to the base itself)
  if (!URL_LISTS.includes(name)) return value.trim() ? matchUrl(rules, value, base) : null;
  // (each run without spaces, and each comma-separated piece of it: a URL, a descriptor, or both)
  for (const run of value.split(/[\t\n\f\r ]+/)) {
    for (const piece of [run, ...run.split(',')]) {
      const m = piece && matchUrl(rules, piece, base);
      if (m) return m;
    }
  }
  return null;
}

/** An edit of the source: replace [start, end) with `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: readonly Edit[], from = 0): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start - from) + e.text;
    at = e.end - from;
  }
  return out + text.slice(at);
}

/** Text for a double-quoted attribute value whose decoded value is `value`. */
function quoted(value: string): string {
  return `"${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

type Element = T.Element;
type ParentNode = T.ParentNode;

function isElement(node: T.Node): node is Element {
  return 'tagName' in node;
}

/** Every element, in tree order, template contents included. */
function* elements(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    yield child;
    if (child.tagName === 'template' && 'content' in child) yield* elements((child as T.Template).content);
    yield* elements(child);
  }
}

const attributeName = (a: { name: string; prefix?: string }) => (a.prefix ? `${a.prefix}:${a.name}` : a.name);
const hrefOf = (el: Element) => el.attrs.find((a) => a.name === 'href' && !a.prefix)?.value;

/** The URL relative URLs resolve against: the first `<base href>` of the document (outside templates), else `url`. */
function documentBase(root: ParentNode, url: string): string {
  const find = (node: ParentNode): Element | undefined => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      if (child.tagName === 'base' && hrefOf(child) !== undefined) return child;
      const deeper = child.tagName === 'template' ? undefined : find(child);
      if (deeper) return deeper;
    }
    return undefined;
  };
  const base = find(root);
  try {
    const href = base ? new URL(hrefOf(base)!, url) : null;
    // (HTML, "set the frozen base URL": a data: or javascript: base leaves the document's URL)
    return href && href.protocol !== 'data:' && href.protocol !== 'javascript:' ? href.href : url;
  } catch {
    // an unusable base leaves the document's URL
    return url;
  }
}

/** What one start tag needs: the edits to its text and the vendor tags it stands for. */
interface Item {
  start: number;
  end: number;
  edits: Edit[];
  changes: VendorTag[];
  left: VendorTag[];
}

interface Scope {
  rules: CompiledRules;
  /** Line starts of the document, for line and column. */
  lines: number[];
  /** The document's URL, first, and other URLs its relative URLs may resolve against (for an `<iframe srcdoc>`: its parent's). */
  urls: string[];
}

/** A document parsed as a browser with scripts reads it, or without (`<noscript>` content is then markup). */
interface View {
  root: T.Document;
  scripting: boolean;
}

/**
 * The vendor tags of one view of a document, with the edits that rewrite
 * them; `bases`: the URLs relative ones may resolve against.
 */
function itemsOf(scope: Scope, html: string, view: View, bases: readonly string[]): Item[] {
  const items: Item[] = [];
  const vendorIn = (name: string, value: string) =>
    bases.reduce<Match | null>((m, base) => m ?? vendorOf(scope.rules, name, value, base), null);
  for (const el of elements(view.root)) {
    const location = el.sourceCodeLocation?.startTag;
    if (!location) continue;
    const name = el.tagName.toLowerCase();
    const start = location.startOffset;
    const tagText = html.slice(start, location.endOffset);
    const hits = el.attrs
      .map((a) => ({ name: attributeName(a), value: a.value }))
      .filter((a) => FETCHING_ATTRIBUTES[name]?.includes(a.name))
      .map((a) => ({ ...a, match: vendorIn(a.name, a.value) }))
      .filter((a): a is { name: string; value: string; match: Match } => a.match !== null);
    // an iframe's own document: its tags reported at the iframe, its new text in place of the old
    const srcdoc = name === 'iframe' ? el.attrs.find((a) => a.name === 'srcdoc' && !a.prefix) : undefined;
    const inner = srcdoc
      ? rewriteDocument({ rules: scope.rules, lines: [0], urls: [...new Set([bases[scope.urls.length]!, ...bases])] }, srcdoc.value)
      : null;
    if (!hits.length && !inner?.changes.length && !inner?.left.length) continue;

    const { nameEnd, attributes } = readTag(tagText);
    const has = (n: string) => attributes.some((a) => a.name === n);
    const at = { offset: start, ...position(scope.lines, start) };
    const item: Item = { start, end: location.endOffset, edits: [], changes: [], left: [] };
    if (inner) {
      item.changes.push(...inner.changes.map((t) => ({ ...t, ...at, within: 'srcdoc' as const })));
      item.left.push(...inner.left.map((t) => ({ ...t, ...at, within: 'srcdoc' as const })));
      if (inner.changes.length) {
        const written = attributes.find((a) => a.name === 'srcdoc')!;
        item.edits.push({
          start: start + written.nameEnd,
          end: start + (written.valueEnd ?? written.nameEnd),
          text: '=' + quoted(inner.html),
        });
      }
    }
    if (hits.length) {
      const renamed = new Set(hits.map((h) => h.name));
      if (name === 'script' && has('type')) renamed.add('type');
      const clash = [...renamed].find((n) => has(`data-${n}`));
      const first = hits[0]!;
      const tag: VendorTag = {
        ...at,
        element: name,
        tag: tagText,
        rewritten: null,
        vendor: first.match.v,
        purpose: first.match.p,
        attributes: hits.map((h) => h.name),
        url: first.value,
      };
      if (clash) {
        item.left.push({
          ...tag,
          reason: `the tag already has a data-${clash} attribute, where the markup form keeps its ${clash}: rewrite it by hand`,
        });
      } else {
        const edits: Edit[] = [];
        const added =
          (name === 'script' ? ' type="text/plain"' : '') + (has(MARKUP_ATTRIBUTE) ? '' : ` ${MARKUP_ATTRIBUTE}="${first.match.v}"`);
        if (added) edits.push({ start: start + nameEnd, end: start + nameEnd, text: added });
        // every occurrence of a renamed attribute (the browser reads the first; the copies must not come to life)
        for (const a of attributes)
          if (renamed.has(a.name)) edits.push({ start: start + a.nameStart, end: start + a.nameStart, text: 'data-' });
        item.edits.push(...edits);
        item.changes.push({ ...tag, rewritten: applyEdits(tagText, item.edits, start) });
      }
    }
    items.push(item);
  }
  return items;
}

/** Where the text of each `<noscript>` is, as a browser with scripts reads it (raw text, never markup). */
function noscriptText(root: T.Document): [number, number][] {
  const spans: [number, number][] = [];
  for (const el of elements(root)) {
    const text = el.tagName === 'noscript' && el.childNodes.length === 1 ? el.childNodes[0]! : undefined;
    if (text && !isElement(text) && text.sourceCodeLocation)
      spans.push([text.sourceCodeLocation.startOffset, text.sourceCodeLocation.endOffset]);
  }
  return spans;
}

/**
 * Both readings of a document: a browser with scripts (the page the guard
 * runs in), and, when there is a `<noscript>`, one without, which parses its
 * content as markup. A tag only the second reading has is rewritten where the
 * first reads its text as the `<noscript>`'s raw text; anywhere else its edit
 * would change what the first reading sees, and it is left, with the reason.
 */
function rewriteDocument(scope: Scope, html: string): RewriteResult {
  const views: View[] = [{ root: parse(html, { sourceCodeLocationInfo: true }), scripting: true }];
  if (/<noscript/i.test(html))
    views.push({ root: parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false }), scripting: false });
  // the document's URL, and its <base> in either reading (a URL parsed before the <base> resolves against the first)
  const bases = [...scope.urls, ...views.map((v) => documentBase(v.root, scope.urls[0]!))];
  const items = itemsOf(scope, html, views[0]!, bases);
  if (views[1]) {
    const seen = new Set(items.map((i) => i.start));
    const text = noscriptText(views[0]!.root);
    for (const item of itemsOf(scope, html, views[1], bases)) {
      if (seen.has(item.start)) continue;
      const mark = (t: VendorTag): VendorTag => ({ ...t, within: t.within ?? 'noscript' });
      if (text.some(([s, e]) => item.start >= s && item.end <= e)) {
        items.push({ ...item, changes: item.changes.map(mark), left: item.left.map(mark) });
      } else {
        const reason = 'inside <noscript>, where a browser with scripts reads this text as other markup: rewrite it by hand';
        items.push({
          ...item,
          edits: [],
          changes: [],
          left: [...item.left, ...item.changes].map((t) => ({ ...mark(t), rewritten: null, reason })),
        });
      }
    }
  }
  const byOffset = (a: VendorTag, b: VendorTag) => a.offset - b.offset;
  const edits = items.flatMap((i) => i.edits);
  return {
    html: edits.length ? applyEdits(html, edits) : html,
    changes: items.flatMap((i) => i.changes).sort(byOffset),
    left: items.flatMap((i) => i.left).sort(byOffset),
  };
}

/** Offsets where each line starts (after `\n`, `\r\n` or a lone `\r`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * Rewrite every vendor tag of `html` (a whole document or a part of one) to
 * the markup form: a tag whose fetching attribute (FETCHING_ATTRIBUTES) holds
 * a URL of a vendor in `rules` gets `data-consent-gate="<vendor id>"`, and
 * that attribute renamed to `data-<name>` (`src` to `data-src`, `srcset` to
 * `data-srcset`, …); a script also gets `type="text/plain"`, its own `type`
 * kept as `data-type`. Inside `<noscript>` and `<iframe srcdoc>` too.
 *
 * `rules`: `compileRules(vendors)` (the catalog, plus a site's own vendors).
 * Throws a TypeError for input of the wrong type; never for any HTML.
 */
export function rewriteHtml(html: string, rules: CompiledRules, options: RewriteOptions = {}): RewriteResult {
  if (typeof html !== 'string') throw new TypeError(`rewriteHtml: html: expected a string, got ${html === null ? 'null' : typeof html}`);
  if (!rules || !Array.isArray(rules.v) || typeof rules.h !== 'string')
    throw new TypeError('rewriteHtml: rules: expected compiled rules, as compileRules(vendors) returns them');
  let base = FIRST_PARTY;
  if (options.baseUrl !== undefined) {
    try {
      base = new URL(options.baseUrl).href;
    } catch {
      throw new TypeError(`rewriteHtml: options.baseUrl: expected an absolute URL, got ${JSON.stringify(options.baseUrl)}`);
    }
  }
  return rewriteDocument({ rules, lines: lineStarts(html), urls: [base] }, html);
}
