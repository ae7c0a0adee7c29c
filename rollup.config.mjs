// Builds consent-gate from the JavaScript that `tsc` writes to .build/
// (see README: "Why tsc, then Rollup").
import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { bannerFile, bannerPlugins } from './rollup.banner.mjs';

const B = '.build';
/** Where the compiled vendor modules are (a module id is an absolute path). */
const VENDOR_SOURCES = resolve(B, 'vendors') + '/';

/** Import .css files as strings (Klaro's stylesheet goes into the banner file, injected with the config's nonce). */
const cssAsString = () => ({
  name: 'css-as-string',
  load(id) {
    if (id.endsWith('.css')) return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
    return null;
  },
});

// every vendors/<id>.ts but the catalog index and the toolkit (_kit.ts) is published as consent-gate/vendors/<id>
const vendorIds = readdirSync('vendors')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'index.ts' && !f.startsWith('_'))
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

const browserFile = (input, file, name, compress = {}) => ({
  input,
  output: { file, format: 'iife', name, sourcemap: false, plugins: [terser({ compress, format: { comments: false } })] },
  plugins: [nodeResolve({ browser: true }), commonjs(), cssAsString()],
});

/** Load a module tsc wrote to .build/. */
const built = (path) => import(pathToFileURL(resolve(B, path)).href);

/**
 * The guard is built once, as a template whose rules are the placeholder
 * CONSENT_GATE_RULES (src/entries/guard.ts); each shipped guard file is that
 * template with a compiled rule table written in (src/bundle/guard-file.ts,
 * which `consent-gate bundle` uses too): here the whole catalog's. The files
 * for a site with one chat vendor are made after Rollup, the way
 * `consent-gate bundle` makes a site's (scripts/site-files.mjs).
 */
const guardFiles = () => ({
  name: 'guard-files',
  async generateBundle(_options, bundle) {
    const template = Object.values(bundle).find((file) => file.type === 'chunk').code;
    const [{ catalog }, { guardFor }, { compileRules }] = await Promise.all([
      built('vendors/index.js'),
      built('src/bundle/guard-file.js'),
      built('src/guard/rules.js'),
    ]);
    this.emitFile({ type: 'asset', fileName: 'consent-gate-guard.js', source: guardFor(template, catalog) });
    // the catalog as the runtime knows it, for a page without the guard
    this.emitFile({
      type: 'asset',
      fileName: 'consent-gate-catalog.js',
      source: `(self.__consentGateParts ||= {}).catalog = ${JSON.stringify(compileRules(catalog))};\n`,
    });
  },
});

/** Writes the whole catalog's compiled rules into a built file that reads them from CONSENT_GATE_RULES (the service worker). */
const catalogRulesIn = () => ({
  name: 'catalog-rules',
  async generateBundle(_options, bundle) {
    const [{ catalog }, { guardFor }] = await Promise.all([built('vendors/index.js'), built('src/bundle/guard-file.js')]);
    for (const file of Object.values(bundle)) if (file.type === 'chunk') file.code = guardFor(file.code, catalog);
  },
});

/**
 * A part of the drop-in runtime (dist/consent-gate-<name>.js): a classic
 * script whose one-line virtual entry puts a module (or its default export)
 * into window.__consentGateParts[name], where the runtime takes it (src/dropin.ts).
 */
const partEntry = (name, path, pick) => ({
  name: 'part-entry',
  resolveId: (id) => (id === `\0part:${name}` ? id : null),
  load(id) {
    if (id !== `\0part:${name}`) return null;
    const from = JSON.stringify(resolve(path));
    const value = pick === 'default' ? 'm.default' : 'm';
    return `import * as m from ${from};\n(self.__consentGateParts ||= {})[${JSON.stringify(name)}] = ${value};`;
  },
});
const partFile = (name, path, pick) => {
  const config = browserFile(`\0part:${name}`, `dist/consent-gate-${name}.js`);
  return { ...config, plugins: [partEntry(name, path, pick), ...config.plugins] };
};

/**
 * The chat's words in each language but English (src/chat-lang/<lang>.ts) as
 * parts of the drop-in: dist/consent-gate-chat-<lang>.js, plain data written
 * from the built module, registered as chat-<lang> (a page in that language
 * fetches its one file; src/chat/feature.ts).
 */
const chatLanguageFiles = () => ({
  name: 'chat-language-files',
  async generateBundle() {
    for (const file of readdirSync(`${B}/src/chat-lang`).filter((f) => /^[a-z_]+\.js$/.test(f) && f !== 'index.js')) {
      const name = `chat-${file.slice(0, -3)}`;
      const { default: texts } = await built(`src/chat-lang/${file}`);
      this.emitFile({
        type: 'asset',
        fileName: `consent-gate-${name}.js`,
        source: `(self.__consentGateParts ||= {})[${JSON.stringify(name)}] = ${JSON.stringify(texts)};\n`,
      });
    }
  },
});

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
        // a chunk of vendor code alone (the vendor toolkit, HubSpot's shared rows) lives with the vendor modules
        chunkFileNames: (chunk) =>
          `${chunk.moduleIds.every((id) => id.startsWith(VENDOR_SOURCES)) ? 'vendors' : 'chunks'}/[name]-[hash].${ext}`,
        // the vendor toolkit and the contract helpers vendors share travel in one chunk, whichever vendors import which
        manualChunks: (id) =>
          /[\\/](vendors[\\/]_kit|src[\\/]contract[\\/](hosts|chat-options|values))\.js$/.test(id) ? '_kit' : undefined,
        exports: 'named',
        // Klaro (BSD-3-Clause) and Preact (MIT) are bundled so the package installs with no dependencies (NOTICE)
        banner: (chunk) =>
          chunk.name === 'banner' ? '/*! Includes Klaro 0.7 (c) KIProtect GmbH, BSD-3-Clause; Preact (c) Jason Miller, MIT */' : '',
      },
      plugins: [...bannerPlugins(), nodeResolve({ browser: true }), commonjs(), cssAsString(), ...(format === 'es' ? [copyTypes()] : [])],
    };
  }),
  // declaration generators and scan verdicts for the CLI and privacy tooling: one self-contained file, kept out of the npm entry
  { input: `${B}/src/entries/audit.js`, output: { file: 'dist/audit.mjs', format: 'es' }, plugins: [nodeResolve(), commonjs()] },
  // the receipts receiver and the receipt schema for `consent-gate receipts`: Node only; its databases stay outside (dependencies)
  {
    input: `${B}/src/receipts-server/index.js`,
    output: { file: 'dist/receipts-server.mjs', format: 'es' },
    external: (id) => id.startsWith('node:') || id === 'pg' || id.startsWith('@electric-sql/pglite'),
  },
  // drop-in files for sites without a bundler: the runtime every page loads (a classic script)…
  browserFile(`${B}/src/entries/dropin.js`, 'dist/consent-gate.js'),
  // …and the parts it fetches next to itself when a page needs them (classic scripts that register themselves)
  (() => {
    // (with the chat's words in each language but English beside it)
    const config = partFile('chat', `${B}/src/chat/chunk.js`);
    return { ...config, output: { ...config.output, plugins: [...config.output.plugins, chatLanguageFiles()] } };
  })(),
  partFile('audit', `${B}/src/audit/feature.js`),
  partFile('adapter', `${B}/src/adapter/index.js`),
  partFile('declare', `${B}/src/declare.js`),
  partFile('receipts', `${B}/src/receipts/client.js`),
  // the embeds' placeholders: fetched only by a page whose config names an embed vendor
  partFile('embed', `${B}/src/embed/index.js`),
  ...vendorIds.map((id) => partFile(`vendor-${id}`, `${B}/vendors/${id}.js`, 'default')),
  // ── banner (rollup.banner.mjs): dist/consent-gate-banner.js, an ES module the runtime imports, and consent-gate-banner-<lang>.js beside it ──
  bannerFile(`${B}/src/entries/banner.js`, 'dist'),
  // the guard template (dist/guard-template.js) and the guard files written from it
  (() => {
    // (function declarations hoisted and three passes: about 25 bytes min+gzip less, measured; no unsafe option)
    const config = browserFile(`${B}/src/entries/guard.js`, 'dist/guard-template.js', undefined, { hoist_funs: true, passes: 3 });
    return { ...config, output: { ...config.output, plugins: [...config.output.plugins, guardFiles()] } };
  })(),
  // the opt-in consent service worker (src/sw/), with the whole catalog's rules written in as in the guard
  (() => {
    const config = browserFile(`${B}/src/sw/entry.js`, 'dist/consent-gate-sw.js');
    return { ...config, output: { ...config.output, plugins: [...config.output.plugins, catalogRulesIn()] } };
  })(),
];
