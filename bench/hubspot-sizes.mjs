// Transfer sizes the HubSpot emulator pads its scripts to for the page-cost
// benchmark (section 3), in bytes as sent over the wire (compressed).
//
// Where they come from: NOT measured from HubSpot's servers. This machine has
// no internet and no first-party record of these sizes (HubSpot publishes
// none; no HAR or Lighthouse record of them was available offline). They are
// round estimates of the order of magnitude the scripts have, and every
// result that depends on them says so. To use real values, open a page with
// HubSpot's standard embed, read the "Transferred" column of the browser's
// network panel, and run:
//   BENCH_HUBSPOT_SIZES='{"js.usemessages.com":123456}' npm run bench
// (keys are host names; values replace the defaults below).
export const DEFAULT_HUBSPOT_SIZES = {
  'js.hs-scripts.com': { bytes: 1_500, what: 'tracking-code loader /{portalId}.js', source: 'unverified estimate' },
  'js.usemessages.com': { bytes: 60_000, what: 'chat widget conversations-embed.js', source: 'unverified estimate' },
  'js.hs-analytics.net': { bytes: 22_000, what: 'analytics /analytics/{ts}/{portalId}.js', source: 'unverified estimate' },
  'js.hs-banner.com': { bytes: 30_000, what: "HubSpot's cookie banner /{portalId}.js", source: 'unverified estimate' },
  'js.hscollectedforms.net': { bytes: 20_000, what: 'collected forms collectedforms.js', source: 'unverified estimate' },
  'js.hsadspixel.net': { bytes: 3_000, what: 'ads pixel fb.js', source: 'unverified estimate' },
};

export function hubspotSizes(env = process.env.BENCH_HUBSPOT_SIZES) {
  const sizes = structuredClone(DEFAULT_HUBSPOT_SIZES);
  if (env) {
    let given;
    try {
      given = JSON.parse(env);
    } catch {
      throw new TypeError('BENCH_HUBSPOT_SIZES must be JSON like {"js.usemessages.com": 123456}');
    }
    for (const [host, bytes] of Object.entries(given)) {
      if (!Number.isInteger(bytes) || bytes <= 0)
        throw new TypeError(`BENCH_HUBSPOT_SIZES["${host}"] must be a positive whole number of bytes, got ${JSON.stringify(bytes)}`);
      sizes[host] = { bytes, what: sizes[host]?.what ?? host, source: 'given in BENCH_HUBSPOT_SIZES' };
    }
  }
  return sizes;
}

/** { host: bytes } for hubspotEmulator({ pad }). */
export const padOf = (sizes) => Object.fromEntries(Object.entries(sizes).map(([host, s]) => [host, s.bytes]));
