/**
 * The drop-in files for one site, from the built ones: what the build writes
 * for a site with one chat vendor (dist/consent-gate-<id>.js and
 * dist/consent-gate-guard-<id>.js) and what `consent-gate bundle --config`
 * writes for a site's own config. Pure: the caller reads and writes files.
 *
 *  - The guard carries the rules of exactly the vendors the config names
 *    (./guard-file.ts); services the site declares are compiled by the guard
 *    from the config itself, as on every page.
 *  - The runtime is the built runtime with the configured catalog vendors'
 *    part files written before it: each registers itself as it runs, so the
 *    runtime finds them at once and fetches nothing before it starts.
 *  - The other parts (banner, chat, audit, adapter, embed) are the built ones,
 *    fetched from next to the runtime when a page needs them.
 */
import { guardFor } from './guard-file.js';
import type { Vendor } from '../contract/types.js';

/** The built files a site's files are made from, by name (as in dist/). */
export interface BuiltFiles {
  /** dist/guard-template.js */
  guardTemplate: string;
  /** dist/consent-gate.js */
  runtime: string;
  /** dist/consent-gate-vendor-<id>.js, by vendor id */
  vendorParts: Readonly<Record<string, string>>;
}

/** The files of a site: file name → source. */
export type SiteFiles = Record<string, string>;

/**
 * The guard and the runtime for `vendors` (the catalog vendors the site's
 * config names, in config order), named as `names` says (default: the
 * drop-in names consent-gate-guard.js and consent-gate.js).
 */
export function siteFiles(
  built: BuiltFiles,
  vendors: readonly Vendor[],
  names = { guard: 'consent-gate-guard.js', runtime: 'consent-gate.js' },
): SiteFiles {
  const parts = vendors.map((vendor) => {
    const part = built.vendorParts[vendor.id];
    if (part === undefined)
      throw new Error(`consent-gate bundle: the built file of vendor "${vendor.id}" (consent-gate-vendor-${vendor.id}.js) is missing`);
    return part.trimEnd();
  });
  return {
    [names.guard]: guardFor(built.guardTemplate, vendors),
    // (each part ends its statement; a newline keeps the files apart for a reader)
    [names.runtime]: [...parts, built.runtime.trimEnd()].join('\n') + '\n',
  };
}
