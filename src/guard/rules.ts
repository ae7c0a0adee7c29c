/**
 * The guard's decisions as pure functions: vendor data compiled into a
 * compact rule table, the page's config read into what the guard works with,
 * and "which vendor and purpose does this URL, cookie write or storage key
 * belong to?". No DOM, no globals: unit-tested in jsdom, shared by the build
 * (which embeds the catalog's compiled table), the runtime (which resolves
 * config ids against it) and the guard (which compiles the site's own
 * services at run time, with the same compileParts).
 */
import { DEFAULT_LIFETIME_DAYS, cookieValue, decodeRecord, gpcRefuses, recordAllows, type ConsentRecord } from '../consent/codec.js';
import type { ConsentSignal, OptionalPurpose, Purpose, VendorData } from '../types.js';

/** A vendor and the purpose a URL, cookie or key belongs to. */
export interface Match {
  v: string;
  p: Purpose;
}

/** The purposes in the order a rule's first character counts them; `necessary` last: its parts get no rule (never held back). */
export const PURPOSES: readonly Purpose[] = ['functional', 'analytics', 'marketing', 'necessary'];

/**
 * Vendor data reduced to what the guard needs: ids, patterns, purposes.
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
export interface RuleTable {
  /** `[vendor id, main purpose]` */
  v: [string, Purpose][];
  h: string;
  c: string;
  s: string;
  /** The vendors' consent signals (compileSignals). */
  g?: CompiledSignal[];
}

/** The rule table of a catalog, as the build embeds it in the guard and the runtime resolves config ids against it. */
export interface CompiledRules extends RuleTable {
  /** Each vendor's kind, a letter per row of `v`: `c` chat, `e` embed, `t` tag (the runtime reads it; the guard's release leaves an embed's markup form to its placeholder). */
  k: string;
}

/**
 * A ConsentSignal as the guard carries it: the vendors whose signal it is
 * (their indices in `v`, base 36: the first one's permission decides; vendors
 * sharing a queue and command share one signal, such as the Google tags on
 * `dataLayer`), the queue, the style's first letter (`g`tag, `l`ist,
 * `a`rgs), the command, each consent type's purpose (`granted`: always), the
 * values for granted and denied, and the globals set first.
 */
type CompiledSignal = [
  vendors: string,
  queue: string,
  style: string,
  command: string[],
  types: Record<string, string>,
  values: ConsentSignal['values'],
  globals?: ConsentSignal['globals'],
];

/**
 * How specific a rule is: one without a wildcard before any with one, a
 * longer host (or name) before a shorter one, a path before none. (An exact
 * cookie or key `name$` is longer than any prefix rule that matches the same
 * name.)
 */
function specificity(rule: string): number {
  const pattern = rule.slice(2);
  return (pattern.includes('*') ? 0 : 1e6) + pattern.split('/')[0]!.length * 1e3 + pattern.length;
}

/** Rules as one rule string, most specific first. */
const sorted = (list: string[]): string => list.sort((a, b) => specificity(b) - specificity(a)).join(' ');

/**
 * What compileParts cannot carry, thrown as `[text]` (a site's declaration the
 * guard cannot read fails closed with it); compileRules, outside the guard,
 * turns it into a TypeError that names it (the message costs the guard nothing).
 */
function refuse(text: unknown): never {
  throw [text];
}

/**
 * The rules of vendors' hosts, cookies and storage keys, added to those of
 * table `base` (the guard compiles a site's own services onto the catalog's;
 * its other fields are kept). A part without a purpose has its vendor's (a
 * declaration may leave it out, and a list). Throws on anything it cannot
 * carry: a purpose that is none, a name with a character the pattern
 * language gives a meaning to (or a space), a storage that is neither local
 * nor session, a list that is none, more than 36 vendors (what it refuses, as
 * `[text]`; compileRules throws a TypeError naming it).
 */
export function compileParts<T extends RuleTable>(
  vendors: readonly VendorData[],
  base = { v: [], h: '', c: '', s: '' } as unknown as T,
): T {
  const lists = [base.h, base.c, base.s].map((list) => list.split(' ').filter(Boolean));
  const index = (purpose: unknown, i = PURPOSES.indexOf(purpose as Purpose)): number => (i < 0 ? refuse(purpose) : i);
  const v = vendors.map((vendor, i): [string, Purpose] => {
    const at = base.v.length + i;
    if (at > 35) refuse(vendor.id);
    /** A rule of list `kind` (0 hosts, 1 cookies, 2 storage) for a part, unless it is necessary; `name` is what the pattern is made of. */
    const add = (kind: number, part: { purpose?: Purpose }, name: string, pattern: string): void => {
      const p = index(part.purpose ?? vendor.purpose);
      if (!/^[\w.:/@%~!,;=+-]+$/.test(name)) refuse(name);
      if (p < 3) lists[kind]!.push(p + at.toString(36) + pattern);
    };
    /** A cookie name or storage key: exact (`name$`), prefix (`name`) or suffix (`*name$`). */
    const named = (kind: number, part: { purpose?: Purpose; match?: string }, where: string, name: string): void =>
      add(kind, part, name, where + (part.match === 'suffix' ? '*' : '') + name + (part.match === 'prefix' ? '' : '$'));
    // (a declaration may leave a list out)
    for (const r of vendor.hosts ?? []) {
      const host = r.host.toLowerCase();
      const path = '/' + (r.path ?? '').replace(/^\//, '');
      // (`*.host` as it is: `*` is any run of characters but `/`)
      add(0, r, host.replace(/^\*\./, '') + path, host + path);
    }
    for (const r of vendor.cookies ?? []) named(1, r, '', r.name);
    for (const r of vendor.storage ?? [])
      named(2, r, r.storage === 'local' ? 'l:' : r.storage === 'session' ? 's:' : refuse(r.storage), r.key);
    return [vendor.id, PURPOSES[index(vendor.purpose)]!];
  });
  return { ...base, v: [...base.v, ...v], h: sorted(lists[0]!), c: sorted(lists[1]!), s: sorted(lists[2]!) };
}

/** The vendors' consent signals as the guard carries them (see CompiledSignal): one per queue and command. */
function compileSignals(vendors: readonly VendorData[]): CompiledSignal[] {
  const out: CompiledSignal[] = [];
  vendors.forEach((vendor, i) => {
    for (const signal of vendor.signals ?? []) {
      const same = out.find((o) => o[1] === signal.queue && o[2] === signal.style[0] && o[3].join() === signal.command.join());
      if (same) same[0] += i.toString(36);
      else {
        const types = Object.fromEntries(
          Object.entries(signal.types).map(([type, purpose]) => [type, purpose === true || purpose === 'necessary' ? 'granted' : purpose]),
        );
        out.push([
          i.toString(36),
          signal.queue,
          signal.style[0]!,
          [...signal.command],
          types,
          [...signal.values] as unknown as ConsentSignal['values'],
          ...(signal.globals ? [{ ...signal.globals }] : []),
        ] as CompiledSignal);
      }
    }
  });
  return out;
}

/** The catalog's (or a site's own selection's) rule table: every vendor's rules, kinds and consent signals. */
export function compileRules(vendors: readonly VendorData[]): CompiledRules {
  const kind = (v: VendorData) =>
    (v.kind ?? (typeof (v as { adapter?: { open?: unknown } }).adapter?.open === 'function' ? 'chat' : 'tag'))[0];
  const signals = compileSignals(vendors);
  let parts: RuleTable;
  try {
    parts = compileParts<RuleTable>(vendors);
  } catch (error) {
    throw Array.isArray(error)
      ? new TypeError(
          'compileRules cannot carry ' +
            JSON.stringify(error[0]) +
            ': no purpose, storage or name of letters, digits and .:/@%~!,;=+-_ (36 vendors at most)',
        )
      : error;
  }
  return { ...parts, k: vendors.map(kind).join(''), ...(signals.length ? { g: signals } : {}) };
}

/** Each rule string's rules with their regular expressions, made once (a page asks thousands of times). */
const compiled: Record<string, [string, RegExp][]> = {};

/** The vendor and purpose of the first (most specific) rule matching `text`, if that vendor is in use. */
function find(rules: RuleTable, list: string, text: string): Match | null {
  const rule = (compiled[list] ||= list
    .split(' ')
    .map((r) => [r, RegExp('^' + r.slice(2).replace(/\./g, '\\.').replace(/\*/g, '[^/]*'))])).find((r) => r[0] && r[1].test(text))?.[0];
  return ruleMatch(rules, rule);
}

/** The vendor and purpose a rule names (its first two characters), if that vendor is in use. */
function ruleMatch(rules: RuleTable, rule: string | false | undefined): Match | null {
  const vendor = rule && rules.v[parseInt(rule[1]!, 36)];
  return vendor ? { v: vendor[0], p: PURPOSES[+rule[0]!]! } : null;
}

/**
 * What the guard works with after reading the page's config: where the
 * record is, which policy it must be under, how long it lasts; the rules it
 * holds back with (the catalog's and the site's own services'); the purposes
 * the Global Privacy Control signal refuses; Google Consent Mode's settings.
 */
export type GuardSetup = [
  cookieName: string,
  policyVersion: string,
  lifetimeDays: number,
  rules: RuleTable,
  refused: OptionalPurpose[],
  consentMode: unknown,
];

/** The config as the guard reads it (the runtime checks it whole: src/config.ts). */
interface GuardConfig {
  vendors: Record<string, { consentMode?: unknown } | undefined>;
  cookieName?: string;
  policyVersion?: string;
  cookieLifetimeDays?: number;
  gpc?: string;
  consentMode?: unknown;
}

/**
 * Read `window.consentGateConfig` (`gpc`: whether the browser sends the
 * Global Privacy Control signal). Returns null (fail closed: no record
 * honoured, so every vendor the guard knows stays held back) when it has no
 * `vendors` object, names a vendor id the catalog does not know with no
 * declaration the guard can read (see src/declare.ts: a purpose, and hosts,
 * cookies and storage keys compileParts can carry), has a
 * `cookieLifetimeDays` the runtime refuses (anything but a finite number
 * above 0), or a `gpc` that is not one of its three. Never throws. (A
 * `cookieName` or `policyVersion` that is not a string finds no record:
 * nothing is allowed either.)
 *
 * Every catalog vendor is held back until its purpose is granted, whether the
 * config names it or not: a vendor the site pastes by hand gets nothing
 * before consent either. A catalog vendor with a phased consent signal that
 * the config runs with `consentMode: 'advanced'` (Google's tags, Microsoft
 * UET) loads before consent with the signal's denied defaults: its hosts are
 * not held and its markup form needs nothing; its cookies and storage keys
 * still wait for their purposes.
 *
 * A row two catalog vendors share (gtag.js: Google Analytics' and Google
 * Ads'; HubSpot's loader and cookies: Conversations' and tracking's) is held
 * under the first one's purpose, unless the config names only the other: then
 * it is that vendor's (the vendor the site runs claims it).
 */
export function guardSetup(config: unknown, all: RuleTable, gpc = false): GuardSetup | null {
  try {
    const c = config as GuardConfig;
    const vendors = c.vendors;
    // (as the runtime: absent is the default, anything else must be a finite number above 0)
    const days = c.cookieLifetimeDays === undefined ? DEFAULT_LIFETIME_DAYS : c.cookieLifetimeDays;
    // catalog vendors in Consent Mode's advanced mode: their main purpose needs nothing, their hosts pass
    const v = all.v.map((row, i): [string, Purpose] =>
      vendors[row[0]]?.consentMode === 'advanced' && all.g?.some((g) => g[0].includes(i.toString(36)) && g[3].includes('{phase}'))
        ? [row[0], 'necessary']
        : row,
    );
    const row = (rule: string) => v[parseInt(rule[1]!, 36)];
    // the rules of the vendors the config names first: a row two vendors share (the same pattern) is then the named one's;
    // `hosts`: no host rule where one of them loads in advanced mode
    const claim = (list: string, hosts?: boolean) =>
      list
        .split(' ')
        .sort((a, b) => +!vendors[row(a)?.[0] as string] - +!vendors[row(b)?.[0] as string])
        .filter((rule, _, rules) => !hosts || !rules.some((r) => r.slice(2) === rule.slice(2) && row(r)?.[1] === 'necessary'))
        .join(' ');
    // the site's own services compiled onto the catalog's rules (throws on a declaration it cannot read)
    const rules = compileParts(
      Object.keys(vendors)
        .filter((id) => !all.v.some((v) => v[0] === id))
        .map((id) => ({ ...vendors[id], id }) as unknown as VendorData),
      { ...all, v, h: claim(all.h, true), c: claim(all.c), s: claim(all.s) },
    );
    // (a missing `vendors` threw; an array, a string or a number is not a plain object)
    return vendors.constructor === Object &&
      Number.isFinite(days) &&
      days > 0 &&
      [undefined, 'opt-out', 'reject-all', 'ignore'].includes(c.gpc)
      ? [c.cookieName ?? 'consent_gate', c.policyVersion ?? '1', days, rules, gpcRefuses(gpc, c.gpc), c.consentMode]
      : null;
  } catch {
    return null;
  }
}

/** `guardSetup`'s record part: the record's cookie name, policy version and lifetime; null as there. */
export function configure(config: unknown, all: RuleTable): [cookieName: string, policyVersion: string, lifetimeDays: number] | null {
  return (guardSetup(config, all)?.slice(0, 3) as [string, string, number] | undefined) ?? null;
}

/**
 * The guard's permission before the runtime gives one: the setup's record
 * cookie in `cookies` (a `document.cookie` string), read as the runtime reads
 * it (`decodeRecord` with the config's policy version and lifetime), under the
 * GPC signal; nothing optional without a setup or a record.
 */
export function guardAllows(setup: GuardSetup | null, cookies: string, now: number): (vendorId: string, purpose: Purpose) => boolean {
  const record = setup && decodeRecord(cookieValue(cookies, setup[0]), setup[1], now, setup[2]);
  return (vendor, purpose) => recordAllows(record, vendor, purpose, setup?.[4]);
}

/**
 * The record the guard honours: the config's cookie in `cookies` (a
 * `document.cookie` string), read as the runtime reads it (`decodeRecord`
 * with the config's policy version and lifetime), or null.
 */
export function guardRecord(config: unknown, all: RuleTable, cookies: string, now: number): ConsentRecord | null {
  const setup = guardSetup(config, all);
  return setup && decodeRecord(cookieValue(cookies, setup[0]), setup[1], now, setup[2]);
}

/**
 * Text spelled out the way the URL parser reads the host names in it: tabs
 * and newlines (which it drops first) removed, percent-escapes decoded (as
 * UTF-8), Unicode compatibility forms (fullwidth letters, `ſ`) folded as its
 * IDNA step folds them, lower case. (Character references are not decoded:
 * docs/guard.md, limits.)
 */
function spellOut(text: string): string {
  // twice: a data: URL's text is escaped once as a URL, and may escape the host of a URL inside it once more
  // (folded after decoding, as an escape may spell a fullwidth letter; folding before as well only ever holds more)
  return decode(decode(text.replace(/[\t\n\r]/g, '').normalize('NFKC')))
    .normalize('NFKC')
    .toLowerCase();
}

/** Percent-escapes decoded as UTF-8, as the URL parser decodes a host; as single bytes where that fails. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return unescape(text);
  }
}

/**
 * The vendor and purpose of the first host rule whose host a text names
 * anywhere (spelled out as `spellOut` reads it), or null. Host rules without
 * their wildcards and paths: `*.usemessages.com/` is named by any
 * `.usemessages.com`. (No host rules at all: '' is in any text, which then
 * names nothing.)
 */
export function mentionedHost(rules: RuleTable, text: string): Match | null {
  return ruleMatch(rules, named(rules, spellOut(text)));
}

/**
 * Each host rule string's rules with the host each names (see mentionedHost),
 * made once; `any`: one expression that every text naming one of them matches.
 */
const hostNames: Record<string, [string, string][] & { any?: RegExp }> = {};

/** The first host rule whose host `plain` (lower case) contains, if any. */
function named(rules: RuleTable, plain: string): string | false | undefined {
  const list = (hostNames[rules.h] ||= rules.h.split(' ').map((rule) => [rule, rule.slice(2).replace(/^\*|\/.*/g, '')]));
  // (one pass of the expression over the text rules out at once most texts, which name no ruled host)
  return (
    (list.any ||= RegExp(list.map((r) => r[1].replace(/\W/g, '\\$&')).join('|'))).test(plain) && list.find((r) => plain.includes(r[1]))?.[0]
  );
}

/** Whether a piece of markup may name a ruled host (a cheap test before parsing it). */
export function mentionsHost(rules: RuleTable, markup: string): boolean {
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
export function matchUrl(rules: RuleTable, url: string, base?: string): Match | null {
  // The fast path, taken by most URLs: an http(s) URL in printable ASCII without percent-escapes has its host,
  // in lower case, as it is written; one that names no ruled host is no vendor's.
  if (/^https?:\/\/[!-$&-~]*$/i.test(url) && !named(rules, url.toLowerCase())) return null;
  try {
    const u = new URL(url, base);
    const [type, ...data] = u.href.split(',');
    return /^(data|javascript):/.test(type!)
      ? mentionedHost(rules, /;base64$/i.test(type!) ? escape(atob(unescape(data.join()))) : u.href)
      : find(rules, rules.h, u.hostname.replace(/\.+$/, '') + u.pathname);
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
export function matchAttribute(rules: RuleTable, value: string, base?: string): Match | null {
  let m: Match | null = null;
  for (const part of value.split(',')) m ||= matchUrl(rules, part.trim().split(/\s/)[0]!, base);
  return m;
}

/**
 * The vendor and purpose of an element's URL attribute as the browser reads
 * it: `srcset` and `imagesrcset` as lists, `srcdoc` as a document (the hosts
 * its text names), any other (`src`, `href`, `data`, `poster`, `background`)
 * as one URL.
 */
export function matchElementAttribute(rules: RuleTable, name: string, value: string, base?: string): Match | null {
  return name === 'srcdoc'
    ? mentionedHost(rules, value)
    : name.endsWith('srcset')
      ? matchAttribute(rules, value, base)
      : matchUrl(rules, value, base);
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
export function matchCookie(rules: RuleTable, name: string): Match | null {
  return find(rules, rules.c, name);
}

/**
 * The vendor and purpose a `document.cookie` write would set, or null when it
 * must pass: no vendor's cookie (asked first: most writes are the site's
 * own), the consent record itself, or a deletion.
 */
export function matchCookieWrite(rules: RuleTable, write: string, recordName: string, now: number = Date.now()): Match | null {
  const name = cookieName(write);
  const match = matchCookie(rules, name);
  return match && name !== recordName && !isDeletion(write, now) ? match : null;
}

/** The vendor and purpose of a Web Storage key (`storage`: 'l' local, 's' session), or null. */
export function matchKey(rules: RuleTable, key: string, storage: string): Match | null {
  return find(rules, rules.s, storage + ':' + key);
}

/** Every purpose a vendor's rules hold back, its main purpose first (the purposes a banner must offer for it). */
export function vendorPurposes(rules: RuleTable, vendorId: string): Purpose[] {
  const index = rules.v.findIndex((row) => row[0] === vendorId);
  if (index < 0) return [];
  const found = new Set<Purpose>([rules.v[index]![1]]);
  for (const list of [rules.h, rules.c, rules.s]) {
    for (const rule of list.split(' ')) if (rule && parseInt(rule[1]!, 36) === index) found.add(PURPOSES[+rule[0]!]!);
  }
  return [...found];
}

/** The main purpose of a vendor, or undefined for an id the rules do not know. */
export function mainPurpose(rules: RuleTable, vendorId: string | null): Purpose | undefined {
  return rules.v.find((row) => row[0] === vendorId)?.[1];
}
