/**
 * What both HubSpot vendors (hubspot-conversations, hubspot-tracking) share:
 * HubSpot's consent API as a consent signal. Part of the vendor toolkit.
 */
import type { ConsentSignal } from '../src/contract/index.js';

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
