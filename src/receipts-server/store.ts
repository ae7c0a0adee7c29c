/**
 * Where receipts are kept: one interface, one SQL schema with numbered
 * migrations, two databases. PGlite (PostgreSQL compiled to WebAssembly, in a
 * local directory) by default, so the receiver runs on a fresh machine with
 * nothing else installed; a PostgreSQL server when DATABASE_URL is set. Both
 * run the same SQL through the small `Sql` adapter below.
 */
import type { ConsentReceipt } from '../receipts/schema.js';

export interface StoredReceipt {
  receipt: ConsentReceipt;
  /** When the receiver committed it (purge counts from this). */
  receivedAt: Date;
  /** The sender's truncated network (`203.0.113.0/24`), when the receiver keeps one. */
  ip: string | null;
}

export interface ExportRange {
  /** Receipts whose decision time is at or after this. */
  since?: Date;
  /** Receipts whose decision time is before this. */
  until?: Date;
}

export interface ReceiptStore {
  /** `pglite` or `postgres`. */
  readonly kind: StoreKind;
  /** The data directory, or the server and database (never the password). */
  readonly where: string;
  /** Store a receipt; resolves once it is committed. A receipt id already stored is left as it was: `duplicate`. */
  insert(receipt: ConsentReceipt, meta: { receivedAt: Date; ip: string | null }): Promise<'inserted' | 'duplicate'>;
  /** A visitor's receipts in decision-time order. */
  byRecord(recordId: string): Promise<StoredReceipt[]>;
  /** Receipts in decision-time order, read in batches. */
  export(range?: ExportRange): AsyncIterable<StoredReceipt>;
  count(): Promise<number>;
  /** Delete the receipts received before `before`; resolves to how many. */
  purge(before: Date): Promise<number>;
  close(): Promise<void>;
}

export type StoreKind = 'pglite' | 'postgres';

/** A query runner: positional parameters ($1, $2, …), one statement at a time. */
export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<{ rows: T[]; count: number }>;

/** What a database must offer for the store: queries, a transaction, closing. */
export interface Sql {
  kind: StoreKind;
  where: string;
  query: Query;
  transaction<T>(fn: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const TABLE = 'consent_receipts';
export const MIGRATIONS_TABLE = 'consent_receipts_migrations';
// pg_advisory_xact_lock key: receivers starting at once on one PostgreSQL server migrate one after the other
const MIGRATION_LOCK = 2756491;

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/** Applied in order, each once, each recorded in consent_receipts_migrations. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'receipts table',
    statements: [
      `CREATE TABLE ${TABLE} (
        receipt_id text PRIMARY KEY,
        record_id text NOT NULL,
        decided_at timestamptz NOT NULL,
        policy_version text NOT NULL,
        config_hash text NOT NULL,
        action text NOT NULL,
        source text NOT NULL,
        functional boolean NOT NULL,
        analytics boolean NOT NULL,
        marketing boolean NOT NULL,
        vendors jsonb NOT NULL,
        gpc_signal boolean NOT NULL,
        gpc_applied boolean NOT NULL,
        language text NOT NULL,
        path text NOT NULL,
        receipt json NOT NULL,
        received_at timestamptz NOT NULL,
        ip cidr
      )`,
      `CREATE INDEX ${TABLE}_record ON ${TABLE} (record_id, decided_at)`,
      `CREATE INDEX ${TABLE}_decided ON ${TABLE} (decided_at, receipt_id)`,
      `CREATE INDEX ${TABLE}_received ON ${TABLE} (received_at)`,
    ],
  },
];

/** Bring the schema up to the newest migration; refuse a database migrated by a newer consent-gate. Returns the versions applied now. */
export async function migrate(sql: Sql): Promise<number[]> {
  return sql.transaction(async (query) => {
    await query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await query(
      `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await query<{ version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`)).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    const known = MIGRATIONS[MIGRATIONS.length - 1]!.version;
    if (newest > known)
      throw new Error(
        `the receipts database is at schema version ${newest}, newer than this consent-gate knows (${known}): upgrade consent-gate`,
      );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await query(statement);
      await query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

const COLUMNS = 'receipt, received_at, host(ip) AS ip_host, masklen(ip) AS ip_bits';
type Row = {
  receipt: ConsentReceipt | string;
  received_at: Date | string;
  ip_host: string | null;
  ip_bits: number | null;
  decided_at?: Date;
  receipt_id?: string;
};

function toStored(row: Row): StoredReceipt {
  return {
    receipt: typeof row.receipt === 'string' ? (JSON.parse(row.receipt) as ConsentReceipt) : row.receipt,
    receivedAt: new Date(row.received_at),
    ip: row.ip_host === null ? null : `${row.ip_host}/${row.ip_bits}`,
  };
}

const EXPORT_BATCH = 1000;
/** Most receipts written by one INSERT (18 parameters each; PostgreSQL allows 65,535). */
const INSERT_BATCH = 200;
const INSERT_COLUMNS = [
  'receipt_id',
  'record_id',
  'decided_at',
  'policy_version',
  'config_hash',
  'action',
  'source',
  'functional',
  'analytics',
  'marketing',
  'vendors',
  'gpc_signal',
  'gpc_applied',
  'language',
  'path',
  'receipt',
  'received_at',
  'ip',
];

const insertValues = (r: ConsentReceipt, meta: { receivedAt: Date; ip: string | null }): unknown[] => [
  r.receiptId,
  r.recordId,
  r.time,
  r.policyVersion,
  r.configHash,
  r.action,
  r.source,
  r.purposes.functional,
  r.purposes.analytics,
  r.purposes.marketing,
  JSON.stringify(r.vendors),
  r.gpc.signal,
  r.gpc.applied,
  r.language,
  r.path,
  JSON.stringify(r),
  meta.receivedAt.toISOString(),
  meta.ip,
];

interface Pending {
  receipt: ConsentReceipt;
  meta: { receivedAt: Date; ip: string | null };
  resolve: (outcome: 'inserted' | 'duplicate') => void;
  reject: (error: unknown) => void;
}

/**
 * The store over any `Sql`: every statement is written once, here.
 *
 * Inserts commit in groups: while one INSERT is running, the receipts that
 * arrive wait, and the next INSERT writes them all in one statement and one
 * commit (at most INSERT_BATCH). A lone receipt is written at once; under load
 * one commit, the costly part, serves many. Each caller's promise resolves
 * only after the statement holding its receipt has committed.
 */
export class SqlReceiptStore implements ReceiptStore {
  readonly kind: StoreKind;
  readonly where: string;
  private readonly sql: Sql;
  private pending: Pending[] = [];
  private writing = false;

  constructor(sql: Sql) {
    this.sql = sql;
    this.kind = sql.kind;
    this.where = sql.where;
  }

  insert(receipt: ConsentReceipt, meta: { receivedAt: Date; ip: string | null }): Promise<'inserted' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.pending.push({ receipt, meta, resolve, reject });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.pending.length) {
      const batch = this.pending.splice(0, INSERT_BATCH);
      // the same receipt id twice in one group: the first is written, the others are duplicates
      const first = new Map<string, Pending>();
      for (const p of batch) if (!first.has(p.receipt.receiptId)) first.set(p.receipt.receiptId, p);
      const rows = [...first.values()];
      const settle = (inserted: Set<string>) => {
        for (const p of batch)
          p.resolve(first.get(p.receipt.receiptId) === p && inserted.has(p.receipt.receiptId) ? 'inserted' : 'duplicate');
      };
      try {
        settle(await this.insertRows(rows));
      } catch (error) {
        if (rows.length === 1) {
          for (const p of batch) p.reject(error);
          continue;
        }
        // one row the database refused must not fail the others: write them one by one
        const inserted = new Set<string>();
        for (const row of rows) {
          try {
            for (const id of await this.insertRows([row])) inserted.add(id);
          } catch (rowError) {
            for (const p of batch) if (p.receipt.receiptId === row.receipt.receiptId) p.reject(rowError);
          }
        }
        settle(inserted); // (a promise already rejected stays rejected)
      }
    }
    this.writing = false;
  }

  /** One INSERT of the rows, in autocommit: when it resolves, they are committed (synchronous_commit is on in both databases). The ids written. */
  private async insertRows(rows: Pending[]): Promise<Set<string>> {
    const params = rows.flatMap((p) => insertValues(p.receipt, p.meta));
    const tuples = rows.map((_, i) => `(${INSERT_COLUMNS.map((__, j) => `$${i * INSERT_COLUMNS.length + j + 1}`).join(', ')})`);
    const { rows: written } = await this.sql.query<{ receipt_id: string }>(
      `INSERT INTO ${TABLE} (${INSERT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (receipt_id) DO NOTHING RETURNING receipt_id`,
      params,
    );
    return new Set(written.map((w) => w.receipt_id));
  }

  async byRecord(recordId: string): Promise<StoredReceipt[]> {
    const { rows } = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM ${TABLE} WHERE record_id = $1 ORDER BY decided_at, received_at, receipt_id`,
      [recordId],
    );
    return rows.map(toStored);
  }

  async *export(range: ExportRange = {}): AsyncIterable<StoredReceipt> {
    // keyset pages over (decided_at, receipt_id): steady memory and no long-held cursor, whatever the size
    let after: [string, string] | null = null;
    for (;;) {
      const params: unknown[] = [range.since?.toISOString() ?? null, range.until?.toISOString() ?? null];
      let keyset = '';
      if (after) {
        params.push(after[0], after[1]);
        keyset = 'AND (decided_at, receipt_id) > ($3::timestamptz, $4::text)';
      }
      const { rows } = await this.sql.query<Row>(
        `SELECT ${COLUMNS}, decided_at, receipt_id FROM ${TABLE}
         WHERE ($1::timestamptz IS NULL OR decided_at >= $1::timestamptz) AND ($2::timestamptz IS NULL OR decided_at < $2::timestamptz) ${keyset}
         ORDER BY decided_at, receipt_id LIMIT ${EXPORT_BATCH}`,
        params,
      );
      for (const row of rows) yield toStored(row);
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1]!;
      after = [new Date(last.decided_at!).toISOString(), last.receipt_id!];
    }
  }

  async count(): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${TABLE}`);
    return rows[0]!.n;
  }

  async purge(before: Date): Promise<number> {
    const { count } = await this.sql.query(`DELETE FROM ${TABLE} WHERE received_at < $1`, [before.toISOString()]);
    return count;
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
