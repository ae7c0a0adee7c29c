/// <reference types="node" />
/**
 * The default database: PGlite, PostgreSQL compiled to WebAssembly, keeping
 * its files in a local directory (Emscripten's NODEFS: every write goes to the
 * directory through Node's fs, nothing is held back in memory).
 *
 * Durability, measured rather than assumed (test/server/durability.test.ts,
 * bench/receipts-load.mjs): PGlite runs PostgreSQL with synchronous_commit on,
 * so a commit writes its WAL record to the directory before the query
 * resolves, and a receiver killed with SIGKILL loses no acknowledged receipt;
 * on restart PostgreSQL replays the WAL. PGlite also runs with fsync off (and
 * WebAssembly has no fsync to call), so the data sits in the operating
 * system's page cache for a while: a crash of the whole machine or a power cut
 * can lose the last receipts. Where that matters, use a PostgreSQL server
 * (DATABASE_URL).
 *
 * One process at a time may open a data directory (PGlite is PostgreSQL in
 * single-user mode); a pid file in the directory makes a second one fail with
 * a clear message instead of corrupting the files.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Query, Sql } from './store.js';

export const LOCK_FILE = 'consent-gate-receipts.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the directory's pid file, or throw naming the process that holds it (this one included). A file left by a process that is gone is taken over. */
function lock(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new Error(
          `${dir} is in use by process ${pid} (a running receiver?): stop it first, or delete ${file} if no consent-gate process uses the directory`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take ${file}`);
}

export async function openPglite(dataDir: string): Promise<Sql> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const unlock = lock(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(dir);
    type Runner = { query: (text: string, params?: unknown[]) => Promise<{ rows: unknown[]; affectedRows?: number }> };
    const over =
      (runner: Runner): Query =>
      async <T>(text: string, params?: unknown[]) => {
        const result = await runner.query(text, params);
        return { rows: result.rows as T[], count: result.affectedRows ?? 0 };
      };
    return {
      kind: 'pglite',
      where: dir,
      query: over(db),
      transaction: (fn) => db.transaction((tx) => fn(over(tx))),
      async close() {
        try {
          await db.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
