// `npm run build`: tsc, then Rollup, then the size table, written to a fresh
// folder and moved into .build/ and dist/ only when all of it succeeded.
//
// Why not build in place: a demo or a test run reading dist/ while another
// terminal runs `npm test` used to find dist/ deleted for the length of a build.
// Why not rename the fresh dist/ over the old one: rename(2) refuses a non-empty
// directory as its target, and Node has no atomic exchange of two directories;
// a dist/ that is a symlink to the fresh folder is left out by `npm pack`.
// So each file is renamed over its old copy (rename(2) replaces a file in one
// step: a reader gets the old or the new file, never none), then the files the
// new build no longer has are removed. dist/ and every file both builds have
// are there at every moment.
//
// The fresh folder is .building/<pid>-<random>/ inside the project (a rename
// cannot cross file systems), and Rollup runs with it as its working directory,
// holding links to the project's own files: rollup.config.mjs's relative paths
// (.build/, dist/, vendors/) need no option to point there.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where builds in progress live (git-ignored). */
const STAGING = join(ROOT, '.building');
/** The build's outputs, moved into the project when the build has succeeded. */
const OUTPUTS = ['.build', 'dist'];
/** Project entries a build never links into its fresh folder. */
const NOT_LINKED = new Set(['.git', '.building', ...OUTPUTS]);

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(dir, path));
    else out.push(path);
  }
  return out;
}

/** Whether `path` exists as a directory, not following a symlink. */
function isDirectory(path) {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Move every file of `fresh` into `target` by renaming it over the old copy,
 * then remove the files (and emptied folders) of `target` that `fresh` does not
 * have. `target` and each file present in both exist throughout. `fresh` is
 * left empty. Returns the counts of files moved and removed.
 */
export function moveInto(fresh, target) {
  const files = filesUnder(fresh);
  const kept = new Set(files);
  mkdirSync(target, { recursive: true });
  for (const file of files) {
    const to = join(target, file);
    // where the old build has a folder and the new one a file, or the other way round, the old one goes first
    if (isDirectory(to)) rmSync(to, { recursive: true, force: true });
    for (let up = dirname(to); up !== target; up = dirname(up)) if (existsSync(up) && !isDirectory(up)) unlinkSync(up);
    mkdirSync(dirname(to), { recursive: true });
    renameSync(join(fresh, file), to);
  }
  let removed = 0;
  for (const file of filesUnder(target)) {
    if (kept.has(file)) continue;
    unlinkSync(join(target, file));
    removed++;
  }
  removeEmptyFolders(target, target);
  return { moved: files.length, removed };
}

function removeEmptyFolders(dir, keep) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name), keep);
  if (dir !== keep && readdirSync(dir).length === 0) rmdirSync(dir);
}

/** Remove a fresh folder: its links first (never followed), then what the build wrote. */
function removeStage(stage) {
  if (!existsSync(stage)) return;
  for (const entry of readdirSync(stage, { withFileTypes: true })) if (entry.isSymbolicLink()) unlinkSync(join(stage, entry.name));
  rmSync(stage, { recursive: true, force: true });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Fresh folders left by builds that were stopped (their process is gone). */
function removeAbandoned() {
  if (!existsSync(STAGING)) return;
  for (const name of readdirSync(STAGING)) {
    const pid = Number(name.split('-')[0]);
    if (name !== 'lock' && Number.isInteger(pid) && !alive(pid)) removeStage(join(STAGING, name));
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Run `fn` holding .building/lock, so two builds finishing at once do not
 * interleave their moves (mkdir is atomic; a lock whose process is gone is taken over).
 */
export function withLock(fn, dir = STAGING) {
  const lock = join(dir, 'lock');
  mkdirSync(dir, { recursive: true });
  for (let waited = 0; ; waited += 50) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // the owner is between mkdir and writing its pid
      }
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else if (waited > 120_000) throw new Error(`build: ${relative(ROOT, lock)} held for two minutes by process ${owner}`);
      else sleep(50);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Run a package's command-line entry with this Node, in `cwd`; stop the build if it fails. */
function run(pkg, bin, args, cwd) {
  const require = createRequire(join(ROOT, 'package.json'));
  const manifest = require(`${pkg}/package.json`);
  const file = join(dirname(require.resolve(`${pkg}/package.json`)), typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin]);
  const result = spawnSync(process.execPath, [file, ...args], { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`build: ${bin} ${args.join(' ')} failed${result.signal ? ` (${result.signal})` : ''}`);
}

function build() {
  removeAbandoned();
  const stage = join(STAGING, `${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(stage, { recursive: true });
  try {
    for (const name of readdirSync(ROOT)) if (!NOT_LINKED.has(name)) symlinkSync(join(ROOT, name), join(stage, name));
    run('typescript', 'tsc', ['-p', ROOT, '--outDir', join(stage, '.build')], ROOT);
    // every bundle also records the packages it carries (for NOTICE), see scripts/bundled-packages.mjs
    run(
      'rollup',
      'rollup',
      ['-c', join(ROOT, 'rollup.config.mjs'), '--plugin', join(ROOT, 'scripts/bundled-packages.mjs'), '--silent'],
      stage,
    );
    // the drop-in files for a site with one chat vendor, made as `consent-gate bundle` makes a site's
    const sites = spawnSync(process.execPath, [join(ROOT, 'scripts/site-files.mjs')], { cwd: stage, stdio: 'inherit' });
    if (sites.status !== 0) throw new Error('build: scripts/site-files.mjs failed');
    const sizes = spawnSync(process.execPath, [join(ROOT, 'bench/print-sizes.mjs')], { cwd: stage, stdio: 'inherit' });
    if (sizes.status !== 0) throw new Error('build: bench/print-sizes.mjs failed');
    withLock(() => {
      for (const name of OUTPUTS) moveInto(join(stage, name), join(ROOT, name));
    });
  } finally {
    removeStage(stage);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    build();
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
