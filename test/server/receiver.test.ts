/**
 * The receipts receiver over HTTP, rule by rule, against PGlite and (when
 * DATABASE_URL is set) a PostgreSQL server. Every refused request is checked
 * to have stored nothing, by reading the store.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, RECEIPT_EXPECTED, type Receiver, type ReceiptStore } from '../../src/receipts-server/index';
import { BACKENDS, makeReceipt, openTestStore, postReceipt, request, type Reply } from './helpers';

const ORIGIN = 'https://shop.example';
const TOKEN = 'test-token-0123456789abcdef';

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(`receiver on ${backend.name}`, () => {
    let store: ReceiptStore;
    let cleanup: () => Promise<void>;
    let main: Receiver;
    let limited: Receiver;
    let bare: Receiver;
    let keepIp: Receiver;
    let countBefore: number;

    beforeAll(async () => {
      ({ store, cleanup } = await openTestStore(backend.name, 'receiver'));
      const base = { store, port: 0, log: () => undefined };
      main = await startReceiver({ ...base, origins: [ORIGIN, 'http://localhost:4173'], token: TOKEN, rate: 0 });
      limited = await startReceiver({ ...base, rate: 3 });
      bare = await startReceiver({ ...base });
      keepIp = await startReceiver({ ...base, rate: 0, keepIp: 'truncated' });
    });
    afterAll(async () => {
      for (const r of [main, limited, bare, keepIp]) await r?.close();
      await cleanup?.();
    });
    beforeEach(async () => {
      countBefore = await store.count();
    });

    /** The request was refused with this status and body, and the store holds what it held before. */
    async function refused(reply: Reply, status: number, body: Record<string, unknown>) {
      expect({ status: reply.status, body: reply.json }).toEqual({ status, body });
      expect(await store.count()).toBe(countBefore);
    }

    describe('POST /receipts', () => {
      it('stores a receipt and answers 201 { receiptId } once it is committed', async () => {
        const r = makeReceipt();
        const reply = await postReceipt(main.url, r);
        expect(reply.status).toBe(201);
        expect(reply.json).toEqual({ receiptId: r.receiptId });
        expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
        const stored = await store.byRecord(r.recordId as string);
        expect(stored).toHaveLength(1);
        expect(stored[0]!.receipt).toEqual(r);
        expect(Math.abs(stored[0]!.receivedAt.getTime() - Date.now())).toBeLessThan(10_000);
        expect(stored[0]!.ip).toBeNull();
        expect(await store.count()).toBe(countBefore + 1);
      });

      it('accepts text/plain, as navigator.sendBeacon sends it', async () => {
        const r = makeReceipt({ source: 'api', action: 'withdraw' });
        const reply = await postReceipt(main.url, r, { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ORIGIN });
        expect(reply.status).toBe(201);
        expect((await store.byRecord(r.recordId as string))[0]!.receipt).toEqual(r);
      });

      it('stores a receipt sent twice once, answers the second 200, and keeps the first', async () => {
        const r = makeReceipt();
        expect((await postReceipt(main.url, r)).status).toBe(201);
        const again = await postReceipt(main.url, r);
        expect({ status: again.status, body: again.json }).toEqual({ status: 200, body: { receiptId: r.receiptId } });
        const changed = await postReceipt(main.url, {
          ...r,
          action: 'reject-all',
          purposes: { functional: false, analytics: false, marketing: false },
        });
        expect(changed.status).toBe(200);
        const stored = await store.byRecord(r.recordId as string);
        expect(stored.map((s) => s.receipt)).toEqual([r]);
        expect(await store.count()).toBe(countBefore + 1);
      });

      it('stores text that looks like SQL as text, and refuses it where the field does not allow it', async () => {
        const sql = "x'); DELETE FROM consent_receipts; --";
        const r = makeReceipt({ policyVersion: sql, path: "/'; DROP TABLE consent_receipts; --" });
        expect((await postReceipt(main.url, r)).status).toBe(201);
        expect((await store.byRecord(r.recordId as string))[0]!.receipt).toEqual(r);
        expect(await store.count()).toBe(countBefore + 1);
        countBefore += 1;
        await refused(await postReceipt(main.url, makeReceipt({ recordId: "abcdefghijklmnop' OR '1'='1" })), 400, {
          error: 'invalid receipt',
          field: 'recordId',
          expected: RECEIPT_EXPECTED.recordId,
        });
        await refused(await postReceipt(main.url, makeReceipt({ vendors: { "x'; DROP TABLE consent_receipts; --": true } })), 400, {
          error: 'invalid receipt',
          field: "vendors.x'; DROP TABLE consent_receipts; --",
          expected: RECEIPT_EXPECTED.vendorId,
        });
      });

      it.each([
        ['a wrong type', { purposes: { functional: true, analytics: 'yes', marketing: false } }, 'purposes.analytics', 'a boolean'],
        ['a string for a boolean', { gpc: { signal: 'false', applied: false } }, 'gpc.signal', 'a boolean'],
        ['a number for the time', { time: 1764324000000 }, 'time', RECEIPT_EXPECTED.time],
        ['a time two days ahead', { time: new Date(Date.now() + 2 * 86_400_000).toISOString() }, 'time', RECEIPT_EXPECTED.time],
        ['an unknown action', { action: 'accept' }, 'action', RECEIPT_EXPECTED.action],
        ['a query string in the path', { path: '/search?email=a@b.c' }, 'path', RECEIPT_EXPECTED.path],
        ['schema 2', { schema: 2 }, 'schema', RECEIPT_EXPECTED.schema],
        ['a NUL in the path (no database could store it)', { path: '/a\u0000b' }, 'path', RECEIPT_EXPECTED.path],
        ['a lone surrogate in the policy version', { policyVersion: 'v\ud800' }, 'policyVersion', RECEIPT_EXPECTED.policyVersion],
      ])('refuses %s with 400 naming the field', async (_label, over, field, expected) => {
        await refused(await postReceipt(main.url, makeReceipt(over)), 400, { error: 'invalid receipt', field, expected });
      });

      it('refuses unknown fields (a user agent, an IP, a nested extra)', async () => {
        const reply = await postReceipt(main.url, { ...makeReceipt(), userAgent: 'Mozilla/5.0' });
        expect(reply.json).toMatchObject({ error: 'invalid receipt', field: 'userAgent' });
        await refused(reply, 400, reply.json);
        const nested = await postReceipt(main.url, makeReceipt({ gpc: { signal: true, applied: true, ip: '203.0.113.9' } }));
        expect(nested.json).toMatchObject({ field: 'gpc.ip' });
        await refused(nested, 400, nested.json);
      });

      it('refuses a missing field, naming it', async () => {
        const r = makeReceipt();
        delete r.configHash;
        await refused(await postReceipt(main.url, r), 400, {
          error: 'invalid receipt',
          field: 'configHash',
          expected: RECEIPT_EXPECTED.configHash,
        });
      });

      it.each([
        ['malformed JSON', '{"schema":1,'],
        ['an empty body', ''],
        ['a JSON array', '[]'],
        ['a JSON string', '"receipt"'],
        ['null', 'null'],
      ])('refuses %s with 400 naming the receipt', async (_label, text) => {
        await refused(await postReceipt(main.url, text), 400, { error: 'invalid receipt', field: 'receipt', expected: 'a JSON object' });
      });

      it('refuses bytes that are not UTF-8', async () => {
        const bytes = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
        const reply = await request(`${main.url}/receipts`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) },
          body: bytes,
        });
        await refused(reply, 400, { error: 'invalid receipt', field: 'receipt', expected: 'a JSON object in UTF-8' });
      });

      it('refuses a receipt over 4096 bytes (within the body limit) with 400', async () => {
        const vendors = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`vendor-${String(i).padStart(40, '0')}`, true]));
        await refused(await postReceipt(main.url, makeReceipt({ vendors })), 400, {
          error: 'invalid receipt',
          field: 'receipt',
          expected: RECEIPT_EXPECTED.size,
        });
      });

      it('answers 413 to a body over --max-body', async () => {
        const text = JSON.stringify(makeReceipt({ policyVersion: 'x'.repeat(64) })) + ' '.repeat(9000);
        const reply = await postReceipt(main.url, text);
        expect(reply.headers.connection).toBe('close');
        await refused(reply, 413, { error: 'body too large', field: 'body', expected: 'at most 8192 bytes' });
      });

      it('answers 413 as soon as Content-Length declares too much, without waiting for the body', async () => {
        const reply = await request(`${main.url}/receipts`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': '1000000' },
          body: (req) => {
            req.write('{"schema":1,');
            // the other 999,988 bytes never come: a receiver that waited for them would time out here
            const timer = setTimeout(() => req.destroy(new Error('no answer before the body')), 10_000);
            req.on('response', () => clearTimeout(timer));
          },
        });
        await refused(reply, 413, { error: 'body too large', field: 'body', expected: 'at most 8192 bytes' });
      });

      it('answers 413 to a chunked body once it passes the limit, before the client has finished sending', async () => {
        let finished = false;
        const reply = await request(`${main.url}/receipts`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: (req) => {
            req.write(`{"schema":1,"policyVersion":"${'a'.repeat(10_000)}`);
            // the rest would follow in a minute; the answer must come before
            const timer = setTimeout(() => {
              finished = true;
              req.end('"}');
            }, 60_000);
            req.on('response', () => clearTimeout(timer));
            req.on('close', () => clearTimeout(timer));
          },
        });
        expect(finished).toBe(false);
        expect(reply.headers['transfer-encoding']).toBeUndefined();
        await refused(reply, 413, { error: 'body too large', field: 'body', expected: 'at most 8192 bytes' });
      });

      it.each([
        ['no content type', {}],
        ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }],
        ['multipart', { 'Content-Type': 'multipart/form-data; boundary=x' }],
        ['text in Latin-1', { 'Content-Type': 'text/plain; charset=iso-8859-1' }],
      ])('answers 415 to %s', async (_label, headers) => {
        const text = JSON.stringify(makeReceipt());
        const reply = await request(`${main.url}/receipts`, {
          method: 'POST',
          headers: { ...headers, 'Content-Length': String(text.length) },
          body: text,
        });
        await refused(reply, 415, {
          error: 'unsupported content type',
          field: 'content-type',
          expected: 'application/json or text/plain (UTF-8)',
        });
      });
    });

    describe('CORS', () => {
      it('answers an allowed origin with its own Access-Control-Allow-Origin', async () => {
        const reply = await postReceipt(main.url, makeReceipt(), { Origin: ORIGIN });
        expect(reply.status).toBe(201);
        expect(reply.headers['access-control-allow-origin']).toBe(ORIGIN);
        expect(reply.headers.vary).toBe('Origin');
        expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
      });

      it.each([
        ['another site', 'https://evil.example'],
        ['a look-alike', 'https://shop.example.evil.example'],
        ['the same host over http', 'http://shop.example'],
        ['another port', 'https://shop.example:8443'],
        ['a sandboxed frame (null)', 'null'],
      ])('refuses %s with 403 naming the origin, and stores nothing', async (_label, origin) => {
        const reply = await postReceipt(main.url, makeReceipt(), { Origin: origin });
        expect(reply.headers['access-control-allow-origin']).toBeUndefined();
        await refused(reply, 403, {
          error: 'origin not allowed',
          field: 'origin',
          expected: "an origin in the receiver's allowlist (--origin)",
        });
      });

      it('refuses every browser post when no --origin is given, and accepts posts without an Origin header', async () => {
        await refused(await postReceipt(bare.url, makeReceipt(), { Origin: ORIGIN }), 403, {
          error: 'origin not allowed',
          field: 'origin',
          expected: "an origin in the receiver's allowlist (--origin)",
        });
        expect((await postReceipt(bare.url, makeReceipt())).status).toBe(201);
      });

      it('answers the preflight for an allowed origin (POST, Content-Type), and refuses it for others', async () => {
        const pre = await request(`${main.url}/receipts`, {
          method: 'OPTIONS',
          headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
        });
        expect(pre.status).toBe(204);
        expect(pre.headers).toMatchObject({
          'access-control-allow-origin': ORIGIN,
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'Content-Type',
          vary: 'Origin',
        });
        const other = await request(`${main.url}/receipts`, {
          method: 'OPTIONS',
          headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
        });
        expect(other.status).toBe(403);
        expect(other.headers['access-control-allow-origin']).toBeUndefined();
      });
    });

    describe('methods, paths, rate', () => {
      it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('answers %s /receipts with 405 and Allow', async (method) => {
        const reply = await request(`${main.url}/receipts`, { method });
        expect(reply.headers.allow).toBe('POST, OPTIONS');
        await refused(reply, 405, { error: 'method not allowed' });
      });

      it.each(['/', '/receipt', '/receipts/', '/receipts/a/b', '/admin'])('answers %s with 404', async (path) => {
        await refused(
          await request(`${main.url}${path}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(makeReceipt()),
          }),
          404,
          { error: 'not found' },
        );
      });

      it('answers 429 with Retry-After past --rate requests a minute, and stores nothing for it', async () => {
        for (let i = 0; i < 3; i++) expect((await postReceipt(limited.url, makeReceipt())).status).toBe(201);
        countBefore = await store.count();
        const reply = await postReceipt(limited.url, makeReceipt());
        expect(Number(reply.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(reply.headers['retry-after'])).toBeLessThanOrEqual(20);
        await refused(reply, 429, { error: 'too many requests', field: 'rate', expected: 'at most 3 requests a minute' });
      });

      it('--rate 0 sets no limit', async () => {
        const replies = await Promise.all(Array.from({ length: 150 }, () => request(`${main.url}/nothing`)));
        expect(new Set(replies.map((r) => r.status))).toEqual(new Set([404]));
      });
    });

    describe('GET /receipts/:recordId', () => {
      const recordId = `rec_history_${backend.name.length}_0123456789`;
      const times = ['2026-11-20T10:00:00.000Z', '2026-11-01T09:00:00.000Z', '2026-11-10T08:00:00.000Z'];
      beforeAll(async () => {
        for (const time of times) expect((await postReceipt(main.url, makeReceipt({ recordId, time }))).status).toBe(201);
        expect((await postReceipt(main.url, makeReceipt())).status).toBe(201);
      });
      const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

      it("answers the visitor's receipts in time order with the token", async () => {
        const reply = await request(`${main.url}/receipts/${recordId}`, auth(TOKEN));
        expect(reply.status).toBe(200);
        expect(reply.headers['cache-control']).toBe('no-store');
        expect(reply.json.recordId).toBe(recordId);
        expect(reply.json.receipts.map((e: any) => e.receipt.time)).toEqual([...times].sort());
        for (const e of reply.json.receipts) {
          expect(e.receipt.recordId).toBe(recordId);
          expect(Date.parse(e.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
          expect(e).not.toHaveProperty('ip');
        }
        expect((await request(`${main.url}/receipts/rec_nobody_0123456789`, auth(TOKEN))).json).toEqual({
          recordId: 'rec_nobody_0123456789',
          receipts: [],
        });
      });

      it.each([
        ['no Authorization header', {}],
        ['a wrong token', auth('test-token-0123456789abcdeX').headers],
        ['a prefix of the token', auth(TOKEN.slice(0, -1)).headers],
        ['the token and more', auth(`${TOKEN}0`).headers],
        ['Basic authentication', { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }],
      ])('answers 401 to %s', async (_label, headers) => {
        const reply = await request(`${main.url}/receipts/${recordId}`, { headers });
        expect(reply.status).toBe(401);
        expect(reply.json).toEqual({ error: 'unauthorized', field: 'authorization', expected: "Bearer and the receiver's token" });
        expect(reply.headers['www-authenticate']).toBe('Bearer realm="consent-gate receipts"');
        expect(reply.text).not.toContain(recordId);
      });

      it('answers 400 to a record id that is not one', async () => {
        const reply = await request(`${main.url}/receipts/${encodeURIComponent("x' OR '1'='1")}`, auth(TOKEN));
        expect({ status: reply.status, body: reply.json }).toEqual({
          status: 400,
          body: { error: 'invalid record id', field: 'recordId', expected: RECEIPT_EXPECTED.recordId },
        });
      });

      it('is disabled (404) when no token is configured', async () => {
        const reply = await request(`${bare.url}/receipts/${recordId}`, auth(TOKEN));
        expect({ status: reply.status, body: reply.json }).toEqual({ status: 404, body: { error: 'not found' } });
      });

      it('answers 405 to other methods', async () => {
        const reply = await request(`${main.url}/receipts/${recordId}`, { method: 'DELETE', ...auth(TOKEN) });
        expect(reply.status).toBe(405);
        expect(reply.headers.allow).toBe('GET');
        expect((await store.byRecord(recordId)).length).toBe(times.length);
      });
    });

    describe('IP addresses', () => {
      it('stores none by default, and the /24 with --keep-ip truncated', async () => {
        const plain = makeReceipt();
        expect((await postReceipt(main.url, plain)).status).toBe(201);
        expect((await store.byRecord(plain.recordId as string))[0]!.ip).toBeNull();
        const kept = makeReceipt();
        expect((await postReceipt(keepIp.url, kept)).status).toBe(201);
        expect((await store.byRecord(kept.recordId as string))[0]!.ip).toBe('127.0.0.0/24');
      });
    });
  });
}
