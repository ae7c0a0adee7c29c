/**
 * consent-gate receipts serve|export|purge: the reference receiver for
 * consent receipts and the tools to read and trim what it stored.
 * Every option has an environment variable, for running it as a service.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.mjs';

export const RECEIPTS_USAGE = `  consent-gate receipts serve [--port 8787] [--host 127.0.0.1] [--origin https://www.example.com …]
        [--data ./consent-gate-receipts] [--token T] [--keep-ip none|truncated] [--rate 120] [--max-body 8192]
      Receive consent receipts: POST /receipts (JSON, from the origins given with
      --origin), GET /receipts/<recordId> with "Authorization: Bearer T" (only
      with --token). Stored in PGlite in --data, or in the PostgreSQL server of
      DATABASE_URL when set. --keep-ip truncated keeps the sender's /24 (IPv4) or
      /48 (IPv6); by default no address is stored. --rate: requests a minute per
      client (0: no limit). Environment: CONSENT_GATE_RECEIPTS_PORT, _HOST,
      _ORIGINS (comma-separated), _DATA, _TOKEN, _KEEP_IP, _RATE, _MAX_BODY.
  consent-gate receipts export [--since date] [--until date] [--format json|csv] [--data dir]
      Print the receipts decided in [since, until) (a date YYYY-MM-DD as --until
      includes that day) to stdout.
  consent-gate receipts purge [--retain-days 400] [--data dir]
      Delete the receipts received more than --retain-days days ago; print how many.`;

const ENV = 'CONSENT_GATE_RECEIPTS_';
const env = (name) => process.env[ENV + name] || undefined;

async function loadReceiver() {
  const file = new URL('../dist/receipts-server.mjs', import.meta.url);
  if (!existsSync(file)) throw new UsageError(`consent-gate is not built: ${file.pathname} is missing (run \`npm run build\`)`);
  return import(file.href);
}

/** A number option as given (a string of digits becomes a number; anything else is passed on to be refused by name). */
const numberish = (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

async function open(lib, dataDir) {
  const databaseUrl = process.env.DATABASE_URL || null;
  try {
    return await lib.openStore({ dataDir: dataDir ?? env('DATA') ?? lib.DEFAULTS.dataDir, databaseUrl });
  } catch (error) {
    throw new UsageError(`could not open the receipts store (${databaseUrl ? 'DATABASE_URL' : 'PGlite'}): ${error.message}`, {
      usage: false,
    });
  }
}

const describeStore = (store) => (store.kind === 'pglite' ? `PGlite in ${store.where}` : `PostgreSQL at ${store.where}`);

async function serve(argv, lib) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      origin: { type: 'string', multiple: true },
      data: { type: 'string' },
      token: { type: 'string' },
      'keep-ip': { type: 'string' },
      rate: { type: 'string' },
      'max-body': { type: 'string' },
    },
    allowPositionals: false,
  });
  const options = {
    port: numberish(values.port ?? env('PORT')),
    host: values.host ?? env('HOST'),
    origins:
      values.origin ??
      env('ORIGINS')
        ?.split(/[\s,]+/)
        .filter(Boolean) ??
      [],
    token: values.token ?? env('TOKEN') ?? null,
    keepIp: values['keep-ip'] ?? env('KEEP_IP'),
    rate: numberish(values.rate ?? env('RATE')),
    maxBody: numberish(values['max-body'] ?? env('MAX_BODY')),
  };
  for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
  let resolved;
  try {
    resolved = lib.resolveReceiverOptions(options);
  } catch (error) {
    if (error instanceof lib.ReceiverOptionError) throw new UsageError(error.message);
    throw error;
  }
  const store = await open(lib, values.data);
  let receiver;
  try {
    receiver = await lib.startReceiver({ ...resolved, store });
  } catch (error) {
    await store.close();
    throw new UsageError(`could not listen on ${resolved.host}:${resolved.port}: ${error.message}`, { usage: false });
  }
  // the start-up lines in one write, so whoever reads the output (a person, a process manager, a test) sees them together
  const say = (...lines) => process.stdout.write(lines.map((line) => `consent-gate receipts: ${line}\n`).join(''));
  say(
    `listening on ${receiver.url} (POST ${receiver.url}/receipts), storing in ${describeStore(store)}`,
    resolved.origins.length
      ? `accepting browser posts from ${resolved.origins.join(', ')}`
      : 'no --origin given: posts from browsers (with an Origin header) are refused',
    `reads (GET /receipts/<recordId>): ${resolved.token ? 'with the bearer token' : 'disabled (no --token)'}; IP addresses: ${resolved.keepIp === 'truncated' ? 'truncated (/24, /48)' : 'not stored'}; rate: ${resolved.rate ? `${resolved.rate} requests a minute per client` : 'no limit'}`,
  );
  await new Promise((resolve) => {
    const stop = (signal) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      say(`${signal}: finishing requests in progress and closing`);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await receiver.close();
  await store.close();
  say('stopped');
  return 0;
}

async function exportCommand(argv, lib) {
  const { values } = parseArgs({
    args: argv,
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      format: { type: 'string', default: 'json' },
      data: { type: 'string' },
    },
    allowPositionals: false,
  });
  if (!lib.EXPORT_FORMATS.includes(values.format))
    throw new UsageError(`--format ${JSON.stringify(values.format)}: expected one of ${lib.EXPORT_FORMATS.join(', ')}`);
  const range = {};
  for (const key of ['since', 'until']) {
    if (values[key] === undefined) continue;
    const date = lib.parseBoundary(values[key], key);
    if (!date)
      throw new UsageError(
        `--${key} ${JSON.stringify(values[key])}: expected a date (YYYY-MM-DD) or an ISO 8601 time (2026-11-28T10:00:00Z)`,
      );
    range[key] = date;
  }
  if (range.since && range.until && range.since >= range.until) throw new UsageError('--since must be before --until');
  const store = await open(lib, values.data);
  try {
    const write = (chunk) => (process.stdout.write(chunk) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve)));
    const n = await lib.exportReceipts(store, values.format, range, write);
    process.stderr.write(`consent-gate receipts: exported ${n} receipt${n === 1 ? '' : 's'} from ${describeStore(store)}\n`);
  } finally {
    await store.close();
  }
  return 0;
}

async function purge(argv, lib) {
  const { values } = parseArgs({
    args: argv,
    options: { 'retain-days': { type: 'string', default: String(lib.DEFAULTS.retainDays) }, data: { type: 'string' } },
    allowPositionals: false,
  });
  const days = numberish(values['retain-days']);
  if (!Number.isInteger(days) || days < 1 || days > 36_500)
    throw new UsageError(`--retain-days ${JSON.stringify(values['retain-days'])}: expected a whole number of days from 1 to 36500`);
  const store = await open(lib, values.data);
  try {
    const before = lib.retainCutoff(days);
    const n = await store.purge(before);
    process.stdout.write(
      `consent-gate receipts: purged ${n} receipt${n === 1 ? '' : 's'} received before ${before.toISOString()} (kept ${days} days) from ${describeStore(store)}\n`,
    );
  } finally {
    await store.close();
  }
  return 0;
}

export async function receiptsCommand(argv) {
  const [sub, ...rest] = argv;
  const commands = { serve, export: exportCommand, purge };
  if (!Object.hasOwn(commands, sub ?? ''))
    throw new UsageError(
      sub
        ? `unknown receipts command ${JSON.stringify(sub)}; expected serve, export or purge`
        : 'receipts: expected serve, export or purge',
    );
  return commands[sub](rest, await loadReceiver());
}
