/**
 * What the Google vendors (google-analytics, google-ads, google-tag-manager)
 * share: Google Consent Mode v2 as a consent signal, the `consentMode`
 * option, and the Google tag's documented snippet (gtag.js with its
 * `dataLayer` and `gtag()` function). Part of the vendor toolkit: the
 * contract and this file are all a Google vendor file imports.
 */
import { hostUrl, type ConsentSignal, type VendorContext } from '../src/contract/index.js';
import { scriptOnPage } from './_tags.js';

/** Where the Google tag (gtag.js) and Google Tag Manager (gtm.js) load from. */
export const GOOGLE_TAG_HOST = 'www.googletagmanager.com';
/** gtag.js's path (`/gtag/js?id=…`); the rule covers `/gtag/` (gtag.js and its destinations). */
export const GTAG_PATH = '/gtag/js';

/**
 * Google Consent Mode v2: the seven consent types on `dataLayer`, each granted
 * by a purpose. `gtag('consent', 'default', state)` before any tag runs,
 * `gtag('consent', 'update', state)` after every change.
 */
export const GOOGLE_CONSENT_MODE: ConsentSignal = {
  queue: 'dataLayer',
  style: 'gtag',
  command: ['consent', '{phase}'],
  types: {
    ad_storage: 'marketing',
    ad_user_data: 'marketing',
    ad_personalization: 'marketing',
    analytics_storage: 'analytics',
    functionality_storage: 'functional',
    personalization_storage: 'functional',
    security_storage: true,
  },
  values: ['granted', 'denied'],
  source:
    "standards-facts §1: Google's consent guide (developers.google.com/tag-platform/security/guides/consent: default before any config or event, update on change, 'granted'/'denied') and consent mode reference (support.google.com/analytics/answer/13802165: the seven types); the purpose map is the one vanilla-cookieconsent and c15t use (analytics → analytics_storage; marketing → the three ad_ types; functional → functionality_storage and personalization_storage; security_storage always granted, as Cookiebot's official snippet sets it)",
};

interface GoogleWindow {
  dataLayer?: unknown;
  gtag?: unknown;
}

/** `window.dataLayer`, made an array when absent (a `dataLayer` that is not an array is left alone: it is not ours to replace). */
export function dataLayerOf(win: Window, name = 'dataLayer'): { push(...items: unknown[]): unknown } & ArrayLike<unknown> {
  const w = win as unknown as Record<string, unknown>;
  if (!Array.isArray(w[name])) w[name] = [];
  return w[name] as unknown[];
}

/** `window.gtag`, defined as Google's snippet defines it (it pushes its `arguments` object onto `dataLayer`) when the page has none. */
export function gtagOf(win: Window): (...args: unknown[]) => void {
  const w = win as unknown as GoogleWindow;
  const layer = dataLayerOf(win);
  if (typeof w.gtag !== 'function') {
    w.gtag = function gtag() {
      // gtag.js reads Arguments objects, not arrays: the snippet pushes `arguments` itself
      // biome-ignore lint/complexity/noArguments: the vendor's queue reads the Arguments object itself, as its own snippet pushes it
      layer.push(arguments);
    };
  }
  return w.gtag as (...args: unknown[]) => void;
}

/** Whether `dataLayer` already holds a gtag command (an Arguments object or array) starting with these values, e.g. `['config', 'G-XXXX']`. */
export function hasCommand(layer: ArrayLike<unknown>, ...start: unknown[]): boolean {
  for (let i = 0; i < layer.length; i++) {
    const entry = layer[i] as ArrayLike<unknown> | null;
    if (entry && typeof entry === 'object' && typeof entry.length === 'number' && start.every((value, j) => entry[j] === value))
      return true;
  }
  return false;
}

/**
 * The Google tag's documented snippet for one tag id (`G-…` or `AW-…`):
 * `gtag('js', new Date())` once, `gtag('config', id)` unless the page already
 * configured that id, and gtag.js inserted unless the page already has it (one
 * gtag.js serves every id on the page).
 */
export async function loadGtag(ctx: VendorContext, id: string, hostBase: string | undefined): Promise<void> {
  const gtag = gtagOf(ctx.window);
  const layer = dataLayerOf(ctx.window);
  if (!hasCommand(layer, 'js')) gtag('js', new Date());
  if (!hasCommand(layer, 'config', id)) gtag('config', id);
  if (scriptOnPage(ctx.document, hostBase, GOOGLE_TAG_HOST, GTAG_PATH)) return;
  await ctx.insertScript(hostUrl(hostBase, GOOGLE_TAG_HOST, `${GTAG_PATH}?id=${encodeURIComponent(id)}`));
}
