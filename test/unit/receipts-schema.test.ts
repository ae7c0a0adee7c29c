import { describe, expect, it } from 'vitest';
import {
  parseReceipt,
  validateReceipt,
  utf8Length,
  RECEIPT_ACTIONS,
  RECEIPT_EXPECTED,
  RECEIPT_FIELDS,
  RECEIPT_MAX_BYTES,
  RECEIPT_MAX_VENDORS,
  RECEIPT_SOURCES,
  type ConsentReceipt,
} from '../../src/receipts/schema';
import { OPTIONAL_PURPOSES } from '../../src/types';

const NOW = Date.parse('2026-11-28T12:00:00.000Z');

function receipt(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 1,
    receiptId: 'rcpt_0123456789abcdef',
    recordId: 'rec-0123456789ABCDEF',
    time: '2026-11-28T10:00:00.000Z',
    policyVersion: '2026-11',
    configHash: '9f2c41d0',
    action: 'custom',
    source: 'settings',
    purposes: { functional: true, analytics: false, marketing: false },
    vendors: { 'hubspot-conversations': true, 'google-tag': false },
    gpc: { signal: true, applied: true },
    language: 'pt-BR',
    path: '/pricing/plans',
    ...over,
  };
}

const errorOf = (input: unknown) => {
  const r = validateReceipt(input, NOW);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(input)}`);
  return r.error;
};

describe('receipt schema', () => {
  it('accepts a receipt and returns it typed, in the canonical field order', () => {
    const input = receipt();
    const shuffled = Object.fromEntries(Object.entries(input).reverse());
    const r = validateReceipt(shuffled, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const typed: ConsentReceipt = r.receipt;
    expect(typed).toEqual(input);
    expect(Object.keys(typed)).toEqual([...RECEIPT_FIELDS]);
    expect(Object.keys(typed.purposes)).toEqual([...OPTIONAL_PURPOSES]);
    expect(typed).not.toBe(shuffled);
  });

  it('exports one definition of the fields and the enums', () => {
    expect(RECEIPT_FIELDS).toEqual([
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
    ]);
    expect(RECEIPT_ACTIONS).toEqual(['accept-all', 'reject-all', 'custom', 'grant', 'withdraw', 'gpc-opt-out', 'expired']);
    expect(RECEIPT_SOURCES).toEqual(['banner', 'settings', 'prompt', 'placeholder', 'api', 'click', 'gpc', 'expiry']);
    for (const action of RECEIPT_ACTIONS) expect(validateReceipt(receipt({ action }), NOW).ok).toBe(true);
    for (const source of RECEIPT_SOURCES) expect(validateReceipt(receipt({ source }), NOW).ok).toBe(true);
  });

  it('requires every field, naming the first missing one', () => {
    for (const field of RECEIPT_FIELDS) {
      const input = receipt();
      delete input[field];
      expect(errorOf(input)).toEqual({ field, expected: RECEIPT_EXPECTED[field] });
    }
  });

  it.each([
    ['schema', 2, RECEIPT_EXPECTED.schema],
    ['schema', '1', RECEIPT_EXPECTED.schema],
    ['receiptId', 'short', RECEIPT_EXPECTED.receiptId],
    ['receiptId', 'x'.repeat(65), RECEIPT_EXPECTED.receiptId],
    ['receiptId', 'rcpt 0123456789abcdef', RECEIPT_EXPECTED.receiptId],
    ['receiptId', 1234567890123456, RECEIPT_EXPECTED.receiptId],
    ['recordId', "abcdefghijklmnop'; DROP TABLE consent_receipts; --", RECEIPT_EXPECTED.recordId],
    ['recordId', null, RECEIPT_EXPECTED.recordId],
    ['time', '2026-11-28T10:00:00Z', RECEIPT_EXPECTED.time],
    ['time', '2026-11-28T10:00:00.000+01:00', RECEIPT_EXPECTED.time],
    ['time', '2026-02-30T10:00:00.000Z', RECEIPT_EXPECTED.time],
    ['time', '2026-11-29T12:00:00.001Z', RECEIPT_EXPECTED.time],
    ['time', '2019-12-31T23:59:59.999Z', RECEIPT_EXPECTED.time],
    ['time', 1764324000000, RECEIPT_EXPECTED.time],
    ['policyVersion', '', RECEIPT_EXPECTED.policyVersion],
    ['policyVersion', 'v"1', RECEIPT_EXPECTED.policyVersion],
    ['policyVersion', 'v\\1', RECEIPT_EXPECTED.policyVersion],
    ['policyVersion', 'v\n1', RECEIPT_EXPECTED.policyVersion],
    ['policyVersion', 'x'.repeat(65), RECEIPT_EXPECTED.policyVersion],
    ['configHash', '9F2C41D0', RECEIPT_EXPECTED.configHash],
    ['configHash', '9f2c41d', RECEIPT_EXPECTED.configHash],
    ['action', 'accept_all', RECEIPT_EXPECTED.action],
    ['action', 'toString', RECEIPT_EXPECTED.action],
    ['source', 'cookie', RECEIPT_EXPECTED.source],
    ['purposes', [true, false, false], RECEIPT_EXPECTED.purposes],
    ['purposes', null, RECEIPT_EXPECTED.purposes],
    ['vendors', [], RECEIPT_EXPECTED.vendors],
    ['vendors', 'hubspot', RECEIPT_EXPECTED.vendors],
    ['gpc', true, RECEIPT_EXPECTED.gpc],
    ['language', 'english', RECEIPT_EXPECTED.language],
    ['language', 'e', RECEIPT_EXPECTED.language],
    ['language', 'en_US', RECEIPT_EXPECTED.language],
    ['path', 'pricing', RECEIPT_EXPECTED.path],
    ['path', '/search?q=me', RECEIPT_EXPECTED.path],
    ['path', '/page#top', RECEIPT_EXPECTED.path],
    ['path', `/${'a'.repeat(512)}`, RECEIPT_EXPECTED.path],
    ['path', '/\u0000', RECEIPT_EXPECTED.path],
    ['path', '/a\tb', RECEIPT_EXPECTED.path],
    ['path', '/\u007f', RECEIPT_EXPECTED.path],
    ['path', '/\ud800', RECEIPT_EXPECTED.path],
    ['path', '/\udc00\ud800', RECEIPT_EXPECTED.path],
    ['policyVersion', 'v\udfff', RECEIPT_EXPECTED.policyVersion],
  ])('%s = %j is refused', (field, value, expected) => {
    expect(errorOf(receipt({ [field]: value }))).toEqual({ field, expected });
  });

  it('accepts the edges: 24 hours ahead, a 512-character path, 64-character ids and versions', () => {
    for (const over of [
      { time: '2026-11-29T12:00:00.000Z' },
      { path: `/${'a'.repeat(511)}` },
      { receiptId: 'a'.repeat(64), recordId: 'B'.repeat(16) },
      { policyVersion: 'é'.repeat(64) },
      { configHash: 'f'.repeat(64) },
      { language: 'zh-Hant-TW' },
      { path: '/caf\u00e9/\ud83d\ude00/%20' },
      { vendors: {} },
    ])
      expect(validateReceipt(receipt(over), NOW)).toMatchObject({ ok: true });
  });

  it('names the exact nested path of a wrong purpose, vendor or GPC value', () => {
    expect(errorOf(receipt({ purposes: { functional: true, analytics: 'yes', marketing: false } }))).toEqual({
      field: 'purposes.analytics',
      expected: 'a boolean',
    });
    expect(errorOf(receipt({ purposes: { functional: true, analytics: false } }))).toEqual({
      field: 'purposes.marketing',
      expected: 'a boolean',
    });
    expect(errorOf(receipt({ vendors: { 'hubspot-conversations': 1 } }))).toEqual({
      field: 'vendors.hubspot-conversations',
      expected: 'a boolean',
    });
    expect(errorOf(receipt({ vendors: { 'Bad Vendor': true } }))).toEqual({
      field: 'vendors.Bad Vendor',
      expected: RECEIPT_EXPECTED.vendorId,
    });
    expect(errorOf(receipt({ vendors: { ['a'.repeat(65)]: true } }))).toEqual({
      field: `vendors.${'a'.repeat(65)}`,
      expected: RECEIPT_EXPECTED.vendorId,
    });
    expect(errorOf(receipt({ vendors: { 'double--hyphen': true } })).field).toBe('vendors.double--hyphen');
    expect(errorOf(receipt({ gpc: { signal: true, applied: null } }))).toEqual({ field: 'gpc.applied', expected: 'a boolean' });
  });

  it('refuses unknown fields, at the top and inside', () => {
    expect(errorOf(receipt({ userAgent: 'Mozilla/5.0' }))).toMatchObject({
      field: 'userAgent',
      expected: expect.stringContaining('no such field'),
    });
    expect(errorOf(receipt({ purposes: { functional: true, analytics: false, marketing: false, necessary: true } }))).toMatchObject({
      field: 'purposes.necessary',
    });
    expect(errorOf(receipt({ gpc: { signal: true, applied: false, header: true } }))).toMatchObject({ field: 'gpc.header' });
    const parsed = parseReceipt(JSON.stringify(receipt()).replace('{', '{"__proto__":{"admin":true},'), NOW);
    expect(parsed).toEqual({ ok: false, error: expect.objectContaining({ field: '__proto__' }) });
  });

  it('caps the vendors at 100 and the whole receipt at 4096 bytes of JSON', () => {
    const many = (n: number, len = 4) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${String(i).padStart(len, '0')}`, true]));
    expect(validateReceipt(receipt({ vendors: many(RECEIPT_MAX_VENDORS) }), NOW).ok).toBe(true);
    expect(errorOf(receipt({ vendors: many(RECEIPT_MAX_VENDORS + 1) }))).toEqual({ field: 'vendors', expected: RECEIPT_EXPECTED.vendors });
    // 100 vendor ids of 40 characters: valid one by one, too large together
    const big = receipt({ vendors: many(RECEIPT_MAX_VENDORS, 39) });
    expect(utf8Length(JSON.stringify(big))).toBeGreaterThan(RECEIPT_MAX_BYTES);
    expect(errorOf(big)).toEqual({ field: 'receipt', expected: RECEIPT_EXPECTED.size });
    // counted in UTF-8 bytes, not characters
    expect(utf8Length('é€😀')).toBe(2 + 3 + 4);
  });

  it('refuses what is not an object, and text that is not JSON or too long', () => {
    for (const input of [null, undefined, 'receipt', 42, [receipt()]])
      expect(errorOf(input)).toEqual({ field: 'receipt', expected: 'a JSON object' });
    expect(parseReceipt('{"schema":1,', NOW)).toEqual({ ok: false, error: { field: 'receipt', expected: 'a JSON object' } });
    expect(parseReceipt(' '.repeat(RECEIPT_MAX_BYTES) + JSON.stringify(receipt()), NOW)).toEqual({
      ok: false,
      error: { field: 'receipt', expected: RECEIPT_EXPECTED.size },
    });
    expect(parseReceipt(JSON.stringify(receipt()), NOW)).toMatchObject({ ok: true, receipt: receipt() });
  });

  it('never throws on hostile input', () => {
    const hostile: unknown[] = [
      Object.create(null),
      {
        ...receipt(),
        vendors: new Proxy(
          {},
          {
            ownKeys: () => {
              throw new Error('trap');
            },
          },
        ),
      },
      receipt({ vendors: { constructor: true, toString: false } }),
      receipt({ path: '/\u0000' }),
      {
        ...receipt(),
        get path() {
          throw new Error('getter');
        },
      },
    ];
    for (const input of hostile) {
      let result: unknown;
      expect(() => (result = validateReceipt(input, NOW))).not.toThrow();
      expect(result).toHaveProperty('ok');
    }
  });
});
