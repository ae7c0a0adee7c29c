// Section 1: bytes (min+gzip, deterministic). Our dist files and the peers,
// each minified with terser and gzipped at level 9 by bench/size.mjs.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { gzipSize, minGzipSize } from './size.mjs';
import { DIST, ROOT } from './lib/browser.mjs';

const nm = (p) => join(ROOT, 'node_modules', p);

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'types') out.push(...walk(path));
    } else if (/\.(m|c)?js$/.test(name)) out.push(path);
  }
  return out.sort();
}

/** Every JavaScript file of dist/ with its sizes. */
export async function distSizes() {
  const rows = [];
  for (const file of walk(DIST)) rows.push({ file: `dist/${relative(DIST, file)}`, ...(await minGzipSize(file)) });
  return rows;
}

/**
 * react-live-chat-loader's HubSpot provider as an app would ship it
 * (`import { LiveChatLoaderProvider, HubSpot } from 'react-live-chat-loader'`),
 * bundled alone with Rollup, React left out as an external.
 */
export async function bundleReactLiveChatLoader() {
  const dir = join(ROOT, 'bench', '.cache');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'rlcl-hubspot-entry.mjs');
  writeFileSync(entry, "export { LiveChatLoaderProvider, HubSpot } from 'react-live-chat-loader';\n");
  const bundle = await rollup({
    input: entry,
    external: (id) => id === 'react' || id.startsWith('react/') || id === 'react-dom' || id.startsWith('react-dom/'),
    plugins: [nodeResolve({ browser: true, mainFields: ['module', 'main'] })],
    onwarn: () => undefined,
  });
  const file = join(dir, 'react-live-chat-loader-hubspot.mjs');
  await bundle.write({ file, format: 'es' });
  await bundle.close();
  return file;
}

/** The peers, measured the same way; `parts` a page loads together are summed in `total`. */
export async function peerSizes() {
  const js = async (file) => ({ file: relative(ROOT, file), kind: 'js', ...(await minGzipSize(file)) });
  const css = async (file) => ({ file: relative(ROOT, file), kind: 'css', ...(await gzipSize(file)) });
  const peer = (name, version, role, parts) => ({ name, version, role, parts, total: parts.reduce((s, p) => s + p.gzip, 0) });
  const rlcl = await bundleReactLiveChatLoader();
  return [
    peer('klaro', '0.7.22', 'consent banner + manager (klaro.js, CSS and translations inside)', [await js(nm('klaro/dist/klaro.js'))]),
    peer('klaro cm', '0.7.22', 'consent manager without UI (cm.js)', [await js(nm('klaro/dist/cm.js'))]),
    peer('vanilla-cookieconsent', '3.1.0', 'consent banner (UMD + stylesheet)', [
      await js(nm('vanilla-cookieconsent/dist/cookieconsent.umd.js')),
      await css(nm('vanilla-cookieconsent/dist/cookieconsent.css')),
    ]),
    peer('tarteaucitron.js', '1.34.0', 'consent banner (core + English texts + services list + stylesheet, as it loads them)', [
      await js(nm('tarteaucitronjs/tarteaucitron.js')),
      await js(nm('tarteaucitronjs/lang/tarteaucitron.en.js')),
      await js(nm('tarteaucitronjs/tarteaucitron.services.js')),
      await css(nm('tarteaucitronjs/css/tarteaucitron.css')),
    ]),
    peer('yett', '0.1.13', 'script blocker only (no banner, no record)', [await js(nm('yett/dist/yett.min.js'))]),
    peer(
      'react-live-chat-loader',
      '2.11.0',
      'chat facade: LiveChatLoaderProvider + HubSpot bundled alone, React external (its provider registry pulls in every provider)',
      [await js(rlcl)],
    ),
  ];
}
