// Section 5: the receipts receiver under load, on loopback. 20,000 receipts
// from 50 concurrent clients (each one keep-alive connection, one request at
// a time) to `consent-gate receipts serve --rate 0`, run as a child process;
// halfway through the receiver is killed with SIGKILL and started again on
// the same data, the clients retry what was not acknowledged (as the browser
// runtime retries on the next page), and at the end every acknowledged
// receipt is looked up in the store. PGlite always; PostgreSQL when
// DATABASE_URL is set (in a schema of its own, dropped afterwards).
//
//   node bench/receipts-load.mjs           run alone, print the result
//   node bench/receipts-load.mjs --write   also write it into bench/results/latest.{json,md}
//   RECEIPTS_LOAD_TOTAL / RECEIPTS_LOAD_CLIENTS / RECEIPTS_LOAD_LIMIT_S   override the defaults (20000 / 50 / 300)
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { percentile, round } from './lib/stats.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'cli/consent-gate.mjs');
const SERVER = join(ROOT, 'dist/receipts-server.mjs');

const envInt = (name, fallback) => {
  const v = process.env[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new TypeError(`${name} must be a whole number ≥ 1, got ${v}`);
  return n;
};

/** Start `consent-gate receipts serve`; resolves with the child and its URL once it listens. */
function serve(args, env, port = 0) {
  const child = spawn(process.execPath, [CLI, 'receipts', 'serve', '--rate', '0', '--port', String(port), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  return new Promise((done, fail) => {
    child.stdout.on('data', (c) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) done({ child, url: m[1], exited: new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r))) });
    });
    child.once('exit', (code) => fail(new Error(`receiver exited (${code}) before listening: ${err.trim().split('\n').pop()}`)));
  });
}

function receipt(i) {
  return {
    schema: 1,
    receiptId: `load_${String(i).padStart(6, '0')}_${randomBytes(6).toString('base64url')}`,
    recordId: `rec_${randomBytes(12).toString('base64url')}`,
    time: new Date().toISOString(),
    policyVersion: '2026-11',
    configHash: '9f2c41d0aa',
    action: i % 3 === 0 ? 'reject-all' : 'accept-all',
    source: 'banner',
    purposes: { functional: i % 3 !== 0, analytics: i % 3 !== 0, marketing: i % 3 !== 0 },
    vendors: { 'hubspot-conversations': i % 3 !== 0 },
    gpc: { signal: false, applied: false },
    language: 'en',
    path: '/pricing',
  };
}

function post(agent, url, body) {
  return new Promise((done, fail) => {
    const req = request(
      `${url}/receipts`,
      { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

async function runOne({ name, args, env, open, total, clients, limitMs, log }) {
  let receiver = await serve(args, env);
  const port = new URL(receiver.url).port;
  // once the receiver is killed, clients wait for this before retrying
  let up = Promise.resolve();
  const latencies = [];
  const acked = new Set();
  let next = 0;
  let duplicates = 0;
  let failedAttempts = 0;
  let killedAt = null;
  let restartMs = null;
  let downMs = 0;
  let timedOut = false;
  const started = performance.now();
  const deadline = started + limitMs;

  async function restart() {
    const t0 = performance.now();
    killedAt = acked.size;
    receiver.child.kill('SIGKILL');
    await receiver.exited;
    // the same port: the clients' next attempts reach the new process
    receiver = await serve(args, env, port);
    restartMs = performance.now() - t0;
    downMs += restartMs;
  }

  async function client() {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = next++; i < total; i = next++) {
        const body = JSON.stringify(receipt(i));
        const id = JSON.parse(body).receiptId;
        for (;;) {
          if (performance.now() > deadline) {
            timedOut = true;
            return;
          }
          await up;
          const t0 = performance.now();
          try {
            const status = await post(agent, receiver.url, body);
            if (status !== 201 && status !== 200) throw new Error(`HTTP ${status}`);
            latencies.push(performance.now() - t0);
            if (status === 200) duplicates++;
            acked.add(id);
            if (killedAt === null && acked.size >= total / 2) up = restart();
            break;
          } catch {
            failedAttempts++; // in flight at the kill: not acknowledged, sent again
            await up;
          }
        }
      }
    } finally {
      agent.destroy();
    }
  }

  await Promise.all(Array.from({ length: clients }, client));
  await up;
  const wallMs = performance.now() - started;
  receiver.child.kill('SIGTERM');
  await receiver.exited;

  log(`${name}: ${acked.size} acknowledged in ${(wallMs / 1000).toFixed(1)} s; checking the store…`);
  const store = await open();
  const stored = new Set();
  try {
    for await (const s of store.export()) stored.add(s.receipt.receiptId);
  } finally {
    await store.close();
  }
  const missing = [...acked].filter((id) => !stored.has(id)).length;
  const sendingS = (wallMs - downMs) / 1000;
  return {
    receipts: total,
    clients,
    acknowledged: acked.size,
    timedOut,
    wallS: round(wallMs / 1000, 1),
    throughput: Math.round(acked.size / sendingS),
    latencyMs: {
      p50: round(percentile(latencies, 50), 2),
      p99: round(percentile(latencies, 99), 2),
      max: round(Math.max(...latencies), 1),
    },
    killedAfter: killedAt,
    restartS: restartMs === null ? null : round(restartMs / 1000, 2),
    failedAttempts,
    duplicates,
    checked: acked.size,
    missing,
    stored: stored.size,
  };
}

/** The load test for each store; PostgreSQL only with DATABASE_URL. */
export async function receiptsLoad({ log = console.log } = {}) {
  if (!existsSync(SERVER)) throw new Error('dist/receipts-server.mjs is missing: run `npm run build` first (`npm run bench` does)');
  const lib = await import(pathToFileURL(SERVER).href);
  const total = envInt('RECEIPTS_LOAD_TOTAL', 20_000);
  const clients = envInt('RECEIPTS_LOAD_CLIENTS', 50);
  const limitMs = envInt('RECEIPTS_LOAD_LIMIT_S', 300) * 1000;
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  const result = {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    loadAtStart: loadavg().map((n) => round(n, 2)),
    total,
    clients,
    limitS: limitMs / 1000,
    stores: {},
  };

  // PGlite: a fresh data directory (its initdb happens before the clock starts)
  const dir = mkdtempSync(join(tmpdir(), 'consent-gate-receipts-load-'));
  try {
    const data = join(dir, 'data');
    const init = await lib.openStore({ dataDir: data });
    await init.close();
    log('receipts load: PGlite…');
    result.stores.PGlite = await runOne({
      name: 'PGlite',
      args: ['--data', data],
      env: { DATABASE_URL: '' },
      open: () => lib.openStore({ dataDir: data }),
      total,
      clients,
      limitMs,
      log,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const url = process.env.DATABASE_URL;
  if (!url) result.stores.PostgreSQL = { skipped: 'DATABASE_URL not set' };
  else {
    const { default: pg } = await import('pg');
    const schema = `consent_gate_load_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    try {
      const init = await lib.openStore({ databaseUrl: scoped.toString() });
      await init.close();
      log('receipts load: PostgreSQL…');
      result.stores.PostgreSQL = await runOne({
        name: 'PostgreSQL',
        args: [],
        env: { DATABASE_URL: scoped.toString() },
        open: () => lib.openStore({ databaseUrl: scoped.toString() }),
        total,
        clients,
        limitMs,
        log,
      });
      const { rows } = await admin.query('SELECT version()');
      result.stores.PostgreSQL.server = rows[0].version.split(' on ')[0];
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
  result.loadAtEnd = loadavg().map((n) => round(n, 2));
  return result;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const result = await receiptsLoad();
  console.log(JSON.stringify(result, null, 2));
  if (process.argv.includes('--write')) {
    const { renderMarkdown } = await import('./report.mjs');
    const file = join(ROOT, 'bench/results/latest.json');
    const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    all.receiptsLoad = result;
    writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
    writeFileSync(join(ROOT, 'bench/results/latest.md'), renderMarkdown(all));
    console.log('wrote the receipts section of bench/results/latest.json and latest.md');
  }
}
