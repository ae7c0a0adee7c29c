/**
 * One page's scan: a fresh browser context (an empty profile), the three
 * phases with a screenshot of each, the vendor tags written in the HTML the
 * browser received, and the library's verdicts (evaluateScan).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRecorder } from './scan-recorder.mjs';
import { runPhases } from './scan-phases.mjs';
import { serveRoutes } from './scan-network.mjs';
import { pageLinks } from './scan-site.mjs';
import { oneLine } from './rewrite.mjs';

/**
 * Scan `url` in a new context of `browser`. `settings`: the scan's options,
 * with `lib` (the audit library), `vendors` and `cookieName` (what counts as
 * declared), `rules` (the rules vendor tags are found with), `shots` (a file
 * name prefix for the screenshots, under `outDir/screenshots/`) and `log`.
 * Returns the page's report and the links on it.
 */
export async function scanPage(browser, url, settings) {
  const { lib, log, outDir, shots } = settings;
  const notes = [];
  const startedAt = new Date().toISOString();
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const recorder = await createRecorder(context, { quietMs: settings.quietMs, maxWaitMs: settings.maxWaitMs, notes });
    await serveRoutes(context, { routes: settings.routes, offline: settings.offline, target: new URL(url) });
    const page = await context.newPage();
    mkdirSync(join(outDir, 'screenshots'), { recursive: true });
    let links = [];
    /** After each phase: its line, its screenshot, and (after the first) the page's links. */
    const after = async (observation) => {
      const hosts = new Set(observation.requests.map((r) => r.host));
      log(
        `  ${observation.id}: ${hosts.size} host(s), ${observation.requests.length} request(s), ${observation.cookies.length} cookie(s), ${observation.storage.length} storage key(s)`,
      );
      const file = `screenshots/${shots}${observation.id}.jpg`;
      try {
        await page.screenshot({ path: join(outDir, file), type: 'jpeg', quality: 70, timeout: 10000 });
        observation.screenshot = file;
      } catch (error) {
        notes.push(`no screenshot of ${observation.id}: ${error.message.split('\n')[0]}`);
      }
      if (observation.id === 'before-consent') links = await pageLinks(page);
    };
    const { phases, html, htmlUrl } = await runPhases(page, recorder, { url, log, notes, after });
    const markup = html === null ? [] : markupOf(lib, html, htmlUrl, settings.rules);
    if (html === null) notes.push('the HTML of the page was not readable: vendor tags written in it are not listed');
    for (const t of markup)
      log(
        `  vendor tag in the HTML, ${lib.markupWhere(t)}: ${oneLine(t.tag, 400)} ${t.vendor} (${t.purpose}); markup form: ${t.rewritten ? oneLine(t.rewritten, 400) : `rewrite by hand (${t.reason})`}`,
      );
    const declared = settings.config ? [] : await pageDeclarations(page, lib, notes);
    if (declared.length) log(`  services the page's config declares: ${declared.map((v) => v.id).join(', ')}`);
    const report = lib.evaluateScan({
      url,
      startedAt,
      finishedAt: new Date().toISOString(),
      phases,
      vendors: [...settings.vendors, ...declared],
      cookieName: settings.cookieName,
      markup,
      notes,
    });
    return { report, links };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Without --config: the site's own services its page declares in
 * `window.consentGateConfig` (entries the catalog does not know), so that its
 * own cookies count as declared, as the page's banner and declaration list
 * them. A declaration the library rejects counts for nothing (its cookies stay
 * undeclared) and a note says why.
 */
async function pageDeclarations(page, lib, notes) {
  const raw = await page
    .evaluate(() => {
      const config = window.consentGateConfig;
      try {
        return config && typeof config === 'object' && config.vendors && typeof config.vendors === 'object'
          ? JSON.parse(JSON.stringify(config.vendors))
          : null;
      } catch {
        return null;
      }
    })
    .catch(() => null);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const known = new Set(lib.catalog.map((v) => v.id));
  const own = Object.fromEntries(Object.entries(raw).filter(([id]) => !known.has(id)));
  if (!Object.keys(own).length) return [];
  try {
    return lib
      .resolveConfig({ vendors: own }, lib.catalog)
      .vendors.filter((v) => v.declared)
      .map((v) => v.vendor);
  } catch (error) {
    notes.push(
      `the page's consent-gate config declares services the scan could not read, so their cookies count as undeclared: ${error.message}`,
    );
    return [];
  }
}

/** Every vendor tag of the HTML, rewritable or not, in source order. */
function markupOf(lib, html, url, rules) {
  const { changes, left } = lib.rewriteHtml(html, rules, { baseUrl: url });
  return [...changes, ...left].sort((a, b) => a.offset - b.offset);
}
