// @vitest-environment node
/**
 * How `npm run build` (scripts/build.mjs) puts a finished build in place: each
 * file renamed over its old copy, then the files the new build lacks removed,
 * so a demo or test reading dist/ meanwhile never finds a file missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import { moveInto, withLock } from '../../scripts/build.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'consent-gate-build-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Write `files` (path -> content) under `root`. */
function tree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Every file under `root` with its content. */
function read(root: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, read(root, path));
    else out[path] = readFileSync(join(root, path), 'utf8');
  }
  return out;
}

describe('moveInto', () => {
  it('leaves the target equal to the new build: files replaced, added and removed, a file and a folder trading places', () => {
    const target = join(dir, 'dist');
    const fresh = join(dir, 'fresh');
    tree(target, { 'a.js': 'old a', 'sub/b.js': 'old b', 'stale.js': 'old', 'gone/x.js': 'old', types: 'a file', 'kind/y.js': 'old' });
    tree(fresh, { 'a.js': 'new a', 'sub/b.js': 'new b', 'c.js': 'new c', 'types/index.d.ts': 'new types', kind: 'now a file' });
    expect(moveInto(fresh, target)).toEqual({ moved: 5, removed: 2 });
    expect(read(target)).toEqual({
      'a.js': 'new a',
      'sub/b.js': 'new b',
      'c.js': 'new c',
      'types/index.d.ts': 'new types',
      kind: 'now a file',
    });
    expect(existsSync(join(target, 'gone'))).toBe(false);
    expect(read(fresh)).toEqual({});
  });

  it('creates the target when there is none yet', () => {
    tree(join(dir, 'fresh'), { 'a.js': 'a' });
    moveInto(join(dir, 'fresh'), join(dir, 'dist'));
    expect(read(join(dir, 'dist'))).toEqual({ 'a.js': 'a' });
  });

  it('a reader in another process never finds the folder or a file of both builds missing while builds are moved in', async () => {
    const target = join(dir, 'dist');
    const stop = join(dir, 'stop');
    tree(target, { 'consent-gate.js': 'build 0', 'types/index.d.ts': 'build 0' });
    // the reader: reads both files in a tight loop until told to stop, counts reads, misses and versions seen
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `
        const { existsSync, readFileSync, readdirSync } = require('node:fs');
        const [target, stop] = process.argv.slice(1);
        let reads = 0, misses = 0;
        const seen = new Set();
        console.log('ready');
        while (!existsSync(stop)) {
          for (const file of ['consent-gate.js', 'types/index.d.ts']) {
            try { readdirSync(target); seen.add(readFileSync(target + '/' + file, 'utf8')); reads++; }
            catch (error) { misses++; }
          }
        }
        console.log(JSON.stringify({ reads, misses, seen: seen.size }));
        `,
        target,
        stop,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    reader.stdout.setEncoding('utf8');
    await new Promise<void>((ready) =>
      reader.stdout.on('data', (chunk: string) => {
        out += chunk;
        if (out.startsWith('ready\n')) ready();
      }),
    );
    // 200 builds moved in, each with its own content and one file only it has
    for (let build = 1; build <= 200; build++) {
      const fresh = join(dir, `fresh-${build}`);
      tree(fresh, { 'consent-gate.js': `build ${build}`, 'types/index.d.ts': `build ${build}`, [`chunk-${build}.js`]: 'x' });
      moveInto(fresh, target);
    }
    writeFileSync(stop, '');
    await new Promise((done) => reader.on('exit', done));
    const result = JSON.parse(out.split('\n')[1]);
    expect(result.misses).toBe(0);
    expect(result.reads).toBeGreaterThan(0);
    // the reader saw more than one build, so it read while files were being moved
    expect(result.seen).toBeGreaterThan(1);
    expect(read(target)).toEqual({ 'consent-gate.js': 'build 200', 'types/index.d.ts': 'build 200', 'chunk-200.js': 'x' });
  }, 60_000);
});

describe('withLock', () => {
  it('runs the function and releases the lock', () => {
    expect(withLock(() => 42, dir)).toBe(42);
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  });

  it('takes over a lock whose process has ended', async () => {
    const ended = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => ended.on('exit', done));
    tree(join(dir, 'lock'), { pid: String(ended.pid) });
    expect(withLock(() => 'ran', dir)).toBe('ran');
  }, 60_000);

  it('releases the lock when the function throws', () => {
    expect(() =>
      withLock(() => {
        throw new Error('boom');
      }, dir),
    ).toThrow('boom');
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  });
});
