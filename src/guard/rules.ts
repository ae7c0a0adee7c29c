/**
 * The guard's decisions as pure functions: the catalog compiled into a compact
 * rule table, and "which vendor and purpose does this URL, cookie write or
 * storage key belong to?". No DOM, no globals: unit-tested in jsdom, shared by
 * the build (which embeds the compiled table) and the guard.
 */
import { DEFAULT_LIFETIME_DAYS, cookieValue, decodeRecord, type ConsentRecord } from '../consent/codec.js';
import type { Purpose, VendorData } from '../types.js';

/** A vendor and the purpose a URL, cookie or key belongs to. */
export interface Match {
  v: string;
  p: Purpose;
}

/** The optional purposes in the order a rule's first character counts them. */
const PURPOSES: Purpose[] = ['functional', 'analytics', 'marketing'];

/**
 * The catalog reduced to what the guard needs: ids, patterns, purposes.
 * `necessary` parts are left out (never blocked).
 *
 * Each kind of rule is one string of space-separated rules, most specific
 * first; the first rule that matches decides. A rule is the purpose (its index
 * in PURPOSES), the vendor (its index in `v`, base 36) and a pattern matched
 * from the start of the text: `.` is a dot, `*` any run of characters other
 * than `/`, a final `$` the end of the text; every other character stands for
 * itself (compileRules refuses names with other special characters). E.g.
 * `00*.usemessages.com/`, `10__hstc$`, `01l:*.appUserId$`.
 *
 * `h` is matched against `hostname + pathname`, `c` against a cookie name,
 * `s` against `l:key` (localStorage) or `s:key` (sessionStorage).
 */
export interface CompiledRules {
  /** `[vendor id, main purpose]` */
  v: [string, Purpose][];
  /** Each vendor's kind, a letter per row of `v`: `c` chat, `e` embed, `t` tag (the runtime reads it; the guard does not). */
  k: string;
  h: string;
  c: string;
  s: string;
}

type Row = [pattern: string, specificity: number, purpose: Purpose, vendor: number];

/** Rows into one rule string, most specific first. */
function rules(rows: Row[]): string {
  return rows
    .sort((a, b) => b[1] - a[1])
    .map((r) => PURPOSES.indexOf(r[2]) + r[3].toString(36) + r[0])
    .join(' ');
}

/** A name as a pattern: refused when it holds a character the pattern language gives a meaning to, or a space. */
function literal(text: string, what: string): string {
  if (!/^[\w.:/@%~!,;=+-]+$/.test(text)) throw new TypeError(`compileRules: ${what} "${text}" has a character the guard's rule format cannot carry (letters, digits and . : / @ % ~ ! , ; = + - _ only)`);
  return text;
}

export function compileRules(vendors: readonly VendorData[]): CompiledRules {
  if (vendors.length > 36) throw new RangeError('compileRules: at most 36 vendors fit the rule format');
  const h: Row[] = [];
  const c: Row[] = [];
  const s: Row[] = [];
  vendors.forEach((vendor, i) => {
    for (const r of vendor.hosts) {
      if (r.purpose === 'necessary') continue;
      const host = r.host.toLowerCase();
      const wild = host.startsWith('*.');
      const path = r.path?.startsWith('/') ? r.path : '/' + (r.path ?? '');
      // An exact host before any wildcard, a longer host before a shorter one, a path before none.
      const score = (wild ? 0 : 1e6) + host.length * 1e3 + path.length;
      h.push([(wild ? '*' : '') + literal(wild ? host.slice(1) : host, `${vendor.id} host`) + literal(path, `${vendor.id} path`), score, r.purpose, i]);
    }
    for (const r of vendor.cookies) {
      if (r.purpose === 'necessary') continue;
      const prefix = r.match === 'prefix';
      c.push([literal(r.name, `${vendor.id} cookie`) + (prefix ? '' : '$'), (prefix ? 0 : 1e6) + r.name.length, r.purpose, i]);
    }
    for (const r of vendor.storage) {
      if (r.purpose === 'necessary') continue;
      const key = literal(r.key, `${vendor.id} storage key`);
      const how = r.match ?? 'exact';
      s.push([r.storage[0] + ':' + (how === 'suffix' ? '*' + key + '$' : how === 'prefix' ? key : key + '$'), (how === 'exact' ? 1e6 : 0) + r.key.length, r.purpose, i]);
    }
  });
  const kind = (v: VendorData) => (v.kind ?? (typeof (v as { adapter?: { open?: unknown } }).adapter?.open === 'function' ? 'chat' : 'tag'))[0];
  return { v: vendors.map((v) => [v.id, v.purpose]), k: vendors.map(kind).join(''), h: rules(h), c: rules(c), s: rules(s) };
}

/** Each rule string's rules with their regular expressions, made once (a page asks thousands of times). */
const compiled: Record<string, [string, RegExp][]> = {};

/** The vendor and purpose of the first (most specific) rule matching `text`, if that vendor is in use. */
export function find(rules: CompiledRules, list: string, text: string): Match | null {
  const rule = (compiled[list] ||= list.split(' ').map((r) => [r, RegExp('^' + r.slice(2).replace(/\./g, '\\.').replace(/\*/g, '[^/]*'))])).find((r) => r[0] && r[1].test(text))?.[0];
  return ruleMatch(rules, rule);
}

/** The vendor and purpose a rule names (its first two characters), if that vendor is in use. */
function ruleMatch(rules: CompiledRules, rule: string | undefined): Match | null {
  const vendor = rule && rules.v[parseInt(rule[1]!, 36)];
  return vendor ? { v: vendor[0], p: PURPOSES[+rule[0]!]! } : null;
}

/** What the guard works with after reading the page's config: where the record is, which policy it must be under, how long it lasts. */
export type GuardSetup = [cookieName: string, policyVersion: string, lifetimeDays: number];

/**
 * Read `window.consentGateConfig`. Returns null (fail closed: no record
 * honoured, so every catalog vendor stays held back) when it has no `vendors`
 * object, names a vendor the catalog does not know, or has a
 * `cookieLifetimeDays` the runtime refuses (anything but a finite number
 * above 0). Never throws. (A `cookieName` or `policyVersion` that is not a
 * string finds no record: nothing is allowed either.) Every catalog vendor is
 * held back until its purpose is granted, whether the config names it or not:
 * a vendor the site pastes by hand gets nothing before consent either.
 */
export function configure(config: unknown, all: CompiledRules): GuardSetup | null {
  try {
    const c = config as { vendors: object; cookieName?: string; policyVersion?: string; cookieLifetimeDays?: number };
    // (as the runtime: absent is the default, anything else must be a finite number above 0)
    const days = c.cookieLifetimeDays === undefined ? DEFAULT_LIFETIME_DAYS : c.cookieLifetimeDays;
    // (a missing `vendors` throws; an array, a string or a number is not a plain object)
    return c.vendors.constructor == Object && Object.keys(c.vendors).every((id) => all.v.some((v) => v[0] === id)) && typeof days == 'number' && days > 0 && days < Infinity
      ? [c.cookieName ?? 'consent_gate', c.policyVersion ?? '1', days]
      : null;
  } catch {
    return null;
  }
}

/**
 * The record the guard honours: the config's cookie in `cookies` (a
 * `document.cookie` string), read as the runtime reads it (`decodeRecord`
 * with the config's policy version and lifetime), or null.
 */
export function guardRecord(config: unknown, all: CompiledRules, cookies: string, now: number): ConsentRecord | null {
  const setup = configure(config, all);
  return setup && decodeRecord(cookieValue(cookies, setup[0]), setup[1], now, setup[2]);
}

/**
 * Text spelled out the way the URL parser reads the host names in it: tabs
 * and newlines (which it drops first) removed, percent-escapes decoded, lower
 * case. (Character references and Unicode compatibility forms are not
 * decoded: docs/guard.md, limits.)
 */
export function spellOut(text: string): string {
  return unescape(text.replace(/[\t\n\r]/g, '')).toLowerCase();
}

/**
 * The vendor and purpose of the first host rule whose host a text names
 * anywhere (spelled out as `spellOut` reads it), or null. Host rules without
 * their wildcards and paths: `*.usemessages.com/` is named by any
 * `.usemessages.com`. (No host rules at all: '' is in any text, which then
 * names nothing.)
 */
export function mentionedHost(rules: CompiledRules, text: string): Match | null {
  const plain = spellOut(text);
  return ruleMatch(rules, rules.h.split(' ').find((rule) => plain.includes(rule.slice(2).replace(/^\*|\/.*/g, ''))));
}

/** Whether a piece of markup may name a ruled host (a cheap test before parsing it). */
export function mentionsHost(rules: CompiledRules, markup: string): boolean {
  return !!mentionedHost(rules, markup);
}

/**
 * The vendor and purpose of a URL (resolved against `base`), or null.
 *
 * The host is the URL parser's (lower case, percent-escapes decoded, IDNA,
 * IPv4 forms), without trailing dots: `js.usemessages.com.` is the same host.
 * A URL that carries its document in itself is matched by the hosts its text
 * names: `data:` (percent-escaped or base64) and `javascript:`. Any other URL
 * without a host (`blob:`, `about:`) is looked at by its path alone, which
 * never starts with a ruled host.
 */
export function matchUrl(rules: CompiledRules, url: string, base?: string): Match | null {
  try {
    const u = new URL(url, base);
    const [type, ...data] = u.href.split(',');
    return /^(data|javascript):/.test(type!) ? mentionedHost(rules, /;base64$/i.test(type!) ? atob(unescape(data.join())) : unescape(u.href)) : find(rules, rules.h, u.hostname.replace(/\.+$/, '') + u.pathname);
  } catch {
    // not a URL; or a data: URL whose base64 the browser would refuse too
    return null;
  }
}

/**
 * The vendor and purpose of a list of URLs such as a `srcset` (each
 * comma-separated candidate's URL, so any vendor URL in it counts; a URL with
 * a comma in it is looked at up to the comma, which keeps its host).
 */
export function matchAttribute(rules: CompiledRules, value: string, base?: string): Match | null {
  for (const part of value.split(',')) {
    const m = matchUrl(rules, part.trim().split(/\s/)[0]!, base);
    if (m) return m;
  }
  return null;
}

/**
 * The vendor and purpose of an element's URL attribute as the browser reads
 * it: `srcset` and `imagesrcset` as lists, `srcdoc` as a document (the hosts
 * its text names), any other (`src`, `href`, `data`, `poster`, `background`)
 * as one URL.
 */
export function matchElementAttribute(rules: CompiledRules, name: string, value: string, base?: string): Match | null {
  return name == 'srcdoc' ? mentionedHost(rules, value) : name.endsWith('srcset') ? matchAttribute(rules, value, base) : matchUrl(rules, value, base);
}

/** The name a `document.cookie` write sets. */
export function cookieName(write: string): string {
  return write.split(';')[0]!.split('=')[0]!.trim();
}

/**
 * Whether a `document.cookie` write deletes its cookie: its last `Max-Age` is
 * zero or less, or (without `Max-Age`, which takes precedence) its `Expires`
 * date is in the past.
 */
export function isDeletion(write: string, now: number = Date.now()): boolean {
  // (the greedy `.*` finds the last Max-Age)
  const maxAge = /.*;\s*max-age\s*=\s*(-?\d+)/i.exec(write);
  const expires = /;\s*expires\s*=([^;]*)/i.exec(write);
  return maxAge ? +maxAge[1]! <= 0 : !!expires && Date.parse(expires[1]!) < now;
}

/** The vendor and purpose of a cookie name, or null. */
export function matchCookie(rules: CompiledRules, name: string): Match | null {
  return find(rules, rules.c, name);
}

/**
 * The vendor and purpose a `document.cookie` write would set, or null when it
 * must pass: no vendor's cookie (asked first: most writes are the site's
 * own), the consent record itself, or a deletion.
 */
export function matchCookieWrite(rules: CompiledRules, write: string, recordName: string, now: number = Date.now()): Match | null {
  const name = cookieName(write);
  const match = matchCookie(rules, name);
  return match && name !== recordName && !isDeletion(write, now) ? match : null;
}

/** The vendor and purpose of a Web Storage key (`storage`: 'l' local, 's' session), or null. */
export function matchKey(rules: CompiledRules, key: string, storage: string): Match | null {
  return find(rules, rules.s, storage + ':' + key);
}

/** Every purpose a vendor's rules hold back, its main purpose first (the purposes a banner must offer for it). */
export function vendorPurposes(rules: CompiledRules, vendorId: string): Purpose[] {
  const index = rules.v.findIndex((row) => row[0] === vendorId);
  if (index < 0) return [];
  const found = new Set<Purpose>([rules.v[index]![1]]);
  for (const list of [rules.h, rules.c, rules.s]) {
    for (const rule of list.split(' ')) if (rule && parseInt(rule[1]!, 36) === index) found.add(PURPOSES[+rule[0]!]!);
  }
  return [...found];
}

/** The main purpose of a vendor, or undefined for an id the rules do not know. */
export function mainPurpose(rules: CompiledRules, vendorId: string | null): Purpose | undefined {
  return rules.v.find((row) => row[0] === vendorId)?.[1];
}
