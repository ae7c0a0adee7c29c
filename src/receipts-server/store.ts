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
    await query(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await query<{ version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`)).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    const known = MIGRATIONS[MIGRATIONS.length - 1]!.version;
    if (newest > known) throw new Error(`the receipts database is at schema version ${newest}, newer than this consent-gate knows (${known}): upgrade consent-gate`);
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
type Row = { receipt: ConsentReceipt | string; received_at: Date | string; ip_host: string | null; ip_bits: number | null; decided_at?: Date; receipt_id?: string };

function toStored(row: Row): StoredReceipt {
  return {
    receipt: typeof row.receipt === 'string' ? (JSON.parse(row.receipt) as ConsentReceipt) : row.receipt,
    receivedAt: new Date(row.received_at),
    ip: row.ip_host === null ? null : `${row.ip_host}/${row.ip_bits}`,
  };
}

const EXPORT_BATCH = 1000;

/** The store over any `Sql`: every statement is written once, here. */
export class SqlReceiptStore implements ReceiptStore {
  readonly kind: StoreKind;
  readonly where: string;
  private readonly sql: Sql;

  constructor(sql: Sql) {
    this.sql = sql;
    this.kind = sql.kind;
    this.where = sql.where;
  }

  async insert(r: ConsentReceipt, meta: { receivedAt: Date; ip: string | null }): Promise<'inserted' | 'duplicate'> {
    // one statement in autocommit: when it resolves, the row is committed (synchronous_commit is on in both databases)
    const { rows } = await this.sql.query(
      `INSERT INTO ${TABLE} (receipt_id, record_id, decided_at, policy_version, config_hash, action, source, functional, analytics, marketing, vendors, gpc_signal, gpc_applied, language, path, receipt, received_at, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ON CONFLICT (receipt_id) DO NOTHING RETURNING receipt_id`,
      [r.receiptId, r.recordId, r.time, r.policyVersion, r.configHash, r.action, r.source, r.purposes.functional, r.purposes.analytics, r.purposes.marketing, JSON.stringify(r.vendors), r.gpc.signal, r.gpc.applied, r.language, r.path, JSON.stringify(r), meta.receivedAt.toISOString(), meta.ip],
    );
    return rows.length === 1 ? 'inserted' : 'duplicate';
  }

  async byRecord(recordId: string): Promise<StoredReceipt[]> {
    const { rows } = await this.sql.query<Row>(`SELECT ${COLUMNS} FROM ${TABLE} WHERE record_id = $1 ORDER BY decided_at, received_at, receipt_id`, [recordId]);
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
