// Section 6: what consent-gate costs as a site configures more vendors.
// For 1, 4 and 12 catalog vendors (as many as the catalog has, if fewer):
//  - the site's own files, written by `consent-gate bundle --config` (the
//    guard with exactly their rules, the runtime carrying them): bytes of
//    each, and the parts a page fetches on a first visit (banner shown) and
//    for a returning visitor (declined), found by opening the page;
//  - the generic drop-in (dist/consent-gate-guard.js + dist/consent-gate.js)
//    with the same config, which fetches each configured vendor's file;
//  - the head guard's overhead on guard-overhead.mjs's workload (the heads
//    returned here run as variants of that section, in the same rounds).
// Vendors are taken from the catalog as built (.build/vendors/index.js):
// HubSpot first (the bench's vendor), then the catalog's order. Each gets
// the options it requires, filled from the example its option spec gives.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT } from './lib/browser.mjs';
import { dropinPage, GUARD, visitorState } from './lib/pages.mjs';
import { bannerShown, measurePage, minGzipOnce, runtimeReady } from './page-bytes.mjs';
import { siteGuardHead } from './guard-overhead.mjs';

export const COUNTS = [1, 4, 12];
const FIRST = 'hubspot-conversations';

/** The catalog as built by `tsc` (npm run build). */
export async function builtCatalog() {
  const path = join(ROOT, '.build/vendors/index.js');
  if (!existsSync(path)) throw new Error('.build/vendors/index.js is missing: run `npm run build` first');
  return (await import(pathToFileURL(path).href)).catalog;
}

/**
 * A value for a required option from its spec: the first allowed value, else
 * the first quoted example in its `expected` words that the pattern accepts.
 * null when the spec offers none.
 */
export function exampleValue(spec) {
  if (spec.oneOf?.length) return spec.oneOf[0];
  if (spec.type !== 'string') return null;
  for (const [, quoted] of String(spec.expected ?? '').matchAll(/"([^"]+)"/g))
    if (!spec.pattern || spec.pattern.test(quoted)) return quoted;
  return null;
}

/** { options } for a vendor, or { missing } naming a required option no example fills. */
export function exampleOptions(vendor) {
  const options = {};
  for (const [name, spec] of Object.entries(vendor.options ?? {})) {
    if (!spec.required) continue;
    const value = exampleValue(spec);
    if (value === null) return { missing: name };
    options[name] = value;
  }
  return { options };
}

/** The vendors a growth row uses, in order, and those left out (with why). */
export function growthVendors(catalog) {
  const usable = [];
  const skipped = [];
  const ordered = [...catalog.filter((v) => v.id === FIRST), ...catalog.filter((v) => v.id !== FIRST)];
  for (const vendor of ordered) {
    const { options, missing } = exampleOptions(vendor);
    if (missing) skipped.push({ id: vendor.id, why: `no example value for its required option "${missing}"` });
    else usable.push({ id: vendor.id, kind: vendor.kind ?? 'tag', options });
  }
  return { usable, skipped };
}

const configOf = (vendors) => ({ vendors: Object.fromEntries(vendors.map((v) => [v.id, v.options])), policyVersion: 'bench' });

/** `consent-gate bundle` for a config: the site's files in `dir`. */
function bundle(config, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, '..', `${dir.split('/').pop()}.json`);
  writeFileSync(file, JSON.stringify(config));
  execFileSync(process.execPath, [join(ROOT, 'cli/consent-gate.mjs'), 'bundle', '--config', file, '--out', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/** Prepare every row's files; returns what the measuring needs (also the guard-overhead heads). */
export async function prepareGrowth() {
  const catalog = await builtCatalog();
  const { usable, skipped } = growthVendors(catalog);
  if (!usable.length || usable[0].id !== FIRST) throw new Error(`the catalog has no usable ${FIRST} entry`);
  const counts = [...new Set(COUNTS.map((n) => Math.min(n, usable.length)))];
  const base = join(ROOT, 'bench/.cache/growth');
  const rows = [];
  const dirs = {};
  const heads = {};
  for (const n of counts) {
    const vendors = usable.slice(0, n);
    const config = configOf(vendors);
    const dir = join(base, `site${n}`);
    bundle(config, dir);
    const prefix = `/site${n}/`;
    dirs[prefix] = dir;
    // the one-vendor guard is the HubSpot guard of section 2 when the build made the same file: measured once
    const sameAsHubSpot =
      n === 1 &&
      existsSync(join(DIST, GUARD)) &&
      readFileSync(join(dir, 'consent-gate-guard.js'), 'utf8') === readFileSync(join(DIST, GUARD), 'utf8');
    const variant = sameAsHubSpot ? 'consent-gate guard' : `consent-gate guard, ${n} vendor${n === 1 ? '' : 's'}`;
    if (!sameAsHubSpot) heads[variant] = siteGuardHead(config, `${prefix}consent-gate-guard.js`);
    rows.push({
      vendors: n,
      ids: vendors.map((v) => v.id),
      kinds: vendors.map((v) => v.kind),
      config,
      prefix,
      dir,
      overheadVariant: variant,
    });
  }
  return { rows, dirs, heads, skipped, catalogSize: catalog.length, usable: usable.length, asked: COUNTS };
}

/** Bytes of each row: the bundled files and the generic drop-in, first visit and returning visitor. */
export async function measureGrowth(browser, prepared, { log = () => undefined } = {}) {
  const { rows, dirs } = prepared;
  const out = [];
  for (const row of rows) {
    const size = async (path) => (await minGzipOnce(path)).gzip;
    const site = { guard: `${row.prefix}consent-gate-guard.js`, runtime: `${row.prefix}consent-gate.js` };
    const generic = { guard: '/dist/consent-gate-guard.js', runtime: '/dist/consent-gate.js' };
    const pageOf = (files) => dropinPage({ config: row.config, ...files });
    const declined = await visitorState(browser, {}, { revoke: ['functional', 'analytics', 'marketing'], page: pageOf(site), dirs });
    const cases = {};
    for (const [kind, files] of [
      ['bundled', site],
      ['generic', generic],
    ]) {
      const first = await measurePage(browser, { page: pageOf(files), dirs, ready: bannerShown });
      const returning = await measurePage(browser, { page: pageOf(files), dirs, storageState: declined, ready: runtimeReady });
      const core = (list) => list.filter((f) => !f.file.endsWith('consent-gate-guard.js') && !/(^|\/)consent-gate\.js$/.test(f.file));
      cases[kind] = {
        firstVisit: {
          total: first.total,
          beforeLoad: first.beforeLoad,
          parts: core(first.files).map((f) => ({ file: f.file, gzip: f.gzip })),
        },
        returning: {
          total: returning.total,
          beforeLoad: returning.beforeLoad,
          parts: core(returning.files).map((f) => ({ file: f.file, gzip: f.gzip })),
        },
      };
    }
    out.push({
      vendors: row.vendors,
      ids: row.ids,
      guard: await size(join(row.dir, 'consent-gate-guard.js')),
      runtime: await size(join(row.dir, 'consent-gate.js')),
      genericGuard: await size(join(DIST, 'consent-gate-guard.js')),
      genericRuntime: await size(join(DIST, 'consent-gate.js')),
      ...cases,
      overheadVariant: row.overheadVariant,
    });
    log(`growth: ${row.vendors} vendor${row.vendors === 1 ? '' : 's'} measured`);
  }
  return out;
}
