/**
 * YouTube videos embedded in a page, loaded from YouTube's privacy-enhanced
 * host (www.youtube-nocookie.com). Facts come from the project's tag-facts
 * reference, §9 (G13–G15 are Google's own pages; WC, YTI, SNIP third
 * parties) and §0 (what a page can and cannot delete).
 *
 * How it is driven: the site's embed (`<iframe data-consent-gate="youtube"
 * data-src="https://www.youtube-nocookie.com/embed/ID">`, a held
 * `<iframe src>`, or a `data-consent-gate-embed` element) shows a
 * placeholder until the visitor loads it (src/embed/). `embedUrl` turns a
 * www.youtube.com embed URL into its youtube-nocookie.com form and adds
 * `autoplay=1` when the visitor asked for that video, so it plays at once.
 * YouTube keeps nothing of its own on the site's domain: its cookies are on
 * youtube.com and its player's storage in the youtube-nocookie.com frame,
 * which the page can neither read nor delete (§0.2, §0.3); they are declared
 * as `thirdParty` rows, and the only control is not loading the frame.
 */
import { MONTH, hostBaseOption, type Vendor, type VendorData, type VendorOptions } from '../src/contract/index.js';
import { reach } from './_embed.js';

const FACTS = 'tag-facts §9 (YouTube embeds)';
/** Why functional: the reference's Purpose row. */
export const purposeSource = `${FACTS}, Purpose row: functional (external media) for youtube-nocookie.com embeds, held until consent because the player still writes an identifier (yt-remote-device-id); marketing for www.youtube.com embeds and iframe_api, which set YouTube's identifier cookies`;

export const YOUTUBE_NOCOOKIE_HOST = 'www.youtube-nocookie.com';
export const YOUTUBE_HOST = 'www.youtube.com';
export const YOUTUBE_IMAGE_HOST = 'i.ytimg.com';

export interface YoutubeOptions extends VendorOptions {
  /** Where YouTube's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'youtube',
  kind: 'embed',
  title: 'YouTube',
  provider: 'Google Ireland Limited',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  purpose: 'functional',
  summary:
    "Videos from YouTube, played in YouTube's privacy-enhanced player: loading one sends your IP address to Google, and the player keeps an identifier in its own storage on your device.",
  // (the allow list of YouTube's own "Share → Embed" code, unverified here, plus fullscreen)
  embed: {
    media: 'video',
    ratio: 16 / 9,
    allow: 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share; fullscreen',
  },
  hosts: [
    {
      host: YOUTUBE_NOCOOKIE_HOST,
      purpose: 'functional',
      description:
        "YouTube's privacy-enhanced player (www.youtube-nocookie.com/embed/<video id>): the frame every YouTube embed on this site loads.",
      source: `${FACTS}, Hosts row: "change the domain… to https://www.youtube-nocookie.com" [G14]; ${purposeSource}`,
    },
    {
      host: YOUTUBE_HOST,
      purpose: 'marketing',
      description:
        "YouTube's standard player (www.youtube.com/embed/<video id>) and its IFrame Player API script (www.youtube.com/iframe_api): they set YouTube's identifier cookies. An embed written with this host is loaded from www.youtube-nocookie.com instead.",
      source: `${FACTS}, Hosts and Cookies rows: the embed URL and iframe_api [G15]; VISITOR_INFO1_LIVE and YSC [G13]; iframe_api sets them even for nocookie players (unverified [WC]); ${purposeSource}`,
    },
    {
      host: YOUTUBE_IMAGE_HOST,
      purpose: 'functional',
      description:
        "YouTube's video thumbnails (i.ytimg.com/vi/<video id>/…): a placeholder never shows them, since fetching one tells Google of the visit.",
      source: `unverified: ${FACTS}, Hosts row ("Thumbnails come from i.ytimg.com", unverified in the reference)`,
    },
    {
      host: 's.ytimg.com',
      purpose: 'functional',
      description: "YouTube's static scripts for its player and IFrame Player API (www-widgetapi.js).",
      source: `unverified: ${FACTS}, Hosts row (s.ytimg.com in older page captures [SNIP])`,
    },
    {
      host: '*.googlevideo.com',
      purpose: 'functional',
      description: 'The video streams a YouTube player plays.',
      source: `unverified: ${FACTS}, Hosts row ("media from *.googlevideo.com", unverified in the reference)`,
    },
  ],
  // YouTube writes nothing on the site's own domain (§12: "none on the host site")
  cookies: [],
  storage: [],
  thirdParty: [
    {
      name: 'yt-remote-',
      match: 'prefix',
      type: 'local',
      domain: YOUTUBE_NOCOOKIE_HOST,
      purpose: 'functional',
      lifetime: 0,
      description:
        "The privacy-enhanced player's device identifier (yt-remote-device-id) and further yt-remote-* keys, in the player frame's local storage, written as soon as the player loads.",
      source: `unverified: ${FACTS}, "What nocookie still writes" row [WC][YTI] (one older report says only once playback starts)`,
    },
    {
      name: 'ytidb',
      match: 'prefix',
      type: 'indexeddb',
      domain: YOUTUBE_NOCOOKIE_HOST,
      purpose: 'functional',
      lifetime: 0,
      description: "The privacy-enhanced player's IndexedDB databases (ytidb…).",
      source: `unverified: ${FACTS}, "What nocookie still writes" row [WC][YTI]`,
    },
    {
      name: 'VISITOR_INFO1_LIVE',
      type: 'cookie',
      domain: '.youtube.com',
      purpose: 'marketing',
      lifetime: 6 * MONTH,
      description:
        "YouTube's visitor identifier, set by the standard player and the IFrame Player API (www.youtube.com), never by the privacy-enhanced player.",
      source: `${FACTS}, Cookies row: 6 months [G13]`,
    },
    {
      name: 'YSC',
      type: 'cookie',
      domain: '.youtube.com',
      purpose: 'marketing',
      lifetime: 0,
      description: "YouTube's session identifier, set by the standard player and the IFrame Player API (www.youtube.com).",
      source: `${FACTS}, Cookies row: for the browsing session [G13]`,
    },
  ],
  options: {
    hostBase: hostBaseOption,
  },
};

/** The embed paths a YouTube frame loads: a video, a playlist or a channel's uploads (`/embed/…`). */
const EMBED_PATH = /^\/embed\//;
const EMBED_HOSTS = [YOUTUBE_NOCOOKIE_HOST, YOUTUBE_HOST, 'youtube-nocookie.com', 'youtube.com'];

/**
 * The URL a YouTube frame loads for the URL a site wrote: on
 * www.youtube-nocookie.com, with `autoplay=1` when `start`; null for a URL
 * that is not a YouTube embed. @internal (exported for its unit tests)
 */
export function youtubeEmbedUrl(url: string, base: string, hostBase: string | undefined, start: boolean): string | null {
  const reached = reach(url, base, hostBase);
  if (!reached || !EMBED_HOSTS.includes(reached.url.hostname) || !EMBED_PATH.test(reached.url.pathname)) return null;
  const own = reached.url;
  own.hostname = YOUTUBE_NOCOOKIE_HOST;
  own.protocol = 'https:';
  own.port = '';
  // with autoplay set to 1 the video plays as soon as the player has loaded (YouTube's player parameters page, developers.google.com/youtube/player_parameters)
  if (start) own.searchParams.set('autoplay', '1');
  return reached.back(own);
}

const adapter: Vendor<YoutubeOptions>['adapter'] = {
  embedUrl: (ctx, url, start) => youtubeEmbedUrl(url, ctx.document.baseURI, ctx.options.hostBase, start),
};

/** The catalog entry: data plus adapter. */
const youtube: Vendor<YoutubeOptions> = {
  ...data,
  adapter,
};

export default youtube;
