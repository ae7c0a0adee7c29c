/**
 * An acknowledged receipt survives `kill -9` of the receiver: the receiver
 * (the real command, `consent-gate receipts serve`, on PGlite) is killed with
 * SIGKILL while clients are posting, restarted on the same data directory,
 * and every receipt it had answered 201 must be there.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, LOCK_FILE } from '../../src/receipts-server/index';
import { makeReceipt, postReceipt, serveCli, storedIds, pgliteDir } from './helpers';

const CLIENTS = 8;
const KILL_AFTER = 300;

describe('durability on PGlite', () => {
  it('keeps every acknowledged receipt across kill -9 and a restart', async () => {
    const dir = pgliteDir('kill9');
    try {
      const first = await serveCli(['--data', dir.path, '--rate', '0']);
      const acked = new Set<string>();
      let failed = 0;
      let killed = false;
      const client = async () => {
        while (!killed) {
          const r = makeReceipt();
          try {
            const reply = await postReceipt(first.url, r);
            expect(reply.status).toBe(201);
            acked.add(r.receiptId as string);
          } catch {
            failed++; // in flight when the receiver died: never acknowledged
          }
          if (acked.size >= KILL_AFTER && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);
      // the kill came mid-stream: other clients had requests in flight
      expect(failed).toBeGreaterThan(0);
      // the dead receiver's pid file is still there and must not block the restart
      expect(existsSync(join(dir.path, LOCK_FILE))).toBe(true);

      const second = await serveCli(['--data', dir.path, '--rate', '0']);
      const more = Array.from({ length: 20 }, () => makeReceipt());
      for (const r of more) {
        expect((await postReceipt(second.url, r)).status).toBe(201);
        acked.add(r.receiptId as string);
      }
      second.child.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });

      const store = await openStore({ dataDir: dir.path });
      const stored = await storedIds(store);
      await store.close();
      const missing = [...acked].filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      // at most the receipts in flight at the kill were committed without an answer
      expect(stored.size - acked.size).toBeLessThanOrEqual(CLIENTS);
    } finally {
      dir.remove();
    }
  }, 90_000);
});
