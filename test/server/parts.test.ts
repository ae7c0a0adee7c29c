/**
 * The receiver's parts that need no database: addresses, the rate limiter,
 * option checks, CSV fields, export dates, and what happens when the store
 * fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientKey,
  csvField,
  parseBoundary,
  rateLimiter,
  resolveReceiverOptions,
  startReceiver,
  truncateIp,
  ReceiverOptionError,
  type Receiver,
  type ReceiptStore,
} from '../../src/receipts-server/index';
import { makeReceipt, postReceipt } from './helpers';

describe('truncateIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['10.0.0.1', '10.0.0.0/24'],
    ['::ffff:203.0.113.77', '203.0.113.0/24'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::/48'],
    ['2001:db8::1', '2001:db8::/48'],
    ['2001:0:5:ffff::1', '2001:0:5::/48'],
    ['::1', '::/48'],
    ['fe80::1%eth0', 'fe80::/48'],
    ['64:ff9b::192.0.2.33', '64:ff9b::/48'],
  ])('%s → %s', (address, expected) => {
    expect(truncateIp(address)).toBe(expected);
  });

  it('gives null for no address or something else', () => {
    for (const a of [undefined, '', 'localhost', '999.1.1.1']) expect(truncateIp(a)).toBeNull();
  });

  it('counts an IPv6 client by its /64 and an IPv4 client by its address', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:bbbb::2'));
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
    expect(clientKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('198.51.100.7')).not.toBe(clientKey('198.51.100.8'));
  });
});

describe('rateLimiter', () => {
  it('allows a burst of n, then one request per 60/n seconds, per client', () => {
    const limit = rateLimiter(60);
    const t0 = 1_000_000;
    for (let i = 0; i < 60; i++) expect(limit.take('a', t0)).toBe(0);
    expect(limit.take('a', t0)).toBe(1);
    expect(limit.take('b', t0)).toBe(0);
    expect(limit.take('a', t0 + 999)).toBe(1);
    expect(limit.take('a', t0 + 1000)).toBe(0);
    expect(limit.take('a', t0 + 1000)).toBe(1);
  });

  it('says how long to wait', () => {
    const limit = rateLimiter(2);
    expect(limit.take('a', 0)).toBe(0);
    expect(limit.take('a', 0)).toBe(0);
    expect(limit.take('a', 0)).toBe(30);
    expect(limit.take('a', 15_000)).toBe(15);
  });

  it('forgets clients that are back to a full allowance', () => {
    const limit = rateLimiter(10);
    for (let i = 0; i < 1000; i++) limit.take(`client-${i}`, 0);
    expect(limit.size()).toBe(1000);
    limit.take('late', 120_000);
    expect(limit.size()).toBe(1);
  });
});

describe('resolveReceiverOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveReceiverOptions({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      origins: [],
      token: null,
      keepIp: 'none',
      rate: 120,
      maxBody: 8192,
    });
  });

  it.each([
    [{ origins: ['https://shop.example/'] }, '--origin'],
    [{ origins: ['shop.example'] }, '--origin'],
    [{ origins: ['https://shop.example/path'] }, '--origin'],
    [{ origins: ['ftp://shop.example'] }, '--origin'],
    [{ token: 'short' }, '--token'],
    [{ token: 'has a space in it, 0123456789' }, '--token'],
    [{ keepIp: 'full' as never }, '--keep-ip'],
    [{ port: 70000 }, '--port'],
    [{ port: 'abc' as never }, '--port'],
    [{ rate: -1 }, '--rate'],
    [{ rate: 1.5 }, '--rate'],
    [{ maxBody: 10 }, '--max-body'],
  ])('refuses %j, naming %s', (options, option) => {
    let error: unknown;
    try {
      resolveReceiverOptions(options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReceiverOptionError);
    expect((error as ReceiverOptionError).option).toBe(option);
    expect((error as Error).message).toMatch(new RegExp(`^${option} .*: expected `));
  });

  it('never prints the token', () => {
    expect(() => resolveReceiverOptions({ token: 'secret 123' })).toThrow('--token is "(hidden)"');
  });
});

describe('CSV fields and export dates', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://evil.example")')).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
  });

  it('reads a date as the start of the day (since) or its end (until), and ISO times as given', () => {
    expect(parseBoundary('2026-11-01', 'since')?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseBoundary('2026-11-30', 'until')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseBoundary('2026-11-28T10:00:00+01:00', 'since')?.toISOString()).toBe('2026-11-28T09:00:00.000Z');
    for (const bad of ['2026-02-30', 'yesterday', '2026-11-28 10:00', '1764324000000']) expect(parseBoundary(bad, 'since')).toBeNull();
  });
});

describe('a store that fails', () => {
  let receiver: Receiver;
  const lines: string[] = [];
  const failing: ReceiptStore = {
    kind: 'postgres',
    where: 'nowhere',
    insert: () => Promise.reject(new Error('connection refused')),
    byRecord: () => Promise.reject(new Error('connection refused')),
    export: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('connection refused')) }) }),
    count: () => Promise.resolve(0),
    purge: () => Promise.resolve(0),
    close: () => Promise.resolve(),
  };
  beforeAll(async () => {
    receiver = await startReceiver({ store: failing, port: 0, log: (line) => lines.push(line) });
  });
  afterAll(() => receiver?.close());

  it('answers 503 with Retry-After, never 201, and logs why', async () => {
    const reply = await postReceipt(receiver.url, makeReceipt());
    expect({ status: reply.status, body: reply.json }).toEqual({ status: 503, body: { error: 'storage unavailable' } });
    expect(reply.headers['retry-after']).toBe('5');
    expect(lines).toEqual(['consent-gate receipts: could not store a receipt: connection refused']);
  });
});
