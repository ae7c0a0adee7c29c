/**
 * A test double of Vimeo's embedded player, written from the project's
 * tag-facts reference (§10: Vimeo's page on its embedded player's cookies
 * and do-not-track [V1], AMP's `dnt` [V2]). Plain JavaScript (ESM) so the
 * browser tests and the demo server can both use it.
 *
 *   const vimeo = vimeoEmulator();
 *   openSite(browser, { hosts: vimeo.handlers });   // player.vimeo.com, i.vimeocdn.com
 *
 * What it models:
 * - the player page `/video/<video id>` on player.vimeo.com, which fetches the video's thumbnail
 *   from i.vimeocdn.com (`/video/<id>-d_640`, path unverified);
 * - without `dnt=1` it sets Vimeo's cookies on .vimeo.com: `vuid` (the owner's analytics id,
 *   2 years) and `player` (preferences, 1 year) [V1]; with `dnt=1` it sets none ("prevents us
 *   from setting any new cookies on your browser during that viewing session" [V1]);
 * - `autoplay=1` starts the video when the player loads; without it, the player waits for its
 *   play button;
 * - the frame tells its parent page `{ emulator: 'vimeo', event: 'load' | 'play', id, autoplay, url }`
 *   by postMessage (see emulators/_embed).
 * Every request is logged in `requests` (URLs).
 */
import { PNG, cookieHeaders, framePage, setCookie, vendorUrl } from '../_embed/index.mjs';

const VIMEO_PLAYER_HOST = 'player.vimeo.com';
const VIMEO_IMAGE_HOST = 'i.vimeocdn.com';
export const VIMEO_HOSTS = [VIMEO_PLAYER_HOST, VIMEO_IMAGE_HOST, 'f.vimeocdn.com'];
const TWO_YEARS = 63115200;
const YEAR = 31557600;

const random = () => Math.random().toString(36).slice(2, 13);

export function vimeoEmulator(options = {}) {
  const requests = [];
  const hostBase = options.hostBase;
  const player = (url) => {
    requests.push(url.href);
    const m = /^\/video\/(\d{1,20})$/.exec(url.pathname);
    if (!m) return null;
    const id = m[1];
    const body = framePage({
      emulator: 'vimeo',
      title: `Video ${id} · Vimeo`,
      id,
      autoplay: url.searchParams.get('autoplay') === '1',
      image: vendorUrl(hostBase, VIMEO_IMAGE_HOST, `/video/${id}-d_640`),
    });
    const dnt = url.searchParams.get('dnt') === '1';
    const headers = dnt
      ? {}
      : cookieHeaders(hostBase, [
          setCookie('vuid', `pl${random()}`, { domain: '.vimeo.com', maxAge: TWO_YEARS }),
          setCookie('player', '""', { domain: '.vimeo.com', maxAge: YEAR }),
        ]);
    return { body, contentType: 'text/html; charset=utf-8', headers };
  };
  const image = (url) => {
    requests.push(url.href);
    return /^\/video\/\d+-d_\d+$/.test(url.pathname) ? { body: PNG, contentType: 'image/png' } : null;
  };
  const assets = (url) => {
    requests.push(url.href);
    return null;
  };
  return { handlers: { [VIMEO_PLAYER_HOST]: player, [VIMEO_IMAGE_HOST]: image, 'f.vimeocdn.com': assets }, requests };
}
