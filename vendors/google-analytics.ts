/**
 * Google Analytics 4 through the Google tag (gtag.js). Facts come from the
 * project's tag-facts reference, §1 (each row names its source key; keys
 * G1–G17 are Google's own pages, the others third parties).
 *
 * How it is driven: a site pastes Google's snippet (the head guard holds
 * gtag.js back until analytics is granted) or names its measurement id here
 * and the adapter inserts the same snippet. Consent Mode v2 is declared as a
 * signal: the head guard writes `gtag('consent', 'default' | 'update', …)`
 * onto `dataLayer` before any tag runs and after every change. Withdrawal
 * needs no vendor call (the signal's `update` tells gtag.js); the runtime's
 * sweep deletes `_ga`, `_ga_*` on every parent domain and path.
 */
import { DAY, hostBaseOption, MINUTE, type Vendor, type VendorData, type VendorOptions } from '../src/contract/index.js';
import { GOOGLE_CONSENT_MODE, GOOGLE_TAG_HOST, loadGtag } from './_google.js';
import { consentModeOption } from './_tags.js';

const FACTS = 'tag-facts §1 (Google tag: GA4)';
/** `cookie_expires` default: 63072000 s (two years of 365 days) [G3]. */
const GA_COOKIE_LIFETIME = 63_072_000;

/** Why analytics. */
export const purposeSource = `${FACTS}, Purpose row: GA4 measures how the site is used (analytics); c15t maps it to analytics_storage [C15]. Google signals (ads reporting) is marketing and held apart (stats.g.doubleclick.net)`;

export interface GoogleAnalyticsOptions extends VendorOptions {
  /** The GA4 measurement id, `G-…`. With it, consent-gate inserts Google's snippet itself (no snippet to paste). */
  measurementId?: string;
  /** `basic` (default): held back until analytics is granted. `advanced`: loads with denied defaults, sends cookieless pings. */
  consentMode?: 'basic' | 'advanced';
  /** Where Google's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'google-analytics',
  kind: 'tag',
  title: 'Google Analytics',
  provider: 'Google Ireland Limited',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  purpose: 'analytics',
  summary: 'Google Analytics counts visits and how our pages are used, so we can improve the site; Google stores a visitor id in cookies.',
  hosts: [
    {
      host: '*.google-analytics.com',
      purpose: 'analytics',
      description: 'GA4 collection (region1.google-analytics.com/g/collect, www.google-analytics.com): page views and events.',
      source: `unverified: ${FACTS}, Google's CSP guide as relayed in GitLab MR 131861 [G5] (img and connect *.google-analytics.com); the hosts seen in practice come from public CSPs [CSP]`,
    },
    {
      host: '*.analytics.google.com',
      purpose: 'analytics',
      description: 'GA4 collection, second host family (region1.analytics.google.com/g/collect).',
      source: `unverified: ${FACTS}, Google's CSP guide as relayed [G5] (connect *.analytics.google.com); region1 seen in public CSPs [CSP]`,
    },
    {
      host: GOOGLE_TAG_HOST,
      path: '/gtag/',
      purpose: 'analytics',
      description:
        'The Google tag loader gtag.js (www.googletagmanager.com/gtag/js?id=G-…). The same file serves Google Ads: each vendor declares it under its own purpose.',
      source: `${FACTS}, Script row: Google's gtag.js install guide [G1]`,
    },
    {
      host: '*.googletagmanager.com',
      purpose: 'analytics',
      description:
        "Requests of the Google tag to Google's tag hosts (img and connect in Google's CSP guide); gtm.js and ns.html are Google Tag Manager's and declared there.",
      source: `unverified: ${FACTS}, Google's CSP guide as relayed in GitLab MR 131861 [G5] (img and connect *.googletagmanager.com)`,
    },
    {
      host: 'stats.g.doubleclick.net',
      purpose: 'marketing',
      description: 'Google signals: GA4 with Google signals on sends ads-related reporting here; held back until marketing is granted.',
      source: `unverified: ${FACTS}, "add *.g.doubleclick.net when Google signals is on" [G5], stats.g.doubleclick.net seen in public CSPs [CSP]; marketing because Google signals links visits to Google accounts for ads`,
    },
  ],
  cookies: [
    {
      name: '_ga',
      purpose: 'analytics',
      lifetime: GA_COOKIE_LIFETIME,
      refresh: true,
      scope: 'parent',
      description: 'Distinguishes visitors: a random client id, renewed on each visit.',
      source: `${FACTS}: GA4 cookie table [G2] ("distinguish users", 2 years); cookie_domain auto writes on the highest domain it can, cookie_expires 63072000 s, cookie_update renews on each page load [G3]`,
    },
    {
      name: '_ga_',
      match: 'prefix',
      purpose: 'analytics',
      lifetime: GA_COOKIE_LIFETIME,
      refresh: true,
      scope: 'parent',
      description: 'Persists session state (cookie _ga_<container-id>, the measurement id without "G-").',
      source: `${FACTS}: GA4 cookie table [G2] ("persist session state", 2 years), domain and renewal as _ga [G3]; unverified: the name's suffix, from tarteaucitron [TAC]`,
    },
    {
      name: '_gid',
      purpose: 'analytics',
      lifetime: DAY,
      scope: 'parent',
      description:
        'Distinguishes visitors for a day; written by Universal Analytics properties loaded through gtag.js (GA4 does not list it).',
      source: `${FACTS}: Universal Analytics cookie table [G17] (24 hours); the GA4 table lists only _ga and _ga_* [G2]`,
    },
    {
      name: '_gat',
      match: 'prefix',
      purpose: 'analytics',
      lifetime: MINUTE,
      scope: 'parent',
      description: 'Throttles the request rate (also _gat_gtag_<property>); Universal Analytics only.',
      source: `${FACTS}: Universal Analytics cookie table [G17] (1 minute)`,
    },
    {
      name: '_dc_gtm_',
      match: 'prefix',
      purpose: 'analytics',
      lifetime: MINUTE,
      scope: 'parent',
      description: 'Throttles the request rate when loaded through Google Tag Manager (_dc_gtm_<property-id>); Universal Analytics only.',
      source: `${FACTS}: Universal Analytics cookie table [G17] (1 minute)`,
    },
  ],
  storage: [],
  signals: [GOOGLE_CONSENT_MODE],
  options: {
    measurementId: {
      type: 'string',
      pattern: /^G-[A-Z0-9]{4,16}$/,
      expected: 'your GA4 measurement id, "G-" then capital letters and digits, such as "G-ABC123DEF4"',
    },
    consentMode: consentModeOption,
    hostBase: hostBaseOption,
  },
};

const adapter: Vendor<GoogleAnalyticsOptions>['adapter'] = {
  async load(ctx) {
    const id = ctx.options.measurementId;
    if (id) await loadGtag(ctx, id, ctx.options.hostBase);
  },
};

/** The catalog entry: data plus adapter. */
const googleAnalytics: Vendor<GoogleAnalyticsOptions> = { ...data, adapter };

export default googleAnalytics;
