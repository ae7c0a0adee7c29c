import { afterEach, describe, expect, it } from 'vitest';
import Cookies from 'js-cookie';
import { checksum, decodeRecord, encodeRecord, cookieValue, peekRecord, recordAllows, MAX_RECORD_LENGTH } from '../../src/consent/codec';
import { makeRecord, newRecordId, readRecord, writeRecord } from '../../src/consent/record';
import { MAX_LIFETIME_DAYS } from '../../src/consent/codec';

const store = { name: 'consent_gate', lifetimeDays: 180, policyVersion: '2026-11' };

function clearCookies() {
  for (const name of Object.keys(Cookies.get())) Cookies.remove(name, { path: '/' });
}
afterEach(clearCookies);

describe('consent record', () => {
  it('round-trips through the cookie', () => {
    const record = makeRecord('2026-11', { functional: true, analytics: false, marketing: false }, { 'hubspot-conversations': true });
    writeRecord(store, record);
    expect(readRecord(store)).toEqual(record);
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it('holds schema version, policy version, decisions, overrides, time and a random id', () => {
    const record = makeRecord('v7', { functional: false, analytics: true, marketing: false }, {});
    expect(record.v).toBe(1);
    expect(record.p).toBe('v7');
    expect(record.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Math.abs(record.t - Date.now())).toBeLessThan(1000);
    expect(newRecordId()).not.toBe(newRecordId());
  });

  it('a changed policyVersion reads as no decision', () => {
    writeRecord(store, makeRecord('2026-11', { functional: true, analytics: true, marketing: true }, {}));
    expect(readRecord(store)).not.toBeNull();
    expect(readRecord({ ...store, policyVersion: '2027-01' })).toBeNull();
  });

  it('caps the lifetime at 13 months', () => {
    const written: string[] = [];
    const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => desc.get!.call(document),
      set: (v: string) => {
        written.push(v);
        desc.set!.call(document, v);
      },
    });
    try {
      writeRecord({ ...store, lifetimeDays: 5000 }, makeRecord('2026-11', { functional: true, analytics: false, marketing: false }, {}));
      writeRecord({ ...store, lifetimeDays: 30 }, makeRecord('2026-11', { functional: true, analytics: false, marketing: false }, {}));
    } finally {
      delete (document as unknown as Record<string, unknown>).cookie;
    }
    const expiry = (s: string) => Date.parse(/expires=([^;]+)/i.exec(s)![1]!);
    const days = (s: string) => (expiry(s) - Date.now()) / 86400000;
    expect(days(written[0]!)).toBeGreaterThan(MAX_LIFETIME_DAYS - 1);
    expect(days(written[0]!)).toBeLessThanOrEqual(MAX_LIFETIME_DAYS + 0.01);
    expect(days(written[1]!)).toBeGreaterThan(29);
    expect(days(written[1]!)).toBeLessThanOrEqual(30.01);
  });

  it('rejects edited, truncated, oversized and foreign-version records', () => {
    const good = encodeRecord(makeRecord('1', { functional: true, analytics: false, marketing: false }, {}));
    expect(decodeRecord(good)).not.toBeNull();
    expect(decodeRecord(good.replace('"functional":true', '"functional":false'))).toBeNull();
    expect(decodeRecord(good.slice(0, -1))).toBeNull();
    const json = JSON.stringify({
      v: 2,
      p: '1',
      d: { functional: true, analytics: false, marketing: false },
      o: {},
      t: Date.now(),
      id: newRecordId(),
    });
    expect(decodeRecord(`${checksum(json)}.${json}`)).toBeNull();
    const huge = JSON.stringify({
      v: 1,
      p: '1',
      d: { functional: true, analytics: false, marketing: false },
      o: {},
      t: Date.now(),
      id: 'x'.repeat(MAX_RECORD_LENGTH),
    });
    expect(decodeRecord(`${checksum(huge)}.${huge}`)).toBeNull();
    const future = JSON.stringify({
      v: 1,
      p: '1',
      d: { functional: true, analytics: false, marketing: false },
      o: {},
      t: Date.now() + 10 * 86400000,
      id: newRecordId(),
    });
    expect(decodeRecord(`${checksum(future)}.${future}`)).toBeNull();
    const extraKey = JSON.stringify({
      v: 1,
      p: '1',
      d: { functional: true, analytics: false, marketing: false },
      o: {},
      t: Date.now(),
      id: newRecordId(),
      x: 1,
    });
    expect(decodeRecord(`${checksum(extraKey)}.${extraKey}`)).toBeNull();
    const proto =
      '{"v":1,"p":"1","d":{"functional":true,"analytics":false,"marketing":false,"__proto__":{"x":1}},"o":{},"t":' +
      Date.now() +
      ',"id":"' +
      newRecordId() +
      '"}';
    expect(decodeRecord(`${checksum(proto)}.${proto}`)).toBeNull();
  });

  it('cookieValue reads the named cookie only, decoded, and null when absent or undecodable', () => {
    expect(cookieValue('xconsent_gate=1; consent_gate=%7B2; consent_gate_x=3', 'consent_gate')).toBe('{2');
    expect(cookieValue('consent_gate=a.b; other=1', 'consent_gate')).toBe('a.b');
    expect(cookieValue('other=1', 'consent_gate')).toBeNull();
    expect(cookieValue('', 'consent_gate')).toBeNull();
    expect(cookieValue('consent_gate=%E0%A4%A', 'consent_gate')).toBeNull();
  });

  it('checks every field on its own: one wrong field makes the whole record "no decision"', () => {
    const base = {
      v: 1 as const,
      p: '1',
      d: { functional: true, analytics: false, marketing: false },
      o: { 'hubspot-conversations': true },
      t: Date.now(),
      id: newRecordId(),
    };
    const sealed = (body: object) => {
      const json = JSON.stringify(body);
      return `${checksum(json)}.${json}`;
    };
    // only the one shape encodeRecord writes: keys in their order, no whitespace
    expect(decodeRecord(sealed(base))).toEqual(base);
    expect(decodeRecord(encodeRecord({ ...base, d: { marketing: false, analytics: false, functional: true } } as typeof base))).toEqual(
      base,
    );
    expect(decodeRecord(sealed({ id: base.id, t: base.t, o: base.o, d: base.d, p: '1', v: 1 })), 'keys reordered').toBeNull();
    const spaced = JSON.stringify(base, null, 1);
    expect(decodeRecord(`${checksum(spaced)}.${spaced}`), 'whitespace').toBeNull();
    expect(decodeRecord(sealed({ ...base, p: 'v"2' })), 'a quote in p').toBeNull();
    const comma = JSON.stringify(base).replace('"o":{"hubspot-conversations":true}', '"o":{"hubspot-conversations":true,}');
    expect(decodeRecord(`${checksum(comma)}.${comma}`), 'a trailing comma in o').toBeNull();
    expect(decodeRecord(sealed({ ...base, o: {} })), 'no overrides').toEqual({ ...base, o: {} });
    expect(decodeRecord(sealed(base), '1')).toEqual(base);
    const wrong: [string, object][] = [
      ['v as a string', { ...base, v: '1' }],
      ['p empty', { ...base, p: '' }],
      ['p too long', { ...base, p: 'x'.repeat(65) }],
      ['p not a string', { ...base, p: 1 }],
      ['d missing a purpose', { ...base, d: { functional: true, analytics: false } }],
      ['d with an extra key', { ...base, d: { ...base.d, necessary: true } }],
      ['d with a string', { ...base, d: { ...base.d, analytics: 'false' } }],
      ['d reordered', { ...base, d: { analytics: false, functional: true, marketing: false } }],
      ['d as an array', { ...base, d: [true, false, false] }],
      ['o as an array', { ...base, o: [true] }],
      ['o as a string', { ...base, o: 'x' }],
      ['o as null', { ...base, o: null }],
      ['o with a bad id', { ...base, o: { 'Hub Spot': true } }],
      ['o with a long id', { ...base, o: { ['a'.repeat(65)]: true } }],
      ['o with a string value', { ...base, o: { hubspot: 'true' } }],
      ['o with 51 vendors', { ...base, o: Object.fromEntries(Array.from({ length: 51 }, (_, i) => ['v' + i, true])) }],
      ['t not an integer', { ...base, t: base.t + 0.5 }],
      ['t before 2020', { ...base, t: Date.parse('2019-12-31') }],
      ['t as a string', { ...base, t: String(base.t) }],
      ['id too short', { ...base, id: 'abc' }],
      ['id with spaces', { ...base, id: 'a b c d e f g h i j k l' }],
      ['id missing', { ...base, id: undefined }],
    ];
    for (const [label, body] of wrong) expect(decodeRecord(sealed(body)), label).toBeNull();
    expect(decodeRecord(sealed(base), '2'), 'another policy version').toBeNull();
    expect(
      decodeRecord(sealed({ ...base, o: Object.fromEntries(Array.from({ length: 50 }, (_, i) => ['v' + i, true])) })),
      '50 vendors',
    ).not.toBeNull();
  });

  it("peekRecord (the head guard's reading): checksum, version and policy decide; only an exact true grants", () => {
    const base = { v: 1, p: '1', d: { functional: true, analytics: false, marketing: false }, o: {}, t: Date.now(), id: newRecordId() };
    const sealed = (body: object) => {
      const json = JSON.stringify(body);
      return `${checksum(json)}.${json}`;
    };
    const allows = (raw: string, purpose: string, vendor = 'hubspot-conversations') => recordAllows(peekRecord(raw, '1'), vendor, purpose);
    expect(allows(sealed(base), 'functional')).toBe(true);
    expect(allows(sealed(base), 'analytics')).toBe(false);
    expect(allows(sealed({ ...base, o: { 'hubspot-conversations': false } }), 'functional')).toBe(false);
    expect(allows(sealed({ ...base, d: { ...base.d, analytics: 'true' } }), 'analytics'), 'a string "true"').toBe(false);
    expect(allows(sealed({ ...base, d: { ...base.d, analytics: 1 } }), 'analytics'), 'the number 1').toBe(false);
    expect(allows(sealed({ ...base, o: { 'hubspot-conversations': 'yes' } }), 'functional'), 'an override that is not a boolean').toBe(
      false,
    );
    expect(peekRecord(sealed(base).replace('"functional":true', '"functional":false')), 'edited').toBeNull();
    expect(peekRecord(sealed({ ...base, v: 2 })), 'schema 2').toBeNull();
    expect(peekRecord(sealed(base), '2'), 'another policy').toBeNull();
    // its time is left to the runtime's decodeRecord (the cookie itself expires after 13 months)
    expect(decodeRecord(sealed({ ...base, t: Date.parse('2019-12-31') })), 'before 2020').toBeNull();
    expect(decodeRecord(sealed({ ...base, t: Date.now() + 3 * 86400000 })), 'ahead').toBeNull();
    expect(peekRecord('x'.repeat(MAX_RECORD_LENGTH + 1)), 'oversized').toBeNull();
    // a record the runtime refuses for its shape, read by the guard: granted purposes are only the exact trues
    const odd = sealed({ ...base, o: null, extra: 1 });
    expect(decodeRecord(odd)).toBeNull();
    expect(() => recordAllows(peekRecord(odd), 'v', 'functional')).toThrow(); // the guard turns a throw into "held back"
  });

  it('reads 1,000+ random and hostile cookie values as "no decision" without throwing', () => {
    const valid = encodeRecord(makeRecord('1', { functional: true, analytics: true, marketing: true }, { 'hubspot-conversations': false }));
    let seed = 12345;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const hostile: string[] = [
      '',
      ' ',
      '.',
      '..',
      '0.',
      '.{}',
      'null',
      'undefined',
      '{}',
      '[]',
      '"x"',
      '%',
      '%E0%A4%A',
      '\u0000',
      '\uD800',
      '__proto__',
      '{"__proto__":{"polluted":true}}',
      'a'.repeat(5000),
      JSON.stringify(valid),
      valid + valid,
      valid.replace(/\d/, 'x'),
      valid.toUpperCase(),
      valid.split('').reverse().join(''),
    ];
    const alphabet = [
      '{',
      '}',
      '"',
      ':',
      ',',
      '.',
      '[',
      ']',
      'v',
      'p',
      'd',
      'o',
      't',
      'id',
      '1',
      'true',
      'false',
      'null',
      '\\',
      '%',
      ';',
      '=',
      ' ',
      '\u00e9',
      '\uD83D\uDE00',
      '0x',
      '-1',
      '1e308',
    ];
    while (hostile.length < 1200) {
      const kind = rand();
      if (kind < 0.3) {
        // random fragments of JSON-ish text
        let s = '';
        const n = Math.floor(rand() * 60);
        for (let i = 0; i < n; i++) s += pick(alphabet);
        hostile.push(s);
      } else if (kind < 0.6) {
        // the valid record with random bytes flipped, inserted or removed
        const chars = valid.split('');
        const edits = 1 + Math.floor(rand() * 4);
        for (let i = 0; i < edits; i++) {
          const at = Math.floor(rand() * chars.length);
          const op = rand();
          if (op < 0.33) chars[at] = String.fromCharCode(Math.floor(rand() * 0xffff));
          else if (op < 0.66) chars.splice(at, 1);
          else chars.splice(at, 0, pick(alphabet));
        }
        const s = chars.join('');
        if (s !== valid) hostile.push(s);
      } else if (kind < 0.8) {
        // well-formed checksums over structurally wrong bodies
        const body = JSON.stringify({
          v: pick([1, 2, '1', 0, null]),
          p: pick(['1', '', 5, 'x'.repeat(70)]),
          d: pick([
            { functional: 'yes', analytics: false, marketing: false },
            { functional: true },
            [],
            null,
            { functional: true, analytics: false, marketing: false, extra: true },
          ]),
          o: pick([{ 'Bad Id': true }, { ok: 'true' }, [], null, { ['a'.repeat(70)]: true }]),
          t: pick([1, -1, 1.5, 'now', 1e20, null]),
          id: pick(['short', 'bad id with spaces!!!!', 5, null, '']),
        });
        hostile.push(`${checksum(body)}.${body}`);
      } else {
        // random binary-ish strings
        let s = '';
        const n = Math.floor(rand() * 200);
        for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(rand() * 0x10000));
        hostile.push(s);
      }
    }
    expect(hostile.length).toBeGreaterThanOrEqual(1000);
    for (const value of hostile) {
      expect(() => decodeRecord(value)).not.toThrow();
      expect(decodeRecord(value)).toBeNull();
      expect(recordAllows(decodeRecord(value), 'hubspot-conversations', 'functional')).toBe(false);
      // the guard's reading: never throws, and nothing without a checksum that holds (only a hand-made one gets further)
      expect(() => peekRecord(value)).not.toThrow();
      const sealed = /^(\w+)\.(.*)$/s.exec(value);
      if (!sealed || checksum(sealed[2]!) !== sealed[1]) expect(peekRecord(value)).toBeNull();
      // the same values as a stored cookie
      expect(() => cookieValue(`consent_gate=${value}`, 'consent_gate')).not.toThrow();
    }
    // and as real cookies read through js-cookie
    for (const value of hostile.slice(0, 300)) {
      try {
        document.cookie = `consent_gate=${value}; path=/`;
      } catch {
        continue;
      }
      expect(() => readRecord(store)).not.toThrow();
      expect(readRecord(store)).toBeNull();
    }
    // (a few seconds of work: more on a busy machine)
  }, 60_000);

  it('allows per purpose, with per-vendor overrides, and never without a record', () => {
    const r = makeRecord('1', { functional: true, analytics: false, marketing: false }, { 'hubspot-conversations': false, web1on1: true });
    expect(recordAllows(null, 'hubspot-conversations', 'functional')).toBe(false);
    expect(recordAllows(null, 'hubspot-conversations', 'necessary')).toBe(true);
    expect(recordAllows(r, 'hubspot-conversations', 'functional')).toBe(false);
    expect(recordAllows(r, 'web1on1', 'analytics')).toBe(true);
    expect(recordAllows(r, 'other', 'functional')).toBe(true);
    expect(recordAllows(r, 'other', 'analytics')).toBe(false);
  });
});
