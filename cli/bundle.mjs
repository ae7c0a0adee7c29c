/**
 * consent-gate bundle --config <file> --out <dir>
 *
 * Writes the drop-in files for exactly the vendors a site's config names:
 * a guard with their rules alone and a runtime that carries them (nothing
 * fetched before it starts), beside the parts a page fetches when it needs
 * them. Prints every file's size (as written, and gzipped). The same function
 * makes the build's files for a site with one chat vendor.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { UsageError } from './errors.mjs';
import { readConfig } from './config.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** The built parts a page fetches next to the runtime (the vendors' own are carried inside it). */
function sharedParts() {
  return readdirSync(DIST).filter((f) => /^consent-gate-(banner|chat|audit|adapter|embed|catalog|declare|receipts)(-[\w-]+)?\.js$/.test(f));
}

export async function bundleCommand(argv, lib) {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, out: { type: 'string' } }, allowPositionals: false });
  if (!values.config) throw new UsageError('--config <file> is required: the site config the files are for');
  if (!values.out) throw new UsageError('--out <dir> is required: where to write the files');
  const raw = await readConfig(values.config);
  let resolved;
  try {
    resolved = lib.resolveConfig(raw, lib.catalog);
  } catch (error) {
    throw new UsageError(`--config ${values.config}: ${error.message}`, { usage: false });
  }
  const vendors = resolved.vendors.filter((v) => !v.declared).map((v) => v.vendor);
  const read = (file) => readFileSync(join(DIST, file), 'utf8');
  for (const file of ['guard-template.js', 'consent-gate.js'])
    if (!existsSync(join(DIST, file)))
      throw new UsageError(`consent-gate is not built: dist/${file} is missing (run \`npm run build\`)`, { usage: false });
  const files = lib.siteFiles(
    {
      guardTemplate: read('guard-template.js'),
      runtime: read('consent-gate.js'),
      vendorParts: Object.fromEntries(vendors.map((v) => [v.id, read(`consent-gate-vendor-${v.id}.js`)])),
    },
    vendors,
  );
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  for (const [name, source] of Object.entries(files)) writeFileSync(join(out, name), source);
  for (const name of sharedParts()) copyFileSync(join(DIST, name), join(out, name));
  const rows = [...Object.keys(files), ...sharedParts()].map((name) => {
    const data = readFileSync(join(out, name));
    return [name, data.length, gzipSync(data, { level: 9 }).length];
  });
  const width = Math.max(...rows.map((r) => r[0].length), 4);
  process.stdout.write(
    `Wrote ${rows.length} files to ${out} for ${vendors.map((v) => v.id).join(', ') || 'no catalog vendor'}${
      resolved.vendors.some((v) => v.declared)
        ? ` (and the site's own: ${resolved.vendors
            .filter((v) => v.declared)
            .map((v) => v.id)
            .join(', ')})`
        : ''
    }\n`,
  );
  process.stdout.write(`${'file'.padEnd(width)}  ${'bytes'.padStart(8)}  ${'gzip'.padStart(8)}\n`);
  for (const [name, bytes, gzip] of rows)
    process.stdout.write(`${name.padEnd(width)}  ${String(bytes).padStart(8)}  ${String(gzip).padStart(8)}\n`);
  process.stdout.write('Every page loads the first two (guard in <head> first, then the runtime); the others when a page needs them.\n');
  return 0;
}
