/**
 * Reading and writing the consent record cookie. The format, and the one
 * reader of a cookie string, live in ./codec.ts (shared with the head guard,
 * which must read the record before anything else runs); writing is one
 * `document.cookie` assignment, as RFC 6265 section 4.1.1 spells it.
 */
import { MAX_LIFETIME_DAYS, SCHEMA_VERSION, cookieValue, decodeRecord, encodeRecord, type ConsentRecord } from './codec.js';
import type { OptionalPurpose } from '../types.js';

export interface RecordStore {
  name: string;
  domain?: string;
  lifetimeDays: number;
  policyVersion: string;
}

/** The stored record for this policy version, no older than the lifetime, or null ("no decision"). Never throws. */
export function readRecord(store: RecordStore): ConsentRecord | null {
  let raw: string | null;
  try {
    raw = cookieValue(document.cookie, store.name);
  } catch {
    return null;
  }
  return decodeRecord(raw, store.policyVersion, Date.now(), store.lifetimeDays);
}

/**
 * Write the record: first-party, on path `/` (every page reads it), SameSite
 * Lax, Secure on https, for the configured lifetime (never over 13 months),
 * on `store.domain` when the site shares it across subdomains. The value is
 * URI-encoded (a cookie value may not hold `"`, `,`, `;` or spaces).
 */
export function writeRecord(store: RecordStore, record: ConsentRecord): void {
  const days = Math.min(Math.max(store.lifetimeDays, 0), MAX_LIFETIME_DAYS);
  const expires = new Date(Date.now() + days * 86_400_000).toUTCString();
  const secure = typeof location !== 'undefined' && location.protocol === 'https:' ? '; Secure' : '';
  const domain = store.domain ? `; Domain=${store.domain}` : '';
  document.cookie = `${store.name}=${encodeURIComponent(encodeRecord(record))}; Expires=${expires}; Path=/; SameSite=Lax${domain}${secure}`;
}

/** Delete the record (an expired one: the runtime reads it as no decision, and its receipt has been made). */
export function deleteRecord(store: RecordStore): void {
  const domain = store.domain ? `; Domain=${store.domain}` : '';
  document.cookie = `${store.name}=; Max-Age=0; Path=/; SameSite=Lax${domain}`;
}

/** A random record id: 22 characters of base64url (132 bits). */
export function newRecordId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(22));
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '';
  for (const byte of bytes) id += alphabet[byte & 63];
  return id;
}

/** A record of a decision; `gpc`: made while the browser sent the Global Privacy Control signal (the record's `g`). */
export function makeRecord(
  policyVersion: string,
  decisions: Record<OptionalPurpose, boolean>,
  overrides: Record<string, boolean>,
  id: string = newRecordId(),
  now: number = Date.now(),
  gpc = false,
): ConsentRecord {
  return { v: SCHEMA_VERSION, p: policyVersion, d: { ...decisions }, o: { ...overrides }, t: now, id, ...(gpc ? { g: 1 as const } : {}) };
}
