// @vitest-environment node
/**
 * Byte budgets (min+gzip, terser then gzip level 9, as bench/size.mjs measures).
 * Deterministic for a given build, so they are tests: bytes never creep in
 * unseen. Needs `npm run build` first (`npm test` builds before vitest).
 * The budgets are in ./budgets.ts; docs/performance.md (Byte budgets) quotes them,
 * held to them by test/unit/docs.test.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minGzipSize as measure } from '../../bench/size.mjs';
import { catalog } from '../../vendors/index';
import { withStaticImports } from '../../scripts/docs-sizes.mjs';
import { BUDGETS, PER_VENDOR } from './budgets';

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');

const vendorCount = catalog.length;

// terser on the 230 kB banner file takes seconds on a busy machine: measure each file once
const cache = new Map<string, ReturnType<typeof measure>>();
function minGzipSize(path: string) {
  if (!cache.has(path)) cache.set(path, measure(path));
  return cache.get(path)!;
}
const SLOW = 120_000;

function needBuild(file: string): string {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` before this test (\`npm test\` does)`);
  return path;
}

async function total(paths: string[]): Promise<number> {
  let sum = 0;
  for (const p of paths) sum += (await minGzipSize(p)).gzip;
  return sum;
}

describe('byte budgets (min+gzip)', () => {
  it(
    `guard with the HubSpot rules dist/consent-gate-guard-hubspot-conversations.js ≤ ${BUDGETS.guardHubSpot} bytes`,
    async () => {
      const { gzip } = await minGzipSize(needBuild('consent-gate-guard-hubspot-conversations.js'));
      expect(gzip).toBeGreaterThan(2_000);
      expect(gzip, `the guard with the HubSpot rules is ${gzip} bytes min+gzip`).toBeLessThanOrEqual(BUDGETS.guardHubSpot);
    },
    SLOW,
  );

  it(
    `guard dist/consent-gate-guard.js ≤ ${BUDGETS.guard} bytes`,
    async () => {
      const { gzip } = await minGzipSize(needBuild('consent-gate-guard.js'));
      expect(gzip).toBeGreaterThan(0);
      expect(gzip, `guard is ${gzip} bytes min+gzip`).toBeLessThanOrEqual(BUDGETS.guard);
    },
    SLOW,
  );

  it(
    `runtime dist/consent-gate.js ≤ ${BUDGETS.runtime} bytes`,
    async () => {
      const { gzip } = await minGzipSize(needBuild('consent-gate.js'));
      expect(gzip, `runtime is ${gzip} bytes min+gzip`).toBeLessThanOrEqual(BUDGETS.runtime);
    },
    SLOW,
  );

  it(
    `banner dist/consent-gate-banner.js ≤ ${BUDGETS.banner} bytes`,
    async () => {
      const { gzip } = await minGzipSize(needBuild('consent-gate-banner.js'));
      expect(gzip, `banner file is ${gzip} bytes min+gzip`).toBeLessThanOrEqual(BUDGETS.banner);
    },
    SLOW,
  );

  it(
    `each banner language file dist/consent-gate-banner-<lang>.js ≤ ${BUDGETS.bannerLanguage} bytes, and the banner with the largest ≤ 20 KB`,
    async () => {
      const files = readdirSync(DIST).filter((f) => /^consent-gate-banner-.+\.js$/.test(f));
      expect(files, 'the 24 languages besides English').toHaveLength(24);
      let largest = 0;
      for (const file of files) {
        const { gzip } = await minGzipSize(join(DIST, file));
        expect(gzip, `${file} is ${gzip} bytes min+gzip`).toBeLessThanOrEqual(BUDGETS.bannerLanguage);
        largest = Math.max(largest, gzip);
      }
      const { gzip } = await minGzipSize(needBuild('consent-gate-banner.js'));
      expect(gzip + largest).toBeLessThanOrEqual(20_000);
    },
    SLOW,
  );

  it(
    `npm entry dist/consent-gate.mjs with its static chunks (vendor code aside) ≤ ${BUDGETS.npmEntry} bytes; the banner stays a lazy chunk`,
    async () => {
      const all = withStaticImports(needBuild('consent-gate.mjs'));
      // (file names within dist/: the checkout's own folder may be called anything, "banner" included)
      expect(
        all.some((f) => /banner/.test(relative(DIST, f))),
        `the banner must not be imported statically: ${all.join(', ')}`,
      ).toBe(false);
      // vendor code: each vendor's module and the chunks of vendor code alone they share (dist/vendors/_<name>-<hash>.mjs)
      const vendorCode = all.filter((f) => relative(DIST, f).startsWith('vendors'));
      expect(vendorCode.filter((f) => !/[\\/]_[^\\/]+$/.test(f)).length, 'every catalog vendor is a module of its own').toBe(vendorCount);
      const files = all.filter((f) => !vendorCode.includes(f));
      const size = await total(files);
      expect(size, `npm entry is ${size} bytes min+gzip (${files.length} files)`).toBeLessThanOrEqual(BUDGETS.npmEntry);
    },
    SLOW,
  );

  it(
    `each vendor dist/vendors/<id>.mjs with its static chunks ≤ ${BUDGETS.vendor} bytes`,
    async () => {
      const dir = join(needBuild('vendors'));
      const vendors = readdirSync(dir).filter((f) => f.endsWith('.mjs') && !f.startsWith('_'));
      expect(vendors.length).toBeGreaterThan(0);
      for (const file of vendors) {
        const files = withStaticImports(join(dir, file));
        const size = await total(files);
        expect(size, `${file} with its chunks is ${size} bytes min+gzip`).toBeLessThanOrEqual(BUDGETS.vendor);
      }
    },
    SLOW,
  );

  it(
    `the files for one vendor (dist/consent-gate-<id>.js ≤ ${17_000 + PER_VENDOR}, dist/consent-gate-guard-<id>.js ≤ ${BUDGETS.guard}) carry that vendor alone`,
    async () => {
      // (the build makes these files for the chat vendors: a site with one chat)
      for (const vendor of catalog.filter((v) => v.kind === 'chat')) {
        const bare = (host: string) => host.replace(/^\*\./, '');
        // another vendor's first host, unless this vendor declares it too (HubSpot's chat and tracking code share loaders)
        const others = catalog
          .filter((v) => v.id !== vendor.id)
          .map((v) => bare(v.hosts[0]!.host))
          .filter((h) => !vendor.hosts.some((own) => bare(own.host) === h));
        for (const [file, budget] of [
          [`consent-gate-${vendor.id}.js`, 17_000 + PER_VENDOR],
          [`consent-gate-guard-${vendor.id}.js`, BUDGETS.guard],
        ] as const) {
          const path = needBuild(file);
          const { gzip } = await minGzipSize(path);
          expect(gzip, `${file} is ${gzip} bytes min+gzip`).toBeLessThanOrEqual(budget);
          const text = readFileSync(path, 'utf8');
          expect(text, `${file} names its vendor's host`).toContain(vendor.hosts[0]!.host.replace(/^\*\./, ''));
          for (const host of others) expect(text.includes(host), `${file} names ${host}`).toBe(false);
        }
      }
    },
    SLOW,
  );

  it(
    'the measure can fail: a file over budget is reported over budget',
    async () => {
      // the banner file is far above the guard's budget; if this passed, the measure would be broken
      const { gzip } = await minGzipSize(needBuild('consent-gate-banner.js'));
      expect(gzip).toBeGreaterThan(BUDGETS.guard);
    },
    SLOW,
  );
});
