/**
 * The guard's decisions as pure functions: the catalog compiled into a compact
 * rule table, and "which vendor and purpose does this URL, cookie write or
 * storage key belong to?". No DOM, no globals: unit-tested in jsdom, shared by
 * the build (which embeds the compiled table) and the guard.
 */
import type { Purpose, VendorData } from '../types.js';

/** A vendor and the purpose a URL, cookie or key belongs to. */
export interface Match {
  v: string;
  p: Purpose;
}

/**
 * One kind of rule (hosts, cookies or storage keys) as a regular expression
 * source whose alternatives are tried in order, most specific first; the
 * alternative that matched (capture group n) is described by row n:
 * `[purpose, vendor index]`.
 */
export type RuleSet = [string, ...[Purpose, number][]];

/**
 * The catalog reduced to what the guard needs: ids, host patterns, cookie and
 * key names, purposes. `necessary` parts are left out (never blocked).
 * `h` is matched against `hostname + pathname`, `c` against a cookie name,
 * `s` against `l:key` (localStorage) or `s:key` (sessionStorage).
 */
export interface CompiledRules {
  /** `[vendor id, main purpose]` */
  v: [string, Purpose][];
  h: RuleSet;
  c: RuleSet;
  s: RuleSet;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rows `[pattern source, specificity, purpose, vendor]` into one rule set, most specific first. */
function ruleSet(rows: [string, number, Purpose, number][]): RuleSet {
  rows.sort((a, b) => b[1] - a[1]);
  return [`^(?:${rows.map((r) => `(${r[0]})`).join('|')})`, ...rows.map((r): [Purpose, number] => [r[2], r[3]])];
}

export function compileRules(vendors: readonly VendorData[]): CompiledRules {
  const h: [string, number, Purpose, number][] = [];
  const c: [string, number, Purpose, number][] = [];
  const s: [string, number, Purpose, number][] = [];
  vendors.forEach((vendor, i) => {
    for (const r of vendor.hosts) {
      if (r.purpose === 'necessary') continue;
      const host = r.host.toLowerCase();
      const wild = host.startsWith('*.');
      // An exact host before any wildcard, a longer host before a shorter one, a path before none.
      const score = (wild ? 0 : 1e6) + host.length * 1e3 + (r.path ?? '').length;
      h.push([(wild ? '[^/]+' + escape(host.slice(1)) : escape(host)) + escape(r.path?.startsWith('/') ? r.path : '/' + (r.path ?? '')), score, r.purpose, i]);
    }
    for (const r of vendor.cookies) {
      if (r.purpose === 'necessary') continue;
      const prefix = r.match === 'prefix';
      c.push([escape(r.name) + (prefix ? '' : '$'), (prefix ? 0 : 1e6) + r.name.length, r.purpose, i]);
    }
    for (const r of vendor.storage) {
      if (r.purpose === 'necessary') continue;
      const key = escape(r.key);
      const how = r.match ?? 'exact';
      s.push([r.storage[0] + ':' + (how === 'suffix' ? '.*' + key + '$' : how === 'prefix' ? key : key + '$'), (how === 'exact' ? 1e6 : 0) + r.key.length, r.purpose, i]);
    }
  });
  return { v: vendors.map((v) => [v.id, v.purpose]), h: ruleSet(h), c: ruleSet(c), s: ruleSet(s) };
}

/** The vendor and purpose of the first (most specific) rule matching `text`, if that vendor is in use. */
export function find(rules: CompiledRules, set: RuleSet, text: string): Match | null {
  const m = set.length > 1 ? new RegExp(set[0]).exec(text) : null;
  if (!m) return null;
  const row = set[m.findIndex((g, i) => i && g !== undefined)] as [Purpose, number];
  const vendor = rules.v[row[1]];
  return vendor ? { v: vendor[0], p: row[0] } : null;
}

/** What the guard works with after reading the page's config. */
export interface GuardSetup {
  /** Rules of the configured vendors. */
  rules: CompiledRules;
  cookieName: string;
  policyVersion: string;
}

/**
 * Read `window.consentGateConfig`. Returns null (fail closed: the whole
 * catalog blocked, no record honoured) when it is not an object, `vendors` is
 * not an object or names a vendor the catalog does not know. Never throws.
 * (A `cookieName` or `policyVersion` that is not a string finds no record:
 * nothing is allowed either.)
 */
export function configure(config: unknown, all: CompiledRules): GuardSetup | null {
  try {
    const c = config as { vendors: object; cookieName?: string; policyVersion?: string };
    const keep = Object.keys(c.vendors).map((id) => all.v.findIndex((v) => v[0] === id));
    if (typeof c.vendors !== 'object' || Array.isArray(c.vendors) || keep.includes(-1)) return null;
    // Vendors not in use keep their place (rule rows point at it) but are empty: their rules never match.
    return { rules: { ...all, v: all.v.map((v, i) => (keep.includes(i) ? v : (undefined as unknown as [string, Purpose]))) }, cookieName: c.cookieName ?? 'consent_gate', policyVersion: c.policyVersion ?? '1' };
  } catch {
    return null;
  }
}

/** The vendor and purpose of a URL (resolved against `base`), or null. Only http(s) and ws(s) URLs can match. */
export function matchUrl(rules: CompiledRules, url: string, base?: string): Match | null {
  let u: URL;
  try {
    u = new URL(url, base);
  } catch {
    return null;
  }
  if (!/^(https?|wss?):$/.test(u.protocol)) return null;
  return find(rules, rules.h, u.hostname + u.pathname);
}

/**
 * The vendor and purpose of an attribute value. Every comma-separated part is
 * looked at (a `srcset` lists several URLs), so any vendor URL in it counts.
 */
export function matchAttribute(rules: CompiledRules, value: string, base?: string): Match | null {
  for (const part of value.split(',')) {
    const m = matchUrl(rules, part.trim().split(/\s/)[0]!, base);
    if (m) return m;
  }
  return null;
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
  const maxAge = write.match(/;\s*max-age\s*=\s*-?\d+/gi);
  const expires = /;\s*expires\s*=([^;]*)/i.exec(write);
  return maxAge ? +maxAge.pop()!.split('=')[1]! <= 0 : !!expires && Date.parse(expires[1]!) < now;
}

/** The vendor and purpose of a cookie name, or null. */
export function matchCookie(rules: CompiledRules, name: string): Match | null {
  return find(rules, rules.c, name);
}

/**
 * The vendor and purpose a `document.cookie` write would set, or null when
 * it must pass: a deletion, the consent record itself, or no vendor's cookie.
 */
export function matchCookieWrite(rules: CompiledRules, write: string, recordName: string, now: number = Date.now()): Match | null {
  const name = cookieName(write);
  if (name === recordName || isDeletion(write, now)) return null;
  return matchCookie(rules, name);
}

/** The vendor and purpose of a Web Storage key (`storage`: 'l' local, 's' session), or null. */
export function matchKey(rules: CompiledRules, key: string, storage: string): Match | null {
  return find(rules, rules.s, storage + ':' + key);
}

/** The main purpose of a vendor, or null for an id the rules do not know. */
export function mainPurpose(rules: CompiledRules, vendorId: string): Purpose | null {
  const v = rules.v.find((row) => row[0] === vendorId);
  return v ? v[1] : null;
}

/**
 * Whether a piece of markup may mention a ruled host (a cheap test before
 * parsing it): the host rules without their anchors and paths, anywhere in the text.
 */
export function mentionsHost(rules: CompiledRules, markup: string): boolean {
  return rules.h.length > 1 && new RegExp(rules.h[0].replace(/\^|\[\^\/\]\+|\/[^)]*/g, ''), 'i').test(markup);
}
