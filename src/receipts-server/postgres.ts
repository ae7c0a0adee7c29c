/// <reference types="node" />
/**
 * A PostgreSQL server (DATABASE_URL): for more than one receiver, for backups
 * and replication the team already runs, and for durability across a machine
 * crash (the server fsyncs its WAL on commit; PGlite cannot, see pglite.ts).
 */
import type { Query, Sql } from './store.js';

/** The server and database of a connection string, without user or password (for logs). */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgresql://${u.host || 'localhost'}${u.pathname}`;
  } catch {
    return 'postgresql (DATABASE_URL)';
  }
}

export async function openPostgres(url: string, { max = 10 }: { max?: number } = {}): Promise<Sql> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'consent-gate receipts' });
  // an idle connection the server drops must not crash the receiver; the next query opens a new one
  pool.on('error', (error) => process.stderr.write(`consent-gate receipts: database connection lost: ${error.message}\n`));
  const over =
    (runner: { query: (text: string, params?: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }> }): Query =>
    async <T>(text: string, params?: unknown[]) => {
      const result = await runner.query(text, params);
      return { rows: result.rows as T[], count: result.rowCount ?? 0 };
    };
  // fail now, with the server's own message, rather than on the first receipt
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return {
    kind: 'postgres',
    where: describeDatabaseUrl(url),
    query: over(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(over(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
