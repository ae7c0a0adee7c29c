/**
 * `consent-gate receipts serve|export|purge` as a privacy team runs them:
 * child processes of the built CLI on a PGlite data directory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, CSV_COLUMNS, LOCK_FILE } from '../../src/receipts-server/index';
import type { ConsentReceipt } from '../../src/receipts/schema';
import { makeReceipt, pgliteDir, postReceipt, runCli, serveCli } from './helpers';

const DAY = 86_400_000;
const receipt = (over: Record<string, unknown>) => makeReceipt(over) as unknown as ConsentReceipt;

describe('receipts serve', () => {
  it('prints its URL, takes options from the environment, and stops cleanly on SIGTERM', async () => {
    const dir = pgliteDir('cli-serve');
    try {
      const server = await serveCli(['--data', dir.path], {
        CONSENT_GATE_RECEIPTS_ORIGINS: 'https://a.example, https://b.example',
        CONSENT_GATE_RECEIPTS_RATE: '0',
      });
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.stdout()).toContain(`storing in PGlite in ${dir.path}`);
      expect(server.stdout()).toContain('accepting browser posts from https://a.example, https://b.example');
      expect(server.stdout()).toContain('rate: no limit');
      expect((await postReceipt(server.url, makeReceipt(), { Origin: 'https://b.example' })).status).toBe(201);
      expect((await postReceipt(server.url, makeReceipt(), { Origin: 'https://c.example' })).status).toBe(403);
      expect(existsSync(join(dir.path, LOCK_FILE))).toBe(true);

      // a second process on the same directory is refused while the receiver runs
      const exporter = runCli(['receipts', 'export', '--data', dir.path]);
      expect((await exporter.exited).code).toBe(2);
      expect(exporter.stderr()).toContain(`is in use by process ${server.child.pid}`);

      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.stdout()).toMatch(/SIGTERM: finishing requests in progress and closing\n.*stopped\n$/);
      expect(existsSync(join(dir.path, LOCK_FILE))).toBe(false);
    } finally {
      dir.remove();
    }
  });

  it.each([
    [['--origin', 'https://shop.example/'], '--origin is "https://shop.example/": expected an origin'],
    [['--token', 'short'], '--token is "(hidden)": expected at least 16 characters'],
    [['--keep-ip', 'full'], '--keep-ip is "full": expected one of none, truncated'],
    [['--rate', 'fast'], '--rate is "fast": expected a whole number'],
    [['--port', '99999'], '--port is 99999: expected a whole number from 0 to 65535'],
  ])('refuses %j with exit code 2, naming the option', async (args, message) => {
    const cli = runCli(['receipts', 'serve', '--data', '/nonexistent/never-created', ...args]);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr()).toContain(message);
    expect(existsSync('/nonexistent/never-created')).toBe(false);
  });
});

describe('receipts export and purge', () => {
  const dir = pgliteDir('cli-export');
  const now = Date.now();
  const a = receipt({
    time: '2026-10-31T23:59:59.999Z',
    policyVersion: '=1+1',
    recordId: 'rec_aaaaaaaaaaaaaaaa',
    receiptId: 'rcpt_aaaaaaaaaaaaaaaa',
  });
  const b = receipt({
    time: '2026-11-01T00:00:00.000Z',
    policyVersion: 'v, "quoted"',
    recordId: 'rec_bbbbbbbbbbbbbbbb',
    receiptId: 'rcpt_bbbbbbbbbbbbbbbb',
    vendors: { 'hubspot-conversations': true, intercom: false },
  });
  const c = receipt({
    time: '2026-11-30T23:00:00.000Z',
    action: 'withdraw',
    source: 'settings',
    purposes: { functional: false, analytics: false, marketing: false },
    gpc: { signal: true, applied: true },
    recordId: 'rec_cccccccccccccccc',
    receiptId: 'rcpt_cccccccccccccccc',
    language: 'de-AT',
    path: '/a/b',
  });
  const d = receipt({ time: '2026-12-01T00:00:00.000Z', recordId: 'rec_dddddddddddddddd', receiptId: 'rcpt_dddddddddddddddd' });
  const received = { a: new Date(now - 500 * DAY), b: new Date(now - 20 * DAY), c: new Date(now - 40 * DAY), d: new Date(now - 1 * DAY) };

  beforeAll(async () => {
    const store = await openStore({ dataDir: dir.path });
    await store.insert(a, { receivedAt: received.a, ip: null });
    await store.insert(b, { receivedAt: received.b, ip: '203.0.113.0/24' });
    await store.insert(c, { receivedAt: received.c, ip: null });
    await store.insert(d, { receivedAt: received.d, ip: null });
    await store.close();
  });
  afterAll(() => dir.remove());

  async function run(args: string[]) {
    const cli = runCli(['receipts', ...args, '--data', dir.path]);
    const { code } = await cli.exited;
    return { code, stdout: cli.stdout(), stderr: cli.stderr() };
  }

  it('exports November as JSON: the receipts decided in it, in time order, exactly as stored', async () => {
    const out = await run(['export', '--since', '2026-11-01', '--until', '2026-11-30', '--format', 'json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual([
      { receipt: b, receivedAt: received.b.toISOString(), ip: '203.0.113.0/24' },
      { receipt: c, receivedAt: received.c.toISOString() },
    ]);
    expect(out.stderr).toContain('exported 2 receipts');
  });

  it('exports CSV, quoted, one row per receipt', async () => {
    const out = await run(['export', '--format', 'csv', '--until', '2026-11-01T00:00:00.001Z']);
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\r\n');
    expect(lines).toEqual([
      CSV_COLUMNS.join(','),
      `rcpt_aaaaaaaaaaaaaaaa,rec_aaaaaaaaaaaaaaaa,2026-10-31T23:59:59.999Z,'=1+1,9f2c41d0aa,accept-all,banner,true,true,true,"{""hubspot-conversations"":true}",false,false,en,/pricing,${received.a.toISOString()},`,
      `rcpt_bbbbbbbbbbbbbbbb,rec_bbbbbbbbbbbbbbbb,2026-11-01T00:00:00.000Z,"v, ""quoted""",9f2c41d0aa,accept-all,banner,true,true,true,"{""hubspot-conversations"":true,""intercom"":false}",false,false,en,/pricing,${received.b.toISOString()},203.0.113.0/24`,
      '',
    ]);
    expect(CSV_COLUMNS).toEqual([
      'receiptId',
      'recordId',
      'time',
      'policyVersion',
      'configHash',
      'action',
      'source',
      'purposes.functional',
      'purposes.analytics',
      'purposes.marketing',
      'vendors',
      'gpc.signal',
      'gpc.applied',
      'language',
      'path',
      'receivedAt',
      'ip',
    ]);
  });

  it.each([
    [['export', '--format', 'xml'], '--format "xml": expected one of csv, json'],
    [['export', '--since', 'last week'], '--since "last week": expected a date (YYYY-MM-DD)'],
    [['export', '--since', '2026-12-01', '--until', '2026-11-01'], '--since must be before --until'],
    [['purge', '--retain-days', '0'], '--retain-days "0": expected a whole number of days from 1 to 36500'],
    [['purge', '--retain-days', 'forever'], '--retain-days "forever": expected a whole number'],
    [['rotate'], 'unknown receipts command "rotate"'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const out = await run(args);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(message);
  });

  it('purges what was received before the retention period (400 days by default), printing how many', async () => {
    const first = await run(['purge']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^consent-gate receipts: purged 1 receipt received before \S+ \(kept 400 days\) from PGlite in /);
    const second = await run(['purge', '--retain-days', '30']);
    expect(second.stdout).toMatch(/purged 1 receipt received before .* \(kept 30 days\)/);
    const left = JSON.parse((await run(['export'])).stdout);
    expect(left.map((e: { receipt: ConsentReceipt }) => e.receipt.receiptId)).toEqual([b.receiptId, d.receiptId]);
  });
});
