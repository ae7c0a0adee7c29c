/// <reference types="node" />
/**
 * The reference receipts receiver: plain `node:http`, no framework.
 *
 *   POST /receipts              a receipt as JSON (application/json, or text/plain as sendBeacon sends it)
 *   OPTIONS /receipts           CORS preflight, for the origins in the allowlist
 *   GET /receipts/:recordId     a visitor's receipts, with `Authorization: Bearer <token>`
 *
 * Every rejected request gets a 4xx with `{ error, field, expected }` and
 * stores nothing; a receipt is acknowledged (201, or 200 when its id was
 * already stored) only after its insert has committed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseReceipt, RECEIPT_EXPECTED, RECEIPT_ID_PATTERN, RECEIPT_ROOT } from '../receipts/schema.js';
import type { ReceiptStore } from './store.js';
import { clientKey, KEEP_IP_VALUES, truncateIp, type KeepIp } from './ip.js';
import { rateLimiter } from './rate.js';

export const DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  rate: 120,
  maxBody: 8192,
  keepIp: 'none' as KeepIp,
  dataDir: './consent-gate-receipts',
  retainDays: 400,
};
export const MIN_TOKEN_LENGTH = 16;
/** How long a client that sent too much may go on sending before the connection is cut (see tooLarge). */
const LINGER_MS = 2000;

export interface ReceiverOptions {
  store: ReceiptStore;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (put a reverse proxy with TLS in front to serve the internet). */
  host?: string;
  /** Origins whose pages may post receipts (CORS). A request with any other Origin header gets 403. */
  origins?: readonly string[];
  /** Bearer token for GET /receipts/:recordId; without one, reads are disabled (404). */
  token?: string | null;
  /** `none` (default): store no address; `truncated`: IPv4 /24, IPv6 /48. */
  keepIp?: KeepIp;
  /** Requests per minute per client (IPv4 address or IPv6 /64); 0 disables. Default 120. */
  rate?: number;
  /** Largest request body in bytes. Default 8192. */
  maxBody?: number;
  /** Where errors are written (default stderr). Requests are not logged: a log line would hold the address the store does not. */
  log?: (line: string) => void;
}

/** A receiver option that is wrong: which one, what it was, what was expected. */
export class ReceiverOptionError extends Error {
  readonly option: string;
  readonly expected: string;
  constructor(option: string, expected: string, received: unknown) {
    super(`${option} ${received === undefined ? 'is missing' : `is ${JSON.stringify(received)}`}: expected ${expected}`);
    this.name = 'ReceiverOptionError';
    this.option = option;
    this.expected = expected;
  }
}

export interface ResolvedReceiverOptions {
  port: number;
  host: string;
  origins: string[];
  token: string | null;
  keepIp: KeepIp;
  rate: number;
  maxBody: number;
}

const wholeNumber = (option: string, value: unknown, min: number, max: number): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new ReceiverOptionError(option, `a whole number from ${min} to ${max}`, value);
  return value;
};

/** Check the options (names as the command line spells them), with the defaults filled in. */
export function resolveReceiverOptions(o: Omit<ReceiverOptions, 'store' | 'log'>): ResolvedReceiverOptions {
  const origins = [...(o.origins ?? [])];
  for (const origin of origins) {
    let ok = false;
    try {
      const u = new URL(origin);
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === origin;
    } catch {
      /* not a URL */
    }
    if (!ok)
      throw new ReceiverOptionError(
        '--origin',
        'an origin such as https://www.example.com (scheme, host and port if not the default; no path, no trailing slash)',
        origin,
      );
  }
  const token = o.token ?? null;
  if (token !== null && (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH || /[\s\0-\x1f]/.test(token))) {
    throw new ReceiverOptionError(
      '--token',
      `at least ${MIN_TOKEN_LENGTH} characters without spaces (e.g. \`openssl rand -hex 32\`)`,
      token === null ? undefined : '(hidden)',
    );
  }
  const keepIp = o.keepIp ?? DEFAULTS.keepIp;
  if (!KEEP_IP_VALUES.includes(keepIp)) throw new ReceiverOptionError('--keep-ip', `one of ${KEEP_IP_VALUES.join(', ')}`, keepIp);
  const host = o.host ?? DEFAULTS.host;
  if (typeof host !== 'string' || host === '') throw new ReceiverOptionError('--host', 'a host name or address to listen on', host);
  return {
    port: wholeNumber('--port', o.port ?? DEFAULTS.port, 0, 65535),
    host,
    origins,
    token,
    keepIp,
    rate: wholeNumber('--rate', o.rate ?? DEFAULTS.rate, 0, 1_000_000),
    maxBody: wholeNumber('--max-body', o.maxBody ?? DEFAULTS.maxBody, 256, 1_048_576),
  };
}

/** The answer to a request that is refused: status, and the field at fault with what was expected. */
interface Refusal {
  status: number;
  error: string;
  field?: string;
  expected?: string;
  headers?: Record<string, string>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

const refuse = (res: ServerResponse, r: Refusal) =>
  send(res, r.status, { error: r.error, ...(r.field ? { field: r.field, expected: r.expected } : {}) }, r.headers);

const digest = (text: string) => createHash('sha256').update(text).digest();
/** Constant-time comparison (of digests, so a wrong length takes as long as a wrong token). */
const sameToken = (given: string, token: string) => timingSafeEqual(digest(given), digest(token));

const MEDIA_TYPES = ['application/json', 'text/plain'];

/** Why a content type is refused, or null when it is JSON text in UTF-8 (`application/json` or `text/plain`, as sendBeacon sends). */
function contentTypeProblem(header: string | undefined): string | null {
  if (!header) return 'missing';
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (!MEDIA_TYPES.includes(type!)) return 'other';
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8' ? null : 'charset';
}

type Body = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true } | { ok: false; tooLarge: false };

/** Read at most `max` bytes of the body; past that, stop keeping what arrives and report it. */
function readBody(req: IncomingMessage, max: number): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const done = (b: Body) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(b);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) return done({ ok: false, tooLarge: true });
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => done({ ok: true, bytes: Buffer.concat(chunks) }));
    req.on('error', () => done({ ok: false, tooLarge: false }));
    req.on('aborted', () => done({ ok: false, tooLarge: false }));
  });
}

/**
 * 413, then close the connection. The client may still be sending: what it
 * sends is read and dropped for up to LINGER_MS after the answer (a "lingering
 * close", as web servers do), so that the answer reaches it before the
 * connection is reset, and no longer, so a client that never stops cannot
 * keep the connection.
 */
function tooLarge(req: IncomingMessage, res: ServerResponse, max: number, headers: Record<string, string>): void {
  req.on('data', () => undefined);
  res.once('finish', () => setTimeout(() => req.socket.destroy(), LINGER_MS).unref());
  refuse(res, {
    status: 413,
    error: 'body too large',
    field: 'body',
    expected: `at most ${max} bytes`,
    headers: { ...headers, Connection: 'close' },
  });
}

export interface Receiver {
  /** Base URL, e.g. http://127.0.0.1:8787 (receipts are posted to `${url}/receipts`). */
  url: string;
  server: Server;
  options: ResolvedReceiverOptions;
  /** Stop accepting, let requests in progress finish (at most `graceMs`), then close every connection. Does not close the store. */
  close(graceMs?: number): Promise<void>;
}

export function receiptsHandler(store: ReceiptStore, options: ResolvedReceiverOptions, log: (line: string) => void) {
  const limiter = options.rate > 0 ? rateLimiter(options.rate) : null;
  const allowed = new Set(options.origins);

  async function post(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): Promise<void> {
    const type = contentTypeProblem(req.headers['content-type']);
    if (type)
      return refuse(res, {
        status: 415,
        error: 'unsupported content type',
        field: 'content-type',
        expected: 'application/json or text/plain (UTF-8)',
        headers: cors,
      });
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > options.maxBody) return tooLarge(req, res, options.maxBody, cors);
    const body = await readBody(req, options.maxBody);
    if (!body.ok) {
      if (body.tooLarge) return tooLarge(req, res, options.maxBody, cors);
      return; // the client went away: nothing to answer, nothing stored
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
    } catch {
      return refuse(res, {
        status: 400,
        error: 'invalid receipt',
        field: RECEIPT_ROOT,
        expected: `${RECEIPT_EXPECTED.receipt} in UTF-8`,
        headers: cors,
      });
    }
    const check = parseReceipt(text);
    if (!check.ok) return refuse(res, { status: 400, error: 'invalid receipt', ...check.error, headers: cors });
    const receipt = check.receipt;
    let outcome: 'inserted' | 'duplicate';
    try {
      outcome = await store.insert(receipt, {
        receivedAt: new Date(),
        ip: options.keepIp === 'truncated' ? truncateIp(req.socket.remoteAddress) : null,
      });
    } catch (error) {
      log(`consent-gate receipts: could not store a receipt: ${(error as Error).message}`);
      return refuse(res, { status: 503, error: 'storage unavailable', headers: { ...cors, 'Retry-After': '5' } });
    }
    send(res, outcome === 'inserted' ? 201 : 200, { receiptId: receipt.receiptId }, cors);
  }

  async function read(req: IncomingMessage, res: ServerResponse, encodedId: string): Promise<void> {
    if (req.method !== 'GET') return refuse(res, { status: 405, error: 'method not allowed', headers: { Allow: 'GET' } });
    const auth = req.headers.authorization ?? '';
    const given = /^Bearer (\S+)$/i.exec(auth)?.[1];
    if (!given || !sameToken(given, options.token!)) {
      return refuse(res, {
        status: 401,
        error: 'unauthorized',
        field: 'authorization',
        expected: "Bearer and the receiver's token",
        headers: { 'WWW-Authenticate': 'Bearer realm="consent-gate receipts"' },
      });
    }
    let recordId = '';
    try {
      recordId = decodeURIComponent(encodedId);
    } catch {
      /* refused below */
    }
    if (!RECEIPT_ID_PATTERN.test(recordId))
      return refuse(res, { status: 400, error: 'invalid record id', field: 'recordId', expected: RECEIPT_EXPECTED.recordId });
    const rows = await store.byRecord(recordId);
    send(res, 200, {
      recordId,
      receipts: rows.map((r) => ({ receipt: r.receipt, receivedAt: r.receivedAt.toISOString(), ...(r.ip ? { ip: r.ip } : {}) })),
    });
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = (req.url ?? '/').split('?')[0]!;
      if (limiter) {
        const wait = limiter.take(clientKey(req.socket.remoteAddress));
        if (wait > 0)
          return refuse(res, {
            status: 429,
            error: 'too many requests',
            field: 'rate',
            expected: `at most ${options.rate} requests a minute`,
            headers: { 'Retry-After': String(wait) },
          });
      }
      const readMatch = /^\/receipts\/([^/]+)$/.exec(path);
      if (readMatch && options.token) return await read(req, res, readMatch[1]!);
      if (path !== '/receipts') return refuse(res, { status: 404, error: 'not found' });

      const origin = req.headers.origin;
      const cors: Record<string, string> = { Vary: 'Origin' };
      if (origin !== undefined) {
        if (!allowed.has(origin))
          return refuse(res, {
            status: 403,
            error: 'origin not allowed',
            field: 'origin',
            expected: "an origin in the receiver's allowlist (--origin)",
            headers: cors,
          });
        cors['Access-Control-Allow-Origin'] = origin;
      }
      if (req.method === 'OPTIONS') {
        if (origin === undefined)
          return refuse(res, { status: 400, error: 'not a CORS preflight', field: 'origin', expected: 'an Origin header' });
        res.writeHead(204, {
          ...cors,
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '7200',
          'Content-Length': '0',
        });
        return void res.end();
      }
      if (req.method !== 'POST')
        return refuse(res, { status: 405, error: 'method not allowed', headers: { ...cors, Allow: 'POST, OPTIONS' } });
      return await post(req, res, cors);
    } catch (error) {
      log(`consent-gate receipts: ${(error as Error).stack ?? error}`);
      if (!res.headersSent) refuse(res, { status: 500, error: 'internal error' });
      else res.destroy();
    }
  };
}

/** Start a receiver on `store`. Resolves once it listens. */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const resolved = resolveReceiverOptions(options);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const handle = receiptsHandler(options.store, resolved, log);
  const server = createServer({ requestTimeout: 15_000, headersTimeout: 10_000 }, (req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    options: resolved,
    close(graceMs = 5000) {
      return new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
