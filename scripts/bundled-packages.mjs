// A Rollup plugin that scripts/build.mjs adds to every bundle of rollup.config.mjs
// (`rollup --plugin`): it records which installed packages each written file
// carries, in .build/bundled-packages.json, so a test holds NOTICE to what the
// build really bundles (test/unit/package.test.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Where the record is written, relative to the build's working directory. */
export const RECORD = '.build/bundled-packages.json';

/** The package a module id belongs to (`name` or `@scope/name`), or null for a module outside node_modules/. */
export function packageOfModule(id) {
  // plugin-made ids: "\0/path/node_modules/x/index.js?commonjs-proxy"
  const path = id.replace(/\\/g, '/').replace(/^\0/, '').split('?')[0];
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const [first, second] = path.slice(at + '/node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

export default function bundledPackages() {
  return {
    name: 'bundled-packages',
    writeBundle(options, bundle) {
      const record = existsSync(RECORD) ? JSON.parse(readFileSync(RECORD, 'utf8')) : {};
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const packages = new Set();
        for (const [id, module] of Object.entries(file.modules)) {
          const name = module.renderedLength > 0 ? packageOfModule(id) : null;
          if (name) packages.add(name);
        }
        const path = relative(process.cwd(), join(options.dir ?? dirname(options.file), file.fileName)).replace(/\\/g, '/');
        record[path] = [...packages].sort();
      }
      mkdirSync(dirname(RECORD), { recursive: true });
      writeFileSync(RECORD, `${JSON.stringify(record, null, 2)}\n`);
    },
  };
}
