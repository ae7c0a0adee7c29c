/**
 * A test double of YouTube's embedded player, written from the project's
 * tag-facts reference (§9) and YouTube's player-parameters page. Plain
 * JavaScript (ESM) so the browser tests and the demo server can both use it.
 *
 *   const yt = youtubeEmulator();
 *   openSite(browser, { hosts: yt.handlers });   // www.youtube-nocookie.com, www.youtube.com, i.ytimg.com
 *
 * What it models:
 * - the player page `/embed/<video id>` on www.youtube-nocookie.com (the privacy-enhanced player):
 *   no cookie, but as soon as it loads it writes `yt-remote-device-id` in its own local storage and
 *   opens the IndexedDB database `ytidb::LOCALSTORE` (unverified in the reference [WC][YTI]), and it
 *   fetches the video's thumbnail from i.ytimg.com (`/vi/<id>/hqdefault.jpg`, unverified);
 * - the same page on www.youtube.com (the standard player) also sets YouTube's cookies on
 *   .youtube.com: `VISITOR_INFO1_LIVE` (6 months) and `YSC` (session) [G13];
 * - `autoplay=1` starts the video when the player loads (YouTube's player parameters); without it,
 *   the player waits for its play button;
 * - the frame tells its parent page `{ emulator: 'youtube', event: 'load' | 'play', id, autoplay, url }`
 *   by postMessage (see emulators/_embed).
 * Every request is logged in `requests` (URLs).
 */
import { PNG, cookieHeaders, framePage, setCookie, vendorUrl } from '../_embed/index.mjs';

const YOUTUBE_NOCOOKIE_HOST = 'www.youtube-nocookie.com';
const YOUTUBE_HOST = 'www.youtube.com';
const YOUTUBE_IMAGE_HOST = 'i.ytimg.com';
export const YOUTUBE_HOSTS = [YOUTUBE_NOCOOKIE_HOST, YOUTUBE_HOST, YOUTUBE_IMAGE_HOST, 's.ytimg.com'];
/** The identifier the privacy-enhanced player keeps in its own local storage. */
const YOUTUBE_DEVICE_KEY = 'yt-remote-device-id';
/** 6 months in seconds (30.4375-day months). */
const SIX_MONTHS = 15778800;

const random = () => Math.random().toString(36).slice(2, 13);

export function youtubeEmulator(options = {}) {
  const requests = [];
  const hostBase = options.hostBase;
  const player = (standard) => (url) => {
    requests.push(url.href);
    const m = /^\/embed\/([\w-]{1,64})$/.exec(url.pathname);
    if (!m) return null;
    const id = m[1];
    const body = framePage({
      emulator: 'youtube',
      title: `Video ${id} · YouTube`,
      id,
      autoplay: url.searchParams.get('autoplay') === '1',
      image: vendorUrl(hostBase, YOUTUBE_IMAGE_HOST, `/vi/${id}/hqdefault.jpg`),
      local: { [YOUTUBE_DEVICE_KEY]: random() },
      database: 'ytidb::LOCALSTORE',
    });
    const headers = standard
      ? cookieHeaders(hostBase, [
          setCookie('VISITOR_INFO1_LIVE', random(), { domain: '.youtube.com', maxAge: SIX_MONTHS }),
          setCookie('YSC', random(), { domain: '.youtube.com' }),
        ])
      : {};
    return { body, contentType: 'text/html; charset=utf-8', headers };
  };
  const image = (url) => {
    requests.push(url.href);
    return /^\/vi\/[\w-]+\/\w+\.jpg$/.test(url.pathname) ? { body: PNG, contentType: 'image/png' } : null;
  };
  const statics = (url) => {
    requests.push(url.href);
    return null;
  };
  return {
    handlers: { [YOUTUBE_NOCOOKIE_HOST]: player(false), [YOUTUBE_HOST]: player(true), [YOUTUBE_IMAGE_HOST]: image, 's.ytimg.com': statics },
    requests,
  };
}
