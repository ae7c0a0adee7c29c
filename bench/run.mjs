// `npm run bench`: builds first (see package.json), then measures and writes
// bench/results/latest.json and bench/results/latest.md.
//   BENCH_QUICK=1         a quick look: 2 runs per variant, 1 Lighthouse run per preset, 2,000
//                         receipts with a 60 s limit (each overridden by its own variable)
//   BENCH_RUNS=10         runs per variant for the timed sections (at least 10 for a published result)
//   BENCH_LIGHTHOUSE_RUNS Lighthouse runs per preset (default: half of BENCH_RUNS, rounded up)
//   BENCH_HUBSPOT_SIZES   see bench/hubspot-sizes.mjs
//   DATABASE_URL          also load-test the receipts receiver on this PostgreSQL server (bench/receipts-load.mjs)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { distSizes, peerSizes } from './bytes.mjs';
import { pageBytes } from './page-bytes.mjs';
import { guardOverhead } from './guard-overhead.mjs';
import { pageCost } from './page-cost.mjs';
import { clickToOpen } from './click-open.mjs';
import { receiptsLoad } from './receipts-load.mjs';
import { lighthouseDemo } from './lighthouse.mjs';
import { measureGrowth, prepareGrowth } from './growth.mjs';
import { embedPart } from './embed.mjs';
import { writeDoc } from './docs.mjs';
import { launchBrowser, ROOT, setDist } from './lib/browser.mjs';
import { renderMarkdown } from './report.mjs';
import { GUARD, RUNTIME } from './lib/pages.mjs';

const quick = process.env.BENCH_QUICK === '1';
if (process.env.BENCH_QUICK !== undefined && !['0', '1'].includes(process.env.BENCH_QUICK))
  throw new TypeError(`BENCH_QUICK must be 0 or 1, got ${process.env.BENCH_QUICK}`);
if (quick) {
  process.env.RECEIPTS_LOAD_TOTAL ??= '2000';
  process.env.RECEIPTS_LOAD_LIMIT_S ??= '60';
}
const runs = Number(process.env.BENCH_RUNS ?? (quick ? 2 : 10));
if (!Number.isInteger(runs) || runs < 1) throw new TypeError(`BENCH_RUNS must be a whole number ≥ 1, got ${process.env.BENCH_RUNS}`);
const lighthouseRuns = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? (quick ? 1 : Math.ceil(runs / 2)));
if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1)
  throw new TypeError(`BENCH_LIGHTHOUSE_RUNS must be a whole number ≥ 1, got ${process.env.BENCH_LIGHTHOUSE_RUNS}`);
const REQUIRED = [GUARD, RUNTIME, 'consent-gate-guard.js', 'consent-gate.js', 'consent-gate-banner.js', 'consent-gate.mjs'];

/** Copy dist/ aside so that a rebuild running meanwhile cannot change what is measured. */
function snapshotDist() {
  const snapshot = join(ROOT, 'bench/.cache/dist');
  for (let attempt = 1; ; attempt++) {
    try {
      for (const f of REQUIRED)
        if (!existsSync(join(ROOT, 'dist', f)))
          throw new Error(`dist/${f} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
      rmSync(snapshot, { recursive: true, force: true });
      mkdirSync(join(ROOT, 'bench/.cache'), { recursive: true });
      cpSync(join(ROOT, 'dist'), snapshot, { recursive: true, filter: (src) => !src.includes('/types') });
      for (const f of REQUIRED) if (!existsSync(join(snapshot, f))) throw new Error(`dist/${f} vanished while copying`);
      return snapshot;
    } catch (error) {
      if (attempt >= 5) throw error;
      execFileSync('sleep', ['3']);
    }
  }
}
setDist(snapshotDist());

const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`);

function machine(browserVersion) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  return {
    nproc: availableParallelism(),
    cpu: model,
    chromium: browserVersion,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    commit,
    loadAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** The HubSpot emulator, if this checkout has it; otherwise the reason it cannot be used. */
async function loadEmulator() {
  const path = join(ROOT, 'emulators/hubspot/index.mjs');
  if (!existsSync(path)) return { reason: 'the HubSpot emulator (emulators/hubspot/index.mjs) is not in this checkout' };
  try {
    const mod = await import(path);
    if (typeof mod.hubspotEmulator !== 'function') return { reason: 'emulators/hubspot/index.mjs does not export hubspotEmulator()' };
    return { emulator: mod.hubspotEmulator };
  } catch (error) {
    return { reason: `the HubSpot emulator could not be loaded: ${error.message}` };
  }
}

async function section(name, fn) {
  log(`${name}…`);
  try {
    return await fn();
  } catch (error) {
    log(`${name}: not measured: ${error.message}`);
    return { notMeasured: error.message.split('\n')[0] };
  }
}

const browser = await launchBrowser();
const result = { date: new Date().toISOString(), runs, quick, machine: machine(browser.version()) };
try {
  const { emulator, reason } = await loadEmulator();
  const needEmulator = (fn) => (emulator ? fn() : Promise.resolve({ notMeasured: reason }));
  result.bytes = {
    dist: await distSizes(),
    pages: await section('bytes: page cases', () => pageBytes(browser, { emulator })),
    peers: await peerSizes(),
  };
  const growth = await section('growth: the site files for 1, 4 and 12 vendors', () => prepareGrowth());
  const extra = growth.notMeasured ? {} : { extra: growth.heads, dirs: growth.dirs };
  result.guardOverhead = await section('guard overhead', () => guardOverhead(browser, { runs, log, ...extra }));
  result.pageCost = await section('page cost before the first click', () => needEmulator(() => pageCost(browser, { runs, log, emulator })));
  result.clickToOpen = await section('click to open (40 ms round trip)', () =>
    needEmulator(() => clickToOpen(browser, { runs, log, emulator })),
  );
  result.growth = growth.notMeasured
    ? growth
    : await section('growth: bytes', async () => ({
        asked: growth.asked,
        catalogSize: growth.catalogSize,
        usable: growth.usable,
        skipped: growth.skipped,
        rows: await measureGrowth(browser, growth, { log }),
      }));
  result.embed = await section('embed placeholders part', () => embedPart(browser, { pages: result.bytes.pages }));
} finally {
  await browser.close();
}
// Lighthouse drives a Chromium of its own: after Playwright's has closed
result.lighthouse = await section(`Lighthouse on the demo (${lighthouseRuns} runs per preset)`, () =>
  lighthouseDemo({ runs: lighthouseRuns, log }),
);
// after Chromium has closed: the receiver and its clients get the machine to themselves
result.receiptsLoad = await section('receipts receiver load (kill -9 halfway)', () => receiptsLoad({ log }));
result.durationS = Math.round((Date.now() - started) / 1000);
result.machine.loadAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);

const out = join(ROOT, 'bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
const md = renderMarkdown(result);
writeFileSync(join(out, 'latest.md'), md);
writeDoc(result);
console.log(`\n${md}`);
log('wrote bench/results/latest.json, bench/results/latest.md and the generated part of docs/performance.md');
