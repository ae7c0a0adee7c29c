/**
 * A test double of the Maps Embed API's frame, written from the project's
 * tag-facts reference (§11) and Google's Maps Embed API guide [G16]. Plain
 * JavaScript (ESM) so the browser tests and the demo server can both use it.
 *
 *   const maps = mapsEmulator();
 *   openSite(browser, { hosts: maps.handlers });   // www.google.com, maps.googleapis.com
 *
 * What it models:
 * - the frame `www.google.com/maps/embed/v1/<mode>?key=…&…` for the modes place, view,
 *   directions, streetview and search [G16], and the keyless `www.google.com/maps/embed?pb=…`
 *   (unverified [TACI]); a v1 URL without `key` shows Google's error text instead of a map;
 * - loading a map sets Google's `NID` cookie on .google.com (6 months [G13]), and the map fetches
 *   a tile image from maps.googleapis.com (`/maps/vt?…`, path unverified);
 * - the frame tells its parent page `{ emulator: 'google-maps', event: 'load', id, autoplay: false, url }`
 *   by postMessage (see emulators/_embed); `id` is the mode (`place`, …, or `pb`).
 * Every request is logged in `requests` (URLs).
 */
import { PNG, cookieHeaders, framePage, setCookie, vendorUrl } from '../_embed/index.mjs';

const MAPS_EMBED_HOST = 'www.google.com';
const MAPS_API_HOST = 'maps.googleapis.com';
export const MAPS_HOSTS = [MAPS_EMBED_HOST, MAPS_API_HOST];
const MODES = ['place', 'view', 'directions', 'streetview', 'search'];
const SIX_MONTHS = 15778800;

const random = () => Math.random().toString(36).slice(2, 13);

export function mapsEmulator(options = {}) {
  const requests = [];
  const hostBase = options.hostBase;
  const frame = (url) => {
    requests.push(url.href);
    const v1 = /^\/maps\/embed\/v1\/(\w+)$/.exec(url.pathname);
    const pb = url.pathname === '/maps/embed' && url.searchParams.has('pb');
    if (!(v1 && MODES.includes(v1[1])) && !pb) return null;
    if (v1 && !url.searchParams.get('key')) {
      return {
        status: 403,
        body: '<!doctype html><title>Google Maps Platform rejected your request</title><p>Google Maps Platform rejected your request. The provided API key is invalid.</p>',
        contentType: 'text/html; charset=utf-8',
      };
    }
    const id = v1 ? v1[1] : 'pb';
    const body = framePage({
      emulator: 'google-maps',
      title: `${url.searchParams.get('q') ?? 'Map'} · Google Maps`,
      id,
      autoplay: false,
      image: vendorUrl(hostBase, MAPS_API_HOST, `/maps/vt?pb=${encodeURIComponent(id)}`),
      video: false,
    });
    return {
      body,
      contentType: 'text/html; charset=utf-8',
      headers: cookieHeaders(hostBase, [setCookie('NID', random(), { domain: '.google.com', maxAge: SIX_MONTHS })]),
    };
  };
  const api = (url) => {
    requests.push(url.href);
    return url.pathname === '/maps/vt' || url.pathname === '/maps/api/staticmap' ? { body: PNG, contentType: 'image/png' } : null;
  };
  return { handlers: { [MAPS_EMBED_HOST]: frame, [MAPS_API_HOST]: api }, requests };
}
