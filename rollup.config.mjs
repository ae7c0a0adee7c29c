// Builds consent-gate from the JavaScript that `tsc` writes to .build/
// (see README: "Why tsc, then Rollup").
import { readFileSync } from 'node:fs';
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

const vendorIds = ['hubspot-conversations'];

const browserFile = (input, file, name) => ({
  input,
  output: { file, format: 'iife', name, sourcemap: false, plugins: [terser({ format: { comments: false } })] },
  plugins: [nodeResolve({ browser: true }), commonjs(), cssAsString()],
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
      external: (id) => id === 'js-cookie' || id.startsWith('klaro'),
      output: {
        dir: 'dist',
        format,
        entryFileNames: `[name].${ext}`,
        chunkFileNames: `chunks/[name]-[hash].${ext}`,
        exports: 'named',
      },
      plugins: [nodeResolve(), cssAsString()],
    };
  }),
  // drop-in files for sites without a bundler
  browserFile(`${B}/src/dropin.js`, 'dist/consent-gate.js'),
  browserFile(`${B}/src/ui/banner-entry.js`, 'dist/consent-gate-banner.js'),
  browserFile(`${B}/src/guard/entry.js`, 'dist/consent-gate-guard.js'),
];
