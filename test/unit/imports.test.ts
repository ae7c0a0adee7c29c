// @vitest-environment node
/**
 * Imports run one way (CONTRIBUTING.md, "House rules"): entry points
 * (src/index.ts, src/entries/) → features → core → the vendor contract
 * (src/contract/). Only entry points import the catalog (vendors/); nothing
 * the product, the demo or the benchmarks run imports the tests; the contract
 * imports nothing outside itself; and the modules of src/ import each other
 * without a cycle (type-only imports aside: they leave nothing at run time).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

interface Import {
  /** The importing file, relative to the root. */
  from: string;
  /** The imported file, relative to the root (a relative specifier resolved; `.js` read as the `.ts` it is compiled from). */
  to: string;
  /** `import type`, `export type` or `typeof import(…)`: nothing at run time. */
  typeOnly: boolean;
}

const SOURCE = /\.(ts|mts|mjs|js)$/;

function filesUnder(dir: string): string[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return name === 'results' || name === 'node_modules' ? [] : filesUnder(relative(ROOT, path));
    return SOURCE.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts') ? [relative(ROOT, path)] : [];
  });
}

/** Every relative import of a source text: static imports and re-exports, side-effect imports, dynamic `import()`. */
function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith('.')) return;
    const to = relative(ROOT, resolve(ROOT, dirname(file), specifier)).replace(/\.js$/, file.endsWith('.ts') ? '.ts' : '.js');
    out.push({ from: file, to, typeOnly });
  };
  for (const m of text.matchAll(/^\s*(import|export)(\s+type\b)?[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/gm)) add(m[3]!, !!m[2]);
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) add(m[1]!, false);
  for (const m of text.matchAll(/(typeof\s+)?\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) add(m[2]!, !!m[1]);
  return out;
}

const read = (files: string[]) => files.flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')));

/** The cycles among run-time imports, each as the files on it. */
function cycles(imports: Import[]): string[][] {
  const next = new Map<string, string[]>();
  for (const i of imports) if (!i.typeOnly) next.set(i.from, [...(next.get(i.from) ?? []), i.to]);
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === 'open') found.push(path.slice(path.indexOf(to)));
      else if (!state.has(to)) visit(to);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of next.keys()) if (!state.has(file)) visit(file);
  return found;
}

const src = filesUnder('src');
const isEntry = (file: string) => file === 'src/index.ts' || file.startsWith('src/entries/');

describe('imports run one way', () => {
  it('only the entry points of src/ import the catalog (vendors/)', () => {
    const wrong = read(src.filter((f) => !isEntry(f))).filter((i) => i.to.startsWith('vendors/'));
    expect(wrong).toEqual([]);
    // (and the entry points do: the check reads their imports)
    expect(read(src.filter(isEntry)).some((i) => i.to.startsWith('vendors/'))).toBe(true);
  });

  it('nothing under src/, vendors/, cli/, demo/, bench/ or emulators/ imports test/', () => {
    const files = ['src', 'vendors', 'cli', 'demo', 'bench', 'emulators'].flatMap(filesUnder);
    expect(files.length).toBeGreaterThan(100);
    expect(read(files).filter((i) => i.to.startsWith('test/'))).toEqual([]);
  });

  it('the vendor contract (src/contract/) imports nothing outside itself', () => {
    const contract = src.filter((f) => f.startsWith('src/contract/'));
    expect(contract.length).toBeGreaterThan(3);
    expect(read(contract).filter((i) => !i.to.startsWith('src/contract/'))).toEqual([]);
  });

  it('no cycle among the run-time imports of src/', () => {
    expect(cycles(read(src))).toEqual([]);
  });

  it('the checks can fail: an import of the catalog, of a test, out of the contract, a cycle', () => {
    const core = importsOf('src/consent/gate.ts', "import { catalog } from '../../vendors/index.js';\nimport type { X } from './x.js';");
    expect(core).toEqual([
      { from: 'src/consent/gate.ts', to: 'vendors/index.ts', typeOnly: false },
      { from: 'src/consent/gate.ts', to: 'src/consent/x.ts', typeOnly: true },
    ]);
    expect(importsOf('bench/run.mjs', "const kit = await import('../test/browser/harness.js');")[0]!.to).toBe('test/browser/harness.js');
    expect(importsOf('src/contract/types.ts', "export { a } from '../config.js';")[0]!.to).toBe('src/config.ts');
    const a = { from: 'src/a.ts', to: 'src/b.ts', typeOnly: false };
    const b = { from: 'src/b.ts', to: 'src/a.ts', typeOnly: false };
    expect(cycles([a, b])).toEqual([['src/a.ts', 'src/b.ts']]);
    expect(cycles([a, { ...b, typeOnly: true }])).toEqual([]);
  });
});
