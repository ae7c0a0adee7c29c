/**
 * The consent record's wire format: pure functions, no dependencies, no DOM.
 *
 * Shared by the head guard (which must read the record before anything else
 * runs and cannot carry js-cookie) and by the runtime, so there is one parser
 * of the record of truth. The guard, on a byte budget, stops at `peekRecord`
 * (checksum, version, policy; it grants only what the record states as
 * exactly `true`); the runtime's `decodeRecord` adds the exact shape, and the
 * runtime hands its decision to the guard as it starts. The two differ only
 * on a record no consent-gate wrote (its checksum made by hand).
 *
 * Format: `<fnv1a-32 in base 36>.<JSON>`, where the JSON is
 * `{"v":1,"p":policyVersion,"d":{functional,analytics,marketing},"o":{vendorId:boolean},"t":ms,"id":random}`.
 * Anything else (unreadable, tampered, oversized, another schema version)
 * decodes to `null`, which every caller treats as "no decision".
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
}

// 2020-01-01: no record can be older than the project.
const EARLIEST = 1577836800000;

/** FNV-1a, 32 bit, base 36: catches edits by hand and truncation, not an attacker. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; ) h = Math.imul(h ^ text.charCodeAt(i++), 0x01000193);
  return (h >>> 0).toString(36);
}

export function encodeRecord(record: ConsentRecord): string {
  const d = record.d;
  const json = JSON.stringify({ v: record.v, p: record.p, d: { functional: d.functional, analytics: d.analytics, marketing: d.marketing }, o: record.o, t: record.t, id: record.id });
  return checksum(json) + '.' + json;
}

/**
 * The one shape a record's JSON may have: exactly what `encodeRecord` writes,
 * keys in that order, no whitespace. `p` 1 to 64 characters without quotes or
 * backslashes (config refuses such a policy version, and control characters,
 * which JSON.parse refuses);
 * `d` the three optional purposes as booleans; `o` at most 50 vendor ids
 * (lower-case words joined by hyphens, at most 64 characters) to booleans;
 * `t` an integer of 13 digits; `id` 16 to 64 URL-safe characters.
 */
const SHAPE = /^\{"v":1,"p":"[^"\\]{1,64}","d":\{"functional":(true|false),"analytics":(true|false),"marketing":(true|false)\},"o":\{("(?=[a-z0-9-]{1,64}")[a-z0-9]+(-[a-z0-9]+)*":(true|false)(,(?!\})|(?=\}))){0,50}\},"t":\d{13},"id":"[\w-]{16,64}"\}$/;

/**
 * Read a cookie value (already URI-decoded) as far as the head guard needs:
 * the checksum holds, the JSON parses, it is schema version 1, made under
 * `policyVersion` (when given). Null otherwise. Never throws. What it returns
 * is not checked further: `recordAllows` grants only what it states as exactly
 * `true`, so anything malformed grants nothing (and its age is the cookie's:
 * the browser drops it after 13 months).
 */
export function peekRecord(raw: unknown, policyVersion?: string): ConsentRecord | null {
  try {
    // (at most MAX_RECORD_LENGTH characters: a checksum, of up to 7, and the JSON)
    const m = /^(\w+)\.(.{1,2040})$/s.exec(raw as string);
    const r = m && checksum(m[2]!) === m[1] && JSON.parse(m[2]!);
    return r && r.v === SCHEMA_VERSION && r.p === (policyVersion ?? r.p) ? r : null;
  } catch {
    return null;
  }
}

/**
 * Decode a cookie value (already URI-decoded): `peekRecord`, the JSON in
 * exactly the shape `encodeRecord` writes (SHAPE), and a time from 2020 to one
 * day ahead. Null for anything else. Never throws. The runtime decides with
 * this; the head guard, which must be small, reads with `peekRecord` and is
 * updated by the runtime as it starts.
 */
export function decodeRecord(raw: unknown, policyVersion?: string, now: number = Date.now()): ConsentRecord | null {
  const r = typeof raw == 'string' ? peekRecord(raw, policyVersion) : null;
  return r && SHAPE.test((raw as string).slice((raw as string).indexOf('.') + 1)) && r.t >= EARLIEST && r.t <= now + 86400000 ? r : null;
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
  // a vendor's own decision wins over its purpose's
  return purpose === 'necessary' || (!!record && (record.o[vendorId] ?? record.d[purpose as OptionalPurpose]) === true);
}
