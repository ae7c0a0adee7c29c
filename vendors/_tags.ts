/**
 * The tag toolkit: what the tag vendors (kind 'tag', vendors/<id>.ts) share
 * beyond the contract. Kept apart from the chat toolkit (_kit.ts), so a chat
 * vendor's file carries none of it.
 */
import { hostUrl, type OptionSpec } from '../src/contract/index.js';

/** The `consentMode` option of the vendors whose code reads a consent mode (the Google tags, Microsoft UET). */
export const consentModeOption: OptionSpec = {
  type: 'string',
  oneOf: ['basic', 'advanced'],
  expected:
    '"basic" (the tag is held back until its purpose is granted; the default) or "advanced" (the tag loads with denied defaults and sends cookieless pings; its cookies stay held back until granted)',
};

/** Attributes where a script's URL may wait: the live `src`, the head guard's hold (`data-cg-src`) and the markup form (`data-src`). */
const SCRIPT_URL_ATTRIBUTES = ['src', 'data-cg-src', 'data-src'];

/**
 * The page's script from `host` whose path starts with `path`, if there is
 * one: inserted, pasted by the site (and held by the head guard until
 * consent, or already released), or written in the markup form. A URL
 * reached through `hostBase` (tests, the offline demo) counts too. An
 * adapter's `load` asks this first, so a site that pastes the vendor's
 * snippet never gets a second copy of the tag. `also`, when given, must
 * hold for the URL too (e.g. the container id in its query).
 */
export function scriptOnPage(
  doc: Document,
  hostBase: string | undefined,
  host: string,
  path: string,
  also?: (url: URL) => boolean,
): HTMLScriptElement | null {
  let viaBase: URL | null = null;
  try {
    viaBase = new URL(hostUrl(hostBase, host, path), doc.baseURI);
  } catch {
    // a hostBase that does not resolve: only the real host name counts
  }
  for (const el of doc.querySelectorAll('script')) {
    for (const name of SCRIPT_URL_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (!value) continue;
      try {
        const url = new URL(value, doc.baseURI);
        const at =
          (url.hostname === host && url.pathname.startsWith(path)) ||
          (viaBase && url.origin === viaBase.origin && url.pathname.startsWith(viaBase.pathname));
        if (at && (!also || also(url))) return el;
      } catch {
        // not a URL: not a loader
      }
    }
  }
  return null;
}

/** The vendor's global command array (`window[name]`), made an empty array when absent. A vendor object that took it over (it has `push`) is returned as it is. */
export function queueOf(win: Window, name: string): { push(...items: unknown[]): unknown } {
  const w = win as unknown as Record<string, unknown>;
  const found = w[name] as { push?: unknown } | undefined;
  if (found && typeof found.push === 'function') return found as { push(...items: unknown[]): unknown };
  const queue: unknown[] = [];
  w[name] = queue;
  return queue;
}
