// @vitest-environment node
/**
 * The docs tell the truth about the project: the README stays a front door
 * (short, the two commands first), its typical config is one the code
 * accepts, the size tables are what the build measures now (rendered again
 * in memory by scripts/docs-sizes.mjs), every byte budget quoted is one of
 * BUDGETS, and every relative link leads to a file (and heading) that exists.
 * Needs `npm run build` first (`npm test` builds before vitest).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGES, sectionFor, sectionIn, sizeSection } from '../../scripts/docs-sizes.mjs';
import { BUDGETS, PER_VENDOR } from './budgets';
import { resolveConfig } from '../../src/config';
import { ConsentGateConfigError } from '../../src/errors';
import { catalog } from '../../vendors/index';

const ROOT = resolve(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function markdownUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    return e.isDirectory() ? markdownUnder(path) : e.name.endsWith('.md') ? [path] : [];
  });
}
/** The pages a reader reaches: the README, CONTRIBUTING and the manual. */
const DOCS = ['README.md', 'CONTRIBUTING.md', ...markdownUnder('docs')];

/** The text without fenced code blocks (their lines become empty, so line numbers hold). */
const withoutCode = (text: string) => text.replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ''));

/** The fenced code blocks of a page, in order. */
const codeBlocks = (text: string) => [...text.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of withoutCode(text).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** Relative links of a page that lead nowhere: a missing file, or a heading the target does not have. */
function brokenLinks(
  page: string,
  text: string,
  exists = (p: string) => existsSync(p),
  readPage = (p: string) => readFileSync(p, 'utf8'),
): string[] {
  const broken: string[] = [];
  const prose = withoutCode(text).replace(/`[^`\n]*`/g, '');
  for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file = path ? resolve(dirname(join(ROOT, page)), decodeURIComponent(path)) : join(ROOT, page);
    if (!exists(file)) {
      broken.push(`${page}: ${target} (no file ${relative(ROOT, file)})`);
      continue;
    }
    if (anchor && file.endsWith('.md') && !anchorsOf(path ? readPage(file) : text).has(anchor))
      broken.push(`${page}: ${target} (no heading #${anchor})`);
  }
  return broken;
}

/** Numbers of 1,000 or more (1,000 or 1000), not parts of names, versions or paths. */
const bigNumbers = (sentence: string) =>
  [...sentence.matchAll(/(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\w,/]|\.\d)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));

/**
 * Sentences that speak of a budget and quote a number that is no budget.
 * The budgets' own table is read by its `BUDGETS` key instead.
 */
function wrongBudgets(page: string, text: string, budgets: Record<string, number>, perVendor: number): string[] {
  const allowed = new Set([...Object.values(budgets), perVendor]);
  const wrong: string[] = [];
  const prose = withoutCode(text).replace(/`[^`\n]*`/g, '``');
  for (const paragraph of prose.split(/\n\s*\n/)) {
    const flat = paragraph.replace(/\s*\n\s*/g, ' ');
    if (flat.trimStart().startsWith('|')) continue; // tables: below
    for (const sentence of flat.split(/(?<=[.;!?])\s+(?=[A-Z(*`])/)) {
      if (!/budget/i.test(sentence)) continue;
      for (const n of bigNumbers(sentence))
        if (!allowed.has(n)) wrong.push(`${page}: ${n.toLocaleString('en-US')} is no budget in "${sentence.trim()}"`);
    }
  }
  // a table row naming a BUDGETS key: its numbers are that budget
  for (const row of text.matchAll(/^\|\s*`(\w+)`\s*\|(.*)\|\s*$/gm)) {
    const key = row[1]!;
    if (!(key in budgets)) continue;
    for (const n of bigNumbers(row[2]!))
      if (n !== budgets[key])
        wrong.push(
          `${page}: the row of ${key} says ${n.toLocaleString('en-US')}, BUDGETS.${key} is ${budgets[key]!.toLocaleString('en-US')}`,
        );
  }
  return wrong;
}

describe('README.md, the front door', () => {
  const readme = read('README.md');

  it('is at most 250 lines', () => {
    expect(readme.split('\n').length, 'README.md lines').toBeLessThanOrEqual(250);
  });

  it('shows the two commands first: the first code block runs the demo, then the tests', () => {
    const first = codeBlocks(readme)[0] ?? '';
    const commands = first
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => l.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(['npm install && npm run demo', 'npm test']);
  });

  it('has no byte figure typed outside the generated size table', () => {
    const outside = readme.replace(readme.slice(readme.indexOf('<!-- sizes:start'), readme.indexOf('<!-- sizes:end')), '');
    expect(outside).not.toMatch(/\d[\d,.]*\s?(?:B|KB|kB|bytes)\b/);
  });

  it("the typical site's config is one consent-gate accepts, and the check can fail", () => {
    const html = codeBlocks(readme).find((b) => b.includes('window.consentGateConfig'))!;
    const literal = html.slice(
      html.indexOf('window.consentGateConfig = ') + 'window.consentGateConfig = '.length,
      html.lastIndexOf('};') + 1,
    );
    const config = new Function(`return (${literal});`)() as { vendors: Record<string, Record<string, unknown>> };
    expect(Object.keys(config.vendors)).toEqual(['google-analytics', 'hubspot-conversations', 'cart', 'ab-test']);
    const resolved = resolveConfig(config, catalog);
    expect(resolved.vendors.filter((v) => v.declared).map((v) => v.id)).toEqual(['cart', 'ab-test']);
    // the same config in docs/site-owners.md
    expect(read('docs/site-owners.md')).toContain("'google-analytics': { measurementId: 'G-ABC123DEF4' }");
    const misspelt = {
      ...config,
      vendors: { ...config.vendors, 'hubspot-conversations': { ...config.vendors['hubspot-conversations'], portalID: '1' } },
    };
    expect(() => resolveConfig(misspelt, catalog)).toThrow(ConsentGateConfigError);
  });
});

describe('docs/site-owners.md', () => {
  it('lists every top-level option the config accepts', () => {
    let message = '';
    try {
      resolveConfig({ vendors: {}, notAnOption: 1 }, catalog);
    } catch (error) {
      message = (error as Error).message;
    }
    const options = [...(message.match(/one of the options (.+)$/)?.[1] ?? '').matchAll(/"(\w+)"/g)].map((m) => m[1]!);
    expect(options.length, message).toBeGreaterThan(10);
    const page = read('docs/site-owners.md');
    for (const option of options) expect(page, option).toContain(`| \`${option}\` |`);
  });
});

describe('the size tables', () => {
  let section = '';
  beforeAll(async () => {
    section = await sizeSection();
  }, 300_000);

  it.each(PAGES)(
    '%s: the generated table is what the build measures now (rerun `node scripts/docs-sizes.mjs` after `npm run build`)',
    (page) => {
      const quoted = sectionIn(read(page));
      expect(quoted, `${page} lacks the size markers`).not.toBeNull();
      expect(quoted).toBe(sectionFor(page, section));
    },
  );

  it('the table quotes the guard, the runtime and the banner', () => {
    for (const file of ['consent-gate-guard.js', 'consent-gate.js', 'consent-gate-banner.js']) expect(section).toContain(`\`${file}\``);
    expect(section).toMatch(/\| \d{1,3}(,\d{3})* B \|/);
  });

  it('the pages written for site owners, privacy teams and the demo type no byte figure of their own', () => {
    for (const page of [
      'docs/README.md',
      'docs/site-owners.md',
      'docs/privacy-teams.md',
      'docs/demo.md',
      ...['hubspot-conversations', 'web1on1', 'intercom', 'crisp'].map((id) => `docs/vendors/${id}.md`),
    ]) {
      expect(withoutCode(read(page)), page).not.toMatch(/\d[\d,.]*\s?(?:B|KB|kB|bytes)\b/);
    }
  });
});

describe('byte budgets quoted in the docs', () => {
  it('are the BUDGETS of test/unit/budgets.ts, which test/unit/size-budget.test.ts holds the build to', () => {
    expect(DOCS.flatMap((page) => wrongBudgets(page, read(page), BUDGETS, PER_VENDOR))).toEqual([]);
  });

  it('docs/performance.md has a row for every budget', () => {
    const page = read('docs/performance.md');
    for (const key of Object.keys(BUDGETS)) expect(page, key).toMatch(new RegExp(`^\\| \`${key}\` \\|`, 'm'));
  });

  it('the check can fail: a budget misquoted in a sentence or in the table is reported', () => {
    const budgets = { guard: 6_100, runtime: 12_800 };
    expect(wrongBudgets('x.md', 'The guard is held to a budget of 6,100 bytes.', budgets, 1_800)).toEqual([]);
    expect(wrongBudgets('x.md', 'The guard is held to a budget of 6,000 bytes. It is 5,969 as built.', budgets, 1_800)).toEqual([
      'x.md: 6,000 is no budget in "The guard is held to a budget of 6,000 bytes."',
    ]);
    expect(wrongBudgets('x.md', '| `runtime` | the runtime | 12,500 |\n', budgets, 1_800)).toEqual([
      'x.md: the row of runtime says 12,500, BUDGETS.runtime is 12,800',
    ]);
  });
});

describe('relative links in README.md, CONTRIBUTING.md and docs/', () => {
  it('lead to a file that exists, and to a heading it has', () => {
    expect(DOCS.length).toBeGreaterThan(20);
    expect(DOCS.flatMap((page) => brokenLinks(page, read(page)))).toEqual([]);
  });

  it('the check can fail: a missing file and a missing heading are reported', () => {
    const text =
      '# Top\n\n## A heading: with `code`\n\n[ok](#a-heading-with-code) [gone](nowhere.md) [bad](#no-such) [web](https://example.com/x.md)\n\n```\n[in code](ignored.md)\n```\n';
    expect(brokenLinks('docs/x.md', text, (p) => !p.endsWith('nowhere.md'))).toEqual([
      'docs/x.md: nowhere.md (no file docs/nowhere.md)',
      'docs/x.md: #no-such (no heading #no-such)',
    ]);
  });
});
