// The banner build: Klaro's UI compiled from its sources (node_modules/klaro/src:
// JSX components, SCSS) for the browsers consent-gate supports, on Preact.
// Imported by rollup.config.mjs (drop-in file and npm chunk) and by
// bench/banner.mjs (which builds and measures the alternatives).
//
// What happens to Klaro's sources, in order:
//   1. a few exact patches (PATCHES below, each with its reason; the build
//      fails when one no longer applies, e.g. after a Klaro update);
//   2. JSX compiled by esbuild for the supported browsers (no polyfills, no
//      lowering the browsers do not need);
//   3. `react` / `react-dom` / `prop-types` answered by Preact (or
//      preact/compat, to compare);
//   4. the stylesheet: Klaro's SCSS with our palette (src/ui/banner.scss),
//      compiled by sass, its IE-only fallbacks dropped, the rules for parts
//      of Klaro the banner does not build removed, minified by lightningcss.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import browserslist from 'browserslist';
import postcss from 'postcss';
import { transform as esbuild } from 'esbuild';
import { transform as lightningcss, browserslistToTargets } from 'lightningcss';
import * as sass from 'sass';

const require = createRequire(import.meta.url);
const ROOT = dirname(fileURLToPath(import.meta.url));
export const KLARO_SRC = join(dirname(require.resolve('klaro/package.json')), 'src');

/** The browsers consent-gate supports: the last two versions of each evergreen browser. */
export const BROWSERS = 'last 2 Chrome versions, last 2 Edge versions, last 2 Firefox versions, last 2 Safari versions';

/** esbuild's target list for BROWSERS: the oldest supported version of each browser. */
export function esbuildTargets(query = BROWSERS) {
  const oldest = new Map();
  for (const entry of browserslist(query)) {
    const [name, version] = entry.split(' ');
    const v = version.split('-')[0];
    if (!oldest.has(name) || Number.parseFloat(v) < Number.parseFloat(oldest.get(name))) oldest.set(name, v);
  }
  return [...oldest].map(([name, v]) => `${name}${v}`);
}

/**
 * Exact edits to Klaro's sources. `count` is how often `find` must occur;
 * otherwise the build stops (the source changed: look at the patch again).
 */
export const PATCHES = [
  {
    file: 'components/service-item.jsx',
    find: "tabIndex={visible ? '0' : '-1'}",
    replace: '',
    count: 1,
    why: 'Klaro bug: with groupByPurpose false nobody passes `visible`, so every switch got tabindex=-1 and could not be reached with Tab (WCAG 2.1.1)',
  },
  {
    file: 'components/consent-notice.jsx',
    find: 'role="dialog"',
    replace: 'role="region"',
    count: 1,
    why: 'the first layer leaves the page usable, so it is a labelled region, not a dialog (WAI-ARIA APG; a dialog role without a modal claim misleads screen readers)',
  },
  {
    file: 'components/consent-notice.jsx',
    find: 'tabIndex="0"\n',
    replace: '\n',
    count: 1,
    why: 'the notice itself is not a control: no extra tab stop on its box',
  },
  {
    file: 'components/consent-notice.jsx',
    find: 'this.noticeRef.focus();',
    replace: '',
    count: 2,
    why: 'Klaro moved focus to the notice on every update and after the settings closed; consent-gate decides where focus goes (src/ui/focus.ts)',
  },
  {
    file: 'components/consent-notice.jsx',
    find: '<p id="id-cookie-notice">',
    replace: '{config.noticeBefore}<p id="id-cookie-notice">',
    count: 1,
    why: 'the first layer names the purposes in use and their providers, each on a short line of its own, before its description',
  },
  {
    file: 'components/consent-notice.jsx',
    find: "{testing && <p>{t(['consentNotice', 'testing'])}</p>}",
    replace: "{config.noticeAfter}{testing && <p>{t(['consentNotice', 'testing'])}</p>}",
    count: 1,
    why: 'the privacy policy link in a short sentence of its own after the description',
  },
  {
    file: 'components/consent-modal.jsx',
    find: '<div className="cm-modal cm-klaro">',
    replace: '<div className="cm-modal cm-klaro" role="dialog" aria-modal="true" aria-labelledby="cg-settings-title">',
    count: 1,
    why: 'the settings panel blocks the page, so it is a modal dialog named by its title (WCAG 4.1.2)',
  },
  {
    file: 'components/consent-modal.jsx',
    find: '<h1 className="title">',
    replace: '<h1 className="title" id="cg-settings-title">',
    count: 1,
    why: 'the title that names the dialog',
  },
  {
    file: 'components/consent-modal.jsx',
    find: 'if (!config.hideDeclineAll && !manager.confirmed)',
    replace: 'if (!config.hideDeclineAll)',
    count: 1,
    why: 'the settings panel reopened after a decision keeps "Reject all": withdrawing is as easy as giving consent (GDPR Art. 7(3))',
  },
  {
    file: 'components/consent-modal.jsx',
    find: 'if (config.acceptAll && !manager.confirmed) {',
    replace: 'if (config.acceptAll) {',
    count: 1,
    why: 'and "Accept all" beside it, equally prominent, as on the first visit',
  },
  {
    file: 'components/consent-modal.jsx',
    find: "import Purposes from './purposes';",
    replace: 'const Purposes = () => null;',
    count: 1,
    why: 'consent-gate shows one switch per purpose (groupByPurpose false): the grouped view is never built',
  },
  {
    file: 'components/icons.jsx',
    find: "import PropTypes from 'prop-types';",
    replace: 'const PropTypes = {};',
    count: 1,
    why: 'prop-types checks only development builds',
  },
  {
    file: 'components/icons.jsx',
    find: 'strokeWidth="1"',
    replace: 'stroke-width="1"',
    count: 2,
    why: 'Preact (without compat) writes SVG attributes as named',
  },
];

function applyPatches(code, id) {
  const file = id.slice(KLARO_SRC.length + 1).replace(/\\/g, '/');
  for (const patch of PATCHES.filter((p) => p.file === file)) {
    const found = code.split(patch.find).length - 1;
    if (found !== patch.count)
      throw new Error(`klaro patch for ${file} (${patch.why}): expected ${patch.count} × ${JSON.stringify(patch.find)}, found ${found}`);
    code = code.split(patch.find).join(patch.replace);
  }
  return code;
}

/** The placeholder the banner imports as its stylesheet; the pruned CSS replaces it when the chunk is rendered. */
const CSS_MARK = '__CONSENT_GATE_BANNER_CSS__';

/** Class names a stylesheet rule needs (every `.name` in its selector). */
function classesOf(selector) {
  return [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]);
}

/**
 * Klaro's SCSS compiled with our palette and overrides (src/ui/banner.scss).
 * Klaro's `var` mixin writes each value twice (plain for IE, then
 * `var(--name, value)`); consent-gate sets no Klaro variables, so only the
 * plain value is kept: smaller, and a site's own `--dark1` cannot recolour the banner.
 */
export function compileBannerScss(file = join(ROOT, 'src/ui/banner.scss')) {
  const { css } = sass.compile(file, {
    style: 'expanded',
    loadPaths: [KLARO_SRC],
    silenceDeprecations: ['import', 'global-builtin', 'mixed-decls', 'color-functions'],
    logger: sass.Logger.silent,
  });
  return css.replace(/([\w-]+):\s*([^;{}]+);\s*\1:\s*var\(--[\w-]+,\s*\2\)/g, '$1: $2');
}

/**
 * Minify for the supported browsers; with `used`, drop every selector that
 * names a class the banner's code never mentions (a rule goes when none of
 * its selectors is left). Conservative: a class counts as used when its name
 * appears anywhere in the code, as a word.
 */
export function finishCss(css, used) {
  const root = postcss.parse(css);
  if (used) {
    root.walkRules((rule) => {
      if (rule.parent?.type === 'atrule' && /keyframes$/i.test(rule.parent.name)) return;
      const kept = rule.selectors.filter((sel) => classesOf(sel).every((name) => used.has(name)));
      if (kept.length === 0) rule.remove();
      else rule.selectors = kept;
    });
    root.walkAtRules((at) => {
      if (at.nodes && at.nodes.length === 0) at.remove();
    });
  }
  const { code } = lightningcss({
    filename: 'banner.css',
    code: Buffer.from(root.toString()),
    minify: true,
    targets: browserslistToTargets(browserslist(BROWSERS)),
  });
  return code.toString();
}

/**
 * Rollup plugins that build the banner from Klaro's sources.
 * Options (for measuring alternatives): `compat` (preact/compat instead of
 * Preact alone), `prune` (drop unused CSS, default true), `target` (esbuild
 * targets, default: BROWSERS).
 */
export function bannerPlugins({ compat = false, prune = true, target = esbuildTargets() } = {}) {
  const preactFile = (spec) => require.resolve(spec);
  const shim = `\0cg-react-shim`;
  let compiled;
  return [
    {
      name: 'consent-gate-banner',
      resolveId(source, importer) {
        if (source === 'react' || source === 'react-dom') return compat ? preactFile('preact/compat') : shim;
        if (source.endsWith('.scss') && importer) return resolve(ROOT, 'src/ui', source.replace(/^.*\//, ''));
        // Klaro imports its modules without extensions
        if (importer?.startsWith(KLARO_SRC) && source.startsWith('.')) {
          const base = resolve(dirname(importer), source);
          for (const ext of ['', '.jsx', '.js']) {
            try {
              readFileSync(base + ext);
              return base + ext;
            } catch {}
          }
        }
        return null;
      },
      load(id) {
        // Preact alone, shaped as the parts of React that Klaro uses
        if (id === shim)
          return "import { Component, Fragment, createElement, render } from 'preact';\nexport { render };\nexport default { Component, Fragment, createElement };";
        if (id.endsWith('.scss')) {
          this.addWatchFile(id);
          compiled ??= compileBannerScss(id);
          return `export default ${JSON.stringify(CSS_MARK)};`;
        }
        return null;
      },
      async transform(code, id) {
        if (!id.startsWith(KLARO_SRC)) return null;
        const patched = applyPatches(code, id);
        const out = await esbuild(patched, {
          loader: id.endsWith('.jsx') ? 'jsx' : 'js',
          jsx: 'automatic',
          jsxImportSource: compat ? 'preact/compat' : 'preact',
          target,
          sourcefile: id,
        });
        return { code: out.code, map: null };
      },
      renderChunk(code) {
        if (!code.includes(CSS_MARK)) return null;
        const used = prune ? new Set(code.replace(CSS_MARK, '').match(/[_a-zA-Z][\w-]*/g)) : undefined;
        return {
          code: code.replace(JSON.stringify(CSS_MARK), () => JSON.stringify(finishCss(compiled, used)).replace(/[<]/g, '\\u003c')),
          map: null,
        };
      },
    },
  ];
}

/** Terser for the banner: ES2020 output (every supported browser has it), an ES module, two passes. */
export const bannerTerser = () => terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: /^!/ } });

/**
 * The drop-in banner: `<dir>/consent-gate-banner.js` (ES module exporting
 * `mountBanner`, English inside) and `<dir>/consent-gate-banner-<lang>.js`
 * for each other language.
 */
export function bannerFile(input, dir, options = {}) {
  return {
    input,
    output: {
      dir,
      format: 'es',
      entryFileNames: 'consent-gate-banner.js',
      chunkFileNames: 'consent-gate-banner-[name].js',
      banner: (chunk) =>
        chunk.isEntry
          ? '/*! consent-gate banner. Includes Klaro 0.7 (c) KIProtect GmbH, BSD-3-Clause; Preact (c) Jason Miller, MIT */'
          : '',
      sourcemap: false,
      plugins: [bannerTerser()],
    },
    plugins: [...bannerPlugins(options), nodeResolve({ browser: true }), commonjs()],
  };
}
