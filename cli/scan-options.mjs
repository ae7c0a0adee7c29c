/**
 * What `consent-gate scan` is asked to do: its arguments read and checked,
 * the Chromium to drive, and the local folders that stand in for hosts
 * (`--route`, `--hosts`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.mjs';

export function chromiumPath(env = process.env) {
  if (env.CHROME_PATH) {
    if (existsSync(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new UsageError(
      `Chromium not found at CHROME_PATH=${env.CHROME_PATH}. Install it with \`apt-get install chromium\` (Debian/Ubuntu) or set CHROME_PATH to a Chromium or Chrome executable.`,
      { usage: false },
    );
  }
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    const tried = candidates.join(', ');
    throw new UsageError(
      `Chromium not found (looked at ${tried}). Install it with \`apt-get install chromium\` (Debian/Ubuntu) or set CHROME_PATH to a Chromium or Chrome executable.`,
      { usage: false },
    );
  }
  return found;
}

/** Parse `host[/path]=dir` into a route. */
function parseRoute(spec) {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1)
    throw new UsageError(`--route ${JSON.stringify(spec)}: expected host=dir or host/path=dir, e.g. www.shop.test=./site`);
  const target = spec.slice(0, eq);
  const dir = resolve(spec.slice(eq + 1));
  const slash = target.indexOf('/');
  const host = (slash < 0 ? target : target.slice(0, slash)).toLowerCase();
  const prefix = slash < 0 ? '/' : `/${target.slice(slash + 1).replace(/^\/+|\/+$/g, '')}/`.replace(/\/\/$/, '/');
  if (!/^[a-z0-9.-]+(:\d+)?$/.test(host))
    throw new UsageError(`--route ${JSON.stringify(spec)}: ${JSON.stringify(host)} is not a host name`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--route ${JSON.stringify(spec)}: folder not found: ${dir}`);
  return { host, prefix, dir };
}

/** `--hosts dir`: every subfolder named like a host (e.g. js.usemessages.com) serves that host. */
function hostFolders(dir) {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--hosts ${JSON.stringify(dir)}: folder not found: ${root}`);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(d.name))
    .map((d) => ({ host: d.name.toLowerCase(), prefix: '/', dir: join(root, d.name) }));
}

/** A whole number of milliseconds (or pages) from an option, or a usage error naming it. */
function count(name, text, { min = 0, max = Infinity, what = 'a number of milliseconds' } = {}) {
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max || (what !== 'a number of milliseconds' && !Number.isInteger(n)))
    throw new UsageError(`--${name} ${text}: expected ${what}`);
  return n;
}

/** The scan's settings from its command line; a UsageError for anything that is not what it should be. */
export function parseScanArgs(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', default: 'consent-gate-report' },
      config: { type: 'string' },
      route: { type: 'string', multiple: true },
      hosts: { type: 'string', multiple: true },
      offline: { type: 'boolean', default: false },
      pages: { type: 'string' },
      parallel: { type: 'string', default: '1' },
      'quiet-ms': { type: 'string', default: '800' },
      'max-wait-ms': { type: 'string', default: '15000' },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length
        ? `scan takes one URL, got ${positionals.length}: ${positionals.join(' ')}`
        : 'scan needs a URL, e.g. consent-gate scan https://www.example.com/',
    );
  let target;
  try {
    target = new URL(positionals[0]);
  } catch {
    throw new UsageError(
      `${JSON.stringify(positionals[0])} is not a URL; expected an absolute http(s) URL such as https://www.example.com/`,
    );
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new UsageError(`${JSON.stringify(positionals[0])}: expected an http: or https: URL`);
  const routes = (values.route ?? []).map(parseRoute);
  for (const dir of values.hosts ?? []) routes.push(...hostFolders(dir));
  return {
    target,
    outDir: resolve(values.out),
    config: values.config,
    routes,
    offline: values.offline,
    /** null: the one page; a number: a whole-site scan of up to that many pages */
    pages:
      values.pages === undefined ? null : count('pages', values.pages, { min: 1, max: 10_000, what: 'a number of pages from 1 to 10000' }),
    /** pages scanned at once in a whole-site scan */
    parallel: count('parallel', values.parallel, { min: 1, max: 8, what: 'a number of pages at once from 1 to 8' }),
    quietMs: count('quiet-ms', values['quiet-ms']),
    maxWaitMs: count('max-wait-ms', values['max-wait-ms']),
  };
}
