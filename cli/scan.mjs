/**
 * `consent-gate scan <url> [--pages N]`: drives Chromium, a fresh profile per
 * page, through three phases (before consent, after accepting all, after
 * withdrawal and a reload), and hands what it saw to the pure verdict
 * functions of the library (evaluateScan, summarizeSite and the renderers).
 *
 * The pieces: scan-options.mjs (arguments), scan-network.mjs (hosts served
 * from folders, --offline), scan-recorder.mjs (requests, cookie and storage
 * writes, snapshots), scan-phases.mjs (the three phases), scan-page.mjs (one
 * page), scan-site.mjs (sitemap and links, for --pages).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.mjs';
import { vendorsFor } from './config.mjs';
import { CHROME_ARGS } from './chromium.mjs';
import { chromiumPath, parseScanArgs } from './scan-options.mjs';
import { scanPage } from './scan-page.mjs';
import { createCrawl, sitemapPages } from './scan-site.mjs';
import { fetchText } from './scan-network.mjs';
import { markupRules } from './rewrite.mjs';

const out = (line) => process.stdout.write(`${line}\n`);

async function launch(executablePath) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new UsageError('playwright-core is not installed: run `npm install playwright-core`', { usage: false });
  }
  return chromium.launch({ executablePath, headless: true, args: CHROME_ARGS });
}

/**
 * The pages of a whole-site scan, each as soon as it is known, `parallel` at
 * a time (each in its own context); a progress line on stderr as each starts,
 * its lines on stdout when it is done.
 */
async function scanSite(browser, options, settings) {
  const crawl = createCrawl(options.target.href, options.pages);
  crawl.add(await sitemapPages(crawl.origin, (url) => fetchText(url, options), { log: out }));
  const reports = [];
  const notes = [];
  let fatal = null;
  const scanOne = async (url, n) => {
    const lines = [`page ${n}: ${url}`];
    try {
      const { report, links } = await scanPage(browser, url, { ...settings, log: (line) => lines.push(line), shots: `${n}-` });
      crawl.add(links);
      reports[n - 1] = report;
    } catch (error) {
      // the start page must load; a page found on the way that does not is noted and left out
      if (!(error instanceof UsageError) || n === 1) fatal ??= error;
      else {
        notes.push(error.message);
        lines.push(`  ${error.message}`);
      }
    } finally {
      out(lines.join('\n'));
    }
  };
  const running = new Set();
  for (;;) {
    while (!fatal && running.size < options.parallel) {
      const url = crawl.next();
      if (url === null) break;
      const n = crawl.taken;
      process.stderr.write(`consent-gate scan: page ${n} of ${crawl.known}: ${url}\n`);
      const task = scanOne(url, n).finally(() => running.delete(task));
      running.add(task);
    }
    if (!running.size) break;
    await Promise.race(running);
  }
  if (fatal) throw fatal;
  return { pages: reports.filter(Boolean), notes };
}

/** The verdict lines, the report files, and the exit code. */
function finish(report, outDir, lib, site) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, 'report.html'), site ? lib.renderSiteReportHtml(report) : lib.renderScanReportHtml(report));
  out('');
  if (report.clean) out(site ? `verdict: clean, no violations on ${report.pages.length} page(s)` : 'verdict: clean, no violations');
  else {
    out(
      site
        ? `verdict: ${report.violations.length} violation(s) on ${report.pages.filter((p) => !p.clean).length} of ${report.pages.length} page(s)`
        : `verdict: ${report.violations.length} violation(s)`,
    );
    for (const v of report.violations) out(`  ${site ? `${v.page} ` : ''}[${v.phase}] ${v.message}`);
  }
  out(`report: ${join(outDir, 'report.json')}`);
  out(`        ${join(outDir, 'report.html')}`);
  return report.clean ? 0 : 1;
}

export async function scanCommand(argv, lib) {
  const options = parseScanArgs(argv);
  const { vendors, resolved } = await vendorsFor(lib, { config: options.config });
  const executablePath = chromiumPath();
  const settings = {
    ...options,
    lib,
    vendors,
    cookieName: resolved?.cookieName ?? 'consent_gate',
    rules: markupRules(lib, vendors),
    log: out,
    shots: '',
  };

  const startedAt = new Date().toISOString();
  out(
    `consent-gate scan ${options.target.href}${options.pages === null ? '' : ` (up to ${options.pages} page${options.pages === 1 ? '' : 's'})`}`,
  );
  out(`  Chromium: ${executablePath}`);
  for (const r of options.routes) out(`  route: ${r.host}${r.prefix === '/' ? '' : r.prefix.slice(0, -1)} -> ${r.dir}`);
  if (options.offline)
    out(`  offline: hosts without a route, other than ${options.target.host} and this machine, fail like a lost connection`);

  const browser = await launch(executablePath);
  try {
    if (options.pages === null) {
      const { report } = await scanPage(browser, options.target.href, settings);
      return finish(report, options.outDir, lib, false);
    }
    const { pages, notes } = await scanSite(browser, options, settings);
    return finish(
      lib.summarizeSite({ url: options.target.href, startedAt, finishedAt: new Date().toISOString(), pages, notes }),
      options.outDir,
      lib,
      true,
    );
  } finally {
    await browser.close().catch(() => undefined);
  }
}
