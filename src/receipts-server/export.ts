/**
 * `consent-gate receipts export`: receipts as CSV (one row per receipt, RFC
 * 4180 quoting) or as a JSON array of the same objects GET /receipts/:recordId
 * answers, written as they are read so an export of any size runs in steady
 * memory.
 */
import { OPTIONAL_PURPOSES } from '../types.js';
import { RECEIPT_GPC_FIELDS } from '../receipts/schema.js';
import type { ExportRange, ReceiptStore, StoredReceipt } from './store.js';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** CSV columns: the receipt's fields (nested ones by path, vendors as JSON), then what the receiver added. */
export const CSV_COLUMNS = [
  'receiptId',
  'recordId',
  'time',
  'policyVersion',
  'configHash',
  'action',
  'source',
  ...OPTIONAL_PURPOSES.map((p) => `purposes.${p}`),
  'vendors',
  ...RECEIPT_GPC_FIELDS.map((f) => `gpc.${f}`),
  'language',
  'path',
  'receivedAt',
  'ip',
] as const;

/**
 * One CSV field: quoted when it holds a comma, quote or line break (quotes
 * doubled). Text that a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return; only a policy version can) gets a leading
 * apostrophe, the usual defence; the JSON export keeps every value exact.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(s: StoredReceipt): string {
  const r = s.receipt;
  const values = [
    r.receiptId,
    r.recordId,
    r.time,
    r.policyVersion,
    r.configHash,
    r.action,
    r.source,
    ...OPTIONAL_PURPOSES.map((p) => r.purposes[p]),
    JSON.stringify(r.vendors),
    ...RECEIPT_GPC_FIELDS.map((f) => r.gpc[f]),
    r.language,
    r.path,
    s.receivedAt.toISOString(),
    s.ip,
  ];
  return values.map(csvField).join(',');
}

/** A stored receipt as the API and the JSON export give it. */
export function receiptEntry(s: StoredReceipt): { receipt: StoredReceipt['receipt']; receivedAt: string; ip?: string } {
  return { receipt: s.receipt, receivedAt: s.receivedAt.toISOString(), ...(s.ip ? { ip: s.ip } : {}) };
}

/** Write the receipts in `range` through `write` (which may return a promise, e.g. to wait for a drained stream). Resolves to how many. */
export async function exportReceipts(
  store: ReceiptStore,
  format: ExportFormat,
  range: ExportRange,
  write: (chunk: string) => unknown,
): Promise<number> {
  let n = 0;
  if (format === 'csv') {
    await write(`${CSV_COLUMNS.join(',')}\r\n`);
    for await (const s of store.export(range)) {
      await write(`${csvRow(s)}\r\n`);
      n++;
    }
    return n;
  }
  await write('[');
  for await (const s of store.export(range)) {
    await write(`${n ? ',' : ''}\n${JSON.stringify(receiptEntry(s))}`);
    n++;
  }
  await write(n ? '\n]\n' : ']\n');
  return n;
}

/**
 * A --since/--until value: a date (YYYY-MM-DD, UTC) or an ISO 8601 time. A
 * date as `until` means the end of that day, so `--since 2026-11-01 --until
 * 2026-11-30` is the whole of November. Null when it is neither.
 */
export function parseBoundary(text: string, as: 'since' | 'until'): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const t = Date.parse(`${text}T00:00:00.000Z`);
    if (!Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== text) return null;
    return new Date(as === 'until' ? t + 86_400_000 : t);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const t = Date.parse(text);
  return Number.isFinite(t) ? new Date(t) : null;
}
