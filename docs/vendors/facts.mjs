/**
 * The generated part of each tag's manual page (docs/vendors/<id>.md): its
 * purpose, hosts, cookies and storage keys, options and consent signals,
 * written from the catalog data that drives blocking, so the page and the
 * code cannot drift. test/unit/tags-docs.test.ts holds every page to it.
 *
 *   npm run build && node docs/vendors/facts.mjs     # rewrite the sections between the markers
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const START = '<!-- facts: generated from the catalog by docs/vendors/facts.mjs; edit the vendor file, not this section -->';
export const END = '<!-- /facts -->';

/** A table cell: pipes escaped, one line. */
const cell = (value) =>
  String(value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
/** A code span: backslashes stay as they are; a pipe is escaped for the table. */
const code = (value) =>
  `\`${String(value ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')}\``;

function optionWords(spec) {
  if (spec.oneOf) return spec.oneOf.map((v) => code(JSON.stringify(v))).join(' or ');
  if (spec.pattern) return `${spec.type} matching ${code(spec.pattern.source)}`;
  return spec.type;
}

/**
 * The generated section for one vendor. `declarationEntries` is the
 * declaration generator (src/audit/declaration.ts, or dist/audit.mjs), so the
 * cookie and key rows are the ones `consent-gate declare` prints.
 */
export function factsSection(vendor, purposeSource, declarationEntries) {
  const d = declarationEntries({ vendors: [vendor], siteHost: 'www.example.com', siteDomain: 'example.com' });
  const stored = d.disclosures.filter((e) => e.vendor === vendor.id);
  const lines = [
    START,
    '',
    `**Purpose: ${vendor.purpose}.** ${cell(purposeSource)}`,
    '',
    `What a visitor reads in the banner: "${vendor.summary}"`,
    '',
    '#### Hosts',
    '',
  ];
  lines.push('| Host | Purpose | What it is | Source |', '|---|---|---|---|');
  for (const h of vendor.hosts)
    lines.push(`| ${code(h.host + (h.path ?? ''))} | ${h.purpose} | ${cell(h.description)} | ${cell(h.source)} |`);
  lines.push('', '#### Cookies and storage keys', '');
  if (stored.length) {
    lines.push('Shown for a site at `www.example.com`: "parent" cookies live on `.example.com`.', '');
    lines.push('| Name | Type | Purpose | Lifetime | Where | What it is for | Source |', '|---|---|---|---|---|---|---|');
    for (const e of stored) {
      const type = e.type === 'cookie' ? 'cookie' : `${e.storage}Storage`;
      lines.push(
        `| ${code(e.identifier)} | ${type} | ${e.purposes.join(' ')} | ${cell(e.lifetime)}${e.cookieRefresh ? ' (renewed)' : ''} | ${cell(e.domains.join(' '))} | ${cell(e.description)} | ${cell(e.source)} |`,
      );
    }
  } else {
    lines.push('None of its own.');
  }
  lines.push('', '#### Options', '', `\`vendors['${vendor.id}']\` takes:`, '', '| Option | Value | Expected |', '|---|---|---|');
  for (const [name, spec] of Object.entries(vendor.options))
    lines.push(`| ${code(name)} | ${optionWords(spec)}${spec.required ? ' (required)' : ''} | ${cell(spec.expected ?? '')} |`);
  lines.push('', '#### Consent signals', '');
  if (vendor.signals?.length) {
    for (const s of vendor.signals) {
      const types = Object.entries(s.types)
        .map(([t, p]) => `${code(t)} ← ${p === true ? 'always granted' : p}`)
        .join(', ');
      const values = s.values.map((v) => code(JSON.stringify(v))).join(' / ');
      const globals = s.globals
        ? ` Set first: ${Object.entries(s.globals)
            .map(([k, v]) => code(`window.${k} = ${JSON.stringify(v)}`))
            .join(', ')}.`
        : '';
      lines.push(
        `- On ${code(s.queue)} (${s.style}), command ${code(JSON.stringify(s.command))}: ${types}; values ${values}.${globals} Source: ${cell(s.source)}`,
      );
    }
  } else {
    lines.push('None: the vendor reads no consent state consent-gate can set.');
  }
  lines.push('', END);
  return lines.join('\n');
}

/** The page's text with its generated section replaced. Throws when the markers are missing. */
export function withFacts(page, section) {
  const a = page.indexOf(START);
  const b = page.indexOf(END);
  if (a === -1 || b < a) throw new Error('docs page: the facts markers are missing');
  return page.slice(0, a) + section + page.slice(b + END.length);
}

// node docs/vendors/facts.mjs: rewrite every tag page from the build
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = join(here, '../..');
  const { catalog, declarationEntries } = await import(pathToFileURL(join(root, 'dist/audit.mjs')).href);
  for (const vendor of catalog.filter((v) => v.kind === 'tag')) {
    const mod = await import(pathToFileURL(join(root, `dist/vendors/${vendor.id}.mjs`)).href);
    const file = join(here, `${vendor.id}.md`);
    writeFileSync(file, withFacts(readFileSync(file, 'utf8'), factsSection(vendor, mod.purposeSource, declarationEntries)));
    console.log(`updated ${file}`);
  }
}
