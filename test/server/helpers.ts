/**
 * Shared by the receiver tests: receipts, an HTTP client with full control of
 * the request (headers, chunked bodies), fresh PGlite directories and
 * PostgreSQL schemas, and the CLI as a child process.
 */
import { request as httpRequest, type IncomingHttpHeaders, type ClientRequest } from 'node:http';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type {} from './global-setup';
import { openStore, type ReceiptStore } from '../../src/receipts-server/index';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'cli/consent-gate.mjs');
export const DATABASE_URL = process.env.DATABASE_URL || '';

const randomId = (prefix = 'r') => `${prefix}_${randomBytes(12).toString('base64url')}`;

/** A valid receipt (as JSON-ready data), decided a minute ago. */
export function makeReceipt(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 1,
    receiptId: randomId('rcpt'),
    recordId: randomId('rec'),
    time: new Date(Date.now() - 60_000).toISOString(),
    policyVersion: '2026-11',
    configHash: '9f2c41d0aa',
    action: 'accept-all',
    source: 'banner',
    purposes: { functional: true, analytics: true, marketing: true },
    vendors: { 'hubspot-conversations': true },
    gpc: { signal: false, applied: false },
    language: 'en',
    path: '/pricing',
    ...over,
  };
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A string or bytes sent with Content-Length; or a function that writes the body itself (chunked) and may end it. */
  body?: string | Buffer | ((req: ClientRequest) => void);
}

/** One HTTP request on a fresh connection; resolves with the whole answer. */
export function request(url: string, { method = 'GET', headers = {}, body }: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolvePromise({ status: res.statusCode!, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (typeof body === 'function') body(req);
    else req.end(body);
  });
}

/** POST a receipt (or any text) to `${base}/receipts` as JSON. */
export function postReceipt(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return request(`${base}/receipts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers },
    body: text,
  });
}

function tempDir(name: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `consent-gate-${name}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A fresh PGlite data directory: a copy of the one global-setup.ts made (initdb done, no tables yet). */
export function pgliteDir(name: string): { path: string; remove: () => void } {
  const dir = tempDir(name);
  cpSync(inject('pgliteTemplate'), dir.path, { recursive: true });
  return dir;
}

/**
 * A PostgreSQL database of its own for one test file: a fresh schema on the
 * DATABASE_URL server, reached through a connection string whose search_path
 * names it, dropped at the end.
 */
export async function postgresSchema(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `consent_gate_test_${name}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** The stores the receiver suite runs against: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const BACKENDS = [
  { name: 'PGlite', enabled: true },
  { name: 'PostgreSQL (DATABASE_URL)', enabled: Boolean(DATABASE_URL) },
] as const;

/** Open a store of the backend for one test file; `cleanup` closes it and removes its data. */
export async function openTestStore(
  backend: (typeof BACKENDS)[number]['name'],
  name: string,
): Promise<{ store: ReceiptStore; cleanup: () => Promise<void> }> {
  if (backend === 'PGlite') {
    const dir = pgliteDir(name);
    const store = await openStore({ dataDir: dir.path });
    return {
      store,
      cleanup: async () => {
        await store.close();
        dir.remove();
      },
    };
  }
  const db = await postgresSchema(name);
  const store = await openStore({ databaseUrl: db.url });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
}

/** Every receipt id in the store. */
export async function storedIds(store: ReceiptStore): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const s of store.export()) ids.add(s.receipt.receiptId);
  return ids;
}

export interface Cli {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Run `consent-gate <args>`; DATABASE_URL is removed from its environment unless given in `env`. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): Cli {
  const childEnv: Record<string, string | undefined> = { ...process.env, DATABASE_URL: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv as NodeJS.ProcessEnv });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** `receipts serve` in a child process; resolves with its base URL once it prints it. */
export async function serveCli(args: string[], env: Record<string, string | undefined> = {}): Promise<Cli & { url: string }> {
  const cli = runCli(['receipts', 'serve', '--port', '0', ...args], env);
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`receiver did not start:\n${cli.stdout()}\n${cli.stderr()}`)), 120_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(cli.stdout());
      if (m) {
        clearTimeout(timer);
        cli.child.stdout.off('data', check);
        done(m[1]!);
      }
    };
    cli.child.stdout.on('data', check);
    cli.exited.then(({ code }) => {
      clearTimeout(timer);
      fail(new Error(`receiver exited with ${code}:\n${cli.stdout()}\n${cli.stderr()}`));
    });
  });
  return { ...cli, url };
}
