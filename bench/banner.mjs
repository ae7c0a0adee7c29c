// Builds the banner and the alternatives tried on the way, measures them, and
// writes the numbers into docs/banner.md (between the "generated" markers):
//
//   npm run build && node bench/banner.mjs [--runs 5] [--no-paint]
//
// Sizes are min+gzip as bench/size.mjs measures every file (terser, gzip -9).
// The paint measurement is bench/banner-paint.mjs (demo home page, phone
// screen, 4x CPU slowdown, slow 4G).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { BROWSERS, bannerFile, esbuildTargets, PATCHES } from '../rollup.banner.mjs';
import { minGzipSize } from './size.mjs';
import { measureBannerPaint } from './banner-paint.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const PAINT = !args.includes('--no-paint');
const DOC = 'docs/banner.md';
const ENTRY = '.build/src/entries/banner.js';
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

async function build(config) {
  const bundle = await rollup({ input: config.input, plugins: config.plugins, onwarn: () => {} });
  await bundle.write(config.output);
  await bundle.close();
}

/** Klaro's prebuilt files (no translations; its stylesheet inside), bundled as consent-gate shipped them before: one IIFE. */
async function prebuilt(dir) {
  const entry = '\0prebuilt';
  const plugins = [
    {
      name: 'entry',
      resolveId: (id) => (id === entry ? id : null),
      load: (id) =>
        id === entry
          ? "import * as klaro from 'klaro/dist/klaro-no-translations-no-css.js';\nimport css from 'klaro/dist/klaro.min.css';\nexport { klaro, css };"
          : null,
    },
    { name: 'css', load: (id) => (id.endsWith('.css') ? `export default ${JSON.stringify(readFileSync(id, 'utf8'))};` : null) },
    nodeResolve({ browser: true }),
    commonjs(),
  ];
  await build({ input: entry, plugins, output: { file: join(dir, 'prebuilt.js'), format: 'iife', name: 'k', plugins: [terser()] } });
  return (await minGzipSize(join(dir, 'prebuilt.js'))).gzip;
}

async function fromSources(dir, options) {
  const config = bannerFile(ENTRY, dir, options);
  await build(config);
  return (await minGzipSize(join(dir, 'consent-gate-banner.js'))).gzip;
}

const work = mkdtempSync(join(tmpdir(), 'cg-banner-'));
const variants = [];
try {
  variants.push([
    'Klaro 0.7.22 prebuilt (`klaro-no-translations-no-css.js` + `klaro.min.css`), as shipped before',
    await prebuilt(join(work, 'a')),
  ]);
  variants.push([
    'from Klaro’s sources on preact/compat, lowered to ES2015, stylesheet whole',
    await fromSources(join(work, 'b'), { compat: true, prune: false, target: ['es2015'] }),
  ]);
  variants.push([
    '… for the supported browsers only (no lowering they do not need)',
    await fromSources(join(work, 'c'), { compat: true, prune: false }),
  ]);
  variants.push(['… on Preact alone instead of preact/compat', await fromSources(join(work, 'd'), { compat: false, prune: false })]);
  variants.push(['… stylesheet pruned of rules for parts not built (shipped)', await fromSources(join(work, 'e'), {})]);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const shipped = (await minGzipSize('dist/consent-gate-banner.js')).gzip;
const languages = [];
for (const file of readdirSync('dist')
  .filter((f) => /^consent-gate-banner-.+\.js$/.test(f))
  .sort()) {
  languages.push([file.replace(/^consent-gate-banner-|\.js$/g, ''), (await minGzipSize(join('dist', file))).gzip]);
}
const largest = Math.max(...languages.map(([, b]) => b));

let paint = null;
if (PAINT) {
  const load = loadavg()[0];
  const runs = await measureBannerPaint({ runs: RUNS });
  const banner = runs.map((r) =>
    Math.max(0, ...r.oursInLongFrames.filter((s) => s.includes('banner')).map((s) => Number(/ (\d+) ms/.exec(s)[1]))),
  );
  paint = { load, cores: cpus().length, runs, banner };
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const lines = [];
lines.push(`Supported browsers: \`${BROWSERS}\`, which resolves today to esbuild targets \`${esbuildTargets().join(', ')}\`.`, '');
lines.push('| banner file, English inside | min+gzip |', '|---|---:|');
for (const [name, bytes] of variants) lines.push(`| ${name} | ${kB(bytes)} |`);
lines.push(
  '',
  `Shipped: \`dist/consent-gate-banner.js\` ${kB(shipped)}; with the largest language file (${kB(largest)}) ${kB(shipped + largest)}.`,
  '',
);
lines.push('| language file | min+gzip |', '|---|---:|');
for (const [code, bytes] of languages) lines.push(`| \`consent-gate-banner-${code}.js\` | ${kB(bytes)} |`);
if (paint) {
  lines.push(
    '',
    `First paint, demo home page, phone screen (412 × 823), 4× CPU slowdown, slow 4G; ${paint.runs.length} runs on ${paint.cores} cores (load average ${paint.load.toFixed(1)} when it started: other work on the machine inflates every duration):`,
    '',
  );
  lines.push(
    '| run | LCP element | banner is LCP | long tasks (ms) | longest run of the banner file in a long frame (ms) |',
    '|---|---|---|---|---:|',
  );
  paint.runs.forEach((r, i) => {
    lines.push(
      `| ${i + 1} | ${r.lcp ? r.lcp.element.replace(/\|/g, '/') : '—'} | ${r.bannerIsLcp ? 'yes' : 'no'} | ${r.longTasks.join(', ') || 'none'} | ${paint.banner[i]} |`,
    );
  });
  lines.push(
    '',
    `Banner file's longest run: median ${median(paint.banner)} ms, max ${Math.max(...paint.banner)} ms. The banner is the LCP element in ${paint.runs.filter((r) => r.bannerIsLcp).length} of ${paint.runs.length} runs.`,
  );
}
lines.push('', 'Patches applied to Klaro’s sources (rollup.banner.mjs):', '');
for (const p of PATCHES) lines.push(`- \`${p.file}\`: ${p.why}.`);

const START = '<!-- generated by bench/banner.mjs: start -->';
const END = '<!-- generated by bench/banner.mjs: end -->';
const doc = readFileSync(DOC, 'utf8');
const at = doc.indexOf(START);
const to = doc.indexOf(END);
if (at < 0 || to < at) throw new Error(`${DOC} lacks the generated markers`);
writeFileSync(DOC, doc.slice(0, at + START.length) + '\n' + lines.join('\n') + '\n' + doc.slice(to));
console.log(lines.join('\n'));
