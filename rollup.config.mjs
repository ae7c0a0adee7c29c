// Builds consent-gate from the JavaScript that `tsc` writes to .build/
// (see README: "Why tsc, then Rollup").
import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';

const B = '.build';

/** Import .css files as strings (Klaro's stylesheet goes into the banner file, injected with the config's nonce). */
const cssAsString = () => ({
  name: 'css-as-string',
  load(id) {
    if (id.endsWith('.css')) return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
    return null;
  },
});

// every vendors/<id>.ts but the catalog index is published as consent-gate/vendors/<id>
const vendorIds = readdirSync('vendors')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3));

/** Ship tsc's declarations as dist/types/ (same tree as the sources, so relative imports hold). */
const copyTypes = () => ({
  name: 'copy-types',
  writeBundle() {
    const walk = (dir) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.d.ts')) cpSync(path, join('dist/types', path.slice(B.length + 1)));
      }
    };
    walk(`${B}/src`);
    walk(`${B}/vendors`);
  },
});

const browserFile = (input, file, name) => ({
  input,
  output: { file, format: 'iife', name, sourcemap: false, plugins: [terser({ format: { comments: false } })] },
  plugins: [nodeResolve({ browser: true }), commonjs(), cssAsString()],
});

/**
 * The guard embeds the rules compiled from the catalog (a JSON literal), not the catalog: see src/guard/catalog-rules.ts.
 * `only`: the id of the one vendor whose rules it carries (default: the whole catalog).
 */
const guardRules = (only) => ({
  name: 'guard-rules',
  async load(id) {
    if (!id.replace(/\\/g, '/').endsWith('/src/guard/catalog-rules.js')) return null;
    const load = (path) => import(pathToFileURL(resolve(B, path)).href);
    const [{ catalog }, { compileRules }] = await Promise.all([load('vendors/index.js'), load('src/guard/rules.js')]);
    const vendors = only ? catalog.filter((v) => v.id === only) : catalog;
    if (only && vendors.length !== 1) throw new Error(`guard-rules: no catalog vendor "${only}"`);
    return `export const rules = ${JSON.stringify(compileRules(vendors))};`;
  },
});
const guardFile = (input, file, only) => {
  const config = browserFile(input, file);
  return { ...config, plugins: [guardRules(only), ...config.plugins] };
};

/** Builds for a site with one vendor: the catalog module gives that vendor alone (the runtime and the guard carry no other vendor). */
const oneVendor = (vendorId) => ({
  name: 'one-vendor-catalog',
  load(id) {
    if (!id.replace(/\\/g, '/').endsWith(`/${B}/vendors/index.js`)) return null;
    return `import vendor from './${vendorId}.js';\nexport const catalog = [vendor];`;
  },
});
const oneVendorFiles = (vendorId) => {
  const runtime = browserFile(`${B}/src/dropin.js`, `dist/consent-gate-${vendorId}.js`);
  return [
    { ...runtime, plugins: [oneVendor(vendorId), ...runtime.plugins] },
    guardFile(`${B}/src/guard/entry.js`, `dist/consent-gate-guard-${vendorId}.js`, vendorId),
  ];
};

export default [
  // npm: ESM and CJS, each vendor as its own entry; the banner is a lazy chunk.
  ...['es', 'cjs'].map((format) => {
    const ext = format === 'es' ? 'mjs' : 'cjs';
    return {
      input: {
        'consent-gate': `${B}/src/index.js`,
        ...Object.fromEntries(vendorIds.map((id) => [`vendors/${id}`, `${B}/vendors/${id}.js`])),
      },
      output: {
        dir: 'dist',
        format,
        entryFileNames: `[name].${ext}`,
        chunkFileNames: `chunks/[name]-[hash].${ext}`,
        exports: 'named',
        // Klaro (BSD-3-Clause) and js-cookie (MIT) are bundled so the package installs with no dependencies
        banner: (chunk) => (chunk.name === 'banner' ? '/*! Includes Klaro 0.7 (c) KIProtect GmbH, BSD-3-Clause */' : ''),
      },
      plugins: [nodeResolve({ browser: true }), commonjs(), cssAsString(), ...(format === 'es' ? [copyTypes()] : [])],
    };
  }),
  // declaration generators and scan verdicts for the CLI and privacy tooling: one self-contained file, kept out of the npm entry
  { input: `${B}/src/audit/index.js`, output: { file: 'dist/audit.mjs', format: 'es' }, plugins: [nodeResolve(), commonjs()] },
  // drop-in files for sites without a bundler
  browserFile(`${B}/src/dropin.js`, 'dist/consent-gate.js'),
  browserFile(`${B}/src/ui/banner-entry.js`, 'dist/consent-gate-banner.js'),
  guardFile(`${B}/src/guard/entry.js`, 'dist/consent-gate-guard.js'),
  // the opt-in consent service worker, with the same compiled rules as the guard
  guardFile(`${B}/src/sw/entry.js`, 'dist/consent-gate-sw.js'),
  // the same two files for a site with one chat vendor: dist/consent-gate-<id>.js and dist/consent-gate-guard-<id>.js
  ...vendorIds.flatMap(oneVendorFiles),
];
