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

const DECIDED_PURPOSES: readonly OptionalPurpose[] = ['functional', 'analytics', 'marketing'];
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
  const json = JSON.stringify({ v: record.v, p: record.p, d: record.d, o: record.o, t: record.t, id: record.id });
  return checksum(json) + '.' + json;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function hasOnlyKeys(obj: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(obj);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(obj, k));
}

/**
 * Decode a cookie value (already URI-decoded). Returns null for anything that
 * is not a well-formed record of this schema version, or (when `policyVersion`
 * is given) a record made under another policy version. Never throws.
 */
export function decodeRecord(raw: unknown, policyVersion?: string, now: number = Date.now()): ConsentRecord | null {
  try {
    if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RECORD_LENGTH) return null;
    const dot = raw.indexOf('.');
    if (dot < 1) return null;
    const json = raw.slice(dot + 1);
    if (checksum(json) !== raw.slice(0, dot)) return null;
    const obj: unknown = JSON.parse(json);
    if (!isPlainObject(obj) || !hasOnlyKeys(obj, ['v', 'p', 'd', 'o', 't', 'id'])) return null;
    if (obj.v !== SCHEMA_VERSION) return null;
    if (typeof obj.p !== 'string' || obj.p.length === 0 || obj.p.length > 64) return null;
    if (policyVersion !== undefined && obj.p !== policyVersion) return null;
    const d = obj.d;
    if (!isPlainObject(d) || !hasOnlyKeys(d, DECIDED_PURPOSES)) return null;
    for (const purpose of DECIDED_PURPOSES) if (typeof d[purpose] !== 'boolean') return null;
    const o = obj.o;
    if (!isPlainObject(o)) return null;
    const vendors = Object.keys(o);
    if (vendors.length > 50) return null;
    for (const id of vendors) if (id.length > 64 || !VENDOR_ID.test(id) || typeof o[id] !== 'boolean') return null;
    const t = obj.t;
    if (typeof t !== 'number' || !Number.isInteger(t) || t < EARLIEST || t > now + 86400000) return null;
    if (typeof obj.id !== 'string' || !RECORD_ID.test(obj.id)) return null;
    return {
      v: SCHEMA_VERSION,
      p: obj.p,
      d: { functional: d.functional as boolean, analytics: d.analytics as boolean, marketing: d.marketing as boolean },
      o: { ...(o as Record<string, boolean>) },
      t,
      id: obj.id,
    };
  } catch {
    return null;
  }
}

/** Find a cookie's raw value in a `document.cookie` string and URI-decode it. Never throws. */
export function cookieValue(cookieString: string, name: string): string | null {
  const parts = cookieString.split(';');
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}

/** Whether a vendor may use a purpose under a record (null record: nothing optional is allowed). */
export function recordAllows(record: ConsentRecord | null, vendorId: string, purpose: string): boolean {
  if (purpose === 'necessary') return true;
  if (!record) return false;
  const override = record.o[vendorId];
  if (override !== undefined) return override;
  return record.d[purpose as OptionalPurpose] === true;
}
