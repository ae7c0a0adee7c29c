/**
 * The consent receipt: what the browser sends to a receiver each time a
 * visitor's decision is made or changes, so that the site can demonstrate
 * consent (GDPR Art. 7(1)). One definition, shared by the runtime that builds
 * receipts and the receiver that stores them: pure data and functions, no DOM,
 * no Node APIs.
 *
 * A receipt is JSON of at most RECEIPT_MAX_BYTES bytes with exactly the fields
 * of RECEIPT_FIELDS (every one required, unknown fields refused):
 *
 *   { "schema": 1, "receiptId": "…", "recordId": "…", "time": "2026-11-28T10:00:00.000Z",
 *     "policyVersion": "3", "configHash": "9f2c41d0", "action": "accept-all", "source": "banner",
 *     "purposes": { "functional": true, "analytics": true, "marketing": true },
 *     "vendors": { "hubspot-conversations": true }, "gpc": { "signal": false, "applied": false },
 *     "language": "en", "path": "/pricing" }
 *
 * It holds no IP address, user agent or query string: the proof is the
 * decision and what it was made under (policy version, vendor list hash), tied
 * to the random id of the visitor's consent record. EDPB Guidelines 05/2020
 * §104–106: proof "should not in itself lead to excessive amounts of
 * additional data processing".
 */
import { OPTIONAL_PURPOSES, type OptionalPurpose } from '../types.js';

export const RECEIPT_SCHEMA = 1;
/** Longest receipt, as UTF-8 JSON. */
export const RECEIPT_MAX_BYTES = 4096;
/** Most vendors a receipt may list. */
export const RECEIPT_MAX_VENDORS = 100;
/** Longest page path a receipt may carry. */
export const RECEIPT_MAX_PATH = 512;

/** What the visitor (or the page on the visitor's behalf) did. */
export const RECEIPT_ACTIONS = ['accept-all', 'reject-all', 'custom', 'grant', 'withdraw', 'gpc-opt-out', 'expired'] as const;
export type ReceiptAction = (typeof RECEIPT_ACTIONS)[number];

/** Where the decision was made. */
export const RECEIPT_SOURCES = ['banner', 'settings', 'prompt', 'placeholder', 'api', 'click', 'gpc', 'expiry'] as const;
export type ReceiptSource = (typeof RECEIPT_SOURCES)[number];

/** Every field of a receipt, in the order the validator checks them and a receipt is written. */
export const RECEIPT_FIELDS = [
  'schema',
  'receiptId',
  'recordId',
  'time',
  'policyVersion',
  'configHash',
  'action',
  'source',
  'purposes',
  'vendors',
  'gpc',
  'language',
  'path',
] as const;
export type ReceiptField = (typeof RECEIPT_FIELDS)[number];

/** The fields of `gpc`. */
export const RECEIPT_GPC_FIELDS = ['signal', 'applied'] as const;

/** Random ids (receipt and consent record): 16 to 64 URL-safe characters. */
export const RECEIPT_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** Hash of the config's vendor list: 8 to 64 lower-case hex digits. */
export const CONFIG_HASH_PATTERN = /^[0-9a-f]{8,64}$/;
/** The same rule as the config's `policyVersion`: 1 to 64 characters, no quotes, backslashes or control characters. */
export const POLICY_VERSION_PATTERN = /^[^"\\\0-\x1f]{1,64}$/;
/** Vendor ids: lower-case letters and digits in words joined by hyphens (at most 64 characters, checked apart). */
export const VENDOR_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const VENDOR_ID_MAX = 64;
/** A language tag: a 2- or 3-letter language, then subtags of 1 to 8 letters or digits. */
export const LANGUAGE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
/** ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
export const RECEIPT_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** How far ahead of the receiver's clock a receipt's time may be (a visitor's clock may be wrong). */
export const RECEIPT_MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;
/** No receipt can be older than the project (2020-01-01). */
export const RECEIPT_EARLIEST = Date.UTC(2020, 0, 1);

export interface ConsentReceipt {
  schema: 1;
  /** Random id made by the browser for this receipt; sending it twice stores it once. */
  receiptId: string;
  /** The random id of the visitor's consent record (`id` in the cookie). */
  recordId: string;
  /** When the decision was made: ISO 8601, UTC, milliseconds. */
  time: string;
  /** The site's policy version the decision was made under. */
  policyVersion: string;
  /** Hash of the config's vendor list: which vendors the visitor was shown. */
  configHash: string;
  action: ReceiptAction;
  source: ReceiptSource;
  /** The decision per optional purpose. */
  purposes: Record<OptionalPurpose, boolean>;
  /** The decision per vendor id. */
  vendors: Record<string, boolean>;
  /** Whether the browser sent the Global Privacy Control signal, and whether it changed the decision. */
  gpc: { signal: boolean; applied: boolean };
  /** The language the visitor was shown. */
  language: string;
  /** The page path, without query string or fragment. */
  path: string;
}

/** The first mistake in a receipt: the field's path (`purposes.analytics`, `vendors.bad id`) and what was expected there. */
export interface ReceiptError {
  field: string;
  expected: string;
}

export type ReceiptCheck = { ok: true; receipt: ConsentReceipt } | { ok: false; error: ReceiptError };

/** The field name used for a problem with the receipt as a whole (not an object, too large). */
export const RECEIPT_ROOT = 'receipt';

const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/** What each field must be, in words: the `expected` of a ReceiptError. */
export const RECEIPT_EXPECTED = {
  receipt: 'a JSON object',
  schema: `the number ${RECEIPT_SCHEMA}`,
  receiptId: 'a string of 16 to 64 letters, digits, "_" or "-"',
  recordId: 'a string of 16 to 64 letters, digits, "_" or "-"',
  time: 'an ISO 8601 UTC time with milliseconds (YYYY-MM-DDTHH:MM:SS.sssZ), from 2020 to at most 24 hours ahead',
  policyVersion: 'a string of 1 to 64 characters without quotes, backslashes or control characters',
  configHash: 'a string of 8 to 64 lower-case hex digits',
  action: `one of ${list(RECEIPT_ACTIONS)}`,
  source: `one of ${list(RECEIPT_SOURCES)}`,
  purposes: `an object with exactly ${list(OPTIONAL_PURPOSES)}, each a boolean`,
  vendors: `an object of at most ${RECEIPT_MAX_VENDORS} vendor ids to booleans`,
  vendorId: `a vendor id: lower-case letters and digits in words joined by "-", at most ${VENDOR_ID_MAX} characters`,
  gpc: `an object with exactly ${list(RECEIPT_GPC_FIELDS)}, each a boolean`,
  language: 'a language tag such as "en" or "pt-BR"',
  path: `a path starting with "/", without "?", "#" or control characters, at most ${RECEIPT_MAX_PATH} characters`,
  boolean: 'a boolean',
  size: `at most ${RECEIPT_MAX_BYTES} bytes as JSON`,
} as const;

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (field: string, expected: string): ReceiptCheck => ({ ok: false, error: { field, expected } });
const own = (o: Plain, key: string) => Object.hasOwn(o, key);
const isString = (v: unknown, pattern: RegExp): v is string => typeof v === 'string' && pattern.test(v);
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (values as readonly string[]).includes(v);

/** The first key of `o` not in `known`, if any. */
const unknownKey = (o: Plain, known: readonly string[]) => Object.keys(o).find((k) => !known.includes(k));
const noSuchField = (known: readonly string[]) => `no such field (the fields are ${known.join(', ')})`;

/** A receipt time: the exact shape, a real instant (no 30 February), from 2020 to at most a day ahead of `now`. */
function validTime(v: unknown, now: number): v is string {
  if (!isString(v, RECEIPT_TIME_PATTERN)) return false;
  const t = Date.parse(v);
  return Number.isFinite(t) && new Date(t).toISOString() === v && t >= RECEIPT_EARLIEST && t <= now + RECEIPT_MAX_CLOCK_AHEAD_MS;
}

/**
 * No lone surrogate (text that cannot be written as UTF-8: a database would
 * store a replacement character, not what was sent). JSON escapes can make one.
 */
const wellFormed = (text: string) => /^(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/.test(text);

/** Bytes of a string in UTF-8. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** An object of exactly `fields`, each a boolean; its copy in that order, or the first mistake. */
function booleans<K extends string>(
  value: unknown,
  name: string,
  fields: readonly K[],
  expected: string,
): { value: Record<K, boolean> } | { error: ReceiptError } {
  if (!isPlain(value)) return { error: { field: name, expected } };
  const out = {} as Record<K, boolean>;
  for (const f of fields) {
    if (typeof value[f] !== 'boolean') return { error: { field: `${name}.${f}`, expected: RECEIPT_EXPECTED.boolean } };
    out[f] = value[f] as boolean;
  }
  const extra = unknownKey(value, fields);
  if (extra !== undefined) return { error: { field: `${name}.${extra}`, expected: noSuchField(fields) } };
  return { value: out };
}

/**
 * Check a receipt (parsed JSON, or an object the runtime built) against the
 * schema. Returns a copy in the canonical field order, or the first mistake
 * with its exact path. Never throws. `now` is the receiver's clock (ms).
 */
export function validateReceipt(input: unknown, now: number = Date.now()): ReceiptCheck {
  try {
    return check(input, now);
  } catch {
    // only an object no JSON text makes can throw here (a getter or a proxy that throws)
    return fail(RECEIPT_ROOT, RECEIPT_EXPECTED.receipt);
  }
}

function check(input: unknown, now: number): ReceiptCheck {
  if (!isPlain(input)) return fail(RECEIPT_ROOT, RECEIPT_EXPECTED.receipt);
  const r = input;
  for (const field of RECEIPT_FIELDS) if (!own(r, field)) return fail(field, RECEIPT_EXPECTED[field]);
  if (r.schema !== RECEIPT_SCHEMA) return fail('schema', RECEIPT_EXPECTED.schema);
  if (!isString(r.receiptId, RECEIPT_ID_PATTERN)) return fail('receiptId', RECEIPT_EXPECTED.receiptId);
  if (!isString(r.recordId, RECEIPT_ID_PATTERN)) return fail('recordId', RECEIPT_EXPECTED.recordId);
  if (!validTime(r.time, now)) return fail('time', RECEIPT_EXPECTED.time);
  if (!isString(r.policyVersion, POLICY_VERSION_PATTERN) || !wellFormed(r.policyVersion))
    return fail('policyVersion', RECEIPT_EXPECTED.policyVersion);
  if (!isString(r.configHash, CONFIG_HASH_PATTERN)) return fail('configHash', RECEIPT_EXPECTED.configHash);
  if (!oneOf(RECEIPT_ACTIONS, r.action)) return fail('action', RECEIPT_EXPECTED.action);
  if (!oneOf(RECEIPT_SOURCES, r.source)) return fail('source', RECEIPT_EXPECTED.source);
  const purposes = booleans(r.purposes, 'purposes', OPTIONAL_PURPOSES, RECEIPT_EXPECTED.purposes);
  if ('error' in purposes) return { ok: false, error: purposes.error };
  if (!isPlain(r.vendors)) return fail('vendors', RECEIPT_EXPECTED.vendors);
  const vendorIds = Object.keys(r.vendors);
  if (vendorIds.length > RECEIPT_MAX_VENDORS) return fail('vendors', RECEIPT_EXPECTED.vendors);
  const vendors: Record<string, boolean> = {};
  for (const id of vendorIds) {
    if (id.length > VENDOR_ID_MAX || !VENDOR_ID_PATTERN.test(id)) return fail(`vendors.${id}`, RECEIPT_EXPECTED.vendorId);
    const allowed = r.vendors[id];
    if (typeof allowed !== 'boolean') return fail(`vendors.${id}`, RECEIPT_EXPECTED.boolean);
    vendors[id] = allowed;
  }
  const gpc = booleans(r.gpc, 'gpc', RECEIPT_GPC_FIELDS, RECEIPT_EXPECTED.gpc);
  if ('error' in gpc) return { ok: false, error: gpc.error };
  if (!isString(r.language, LANGUAGE_PATTERN)) return fail('language', RECEIPT_EXPECTED.language);
  const path = r.path;
  if (typeof path !== 'string' || path[0] !== '/' || /[?#\0-\x1f\x7f]/.test(path) || path.length > RECEIPT_MAX_PATH || !wellFormed(path))
    return fail('path', RECEIPT_EXPECTED.path);
  const extra = unknownKey(r, RECEIPT_FIELDS);
  if (extra !== undefined) return fail(extra, noSuchField(RECEIPT_FIELDS));

  const receipt: ConsentReceipt = {
    schema: RECEIPT_SCHEMA,
    receiptId: r.receiptId,
    recordId: r.recordId,
    time: r.time,
    policyVersion: r.policyVersion,
    configHash: r.configHash,
    action: r.action,
    source: r.source,
    purposes: purposes.value,
    vendors,
    gpc: gpc.value,
    language: r.language,
    path,
  };
  if (utf8Length(JSON.stringify(receipt)) > RECEIPT_MAX_BYTES) return fail(RECEIPT_ROOT, RECEIPT_EXPECTED.size);
  return { ok: true, receipt };
}

/**
 * Parse and check a receipt sent as JSON text. Text over RECEIPT_MAX_BYTES
 * (before parsing) or that is not JSON is a mistake of the receipt as a whole.
 */
export function parseReceipt(text: string, now: number = Date.now()): ReceiptCheck {
  if (utf8Length(text) > RECEIPT_MAX_BYTES) return fail(RECEIPT_ROOT, RECEIPT_EXPECTED.size);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(RECEIPT_ROOT, RECEIPT_EXPECTED.receipt);
  }
  return validateReceipt(value, now);
}
