/**
 * Reading and writing the consent record cookie with js-cookie.
 * The format itself lives in ./codec.ts (shared with the head guard).
 */
import Cookies from 'js-cookie';
import { MAX_LIFETIME_DAYS, SCHEMA_VERSION, decodeRecord, encodeRecord, type ConsentRecord } from './codec.js';
import type { OptionalPurpose } from '../types.js';

export { DEFAULT_LIFETIME_DAYS, MAX_LIFETIME_DAYS } from './codec.js';

export interface RecordStore {
  name: string;
  domain?: string;
  lifetimeDays: number;
  policyVersion: string;
}

/** The stored record for this policy version, no older than the lifetime, or null ("no decision"). Never throws. */
export function readRecord(store: RecordStore): ConsentRecord | null {
  let raw: string | undefined;
  try {
    raw = Cookies.get(store.name);
  } catch {
    return null;
  }
  return decodeRecord(raw, store.policyVersion, Date.now(), store.lifetimeDays);
}

export function writeRecord(store: RecordStore, record: ConsentRecord): void {
  const days = Math.min(Math.max(store.lifetimeDays, 0), MAX_LIFETIME_DAYS);
  const secure = typeof location !== 'undefined' && location.protocol === 'https:';
  Cookies.set(store.name, encodeRecord(record), {
    expires: days,
    path: '/',
    sameSite: 'Lax',
    secure,
    ...(store.domain ? { domain: store.domain } : {}),
  });
}

/** A random record id: 22 characters of base64url (132 bits). */
export function newRecordId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(22));
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '';
  for (const byte of bytes) id += alphabet[byte & 63];
  return id;
}

export function makeRecord(
  policyVersion: string,
  decisions: Record<OptionalPurpose, boolean>,
  overrides: Record<string, boolean>,
  id: string = newRecordId(),
  now: number = Date.now(),
): ConsentRecord {
  return { v: SCHEMA_VERSION, p: policyVersion, d: { ...decisions }, o: { ...overrides }, t: now, id };
}
