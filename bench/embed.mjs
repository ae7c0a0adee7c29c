// Section 7: the embed placeholders' part (dist/consent-gate-embed.js): its
// bytes, and that a page fetches it only when its config names an embed
// vendor. Opened in Chromium as a first visit with the generic drop-in and
// one embed in the page, for a config with the catalog's first embed vendor;
// the HubSpot pages of section 1 name none and must not fetch it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './lib/browser.mjs';
import { dropinPage } from './lib/pages.mjs';
import { builtCatalog, exampleOptions } from './growth.mjs';
import { bannerShown, measurePage, minGzipOnce } from './page-bytes.mjs';

export const EMBED_FILE = 'consent-gate-embed.js';
const isEmbedPart = (file) => file.replace(/^dist\//, '') === EMBED_FILE;

/** `pages`: section 1's page cases (the HubSpot pages, which name no embed vendor). */
export async function embedPart(browser, { pages } = {}) {
  const path = join(DIST, EMBED_FILE);
  if (!existsSync(path)) return { present: false, note: `dist/${EMBED_FILE} is not in this build` };
  const out = { present: true, gzip: (await minGzipOnce(path)).gzip };
  if (pages && !pages.notMeasured)
    out.withoutEmbedVendor = Object.fromEntries(Object.entries(pages).map(([name, p]) => [name, p.files.some((f) => isEmbedPart(f.file))]));
  const vendor = (await builtCatalog()).find((v) => v.kind === 'embed');
  if (!vendor) return { ...out, note: 'the catalog of this build has no embed vendor' };
  const { options, missing } = exampleOptions(vendor);
  if (missing) return { ...out, note: `${vendor.id}: no example value for its required option "${missing}"` };
  const host = vendor.hosts[0].host.replace(/^\*\./, 'www.');
  const body = `<div data-consent-gate-embed="${vendor.id}" data-src="https://${host}/embed/bench" data-title="A ${vendor.title} embed" style="width:320px;height:180px"></div>`;
  const page = dropinPage({
    config: { vendors: { [vendor.id]: options }, policyVersion: 'bench' },
    guard: '/dist/consent-gate-guard.js',
    runtime: '/dist/consent-gate.js',
    body,
  });
  const measured = await measurePage(browser, { page, ready: bannerShown });
  out.withEmbedVendor = {
    vendor: vendor.id,
    fetched: measured.files.some((f) => isEmbedPart(f.file)),
    files: measured.files.map((f) => ({ file: f.file, gzip: f.gzip })),
    total: measured.total,
    vendorRequests: measured.otherHostRequests,
  };
  return out;
}
