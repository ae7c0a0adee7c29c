// @vitest-environment node
/**
 * The published package, as a user gets it: the project's files as a clean
 * clone has them (tracked and not-ignored files; no dist/), `npm pack` there
 * (its prepack step builds), then `npm install` of the tarball into a fresh
 * project, which requires and imports it in plain Node (no DOM) and
 * type-checks against it. Independent of the working copy's own dist/.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let dir: string;
/** The scratch project the tarball is installed into. */
let app: string;
/** The installed package. */
let pkg: string;
let packed: string[];
/** The clean clone, and the dist/ it built. */
let clone: string;
let built: string;

function sh(file: string, args: string[], cwd: string): string {
  try {
    return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

/**
 * `npm pack` in the clone: its prepack step is a whole build. It runs at the lowest CPU priority (the tools it
 * starts inherit it), so the Chromium tests running beside it keep their timing on a machine with two cores.
 */
function packGently(clone: string, destination: string): Promise<void> {
  return new Promise((done, fail) => {
    const npm = spawn('npm', ['pack', '--pack-destination', destination, '--no-audit', '--no-fund'], {
      cwd: clone,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      if (npm.pid) setPriority(npm.pid, 19);
    } catch {
      // a system that refuses just builds at normal priority
    }
    let output = '';
    npm.stdout.on('data', (chunk) => (output += chunk));
    npm.stderr.on('data', (chunk) => (output += chunk));
    npm.on('error', fail);
    npm.on('exit', (code) => (code === 0 ? done() : fail(new Error(`npm pack failed in ${clone} (exit ${code}):\n${output}`))));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'consent-gate-pack-'));
  // the clean clone: every file git tracks or would add, none it ignores (so no dist/ or .build/)
  clone = join(dir, 'clone');
  const files = sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root).split('\0').filter(Boolean);
  for (const file of files) if (existsSync(join(root, file))) cpSync(join(root, file), join(clone, file));
  expect(existsSync(join(clone, 'dist'))).toBe(false);
  // `npm ci` in a clone installs what node_modules holds here
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
  await packGently(clone, dir);
  built = join(clone, 'dist');
  const tarball = join(dir, `${manifest.name}-${manifest.version}.tgz`);
  packed = sh('tar', ['-tzf', tarball], dir)
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));

  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', version: '1.0.0', private: true }));
  sh('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], app);
  pkg = join(app, 'node_modules', manifest.name);
}, 1_800_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Each test starts Node or tsc: seconds on a busy machine. */
const SPAWNS = { timeout: 120_000 };

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: app, encoding: 'utf8' });
}

describe('packed tarball in plain Node', SPAWNS, () => {
  it('ships the build files', () => {
    for (const f of [
      'consent-gate.mjs',
      'consent-gate.cjs',
      'consent-gate.js',
      'consent-gate-guard.js',
      'consent-gate-banner.js',
      'types/src/index.d.ts',
      'vendors/hubspot-conversations.mjs',
      'vendors/hubspot-conversations.cjs',
    ]) {
      expect(existsSync(join(pkg, 'dist', f)), f).toBe(true);
    }
  });

  it('require() works without a DOM and has no side effects', () => {
    const out = node([
      '-e',
      `
      const before = Object.keys(globalThis).sort().join();
      const cg = require('consent-gate');
      const vendor = require('consent-gate/vendors/hubspot-conversations');
      const after = Object.keys(globalThis).sort().join();
      console.log(JSON.stringify({ same: before === after, fn: typeof cg.createConsentGate, err: typeof cg.ConsentGateConfigError, vendor: vendor.default.id, catalog: cg.catalog.map(v => v.id) }));
    `,
    ]);
    expect(JSON.parse(out)).toMatchObject({ same: true, fn: 'function', err: 'function', vendor: 'hubspot-conversations' });
  });

  it('import works without a DOM and has no side effects', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `
      const before = Object.keys(globalThis).sort().join();
      const cg = await import('consent-gate');
      const vendor = await import('consent-gate/vendors/hubspot-conversations');
      const after = Object.keys(globalThis).sort().join();
      let error;
      try { cg.createConsentGate({ vendors: { 'hubspot-conversations': {} } }); } catch (e) { error = e.name + ': ' + e.message; }
      console.log(JSON.stringify({ same: before === after, fn: typeof cg.createConsentGate, vendor: vendor.default.id, error }));
    `,
    ]);
    expect(JSON.parse(out)).toMatchObject({
      same: true,
      fn: 'function',
      vendor: 'hubspot-conversations',
      error: expect.stringMatching(/^ConsentGateConfigError: consent-gate config: vendors\.hubspot-conversations\.portalId is missing/),
    });
  });

  it('consent-gate/audit is the audit library, imported without side effects', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `
      const before = Object.keys(globalThis).sort().join();
      const audit = await import('consent-gate/audit');
      const after = Object.keys(globalThis).sort().join();
      console.log(JSON.stringify({
        same: before === after,
        domain: audit.registrableDomainOf('www.shop.co.uk'),
        render: typeof audit.renderDeclaration,
        scan: typeof audit.evaluateScan,
        catalog: audit.catalog.map((v) => v.id),
      }));
    `,
    ]);
    expect(JSON.parse(out)).toMatchObject({
      same: true,
      domain: 'shop.co.uk',
      render: 'function',
      scan: 'function',
      catalog: expect.arrayContaining(['hubspot-conversations']),
    });
  });

  it('every vendor module of the catalog imports on its own', () => {
    // (dist/vendors/_<name>-<hash>.mjs: chunks of vendor code the vendor modules share)
    const ids = readdirSync(join(pkg, 'dist/vendors'))
      .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
      .map((f) => f.slice(0, -4));
    expect(ids).toContain('hubspot-conversations');
    const out = node([
      '--input-type=module',
      '-e',
      `
      const ids = ${JSON.stringify(ids)};
      const got = [];
      for (const id of ids) got.push((await import('consent-gate/vendors/' + id)).default.id);
      console.log(JSON.stringify(got));
    `,
    ]);
    expect(JSON.parse(out)).toEqual(ids);
  });

  it('holds the drop-in files, and every file the drop-in runtime and banner fetch next to themselves', () => {
    const dropIn = ['consent-gate-guard.js', 'consent-gate.js', 'consent-gate-banner.js'];
    for (const f of dropIn) expect(packed, f).toContain(`dist/${f}`);
    // the runtime fetches its lazy parts by file name from its own folder: follow those names from file to file
    const seen = new Set<string>();
    const queue = [...dropIn];
    while (queue.length) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(packed, `dist/${file}, fetched by a drop-in file`).toContain(`dist/${file}`);
      const code = readFileSync(join(pkg, 'dist', file), 'utf8');
      for (const [name] of code.matchAll(/consent-gate-[\w.-]+?\.js\b/g)) queue.push(name);
    }
  });

  it('holds every file the build wrote to dist/', () => {
    const walk = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
      );
    const files = walk(built).map((file) => `dist/${relative(built, file)}`);
    expect(files).toContain('dist/consent-gate.js');
    expect(files.filter((file) => !packed.includes(file))).toEqual([]);
  });

  it('holds the licence, the notice of bundled code, the changelog and the README, and nothing of the sources or tests', () => {
    for (const f of ['LICENSE', 'NOTICE', 'CHANGELOG.md', 'README.md', 'package.json']) expect(packed, f).toContain(f);
    expect(packed.filter((f) => /^(src|test|vendors|emulators|bench|demo|scripts|\.build|\.building)\//.test(f))).toEqual([]);
  });
});

describe('types as a user sees them', SPAWNS, () => {
  it('a TypeScript project type-checks against the installed package and its .d.ts files', () => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['index.ts'],
      }),
    );
    // every vendor module, so each published .d.ts is checked (skipLibCheck is off)
    const vendors = readdirSync(join(pkg, 'dist/types/vendors'))
      .filter((f) => f.endsWith('.d.ts') && f !== 'index.d.ts' && !f.startsWith('_'))
      .map((f) => f.slice(0, -5));
    writeFileSync(
      join(app, 'index.ts'),
      `
      import { createConsentGate, ConsentGateConfigError } from 'consent-gate';
      import hubspot from 'consent-gate/vendors/hubspot-conversations';
      import { registrableDomainOf, renderDeclaration } from 'consent-gate/audit';
      ${vendors.map((id, i) => `import vendor${i} from 'consent-gate/vendors/${id}';`).join('\n')}
      const make: typeof createConsentGate = createConsentGate;
      const id: string = hubspot.id;
      const ids: string[] = [${vendors.map((_, i) => `vendor${i}.id`).join(', ')}];
      const domain: string | undefined = registrableDomainOf('www.shop.co.uk');
      const render: (...args: Parameters<typeof renderDeclaration>) => string = renderDeclaration;
      export { make, id, ids, domain, render, ConsentGateConfigError };
      `,
    );
    sh(process.execPath, [tsc, '-p', app], app);
  });

  it('the project compiles with stripInternal: an export marked @internal is left out of its .d.ts', () => {
    const probe = join(dir, 'strip');
    mkdirSync(probe);
    writeFileSync(
      join(probe, 'probe.ts'),
      '/** @internal */\nexport function onlyForTests(): number {\n  return 1;\n}\nexport function published(): number {\n  return onlyForTests();\n}\n',
    );
    writeFileSync(
      join(probe, 'tsconfig.json'),
      JSON.stringify({ extends: join(root, 'tsconfig.json'), compilerOptions: { rootDir: '.', outDir: 'out' }, include: ['probe.ts'] }),
    );
    sh(process.execPath, [tsc, '-p', probe], probe);
    const dts = readFileSync(join(probe, 'out/probe.d.ts'), 'utf8');
    expect(dts).toContain('published');
    expect(dts).not.toContain('onlyForTests');
  });

  it("a vendor module's .d.ts has each export of its source except those marked @internal", () => {
    const ids = readdirSync(join(root, 'vendors')).filter((f) => f.endsWith('.ts') && !f.startsWith('_') && f !== 'index.ts');
    expect(ids.length).toBeGreaterThan(0);
    for (const file of ids) {
      const source = readFileSync(join(root, 'vendors', file), 'utf8');
      const dts = readFileSync(join(pkg, 'dist/types/vendors', file.replace(/\.ts$/, '.d.ts')), 'utf8');
      for (const [, doc, name] of source.matchAll(
        /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?^export (?:declare )?(?:async )?(?:function|const|let|class|interface|type|enum) (\w+)/gm,
      )) {
        const declared = new RegExp(`\\b(?:function|const|let|class|interface|type|enum) ${name}\\b`).test(dts);
        expect(
          declared,
          `${file}: ${name} ${doc?.includes('@internal') ? 'is @internal but published' : 'is missing from the .d.ts'}`,
        ).toBe(!doc?.includes('@internal'));
      }
    }
  });
});

describe('NOTICE', () => {
  it('names every package the build bundled into dist/, with its licence text as the package ships it', () => {
    const notice = readFileSync(join(pkg, 'NOTICE'), 'utf8');
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    // what Rollup put into each file it wrote (scripts/bundled-packages.mjs)
    const record: Record<string, string[]> = JSON.parse(readFileSync(join(clone, '.build/bundled-packages.json'), 'utf8'));
    expect(record['dist/consent-gate-banner.js']).toContain('klaro');
    expect(record['dist/audit.mjs']).toContain('tldts');
    const bundled = [...new Set(Object.values(record).flat())].sort();
    for (const name of bundled) {
      const folder = join(root, 'node_modules', name);
      const licence = readdirSync(folder).find((f) => /^licen[cs]e/i.test(f));
      expect(licence, `${name} ships a licence file`).toBeDefined();
      expect(notice, `NOTICE has a section for ${name}`).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} `, 'm'));
      expect(flat(notice), `NOTICE holds the licence of ${name}`).toContain(flat(readFileSync(join(folder, licence!), 'utf8')));
    }
  });
});
