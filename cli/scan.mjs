/**
 * `consent-gate scan <url>`: drives Chromium on a fresh profile through three
 * phases (before consent, after accepting all, after withdrawal and a reload),
 * records cookies, storage keys and requests in each, and hands them to the
 * pure verdict functions of the library (evaluateScan, renderScanReportHtml).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.mjs';
import { vendorsFor } from './config.mjs';

import { CHROME_ARGS } from './chromium.mjs';

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.cjs': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.txt': 'text/plain' };

const ACCEPT = [/^\s*accept all( cookies)?\s*$/i, /^\s*allow all( cookies)?\s*$/i, /^\s*(accept|accept cookies|allow cookies|i accept)\s*$/i, /^\s*(agree|i agree|agree and close|ok|got it)\s*$/i];
const REJECT = [/^\s*reject all( cookies)?\s*$/i, /^\s*(reject|decline|deny|refuse)( all| cookies)?\s*$/i, /^\s*(only necessary|necessary only|accept only necessary)( cookies)?\s*$/i];
const PURPOSES = ['functional', 'analytics', 'marketing'];

export function chromiumPath(env = process.env) {
  if (env.CHROME_PATH) {
    if (existsSync(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new UsageError(`Chromium not found at CHROME_PATH=${env.CHROME_PATH}. Install it with \`apt-get install chromium\` (Debian/Ubuntu) or set CHROME_PATH to a Chromium or Chrome executable.`, { usage: false });
  }
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    const tried = candidates.join(', ');
    throw new UsageError(`Chromium not found (looked at ${tried}). Install it with \`apt-get install chromium\` (Debian/Ubuntu) or set CHROME_PATH to a Chromium or Chrome executable.`, { usage: false });
  }
  return found;
}

/** Parse `host[/path]=dir` into a route. */
export function parseRoute(spec) {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--route ${JSON.stringify(spec)}: expected host=dir or host/path=dir, e.g. www.shop.test=./site`);
  const target = spec.slice(0, eq);
  const dir = resolve(spec.slice(eq + 1));
  const slash = target.indexOf('/');
  const host = (slash < 0 ? target : target.slice(0, slash)).toLowerCase();
  const prefix = slash < 0 ? '/' : `/${target.slice(slash + 1).replace(/^\/+|\/+$/g, '')}/`.replace(/\/\/$/, '/');
  if (!/^[a-z0-9.-]+(:\d+)?$/.test(host)) throw new UsageError(`--route ${JSON.stringify(spec)}: ${JSON.stringify(host)} is not a host name`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--route ${JSON.stringify(spec)}: folder not found: ${dir}`);
  return { host, prefix, dir };
}

/** `--hosts dir`: every subfolder named like a host (e.g. js.usemessages.com) serves that host. */
export function hostFolders(dir) {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--hosts ${JSON.stringify(dir)}: folder not found: ${root}`);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(d.name))
    .map((d) => ({ host: d.name.toLowerCase(), prefix: '/', dir: join(root, d.name) }));
}

/** The file a routed request maps to, or null (404). Longest path prefix wins; never leaves the folder. */
export function routeFile(routes, url) {
  const candidates = routes.filter((r) => r.host === url.host && (url.pathname === r.prefix.slice(0, -1) || url.pathname.startsWith(r.prefix)));
  if (!candidates.length) return undefined;
  const route = candidates.sort((a, b) => b.prefix.length - a.prefix.length)[0];
  let rel = decodeURIComponent(url.pathname).slice(route.prefix.length - 1);
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = resolve(join(route.dir, rel));
  if (file !== route.dir && !file.startsWith(route.dir + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : null;
  return existsSync(file) ? file : null;
}

// consent-gate's own files pass writes through (the guard wraps document.cookie); they are not who wrote
const OWN_FILES = /\/consent-gate(?:-guard|-banner)?(?:\.min)?\.m?js$/;

/** Script URLs of a stack trace, innermost first, without line and column; consent-gate's own files left out unless nothing else is there. */
export function stackUrls(stack) {
  const urls = [];
  for (const m of String(stack).matchAll(/((?:https?|file):\/\/[^\s)]+?)(?::\d+){1,2}\)?(?:\s|$)/g)) {
    if (!urls.includes(m[1])) urls.push(m[1]);
  }
  const others = urls.filter((u) => !OWN_FILES.test(new URL(u).pathname));
  return others.length ? others : urls;
}

/** Name and domain attribute of a Set-Cookie / document.cookie string. */
function parseCookieWrite(text) {
  const [pair, ...attrs] = String(text).split(';');
  const eq = pair.indexOf('=');
  const name = (eq < 0 ? '' : pair.slice(0, eq)).trim();
  const domainAttr = attrs.map((a) => a.trim()).find((a) => /^domain=/i.test(a));
  const domain = domainAttr ? domainAttr.slice(7).trim().replace(/^\./, '').toLowerCase() : null;
  return { name, domain };
}

// Runs in every frame before any page script: records who writes cookies and storage keys.
const INIT_SCRIPT = `(() => {
  const send = (kind, text, stack) => { try { if (typeof window.__consentGateScanRecord === 'function') window.__consentGateScanRecord(kind, text, stack); } catch (e) {} };
  const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (desc && desc.set && desc.get) {
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: desc.enumerable,
      get() { return desc.get.call(this); },
      set(value) { send('cookie', String(value), new Error().stack || ''); return desc.set.call(this, value); },
    });
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    let kind = 'session';
    try { if (this === window.localStorage) kind = 'local'; } catch (e) {}
    send(kind, String(key), new Error().stack || '');
    return setItem.apply(this, arguments);
  };
})();`;

function log(line) {
  process.stdout.write(`${line}\n`);
}

export async function scanCommand(argv, lib) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', default: 'consent-gate-report' },
      config: { type: 'string' },
      route: { type: 'string', multiple: true },
      hosts: { type: 'string', multiple: true },
      offline: { type: 'boolean', default: false },
      'quiet-ms': { type: 'string', default: '800' },
      'max-wait-ms': { type: 'string', default: '15000' },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `scan takes one URL, got ${positionals.length}: ${positionals.join(' ')}` : 'scan needs a URL, e.g. consent-gate scan https://www.example.com/');
  let target;
  try {
    target = new URL(positionals[0]);
  } catch {
    throw new UsageError(`${JSON.stringify(positionals[0])} is not a URL; expected an absolute http(s) URL such as https://www.example.com/`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new UsageError(`${JSON.stringify(positionals[0])}: expected an http: or https: URL`);
  const quietMs = Number(values['quiet-ms']);
  const maxWaitMs = Number(values['max-wait-ms']);
  if (!Number.isFinite(quietMs) || quietMs < 0) throw new UsageError(`--quiet-ms ${values['quiet-ms']}: expected a number of milliseconds`);
  if (!Number.isFinite(maxWaitMs) || maxWaitMs < 0) throw new UsageError(`--max-wait-ms ${values['max-wait-ms']}: expected a number of milliseconds`);
  const routes = (values.route ?? []).map(parseRoute);
  for (const dir of values.hosts ?? []) routes.push(...hostFolders(dir));
  const { vendors, resolved } = await vendorsFor(lib, { config: values.config });
  const executablePath = chromiumPath();

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new UsageError('playwright-core is not installed: run `npm install playwright-core`', { usage: false });
  }

  const outDir = resolve(values.out);
  const startedAt = new Date().toISOString();
  log(`consent-gate scan ${target.href}`);
  log(`  Chromium: ${executablePath}`);
  if (routes.length) for (const r of routes) log(`  route: ${r.host}${r.prefix === '/' ? '' : r.prefix.slice(0, -1)} -> ${r.dir}`);
  if (values.offline) log(`  offline: hosts without a route, other than ${target.host} and this machine, fail like a lost connection`);

  const browser = await chromium.launch({ executablePath, headless: true, args: CHROME_ARGS });
  try {
    // a fresh context is a fresh, empty profile
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const notes = [];
    let phase = 'before-consent';
    const requests = { 'before-consent': [], 'after-accept': [], 'after-withdrawal': [], between: [] };
    const byRequest = new Map();
    let inflight = 0;
    let lastActivity = Date.now();
    const writes = []; // { kind, name, domain, setBy, at }

    context.on('request', (request) => {
      let url;
      try {
        url = new URL(request.url());
      } catch {
        return;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
      const entry = { url: request.url(), host: url.host, method: request.method(), resourceType: request.resourceType(), status: null };
      requests[phase].push(entry);
      byRequest.set(request, entry);
      inflight++;
      lastActivity = Date.now();
    });
    const settle = (request) => {
      if (byRequest.has(request)) {
        inflight = Math.max(0, inflight - 1);
        lastActivity = Date.now();
      }
    };
    context.on('requestfinished', settle);
    context.on('requestfailed', settle);
    context.on('response', async (response) => {
      const entry = byRequest.get(response.request());
      if (entry) entry.status = response.status();
      try {
        for (const h of await response.headersArray()) {
          if (h.name.toLowerCase() !== 'set-cookie') continue;
          for (const line of h.value.split('\n')) {
            const { name, domain } = parseCookieWrite(line);
            if (name) writes.push({ kind: 'cookie', name, domain: domain ?? new URL(response.url()).hostname, hostOnly: domain === null, setBy: [`HTTP response of ${response.url()}`], at: Date.now() });
          }
        }
      } catch {
        // the response went away with its page
      }
    });

    await context.exposeBinding('__consentGateScanRecord', (source, kind, text, stack) => {
      let host = '';
      try {
        host = new URL(source.frame.url()).hostname;
      } catch {
        host = '';
      }
      const setBy = stackUrls(stack);
      if (kind === 'cookie') {
        const { name, domain } = parseCookieWrite(text);
        if (name) writes.push({ kind, name, domain: domain ?? host, hostOnly: domain === null, setBy, at: Date.now() });
      } else {
        let origin = '';
        try {
          origin = new URL(source.frame.url()).origin;
        } catch {
          origin = '';
        }
        writes.push({ kind, name: String(text), origin, setBy, at: Date.now() });
      }
    });
    await context.addInitScript({ content: INIT_SCRIPT });

    // --offline keeps the scanned site's own host and this machine reachable
    const local = (url) => url.host === target.host || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (routes.length || values.offline) {
      await context.route('**/*', async (route) => {
        let url;
        try {
          url = new URL(route.request().url());
        } catch {
          return route.continue();
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
        const file = routeFile(routes, url);
        if (file === undefined) return values.offline && !local(url) ? route.abort('internetdisconnected') : route.continue();
        if (file === null) return route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' });
        return route.fulfill({ status: 200, body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream', headers: { 'access-control-allow-origin': '*' } });
      });
    }

    const page = await context.newPage();

    async function waitQuiet() {
      const start = Date.now();
      while (Date.now() - start < maxWaitMs) {
        if (inflight === 0 && Date.now() - lastActivity >= quietMs) return true;
        await new Promise((r) => setTimeout(r, 50));
      }
      notes.push(`the network did not go quiet within ${maxWaitMs} ms during ${phase}; the snapshot was taken anyway`);
      return false;
    }

    function setByFor(cookie) {
      const domain = cookie.domain.replace(/^\./, '').toLowerCase();
      const hostOnly = !cookie.domain.startsWith('.');
      const candidates = writes.filter((w) => w.kind === 'cookie' && w.name === cookie.name);
      const exact = candidates.filter((w) => w.domain === domain && w.hostOnly === hostOnly);
      const pick = (exact.length ? exact : candidates).at(-1);
      return pick ? pick.setBy : [];
    }

    async function snapshot(id, action, performed = true) {
      const cookies = (await context.cookies()).map((c) => ({ name: c.name, domain: c.domain, path: c.path, expires: c.expires, httpOnly: c.httpOnly, secure: c.secure, sameSite: c.sameSite, setBy: setByFor(c) }));
      const storage = [];
      const seen = new Set();
      for (const frame of page.frames()) {
        let found;
        try {
          found = await frame.evaluate(() => {
            const keys = (get) => {
              try {
                const s = get();
                return Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k) => k !== null);
              } catch {
                return [];
              }
            };
            return { origin: location.origin, local: keys(() => localStorage), session: keys(() => sessionStorage) };
          });
        } catch {
          continue;
        }
        if (!found || found.origin === 'null' || seen.has(found.origin)) continue;
        seen.add(found.origin);
        for (const storageKind of ['local', 'session']) {
          for (const key of found[storageKind]) {
            const w = writes.filter((x) => x.kind === storageKind && x.name === key && x.origin === found.origin).at(-1);
            storage.push({ storage: storageKind, origin: found.origin, key, setBy: w ? w.setBy : [] });
          }
        }
      }
      const observation = { id, action, performed, at: Date.now(), cookies, storage, requests: requests[id] };
      const hosts = new Set(observation.requests.map((r) => r.host));
      log(`  ${id}: ${hosts.size} host(s), ${observation.requests.length} request(s), ${cookies.length} cookie(s), ${storage.length} storage key(s)`);
      return observation;
    }

    async function consentApi() {
      try {
        return await page.evaluate(() => {
          const g = window.consentGate;
          return !!g && !Array.isArray(g) && typeof g.grant === 'function' && typeof g.revoke === 'function';
        });
      } catch {
        return false;
      }
    }

    async function clickButton(patterns) {
      for (const pattern of patterns) {
        for (const frame of page.frames()) {
          for (const role of ['button', 'link']) {
            const candidates = frame.getByRole(role, { name: pattern });
            const count = await candidates.count().catch(() => 0);
            for (let i = 0; i < count; i++) {
              const el = candidates.nth(i);
              if (!(await el.isVisible().catch(() => false))) continue;
              const text = ((await el.textContent().catch(() => '')) || '').trim();
              try {
                await el.click({ timeout: 3000 });
                return `clicked the ${role} "${text}"${frame === page.mainFrame() ? '' : ` in frame ${frame.url()}`}`;
              } catch {
                // covered or detached: try the next one
              }
            }
          }
        }
      }
      return null;
    }

    // a. before consent
    log('phase a: loading without any interaction …');
    try {
      await page.goto(target.href, { waitUntil: 'load', timeout: 30000 });
    } catch (error) {
      throw new UsageError(`could not load ${target.href}: ${error.message.split('\n')[0]}`, { usage: false });
    }
    await waitQuiet();
    const before = await snapshot('before-consent', 'loaded the page on a fresh profile and waited until the network was quiet; nothing clicked');

    // b. accept all
    log('phase b: accepting all …');
    phase = 'after-accept';
    let accepted;
    let acceptedDone = true;
    if (await consentApi()) {
      await page.evaluate((purposes) => window.consentGate.grant(...purposes), PURPOSES);
      accepted = `called consentGate.grant(${PURPOSES.map((p) => `'${p}'`).join(', ')})`;
    } else {
      accepted = await clickButton(ACCEPT);
      if (!accepted) {
        accepted = 'found no consentGate API and no accept button; observed without accepting';
        acceptedDone = false;
        notes.push('no way to accept was found: phase b shows the page as it was');
      }
    }
    log(`  ${accepted}`);
    await page.waitForLoadState('load').catch(() => undefined);
    await waitQuiet();
    const afterAccept = await snapshot('after-accept', `${accepted}, then waited until the network was quiet`, acceptedDone);

    // c. withdraw, then reload
    log('phase c: withdrawing consent and reloading …');
    phase = 'between';
    let withdrawn;
    let withdrawnDone = true;
    if (await consentApi()) {
      await page.evaluate((purposes) => window.consentGate.revoke(...purposes), PURPOSES);
      withdrawn = `called consentGate.revoke(${PURPOSES.map((p) => `'${p}'`).join(', ')})`;
    } else {
      withdrawn = await clickButton(REJECT);
      if (!withdrawn) {
        withdrawn = 'found no consentGate API and no reject button; reloaded without withdrawing';
        withdrawnDone = false;
        notes.push('no way to withdraw was found: phase c shows the page after a reload only, and no withdrawal verdicts were drawn');
      }
    }
    log(`  ${withdrawn}`);
    await page.waitForLoadState('load').catch(() => undefined);
    await waitQuiet();
    phase = 'after-withdrawal';
    await page.reload({ waitUntil: 'load', timeout: 30000 }).catch((error) => notes.push(`reload after withdrawal failed: ${error.message.split('\n')[0]}`));
    await waitQuiet();
    const afterWithdrawal = await snapshot('after-withdrawal', `${withdrawn}, waited, reloaded the page and waited until the network was quiet (requests counted from the reload on)`, withdrawnDone);

    const report = lib.evaluateScan({
      url: target.href,
      startedAt,
      finishedAt: new Date().toISOString(),
      phases: [before, afterAccept, afterWithdrawal],
      vendors,
      cookieName: resolved?.cookieName ?? 'consent_gate',
      notes,
    });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(outDir, 'report.html'), lib.renderScanReportHtml(report));
    log('');
    if (report.clean) log('verdict: clean, no violations');
    else {
      log(`verdict: ${report.violations.length} violation(s)`);
      for (const v of report.violations) log(`  [${v.phase}] ${v.message}`);
    }
    log(`report: ${join(outDir, 'report.json')}`);
    log(`        ${join(outDir, 'report.html')}`);
    return report.clean ? 0 : 1;
  } finally {
    await browser.close().catch(() => undefined);
  }
}
