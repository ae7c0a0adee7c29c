/**
 * Google Maps embedded in a page with the Maps Embed API. Facts come from
 * the project's tag-facts reference, §11 (G13 and G16 are Google's own
 * pages; TAC, TACI, OCD, KUK third parties) and §0.
 *
 * How it is driven: the site's embed (`<iframe data-consent-gate="google-maps"
 * data-src="https://www.google.com/maps/embed/v1/place?key=…&q=…">`, a held
 * `<iframe src>`, or a `data-consent-gate-embed` element) shows a
 * placeholder until the visitor loads it (src/embed/). A map has nothing to
 * start, so `embedUrl` keeps the site's URL as written. Google sets its
 * cookies (NID) on google.com, out of the page's reach (§0.2): declared as
 * `thirdParty` rows; the only control is not loading the frame.
 */
import { MONTH, hostBaseOption, type Vendor, type VendorData, type VendorOptions } from '../src/contract/index.js';
import { reach } from './_embed.js';

const FACTS = 'tag-facts §11 (Google Maps embed)';
/** Why functional: the reference's Purpose row. */
export const purposeSource = `${FACTS}, Purpose row: functional (external media), the frame held back until consent because Google sets identifier cookies such as NID`;

export const MAPS_EMBED_HOST = 'www.google.com';
export const MAPS_EMBED_PATH = '/maps/embed';
export const MAPS_API_HOST = 'maps.googleapis.com';

export interface GoogleMapsOptions extends VendorOptions {
  /** Where Google's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'google-maps',
  kind: 'embed',
  title: 'Google Maps',
  provider: 'Google Ireland Limited',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  purpose: 'functional',
  summary: 'Maps from Google Maps: loading one sends your IP address to Google, which sets its own cookies (such as NID) on google.com.',
  // (the Maps Embed API's sample frame carries allowfullscreen [G16])
  embed: { media: 'map', ratio: 4 / 3, allow: 'fullscreen' },
  hosts: [
    {
      host: MAPS_EMBED_HOST,
      path: MAPS_EMBED_PATH,
      purpose: 'functional',
      description:
        'The Maps Embed API frame (www.google.com/maps/embed/v1/<mode>?key=…, modes place, view, directions, streetview and search) and the keyless "Share → Embed a map" form (www.google.com/maps/embed?pb=…).',
      source: `${FACTS}, Hosts row: the Maps Embed API URL and modes [G16]; the keyless form unverified [TACI]; ${purposeSource}`,
    },
    {
      host: MAPS_API_HOST,
      purpose: 'functional',
      description:
        "Google's map images and scripts: Maps Static API images (maps.googleapis.com/maps/api/staticmap), which a site may use as a map's preview: a placeholder never shows one, since fetching it tells Google of the visit.",
      source:
        "Google's Maps Static API guide (developers.google.com/maps/documentation/maps-static/start): the image URL https://maps.googleapis.com/maps/api/staticmap?…; not in the tag-facts reference",
    },
  ],
  // "Neither source lists any cookie on the host site" (§11)
  cookies: [],
  storage: [],
  thirdParty: [
    {
      name: 'NID',
      type: 'cookie',
      domain: '.google.com',
      purpose: 'functional',
      lifetime: 6 * MONTH,
      description:
        "Google's preferences and identifier cookie, set on google.com when a map loads; it may also be used for advertising to signed-out users (unverified).",
      source: `${FACTS}, Cookies row: "expires 6 months after a user's last use" [G13] (the Open Cookie Database says 1 year [OCD]); the advertising use unverified [KUK]`,
    },
  ],
  options: {
    hostBase: hostBaseOption,
  },
};

/**
 * The URL a Google Maps frame loads for the URL a site wrote: unchanged;
 * null for a URL that is not a Maps embed (www.google.com/maps/embed…).
 * @internal (exported for its unit tests)
 */
export function mapsEmbedUrl(url: string, base: string, hostBase: string | undefined): string | null {
  const reached = reach(url, base, hostBase);
  if (!reached || reached.url.hostname !== MAPS_EMBED_HOST || !/^\/maps\/embed(\/|$)/.test(reached.url.pathname)) return null;
  return reached.back(reached.url);
}

const adapter: Vendor<GoogleMapsOptions>['adapter'] = {
  embedUrl: (ctx, url) => mapsEmbedUrl(url, ctx.document.baseURI, ctx.options.hostBase),
};

/** The catalog entry: data plus adapter. */
const googleMaps: Vendor<GoogleMapsOptions> = {
  ...data,
  adapter,
};

export default googleMaps;
