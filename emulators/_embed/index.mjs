/**
 * What the embed emulators (emulators/youtube, vimeo, google-maps) share: the
 * page a vendor's frame shows, an image, and a cookie as the vendor's server
 * sets it. Plain JavaScript (ESM) for the browser tests and the demo server.
 *
 * The frame page reports itself to the page that embeds it with
 * `postMessage({ emulator, event: 'load', id, autoplay, url }, '*')` (and
 * `event: 'play'` when its play button is pressed), and keeps the same in
 * `window.__embedEmu` of the frame, so a test can count loads from the
 * embedding page. With `autoplay=1` in its URL it "plays" at once
 * (`document.body.dataset.state = 'playing'`).
 */

const DEFAULT_BASE = 'https://{host}';

/** A 1×1 transparent PNG, for the vendors' image hosts. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The URL of `path` on `host`, through `hostBase`. */
export function vendorUrl(hostBase, host, path) {
  return (hostBase ?? DEFAULT_BASE).replace('{host}', host) + path;
}

/**
 * A `Set-Cookie` value as a vendor's server sends it from its own domain, in
 * a third-party frame: `Domain`, `Secure` and `SameSite=None`.
 */
export function setCookie(name, value, { domain, maxAge } = {}) {
  const parts = [`${name}=${value}`, 'Path=/'];
  if (maxAge) parts.push(`Max-Age=${maxAge}`);
  parts.push(`Domain=${domain}`, 'Secure', 'SameSite=None');
  return parts.join('; ');
}

/**
 * The headers that set a vendor frame's `cookies` (setCookie values): none
 * through a local `hostBase` (the demo, which serves the vendor from its own
 * origin). There the vendor's own domain does not exist, and a browser would
 * keep its cookie on the site's host instead: a cookie the real vendor never
 * writes there, which the site's withdrawal rightly leaves alone and a scan
 * rightly reports as the site's own undeclared cookie.
 */
export function cookieHeaders(hostBase, cookies) {
  return hostBase && hostBase !== DEFAULT_BASE ? {} : { 'set-cookie': cookies.join('\n') };
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The script of a frame page (runs in the vendor's frame). */
function frameMain(info) {
  var d = document;
  var emu = (window.__embedEmu = {
    emulator: info.emulator,
    id: info.id,
    autoplay: info.autoplay,
    url: location.href,
    plays: info.autoplay ? 1 : 0,
  });
  function tell(event) {
    try {
      parent.postMessage({ emulator: info.emulator, event: event, id: info.id, autoplay: info.autoplay, url: location.href }, '*');
    } catch (_e) {
      // no parent to tell
    }
  }
  for (var key in info.local) {
    try {
      localStorage.setItem(key, info.local[key]);
    } catch (e) {
      emu.storageError = String(e);
    }
  }
  if (info.database) {
    try {
      indexedDB.open(info.database);
    } catch (e) {
      emu.storageError = String(e);
    }
  }
  d.body.dataset.state = info.autoplay ? 'playing' : 'ready';
  var play = d.getElementById('play');
  if (play) {
    play.onclick = function () {
      emu.plays++;
      d.body.dataset.state = 'playing';
      tell('play');
    };
  }
  tell('load');
}

/**
 * The HTML of a vendor's frame page: a title, the vendor's own image (a
 * thumbnail, a map tile) fetched from its image host, a play button for a
 * video, and the script above.
 */
export function framePage({ emulator, title, id, autoplay, image, local = {}, database = null, video = true }) {
  const info = { emulator, id, autoplay, local, database };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>html,body{margin:0;height:100%;font:14px system-ui,sans-serif;background:#111;color:#fff}main{position:relative;height:100%;display:flex;align-items:center;justify-content:center}img{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;opacity:.3}button{position:relative;font:inherit;padding:8px 16px}</style></head>
<body data-emulator="${escapeHtml(emulator)}"><main><img alt="" src="${escapeHtml(image)}"><p>${escapeHtml(title)}</p>${video ? '<button id="play" type="button">Play</button>' : ''}</main>
<script>(${frameMain.toString()})(${JSON.stringify(info).replace(/</g, '\\u003c')});</script></body></html>`;
}
