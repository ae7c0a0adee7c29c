/**
 * The consent record's wire format: pure functions, no dependencies, no DOM.
 *
 * Shared by the head guard (which must read the record before anything else
 * runs and cannot carry js-cookie) and by the runtime, so there is exactly one
 * parser of the record of truth.
 *
 * Format: `<fnv1a-32 in base 36>.<JSON>`, where the JSON is
 * `{"v":1,"p":policyVersion,"d":{functional,analytics,marketing},"o":{vendorId:boolean},"t":ms,"id":random}`.
 * Anything else (unreadable, tampered, oversized, another schema version)
 * decodes to `null`, which every caller treats as "no decision".
 */
import type { OptionalPurpose } from '../types.js';

export const SCHEMA_VERSION = 1;
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
}

const VENDOR_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RECORD_ID = /^[A-Za-z0-9_-]{16,64}$/;
// 2020-01-01: no record can be older than the project.
const EARLIEST = 1577836800000;

/** FNV-1a, 32 bit, base 36: catches edits by hand and truncation, not an attacker. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function encodeRecord(record: ConsentRecord): string {
  const d = record.d;
  const json = JSON.stringify({ v: record.v, p: record.p, d: { functional: d.functional, analytics: d.analytics, marketing: d.marketing }, o: record.o, t: record.t, id: record.id });
  return checksum(json) + '.' + json;
}

/** The sorted own keys of a value, comma-joined: one comparison checks that an object has exactly the keys it should. */
const keys = (value: object): string => Object.keys(value).sort() + '';
const isBoolean = (value: unknown): boolean => value === !!value;

/**
 * Decode a cookie value (already URI-decoded). Returns null for anything that
 * is not a well-formed record of this schema version, or (when `policyVersion`
 * is given) a record made under another policy version. Never throws.
 *
 * Written compactly (the head guard carries this parser, on a byte budget),
 * every condition is one line of the schema:
 * checksum; exactly the keys v, p, d, o, t, id; `v` is 1; `p` a string of
 * 1 to 64 characters (the given policy version, if any); `d` exactly the three
 * optional purposes, each a boolean; `o` an object of at most 50 vendor ids
 * (lower-case words joined by hyphens, at most 64 characters) to booleans;
 * `t` an integer time from 2020 to one day ahead; `id` 16 to 64 URL-safe characters.
 * (A JSON text only ever parses into plain objects and arrays; `o` is refused
 * as an array, the others by their exact keys.)
 */
export function decodeRecord(raw: unknown, policyVersion?: string, now: number = Date.now()): ConsentRecord | null {
  try {
    const m = typeof raw == 'string' && raw.length <= MAX_RECORD_LENGTH && /^(\w+)\.(.+)$/s.exec(raw);
    if (!m || checksum(m[2]!) !== m[1]) return null;
    const r = JSON.parse(m[2]!);
    const { p, d, o, t } = r;
    const ids = Object.keys(o);
    return keys(r) == 'd,id,o,p,t,v' &&
      r.v === SCHEMA_VERSION &&
      typeof p == 'string' && p.length > 0 && p.length <= 64 && (policyVersion === undefined || p === policyVersion) &&
      keys(d) == 'analytics,functional,marketing' && Object.values(d).every(isBoolean) &&
      typeof o == 'object' && !Array.isArray(o) && ids.length <= 50 && ids.every((id) => id.length <= 64 && VENDOR_ID.test(id) && isBoolean(o[id])) &&
      Number.isInteger(t) && t >= EARLIEST && t <= now + 86400000 &&
      typeof r.id == 'string' && RECORD_ID.test(r.id)
      ? (r as ConsentRecord)
      : null;
  } catch {
    return null;
  }
}

/** A cookie's value in a `document.cookie` string, URI-decoded (the first of that name); null when absent or undecodable. Never throws. */
export function cookieValue(cookieString: string, name: string): string | null {
  try {
    return decodeURIComponent(('; ' + cookieString).split('; ' + name + '=')[1]!.split(';')[0]!);
  } catch {
    return null;
  }
}

/** Whether a vendor may use a purpose under a record (null record: nothing optional is allowed). */
export function recordAllows(record: ConsentRecord | null, vendorId: string, purpose: string): boolean {
  if (purpose === 'necessary') return true;
  if (!record) return false;
  const override = record.o[vendorId];
  if (override !== undefined) return override;
  return record.d[purpose as OptionalPurpose] === true;
}
