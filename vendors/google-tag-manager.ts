/**
 * Google Tag Manager (gtm.js and its noscript iframe ns.html). Facts come
 * from the project's tag-facts reference, §3.
 *
 * A container runs whatever tags the site configured in it, which
 * consent-gate cannot see. So the container is held back under its strictest
 * purpose, marketing, and every tag it fires is still held by its own
 * vendor's rules (a GA4 tag inside loads gtag.js, which waits for analytics).
 * gtm.js writes no cookie of its own; the tags it fires do, and their vendors
 * declare them. Consent Mode v2 is declared as a signal: GTM's built-in
 * consent checks (GA, Ads, Floodlight, Conversion Linker) read it from
 * `dataLayer`.
 */
import { hostBaseOption, hostUrl, type Vendor, type VendorData, type VendorOptions } from '../src/contract/index.js';
import { consentModeOption, scriptOnPage } from './_tags.js';
import { dataLayerOf, GOOGLE_CONSENT_MODE, GOOGLE_TAG_HOST } from './_google.js';

const FACTS = 'tag-facts §3 (Google Tag Manager)';
export const GTM_PATH = '/gtm.js';

/** Why marketing. */
export const purposeSource = `${FACTS}, Purpose row: a container is a functional loader only if consent defaults are set before gtm.js and every tag inside is consent-checked [G8]; consent-gate cannot check the tags inside, so the whole container is gated under its strictest purpose, marketing (the reference's recommendation, not a vendor rule)`;

export interface GoogleTagManagerOptions extends VendorOptions {
  /** The container id, `GTM-…`. With it, consent-gate inserts Google's snippet itself. */
  containerId?: string;
  /** `basic` (default): held back until marketing is granted. `advanced`: the container loads with denied defaults; consent-checked tags inside send cookieless pings. */
  consentMode?: 'basic' | 'advanced';
  /** Where Google's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'google-tag-manager',
  kind: 'tag',
  title: 'Google Tag Manager',
  provider: 'Google Ireland Limited',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  purpose: 'marketing',
  summary:
    'Google Tag Manager loads our measurement and advertising tags; it waits until you allow marketing, and each tag it loads still needs its own consent.',
  hosts: [
    {
      host: GOOGLE_TAG_HOST,
      path: GTM_PATH,
      purpose: 'marketing',
      description: 'The container script gtm.js (www.googletagmanager.com/gtm.js?id=GTM-…, with &l=<name> for a renamed dataLayer).',
      source: `${FACTS}, Hosts and Snippet (head) rows: Google's CSP guide with the GTM snippet [G4]`,
    },
    {
      host: GOOGLE_TAG_HOST,
      path: '/ns.html',
      purpose: 'marketing',
      description:
        'The container for browsers without JavaScript: an iframe (www.googletagmanager.com/ns.html?id=GTM-…) in a <noscript> after <body>.',
      source: `unverified: ${FACTS}, Snippet (body) row: the text of GTM's install dialog as reproduced in many copies [SNIP]`,
    },
  ],
  cookies: [],
  storage: [],
  signals: [GOOGLE_CONSENT_MODE],
  options: {
    containerId: {
      type: 'string',
      pattern: /^GTM-[A-Z0-9]{4,10}$/,
      expected: 'your Google Tag Manager container id, "GTM-" then capital letters and digits, such as "GTM-ABC1234"',
    },
    consentMode: consentModeOption,
    hostBase: hostBaseOption,
  },
};

const adapter: Vendor<GoogleTagManagerOptions>['adapter'] = {
  /** Google's head snippet: the `gtm.js` start event on `dataLayer`, then gtm.js (unless the page has this container already). */
  async load(ctx) {
    const id = ctx.options.containerId;
    if (!id || scriptOnPage(ctx.document, ctx.options.hostBase, GOOGLE_TAG_HOST, GTM_PATH, (url) => url.searchParams.get('id') === id))
      return;
    dataLayerOf(ctx.window).push({ 'gtm.start': Date.now(), event: 'gtm.js' });
    await ctx.insertScript(hostUrl(ctx.options.hostBase, GOOGLE_TAG_HOST, `${GTM_PATH}?id=${encodeURIComponent(id)}`));
  },
};

/** The catalog entry: data plus adapter. */
const googleTagManager: Vendor<GoogleTagManagerOptions> = { ...data, adapter };

export default googleTagManager;
