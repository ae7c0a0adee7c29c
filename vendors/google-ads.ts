/**
 * Google Ads conversion tracking and remarketing through the Google tag
 * (gtag.js with an `AW-…` id). Facts come from the project's tag-facts
 * reference, §2 (each row names its source key; G1–G17 are Google's own
 * pages, the others third parties).
 *
 * The same gtag.js serves Google Analytics: both vendors declare it, each
 * under its own purpose, and the head guard lets the vendor the config names
 * claim it. Consent Mode v2 is declared as a signal (the head guard writes the
 * `default` and every `update` onto `dataLayer`); withdrawal needs no vendor
 * call, and the runtime's sweep deletes `_gcl_*`, `_gac_*` and `_gcl_ls`.
 */
import { DAY, hostBaseOption, type Vendor, type VendorData, type VendorOptions } from '../src/contract/index.js';
import { GOOGLE_CONSENT_MODE, GOOGLE_TAG_HOST, loadGtag } from './_google.js';
import { consentModeOption } from './_tags.js';

const FACTS = 'tag-facts §2 (Google tag for Google Ads)';
const CSP = `unverified: ${FACTS}, Hosts row: many independent public CSPs that cite Google's CSP guide, Google Ads section [CSP]`;
const AD_COOKIE_LIFETIME = 90 * DAY;

/** Why marketing. */
export const purposeSource = `${FACTS}, Purpose row: ad conversion attribution and remarketing (marketing); Google's consent types for it are ad_storage, ad_user_data and ad_personalization [G7]`;

export interface GoogleAdsOptions extends VendorOptions {
  /** The Google Ads conversion id, `AW-…`. With it, consent-gate inserts Google's snippet itself. */
  conversionId?: string;
  /** `basic` (default): held back until marketing is granted. `advanced`: loads with denied defaults, sends cookieless pings. */
  consentMode?: 'basic' | 'advanced';
  /** Where Google's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'google-ads',
  kind: 'tag',
  title: 'Google Ads',
  provider: 'Google Ireland Limited',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  purpose: 'marketing',
  summary: 'Google Ads measures which of our ads led to a visit or a purchase, and may use your visit to show you our ads elsewhere.',
  hosts: [
    {
      host: 'www.googleadservices.com',
      purpose: 'marketing',
      description: 'Conversion pings (www.googleadservices.com/pagead/conversion/…).',
      source: CSP,
    },
    {
      host: 'googleads.g.doubleclick.net',
      purpose: 'marketing',
      description: 'Remarketing and view-through conversion pings.',
      source: CSP,
    },
    {
      host: 'www.google.com',
      path: '/pagead/',
      purpose: 'marketing',
      description:
        'Conversion and remarketing pings on www.google.com (under /pagead/ only: reCAPTCHA and Maps on www.google.com are not Google Ads).',
      source: `${CSP}; the path prefix is an inference (Google Ads pings seen under /pagead/), chosen so other Google services on www.google.com are not held`,
    },
    { host: 'pagead2.googlesyndication.com', purpose: 'marketing', description: 'Google Ads scripts and pings.', source: CSP },
    { host: 'td.doubleclick.net', purpose: 'marketing', description: 'Remarketing iframe (frame-src).', source: CSP },
    { host: 'bid.g.doubleclick.net', purpose: 'marketing', description: 'Remarketing iframe (frame-src).', source: CSP },
    {
      host: GOOGLE_TAG_HOST,
      path: '/gtag/',
      purpose: 'marketing',
      description: 'The Google tag loader gtag.js (/gtag/js?id=AW-…), the same file Google Analytics loads: declared here under marketing.',
      source: `unverified: ${FACTS}, Script row: the same loader with id=AW-…, as in many copies of Google's snippet [SNIP]; its shape matches Google's gtag.js guide [G1]`,
    },
  ],
  cookies: [
    {
      name: '_gcl_',
      match: 'prefix',
      purpose: 'marketing',
      lifetime: AD_COOKIE_LIFETIME,
      refresh: true,
      scope: 'parent',
      description:
        'Ad-click information stored by the Conversion Linker (_gcl_au, _gcl_aw, _gcl_dc, _gcl_gs, _gcl_gb, _gcl_gf, _gcl_ha), so a later purchase is credited to the ad.',
      source: `${FACTS}: the Conversion Linker "stores ad-click information in first-party cookies on the web page's domain" [G12]; _gcl_* names and cookie fields as the other tag cookies [G11]; unverified: the individual names and about 90 days, from the Open Cookie Database [OCD] and tarteaucitron [TAC]`,
    },
    {
      name: '_gac_',
      match: 'prefix',
      purpose: 'marketing',
      lifetime: AD_COOKIE_LIFETIME,
      refresh: true,
      scope: 'parent',
      description: 'Campaign data written for a linked Google Analytics property (_gac_<property-id>).',
      source: `${FACTS}: GA writes campaign data to _gac_<property-id> [G11], domain and renewal as the other tag cookies [G3]; unverified: 90 days, by analogy with _gcl_* [OCD]`,
    },
  ],
  storage: [
    {
      key: '_gcl_ls',
      storage: 'local',
      purpose: 'marketing',
      lifetime: 0,
      description: 'Ad-click information kept in localStorage as well as in cookies.',
      source: `unverified: ${FACTS}, Storage row: seen in several site storage dumps and CMP lists [OBS]`,
    },
  ],
  signals: [GOOGLE_CONSENT_MODE],
  options: {
    conversionId: {
      type: 'string',
      pattern: /^AW-\d{6,12}$/,
      expected: 'your Google Ads conversion id, "AW-" then digits, such as "AW-123456789"',
    },
    consentMode: consentModeOption,
    hostBase: hostBaseOption,
  },
};

const adapter: Vendor<GoogleAdsOptions>['adapter'] = {
  async load(ctx) {
    const id = ctx.options.conversionId;
    if (id) await loadGtag(ctx, id, ctx.options.hostBase);
  },
};

/** The catalog entry: data plus adapter. */
const googleAds: Vendor<GoogleAdsOptions> = { ...data, adapter };

export default googleAds;
