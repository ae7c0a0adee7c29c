/**
 * The consent record's wire format: pure functions, no dependencies, no DOM.
 *
 * Shared by the head guard (which must read the record before anything else
 * runs and cannot carry js-cookie) and by the runtime: both decide with
 * `decodeRecord` and `recordAllows`, the one specification of "a record
 * grants", so the two cannot disagree about a record (test/unit/record-agreement.test.ts
 * feeds both thousands of generated records and compares every grant).
 *
 * Format: `<fnv1a-32 in base 36>.<JSON>`, where the JSON is
 * `{"v":1,"p":policyVersion,"d":{functional,analytics,marketing},"o":{vendorId:boolean},"t":ms,"id":random}`,
 * and `,"g":1` before the closing brace when the decision was made while the
 * browser sent the Global Privacy Control signal (records without it stay
 * valid). Anything else (unreadable, tampered, oversized, another schema
 * version) decodes to `null`, which every caller treats as "no decision".
 */
import type { OptionalPurpose } from '../types.js';

export const SCHEMA_VERSION = 1;
/** 13 months: the longest a decision is kept before the visitor is asked again, whatever the config says. */
export const MAX_LIFETIME_DAYS = 395;
/** Longest cookie value we accept (browsers cap a cookie at about 4 KB). */
export const MAX_RECORD_LENGTH = 2048;

export interface ConsentRecord {
  v: 1;
  /** The site's policy version the decision was made under. */
  p: string;
  /** Decision per optional purpose. */
  d: Record<OptionalPurpose, boolean>;
  /** Per-vendor overrides. */
  o: Record<string, boolean>;
  /** When it was decided, ms since epoch. */
  t: number;
  /** Random id of this record. */
  id: string;
  /**
   * Decided while the browser sent the Global Privacy Control signal: the
   * visitor's own choice then, which stands over the signal (see recordAllows).
   */
  g?: 1;
}

/** How long a decision is kept when the config does not say (days). */
export const DEFAULT_LIFETIME_DAYS = 180;
/** How far ahead of the reader's clock a record's time may lie (clocks disagree a little). */
const CLOCK_SKEW_MS = 86400000;

/** FNV-1a, 32 bit, base 36: catches edits by hand and truncation, not an attacker. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; ) h = Math.imul(h ^ text.charCodeAt(i++), 0x01000193);
  return (h >>> 0).toString(36);
}

export function encodeRecord(record: ConsentRecord): string {
  const d = record.d;
  const json = JSON.stringify({
    v: record.v,
    p: record.p,
    d: { functional: d.functional, analytics: d.analytics, marketing: d.marketing },
    o: record.o,
    t: record.t,
    id: record.id,
    g: record.g ? 1 : undefined,
  });
  return checksum(json) + '.' + json;
}

/**
 * The one shape a record's JSON may have: exactly what `encodeRecord` writes,
 * keys in that order, no whitespace. `p` 1 to 64 characters without quotes or
 * backslashes (config refuses such a policy version, and control characters,
 * which JSON.parse refuses);
 * `d` the three optional purposes as booleans; `o` at most 50 vendor ids
 * (lower-case words joined by hyphens, at most 64 characters) to booleans;
 * `t` an integer of 13 digits; `id` 16 to 64 URL-safe characters; `g`, when
 * there, 1.
 *
 * (Re-encoding the parsed JSON with encodeRecord and comparing strings checks
 * the keys and their order too, but not the values: with the checks on `p`,
 * the ids in `o`, `t` and `id` it needs, it is longer than this expression in
 * the head guard, measured.)
 *
 * (A brace that cannot be a quantifier is itself, unescaped: the grammar of
 * regular expressions without the `u` flag, ECMA-262 Annex B.)
 */
const SHAPE =
  /^{"v":1,"p":"[^"\\]{1,64}","d":{"functional":(true|false),"analytics":(true|false),"marketing":(true|false)},"o":{("(?=[a-z0-9-]{1,64}")[a-z0-9]+(-[a-z0-9]+)*":(true|false)(,(?!})|(?=}))){0,50}},"t":\d{13},"id":"[\w-]{16,64}"(,"g":1)?}$/;

/**
 * The first stage of `decodeRecord`: the checksum holds, the JSON (when
 * `shape` is given, matching it) parses, it is schema version 1, made under
 * `policyVersion` (when given). Null otherwise. Never throws. Its age is not
 * checked, nor its shape without `shape`: decide with `decodeRecord`.
 */
export function peekRecord(raw: unknown, policyVersion?: string, shape = /^/): ConsentRecord | null {
  try {
    // (at most MAX_RECORD_LENGTH characters: a checksum, of up to 7, and the JSON)
    const m = /^(\w+)\.(.{1,2040})$/s.exec(raw as string);
    const r = m && checksum(m[2]!) === m[1] && shape.test(m[2]!) && JSON.parse(m[2]!);
    return r && r.v === SCHEMA_VERSION && r.p === (policyVersion ?? r.p) ? r : null;
  } catch {
    return null;
  }
}

/**
 * Decode a cookie value (already URI-decoded), the way the runtime and the
 * head guard both read the record: `peekRecord`, the JSON in exactly the shape
 * `encodeRecord` writes (SHAPE), and a time no older than `lifetimeDays`
 * (at most MAX_LIFETIME_DAYS) and at most CLOCK_SKEW_MS ahead of `now`.
 * Null ("no decision") for anything else. Never throws.
 */
export function decodeRecord(
  raw: unknown,
  policyVersion?: string,
  now: number = Date.now(),
  lifetimeDays: number = DEFAULT_LIFETIME_DAYS,
): ConsentRecord | null {
  const r = typeof raw === 'string' ? peekRecord(raw, policyVersion, SHAPE) : null;
  return r && r.t >= now - Math.min(lifetimeDays, MAX_LIFETIME_DAYS) * 86400000 && r.t <= now + CLOCK_SKEW_MS ? r : null;
}

/** A cookie's value in a `document.cookie` string, URI-decoded (the first of that name); null when absent or undecodable. Never throws. */
export function cookieValue(cookieString: string, name: string): string | null {
  try {
    return decodeURIComponent(('; ' + cookieString).split('; ' + name + '=')[1]!.split(';')[0]!);
  } catch {
    return null;
  }
}

/**
 * Whether the browser sends the Global Privacy Control signal
 * (`navigator.globalPrivacyControl`: true; 1 or "1" as some extensions set it).
 */
export function gpcSignal(navigator: unknown): boolean {
  // biome-ignore lint/suspicious/noDoubleEquals: loose on purpose, so true, 1 and "1" all count as the signal
  return (navigator as { globalPrivacyControl?: unknown } | undefined)?.globalPrivacyControl == true;
}

/**
 * The purposes the Global Privacy Control signal refuses under the config's
 * `gpc` setting: `marketing` (the "sale or sharing" purpose) for `opt-out`,
 * the default; every optional purpose for `reject-all`; none for `ignore`, or
 * without the signal.
 */
export function gpcRefuses(signal: boolean, mode?: unknown): OptionalPurpose[] {
  return !signal || mode === 'ignore' ? [] : mode === 'reject-all' ? ['functional', 'analytics', 'marketing'] : ['marketing'];
}

/**
 * Whether a vendor may use a purpose under a record (null record: nothing
 * optional is allowed), with `refused` the purposes the GPC signal refuses now
 * (gpcRefuses): the signal refuses them even over an earlier accept, unless
 * the record was decided while the signal was on (its `g`), when the
 * visitor's own choice stands (11 CCR §7025(c)(3): the business may offer an
 * opportunity to consent). The one specification of a grant, for the guard
 * and the runtime.
 */
export function recordAllows(record: ConsentRecord | null, vendorId: string, purpose: string, refused: readonly string[] = []): boolean {
  // a vendor's own decision wins over its purpose's
  return (
    purpose === 'necessary' ||
    (!!record && !(refused.includes(purpose) && !record.g) && (record.o[vendorId] ?? record.d[purpose as OptionalPurpose]) === true)
  );
}
