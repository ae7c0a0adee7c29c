// After Rollup: the drop-in files for a site with one chat vendor,
// dist/consent-gate-<id>.js and dist/consent-gate-guard-<id>.js, made the way
// `consent-gate bundle` makes a site's files (src/bundle/site-files.ts).
// Usage: node scripts/site-files.mjs [dist dir]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? 'dist');
const built = (path) => import(pathToFileURL(resolve('.build', path)).href);
const [{ catalog }, { siteFiles }] = await Promise.all([built('vendors/index.js'), built('src/bundle/site-files.js')]);
const read = (file) => readFileSync(join(dist, file), 'utf8');
const files = {
  guardTemplate: read('guard-template.js'),
  runtime: read('consent-gate.js'),
  vendorParts: Object.fromEntries(catalog.map((v) => [v.id, read(`consent-gate-vendor-${v.id}.js`)])),
};
for (const vendor of catalog.filter((v) => v.kind === 'chat')) {
  const out = siteFiles(files, [vendor], { guard: `consent-gate-guard-${vendor.id}.js`, runtime: `consent-gate-${vendor.id}.js` });
  for (const [name, source] of Object.entries(out)) writeFileSync(join(dist, name), source);
}
