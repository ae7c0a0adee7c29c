/**
 * Each tag's manual page (docs/vendors/<id>.md) carries the facts section
 * generated from its catalog data (docs/vendors/facts.mjs), so the page says
 * what the code does; and the hand-written part covers what the page must.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declarationEntries } from '../../src/audit/declaration';
import { catalog } from '../../vendors/index';
import { END, START, factsSection, withFacts } from '../../docs/vendors/facts.mjs';

const ROOT = resolve(__dirname, '../..');
const modules = import.meta.glob('../../vendors/*.ts', { eager: true }) as Record<string, { purposeSource?: string }>;
const tags = catalog.filter((v) => v.kind === 'tag');

describe('docs/vendors/<id>.md for every tag', () => {
  for (const vendor of tags) {
    it(`${vendor.id}: the generated facts section matches the catalog (rerun \`node docs/vendors/facts.mjs\` after a build when it does not)`, () => {
      const file = resolve(ROOT, `docs/vendors/${vendor.id}.md`);
      expect(existsSync(file), file).toBe(true);
      const page = readFileSync(file, 'utf8');
      const purposeSource = modules[`../../vendors/${vendor.id}.ts`]!.purposeSource!;
      const section = factsSection(vendor, purposeSource, declarationEntries);
      expect(page.slice(page.indexOf(START), page.indexOf(END) + END.length)).toBe(section);
      // what the section says, spot-checked against the data
      for (const h of vendor.hosts) expect(section).toContain(`\`${h.host}${h.path ?? ''}\``);
      for (const c of vendor.cookies) expect(section).toContain(`\`${c.name}${c.match === 'prefix' ? '*' : ''}\``);
      for (const name of Object.keys(vendor.options)) expect(section).toContain(`| \`${name}\` |`);
    });

    it(`${vendor.id}: the page says what it is, its purpose, how to put it behind the gate, what happens on withdrawal and what consent-gate cannot clean`, () => {
      const page = readFileSync(resolve(ROOT, `docs/vendors/${vendor.id}.md`), 'utf8');
      expect(page).toMatch(new RegExp(`^# .+\\n\\nVendor id \`${vendor.id}\` · a tag · purpose \\*\\*${vendor.purpose}\\*\\*`));
      for (const heading of ['## Put it behind the gate', '## On withdrawal', '## What consent-gate cannot clean', '## Facts'])
        expect(page).toContain(heading);
      expect(page).toMatch(/third-party/);
      const modes = 'consentMode' in vendor.options;
      expect(page.includes('## Basic or advanced consent mode')).toBe(modes);
      if (modes) expect(page).toMatch(/`consentMode: 'basic'` \(the default\)[\s\S]+`consentMode: 'advanced'`/);
    });
  }

  it('the generator refuses a page without its markers, and replaces only the section', () => {
    expect(() => withFacts('# Page\n', 'x')).toThrow(/markers are missing/);
    expect(withFacts(`a\n${START}\nold\n${END}\nb`, 'new')).toBe('a\nnew\nb');
  });
});
