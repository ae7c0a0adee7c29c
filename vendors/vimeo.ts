/**
 * Vimeo videos embedded in a page, always loaded with `dnt=1`. Facts come
 * from the project's tag-facts reference, §10 (V1 and V2 are Vimeo's and
 * AMP's own pages; VIM3 a third party) and §0.
 *
 * How it is driven: the site's embed (`<iframe data-consent-gate="vimeo"
 * data-src="https://player.vimeo.com/video/ID">`, a held `<iframe src>`, or
 * a `data-consent-gate-embed` element) shows a placeholder until the visitor
 * loads it (src/embed/). `embedUrl` adds `dnt=1`, with which Vimeo sets no
 * new cookie during the viewing session (and its video statistics are lost),
 * and `autoplay=1` when the visitor asked for that video. Vimeo keeps
 * nothing on the site's domain: its cookies are on vimeo.com, out of the
 * page's reach (§0.2), declared as `thirdParty` rows.
 */
import { DAY, MINUTE, YEAR, hostBaseOption, type Vendor, type VendorData, type VendorOptions } from '../src/contract/index.js';
import { reach } from './_embed.js';

const FACTS = 'tag-facts §10 (Vimeo embeds)';
/** Why functional: the reference's Purpose row. */
export const purposeSource = `${FACTS}, Purpose row: functional with dnt=1 (Vimeo then sets no new cookie); analytics without it, because vuid is an analytics id [V1]`;

export const VIMEO_PLAYER_HOST = 'player.vimeo.com';

export interface VimeoOptions extends VendorOptions {
  /** Where Vimeo's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'vimeo',
  kind: 'embed',
  title: 'Vimeo',
  provider: 'Vimeo.com, Inc.',
  privacyPolicyUrl: 'https://vimeo.com/privacy',
  purpose: 'functional',
  summary:
    "Videos from Vimeo, played with Vimeo's do-not-track setting: loading one sends your IP address to Vimeo, which then sets no new cookie.",
  // (the allow list of Vimeo's player.js README example, plus fullscreen and picture-in-picture, unverified)
  embed: { media: 'video', ratio: 16 / 9, allow: 'autoplay; fullscreen; picture-in-picture; encrypted-media' },
  hosts: [
    {
      host: VIMEO_PLAYER_HOST,
      purpose: 'functional',
      description:
        "Vimeo's player (player.vimeo.com/video/<video id>?dnt=1), the frame every Vimeo embed on this site loads, and Vimeo's player SDK (player.vimeo.com/api/player.js).",
      source: `${FACTS}, Hosts and Snippet rows [V1][V2]; ${purposeSource}`,
    },
    {
      host: '*.vimeocdn.com',
      purpose: 'functional',
      description:
        "Vimeo's player assets (f.vimeocdn.com) and video thumbnails (i.vimeocdn.com): a placeholder never shows a Vimeo thumbnail, since fetching one tells Vimeo of the visit.",
      source: `unverified: ${FACTS}, Hosts row (f.vimeocdn.com [VIM3]); i.vimeocdn.com from the thumbnail URLs Vimeo's oEmbed answers carry, as quoted in public code`,
    },
  ],
  // Vimeo writes nothing on the site's own domain (§12: "none on the host site")
  cookies: [],
  storage: [],
  thirdParty: [
    {
      name: 'vuid',
      type: 'cookie',
      domain: '.vimeo.com',
      purpose: 'analytics',
      lifetime: 2 * YEAR,
      description: "Vimeo-generated id for the video owner's analytics. Not set with dnt=1, which consent-gate always adds.",
      source: `${FACTS}, Cookies row: "Vimeo-generated ID used for generating analytics information for the video owner", 2 years [V1]; dnt=1 "prevents us from setting any new cookies" [V1]`,
    },
    {
      name: 'player',
      type: 'cookie',
      domain: '.vimeo.com',
      purpose: 'functional',
      lifetime: YEAR,
      description: "The visitor's player preferences. Not set anew with dnt=1.",
      source: `${FACTS}, Cookies row: 1 year [V1]`,
    },
    {
      name: '__cf_bm',
      type: 'cookie',
      domain: '.vimeo.com',
      purpose: 'functional',
      lifetime: 30 * MINUTE,
      description: "Cloudflare's bot management cookie on Vimeo's hosts.",
      source: `${FACTS}, Cookies row: 30 min [V1] (Vimeo's page spells it "_cf_bm"; Cloudflare's own name is __cf_bm)`,
    },
    {
      name: '_cfuvid',
      type: 'cookie',
      domain: '.vimeo.com',
      purpose: 'functional',
      lifetime: 0,
      description: "Cloudflare's rate-limiting cookie on Vimeo's hosts, for the browsing session.",
      source: `${FACTS}, Cookies row: session [V1]`,
    },
    {
      name: 'player_clearance',
      type: 'cookie',
      domain: '.vimeo.com',
      purpose: 'functional',
      lifetime: 7 * DAY,
      description: 'Lets a visitor who passed a check keep watching for 7 days.',
      source: `${FACTS}, Cookies row: 7 d [V1]`,
    },
  ],
  options: {
    hostBase: hostBaseOption,
  },
};

/** The embed paths a Vimeo frame loads: `/video/<id>`. */
const EMBED_PATH = /^\/video\//;

/**
 * The URL a Vimeo frame loads for the URL a site wrote: with `dnt=1`, and
 * `autoplay=1` when `start`; null for a URL that is not a Vimeo embed.
 * @internal (exported for its unit tests)
 */
export function vimeoEmbedUrl(url: string, base: string, hostBase: string | undefined, start: boolean): string | null {
  const reached = reach(url, base, hostBase);
  if (!reached || reached.url.hostname !== VIMEO_PLAYER_HOST || !EMBED_PATH.test(reached.url.pathname)) return null;
  const own = reached.url;
  // dnt=1: "prevents us from setting any new cookies on your browser during that viewing session" [V1]
  own.searchParams.set('dnt', '1');
  // autoplay=1 starts playback when the player loads (Vimeo's embed options; browsers may still refuse sound)
  if (start) own.searchParams.set('autoplay', '1');
  return reached.back(own);
}

const adapter: Vendor<VimeoOptions>['adapter'] = {
  embedUrl: (ctx, url, start) => vimeoEmbedUrl(url, ctx.document.baseURI, ctx.options.hostBase, start),
};

/** The catalog entry: data plus adapter. */
const vimeo: Vendor<VimeoOptions> = {
  ...data,
  adapter,
};

export default vimeo;
