/// <reference types="node" />
/**
 * The receipts receiver's public surface (`consent-gate/dist/receipts-server.mjs`),
 * used by `consent-gate receipts serve|export|purge`: the receipt schema, the
 * stores, the HTTP receiver and the export.
 */
import { SqlReceiptStore, migrate, type ReceiptStore } from './store.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { DEFAULTS } from './server.js';

export * from '../receipts/schema.js';
export { MIGRATIONS, MIGRATIONS_TABLE, TABLE, SqlReceiptStore, migrate } from './store.js';
export type { ExportRange, Migration, Query, ReceiptStore, Sql, StoreKind, StoredReceipt } from './store.js';
export { openPglite, LOCK_FILE } from './pglite.js';
export { openPostgres, describeDatabaseUrl } from './postgres.js';
export { startReceiver, receiptsHandler, resolveReceiverOptions, ReceiverOptionError, DEFAULTS, MIN_TOKEN_LENGTH } from './server.js';
export type { Receiver, ReceiverOptions, ResolvedReceiverOptions } from './server.js';
export { exportReceipts, csvField, csvRow, receiptEntry, parseBoundary, CSV_COLUMNS, EXPORT_FORMATS } from './export.js';
export type { ExportFormat } from './export.js';
export { truncateIp, clientKey, KEEP_IP_VALUES } from './ip.js';
export type { KeepIp } from './ip.js';
export { rateLimiter } from './rate.js';

/**
 * Open the store: a PostgreSQL server when `databaseUrl` is given, else PGlite
 * in `dataDir`; the schema is migrated to the newest version before it is returned.
 */
export async function openStore({ dataDir, databaseUrl }: { dataDir?: string; databaseUrl?: string | null }): Promise<ReceiptStore> {
  const sql = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(dataDir ?? DEFAULTS.dataDir);
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
  return new SqlReceiptStore(sql);
}

/** The time before which `purge --retain-days n` deletes receipts (received before now - n days). */
export function retainCutoff(retainDays: number, now: number = Date.now()): Date {
  return new Date(now - retainDays * 86_400_000);
}
