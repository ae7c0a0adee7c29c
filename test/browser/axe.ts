/**
 * axe-core as the project pins it (4.11), evaluated in a Chromium page with
 * the WCAG 2.0/2.1/2.2 A and AA rules. One helper for every accessibility test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeSummary {
  version: string;
  /** Each violation as `rule: target failure | …`. */
  violations: string[];
  /** Ids of the rules that applied to something (passed, or need a person's review). */
  ran: string[];
}

/** axe on the whole page, or inside what `include` selects (CSS selectors). */
export async function axe(page: Page, include?: string | string[]): Promise<AxeSummary> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as any).axe;
      const r = await axe.run(include ? { include: [include].flat().map((s) => [s]) } : document, {
        runOnly: { type: 'tag', values: tags },
      });
      const summary = (v: any) => `${v.id}: ${v.nodes.map((n: any) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`;
      return {
        version: r.testEngine.version,
        violations: r.violations.map(summary),
        ran: [...r.passes, ...r.incomplete].map((x: any) => x.id),
      };
    },
    { tags: WCAG_22_AA, include: include ?? null },
  );
}
