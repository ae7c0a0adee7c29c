/**
 * The store behind the receiver, against PGlite and (when DATABASE_URL is
 * set) PostgreSQL: the same SQL, the same migrations, the same answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  exportReceipts,
  MIGRATIONS,
  MIGRATIONS_TABLE,
  migrate,
  openPglite,
  openStore,
  LOCK_FILE,
  type ReceiptStore,
  type Sql,
} from '../../src/receipts-server/index';
import { BACKENDS, DATABASE_URL, makeReceipt, openTestStore, postgresSchema, pgliteDir } from './helpers';
import { openPostgres } from '../../src/receipts-server/postgres';
import type { ConsentReceipt } from '../../src/receipts/schema';

const receipt = (over: Record<string, unknown> = {}) => makeReceipt(over) as unknown as ConsentReceipt;
const DAY = 86_400_000;

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(`store on ${backend.name}`, () => {
    let store: ReceiptStore;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, cleanup } = await openTestStore(backend.name, 'store'));
    });
    afterAll(async () => cleanup?.());

    it('stores a receipt once: the same id again is a duplicate and changes nothing', async () => {
      const r = receipt();
      const at = new Date();
      expect(await store.insert(r, { receivedAt: at, ip: null })).toBe('inserted');
      expect(await store.insert({ ...r, action: 'withdraw' }, { receivedAt: new Date(), ip: '203.0.113.0/24' })).toBe('duplicate');
      expect(await store.byRecord(r.recordId)).toEqual([{ receipt: r, receivedAt: at, ip: null }]);
    });

    it('commits concurrent inserts in groups: each id once, the first of a group written, the rest duplicates', async () => {
      const ids = Array.from({ length: 120 }, (_, i) => `rcpt_group_${backend.name.length}_${String(i % 40).padStart(8, '0')}`);
      const receipts = ids.map((receiptId, i) => receipt({ receiptId, action: i < 40 ? 'accept-all' : 'withdraw' }));
      const before = await store.count();
      const outcomes = await Promise.all(receipts.map((r) => store.insert(r, { receivedAt: new Date(), ip: null })));
      expect(outcomes.slice(0, 40)).toEqual(new Array(40).fill('inserted'));
      expect(outcomes.slice(40)).toEqual(new Array(80).fill('duplicate'));
      expect(await store.count()).toBe(before + 40);
      for (const r of receipts.slice(0, 40)) expect((await store.byRecord(r.recordId))[0]!.receipt.action).toBe('accept-all');
    });

    it('a row the database refuses fails alone, not the group it was sent with', async () => {
      // (the validator refuses a NUL in a path; the store is given one directly, as a database error would come)
      const good = Array.from({ length: 20 }, () => receipt());
      const bad = receipt({ path: '/\u0000' });
      const before = await store.count();
      const outcomes = await Promise.allSettled(
        [...good.slice(0, 10), bad, ...good.slice(10)].map((r) => store.insert(r, { receivedAt: new Date(), ip: null })),
      );
      expect(outcomes.map((o) => o.status)).toEqual([...new Array(10).fill('fulfilled'), 'rejected', ...new Array(10).fill('fulfilled')]);
      expect(await store.count()).toBe(before + 20);
    });

    it('keeps a truncated network as given, IPv4 and IPv6', async () => {
      const a = receipt();
      const b = receipt();
      await store.insert(a, { receivedAt: new Date(), ip: '203.0.113.0/24' });
      await store.insert(b, { receivedAt: new Date(), ip: '2001:db8:85a3::/48' });
      expect((await store.byRecord(a.recordId))[0]!.ip).toBe('203.0.113.0/24');
      expect((await store.byRecord(b.recordId))[0]!.ip).toBe('2001:db8:85a3::/48');
    });

    it('exports by decision time, [since, until), in order, across batches', async () => {
      const recordId = 'rec_export_batches_01';
      const base = Date.parse('2024-03-01T00:00:00.000Z');
      // 2,500 receipts over 2,500 minutes, inserted out of order: more than two export batches
      const order = Array.from({ length: 2500 }, (_, i) => (i * 7919) % 2500);
      await Promise.all(
        order.map((i) =>
          store.insert(
            receipt({ recordId, receiptId: `rcpt_batch_${String(i).padStart(6, '0')}`, time: new Date(base + i * 60_000).toISOString() }),
            { receivedAt: new Date(), ip: null },
          ),
        ),
      );
      const times: string[] = [];
      for await (const s of store.export({ since: new Date(base), until: new Date(base + 2500 * 60_000) })) times.push(s.receipt.time);
      expect(times).toHaveLength(2500);
      expect(times).toEqual([...times].sort());
      expect(new Set(times).size).toBe(2500);
      const window: string[] = [];
      for await (const s of store.export({ since: new Date(base + 10 * 60_000), until: new Date(base + 20 * 60_000) }))
        window.push(s.receipt.receiptId);
      expect(window).toEqual(Array.from({ length: 10 }, (_, i) => `rcpt_batch_${String(10 + i).padStart(6, '0')}`));
    });

    it('exports an empty range as an empty JSON list, and as the CSV header alone', async () => {
      const chunks: string[] = [];
      expect(await exportReceipts(store, 'json', { since: new Date('2030-01-01') }, (c) => chunks.push(c))).toBe(0);
      expect(chunks.join('')).toBe('[]\n');
      chunks.length = 0;
      expect(await exportReceipts(store, 'csv', { since: new Date('2030-01-01') }, (c) => chunks.push(c))).toBe(0);
      expect(chunks.join('').split('\r\n')).toHaveLength(2);
    });

    it('purges by the time received, and says how many', async () => {
      const now = Date.now();
      const old = [receipt(), receipt()];
      const recent = receipt();
      for (const r of old) await store.insert(r, { receivedAt: new Date(now - 401 * DAY), ip: null });
      await store.insert(recent, { receivedAt: new Date(now - 399 * DAY), ip: null });
      const before = await store.count();
      expect(await store.purge(new Date(now - 400 * DAY))).toBe(2);
      expect(await store.count()).toBe(before - 2);
      expect(await store.byRecord(old[0]!.recordId)).toEqual([]);
      expect(await store.byRecord(recent.recordId)).toHaveLength(1);
      expect(await store.purge(new Date(now - 400 * DAY))).toBe(0);
    });
  });
}

describe('migrations', () => {
  async function check(sql: Sql) {
    expect(await migrate(sql)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(sql)).toEqual([]);
    const { rows } = await sql.query<{ version: number; name: string }>(`SELECT version, name FROM ${MIGRATIONS_TABLE} ORDER BY version`);
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    // a database a newer consent-gate migrated is refused, not written to
    await sql.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name) VALUES (999, 'from the future')`);
    await expect(migrate(sql)).rejects.toThrow(/schema version 999, newer than this consent-gate knows \(1\)/);
  }

  it('apply once on PGlite, are recorded, and refuse a newer database', async () => {
    const dir = pgliteDir('migrate');
    const sql = await openPglite(dir.path);
    try {
      await check(sql);
    } finally {
      await sql.close();
      dir.remove();
    }
  });

  it.runIf(Boolean(DATABASE_URL))('apply once on PostgreSQL, are recorded, and refuse a newer database', async () => {
    const db = await postgresSchema('migrate');
    const sql = await openPostgres(db.url);
    try {
      await check(sql);
    } finally {
      await sql.close();
      await db.drop();
    }
  });
});

describe('PGlite data directory', () => {
  it('is opened by one process at a time; a pid file left by a dead process is taken over', async () => {
    const dir = pgliteDir('lock');
    try {
      const store = await openStore({ dataDir: dir.path });
      await expect(openStore({ dataDir: dir.path })).rejects.toThrow(`is in use by process ${process.pid}`);
      await store.close();
      // a process that has exited leaves its pid behind
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
      writeFileSync(join(dir.path, LOCK_FILE), `${dead}\n`);
      const again = await openStore({ dataDir: dir.path });
      expect(await again.count()).toBe(0);
      await again.close();
    } finally {
      dir.remove();
    }
  });
});
