/**
 * What both HubSpot vendors (hubspot-conversations, hubspot-tracking) share:
 * where their facts come from, the tracking code's hosts and cookies (the
 * same rows, under the same purposes, in both entries) and HubSpot's consent
 * API as a consent signal. Part of the vendor toolkit.
 */
import { DAY, MONTH, type ConsentSignal, type CookieRule, type HostRule } from '../src/contract/index.js';

/** Where the HubSpot rows come from. */
export const FACTS = 'vendor-facts reference, HubSpot section';
export const KB = `${FACTS}: HubSpot knowledge base 'Cookies set in a visitor's browser by HubSpot'`;
export const PAGES = `${FACTS}: HubSpot embed code as seen in public page source`;

/**
 * HubSpot's cookie consent banner API: `window.disableHubSpotCookieBanner`
 * before any HubSpot script (HubSpot's banner stays off, consent-gate is the
 * consent manager), then `_hsp.push(['setHubSpotConsent', { analytics,
 * advertisement, functionality }])` on every page, because HubSpot does not
 * keep that state in its cookies.
 */
export const HUBSPOT_CONSENT: ConsentSignal = {
  queue: '_hsp',
  style: 'list',
  command: ['setHubSpotConsent'],
  types: { analytics: 'analytics', advertisement: 'marketing', functionality: 'functional' },
  values: [true, false],
  globals: { disableHubSpotCookieBanner: true },
  source:
    "standards-facts §3: HubSpot's consent banner API (developers.hubspot.com/docs/api-reference/latest/account/settings/consent-banner/consent-banner-api): setHubSpotConsent with analytics, advertisement and functionality is not saved in HubSpot's cookies, so it is sent on every page; disableHubSpotCookieBanner must be set before the banner loads",
};

/** The tracking code's hosts apart from its loader (analytics, form capture, ads pixel, HubSpot's own banner). */
export const TRACKING_HOSTS: HostRule[] = [
  {
    host: '*.hs-analytics.net',
    purpose: 'analytics',
    description: 'Page analytics script (js.hs-analytics.net/analytics/{ts}/{portalId}.js); sets __hstc, hubspotutk, __hssc, __hssrc.',
    source: PAGES,
  },
  { host: 'track.hubspot.com', purpose: 'analytics', description: 'Analytics pixel (__ptq.gif).', source: PAGES },
  {
    host: 'track-eu1.hubspot.com',
    purpose: 'analytics',
    description: 'Analytics pixel, EU data-centre.',
    source: `${PAGES}; eu1 host name unverified`,
  },
  {
    host: '*.hs-banner.com',
    purpose: 'analytics',
    description: "HubSpot's own cookie banner; replaced by consent-gate and switched off with window.disableHubSpotCookieBanner.",
    source: PAGES,
  },
  { host: '*.hscollectedforms.net', purpose: 'marketing', description: 'Capture of non-HubSpot forms (collectedforms.js).', source: PAGES },
  {
    host: '*.hsadspixel.net',
    purpose: 'marketing',
    description: 'Ads pixel (fb.js), which sets advertising cookies such as _fbp.',
    source: PAGES,
  },
  { host: '*.hsleadflows.net', purpose: 'marketing', description: 'Pop-up forms (leadflows.js).', source: PAGES },
];

/** The tracking code's cookies, with HubSpot's own consent records (necessary). */
export const TRACKING_COOKIES: CookieRule[] = [
  {
    name: '__hstc',
    purpose: 'analytics',
    lifetime: 6 * MONTH,
    refresh: true,
    scope: 'parent',
    description: 'Main visitor-tracking cookie: domain, first, last and current visit timestamps, session count.',
    source: `${KB}; 6 months now, 13 months or 2 years in older copies`,
  },
  {
    name: 'hubspotutk',
    purpose: 'analytics',
    lifetime: 6 * MONTH,
    refresh: true,
    scope: 'parent',
    description: 'Visitor identity, sent with form submissions to deduplicate contacts.',
    source: KB,
  },
  {
    name: '__hssc',
    purpose: 'analytics',
    lifetime: 1800,
    refresh: true,
    scope: 'parent',
    description: 'Session counter: page views in this session.',
    source: KB,
  },
  {
    name: '__hssrc',
    purpose: 'analytics',
    lifetime: 0,
    scope: 'parent',
    description: 'Detects a browser restart to count sessions.',
    source: KB,
  },
  {
    name: '_fbp',
    purpose: 'marketing',
    lifetime: 90 * DAY,
    scope: 'parent',
    description: 'Advertising id set by the HubSpot ads pixel.',
    source: `${FACTS} (set by js.hsadspixel.net); lifetime unverified: 90 days as Meta's Param Builder code sets _fbp (tag-facts §4 [M4])`,
  },
  {
    name: '__hs_opt_out',
    purpose: 'necessary',
    lifetime: 180 * DAY,
    scope: 'parent',
    description: "HubSpot's own record that the visitor opted out of tracking.",
    source: KB,
  },
  {
    name: '__hs_initial_opt_in',
    purpose: 'necessary',
    lifetime: 7 * DAY,
    scope: 'parent',
    description: "HubSpot's own record of a first opt-in under strict mode.",
    source: KB,
  },
  {
    name: '__hs_cookie_cat_pref',
    purpose: 'necessary',
    lifetime: 180 * DAY,
    scope: 'parent',
    description: "HubSpot's own record of consented categories (1 analytics, 2 advertisement, 3 functionality).",
    source: `${KB}; value format seen in HubSpot banner source`,
  },
  {
    name: '__hs_do_not_track',
    purpose: 'necessary',
    lifetime: 6 * MONTH,
    scope: 'parent',
    description: 'Stops the tracking code from sending any information (set by doNotTrack).',
    source: KB,
  },
];
