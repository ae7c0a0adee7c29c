/**
 * What the embed vendors (vendors/youtube.ts, vimeo.ts, google-maps.ts)
 * share: reading the URL a site wrote for an embed as the vendor host and
 * path it reaches, also through `hostBase` (tests and the offline demo), and
 * writing the URL the frame loads back the same way.
 */
import { hostUrl } from '../src/contract/index.js';

/** An embed URL as the vendor sees it: `https://{host}{path}{query}`, whatever `hostBase` the page reaches it through. */
export interface Reached {
  /** The URL on the vendor's own host (its search parameters may be changed). */
  url: URL;
  /** The same URL as the page reaches it (through `hostBase` when given). */
  back(url: URL): string;
}

/**
 * The vendor URL that `url` (absolute, or relative to `base`) reaches: with
 * `hostBase` (a URL containing `{host}`, e.g. `/vendor/{host}`), a URL under
 * it names the host in place of `{host}`; without, the URL is the vendor's
 * own. Null when it is not a URL, or not under `hostBase`.
 */
export function reach(url: string, base: string, hostBase?: string): Reached | null {
  try {
    const given = new URL(url, base);
    if (!hostBase) return { url: given, back: (u) => u.href };
    const [before = '', after = ''] = hostBase.split('{host}');
    const prefix = new URL(before, base).href;
    if (!given.href.startsWith(prefix)) return null;
    const rest = given.href.slice(prefix.length);
    const host = /^[a-z0-9.-]+/i.exec(rest)?.[0];
    if (!host || !rest.slice(host.length).startsWith(after)) return null;
    const own = new URL(`https://${host}${rest.slice(host.length + after.length)}`);
    return { url: own, back: (u) => new URL(hostUrl(hostBase, u.host, u.pathname + u.search + u.hash), base).href };
  } catch {
    return null;
  }
}
