/**
 * An acknowledged receipt survives `kill -9` of the receiver: the receiver
 * (the real command, `consent-gate receipts serve`) is killed with SIGKILL
 * while clients are posting, restarted on the same data, and every receipt it
 * had answered 201 must be there. On PGlite (the default) and, when
 * DATABASE_URL is set, on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, LOCK_FILE } from '../../src/receipts-server/index';
import { BACKENDS, makeReceipt, pgliteDir, postgresSchema, postReceipt, serveCli, storedIds } from './helpers';

const CLIENTS = 8;
const KILL_AFTER = 300;

/** Where a receiver keeps its data in this test: its command-line arguments, environment, and a way to open the store afterwards. */
async function dataFor(backend: (typeof BACKENDS)[number]['name']) {
  if (backend === 'PGlite') {
    const dir = pgliteDir('kill9');
    return {
      args: ['--data', dir.path],
      env: {},
      open: () => openStore({ dataDir: dir.path }),
      lockFile: join(dir.path, LOCK_FILE),
      remove: async () => dir.remove(),
    };
  }
  const db = await postgresSchema('kill9');
  return { args: [], env: { DATABASE_URL: db.url }, open: () => openStore({ databaseUrl: db.url }), lockFile: null, remove: db.drop };
}

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(`durability on ${backend.name}`, () => {
    it('keeps every acknowledged receipt across kill -9 and a restart', async () => {
      const data = await dataFor(backend.name);
      try {
        const first = await serveCli([...data.args, '--rate', '0'], data.env);
        const acked = new Set<string>();
        let inFlight = 0; // requests the receiver had open when it died (reset, hung up)
        let dead = false;
        void first.exited.then(() => (dead = true));
        let killing = false;
        const client = async () => {
          while (!dead) {
            const r = makeReceipt();
            let status: number;
            try {
              status = (await postReceipt(first.url, r)).status;
            } catch (error) {
              // refused: the receiver is gone; anything else: it died with this request open, which is never acknowledged
              if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') break;
              inFlight++;
              continue;
            }
            expect(status).toBe(201);
            acked.add(r.receiptId as string);
            if (acked.size >= KILL_AFTER && !killing) {
              killing = true;
              // on a timer, not on an answer: the other clients' requests are open at that moment
              setTimeout(() => first.child.kill('SIGKILL'), 1);
            }
          }
        };
        await Promise.all(Array.from({ length: CLIENTS }, client));
        expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
        expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);
        // the kill came mid-stream: requests were open when the receiver died
        expect(inFlight).toBeGreaterThan(0);
        // the dead receiver's pid file is still there and must not block the restart
        if (data.lockFile) expect(existsSync(data.lockFile)).toBe(true);

        const second = await serveCli([...data.args, '--rate', '0'], data.env);
        const more = Array.from({ length: 20 }, () => makeReceipt());
        for (const r of more) {
          expect((await postReceipt(second.url, r)).status).toBe(201);
          acked.add(r.receiptId as string);
        }
        second.child.kill('SIGTERM');
        expect(await second.exited).toEqual({ code: 0, signal: null });

        const store = await data.open();
        const stored = await storedIds(store);
        await store.close();
        const missing = [...acked].filter((id) => !stored.has(id));
        expect(missing).toEqual([]);
        // at most the receipts in flight at the kill were committed without an answer
        expect(stored.size - acked.size).toBeLessThanOrEqual(inFlight);
      } finally {
        await data.remove();
      }
    }, 240_000);
  });
}
