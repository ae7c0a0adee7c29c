// @vitest-environment node
/**
 * docs/performance.md quotes the latest benchmark: its generated section must
 * be exactly what bench/docs.mjs renders from bench/results/latest.json, so a
 * number copied by hand, or a run committed without its page, fails here.
 * And the acceptance verdicts of the report follow the targets of issue 13.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import { DOC, RESULT, docSection, sectionIn } from '../../bench/docs.mjs';
// @ts-expect-error plain JavaScript module without types
import { acceptance } from '../../bench/report.mjs';

const s = (median: number) => ({ median, min: median, max: median, runs: 1 });

/** A result with every acceptance figure, at the given values. */
function result(v: {
  first: number;
  returning: number;
  chat: number;
  elements: number;
  yettElements: number;
  writes: number;
  prompt: number;
  loader: number;
  score: number;
  bannerRuns: number;
  ours: number;
  a11y: number;
}) {
  const page = (total: number) => ({
    files: [],
    beforeLoad: total,
    total,
    transferBeforeLoad: total,
    transferTotal: total,
    otherHostRequests: 0,
    idle: true,
  });
  return {
    runs: 10,
    bytes: { pages: { first: page(v.first), returning: page(v.returning), chat: page(v.chat) } },
    guardOverhead: {
      variants: {
        'no guard': {},
        'consent-gate guard': { elementsRatio: s(v.elements), cookieWritesRatio: s(v.writes) },
        yett: { elementsRatio: s(v.yettElements), cookieWritesRatio: s(1) },
      },
    },
    clickToOpen: {
      latencyMs: 40,
      variants: {
        'consent already given': { clickToLoaderMs: s(5) },
        'consent given in the prompt': { clickToPromptMs: s(v.prompt), clickToLoaderMs: s(v.loader) },
      },
    },
    lighthouse: {
      runs: 5,
      presets: {
        mobile: {
          score: s(v.score),
          bannerIsLcpRuns: v.bannerRuns,
          lcpElements: { 'main > h1': 5 },
          ourBlockingMs: s(v.ours),
          ourLongestTaskMs: s(40),
          tbtMs: s(60),
        },
      },
      accessibility: {
        '/': { score: v.a11y, failing: v.a11y < 1 ? [{ id: 'color-contrast', title: 'contrast' }] : [] },
        '/help/': { score: 1, failing: [] },
      },
    },
  };
}

const AT_TARGET = {
  first: 30_000,
  returning: 8_000,
  chat: 8_000,
  elements: 1.1,
  yettElements: 1.1,
  writes: 1.2,
  prompt: 50,
  loader: 16,
  score: 0.95,
  bannerRuns: 0,
  ours: 50,
  a11y: 1,
};

describe('benchmark report', () => {
  it('judges every acceptance figure met exactly at its target', () => {
    const rows = acceptance(result(AT_TARGET));
    expect(rows).toHaveLength(11);
    expect(rows.filter((r: { met: boolean | null }) => r.met !== true).map((r: { figure: string }) => r.figure)).toEqual([]);
  });

  it.each([
    ['first', 30_001, /First visit/],
    ['returning', 8_001, /Returning visitor/],
    ['chat', 8_001, /Chat page/],
    ['elements', 1.11, /10,000 elements/],
    ['writes', 1.21, /cookie writes/],
    ['prompt', 50.1, /prompt shown/],
    ['loader', 16.1, /loader inserted/],
    ['score', 0.94, /performance/],
    ['bannerRuns', 1, /LCP element/],
    ['ours', 50.1, /blocking time/],
    ['a11y', 0.98, /accessibility/],
  ])('judges %s past its target not met, and that one alone', (key, value, figure) => {
    const rows = acceptance(result({ ...AT_TARGET, [key]: value }));
    const failed = rows.filter((r: { met: boolean | null }) => r.met === false);
    expect(failed).toHaveLength(1);
    expect(failed[0].figure).toMatch(figure);
  });

  it('says "not measured" rather than a verdict for a section that failed', () => {
    const rows = acceptance({ runs: 10, bytes: { pages: { notMeasured: 'no browser' } } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { met: boolean | null }) => r.met === null)).toBe(true);
  });
});

describe('docs/performance.md', () => {
  it('quotes bench/results/latest.json exactly (regenerate with `node bench/docs.mjs`)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const quoted = sectionIn(doc);
    expect(quoted, 'docs/performance.md lacks the generated markers').not.toBeNull();
    const latest = JSON.parse(readFileSync(RESULT, 'utf8'));
    expect(quoted).toBe(docSection(latest));
    // the section is the real thing: the acceptance table with a verdict on each row
    expect(quoted).toMatch(/### Acceptance \(issue 13\)/);
    expect(quoted).toMatch(/\*\*(not )?met\*\*/);
  });
});
