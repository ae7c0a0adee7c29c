/**
 * HubSpot's tracking code on its own (analytics, form capture, ads pixel),
 * apart from the chat (hubspot-conversations). Facts come from the project's
 * vendor-facts reference (HubSpot section: HubSpot's knowledge base on its
 * cookies, public page source) and standards-facts §3 (HubSpot's consent API).
 *
 * The loader js.hs-scripts.com/{portalId}.js is the same file the chat's
 * tracking-code loader uses: here it is analytics, there functional, and the
 * head guard lets the vendor the config names claim it. The analytics hosts
 * and cookies are the same rows, under the same purposes, in both entries.
 * HubSpot's consent API is declared as a signal (`disableHubSpotCookieBanner`
 * and `setHubSpotConsent` on every page); on withdrawal the adapter pushes
 * `revokeCookieConsent`, and the runtime's sweep deletes the cookies.
 */
import { hostBaseOption, hostUrl, safe, type Vendor, type VendorData, type VendorOptions } from '../src/contract/index.js';
import { queueOf, scriptOnPage } from './_tags.js';
import { FACTS, HUBSPOT_CONSENT, PAGES, TRACKING_COOKIES, TRACKING_HOSTS } from './_hubspot.js';

const LOADER_HOSTS = { na1: 'js.hs-scripts.com', eu1: 'js-eu1.hs-scripts.com' } as const;
const LOADER_ID = 'hs-script-loader';

/** Why analytics. */
export const purposeSource = `${FACTS}, Scripts and hosts table: the tracking code's page analytics (js.hs-analytics.net, track.hubspot.com) needs analytics; its form capture and ads pixel need marketing and are held apart by their own host rows. standards-facts §3: with analytics refused HubSpot still records anonymous page views, with no identifier`;

export interface HubSpotTrackingOptions extends VendorOptions {
  /** HubSpot account (portal) id, digits only. With it, consent-gate inserts HubSpot's tracking code itself. */
  portalId?: string;
  /** HubSpot data-centre: `na1` (default) or `eu1`. */
  region?: 'na1' | 'eu1';
  /** Where HubSpot's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'hubspot-tracking',
  kind: 'tag',
  title: 'HubSpot tracking',
  provider: 'HubSpot, Inc.',
  privacyPolicyUrl: 'https://legal.hubspot.com/privacy-policy',
  purpose: 'analytics',
  summary: 'HubSpot records which of our pages you visit and links them to the forms you send us, so we know what interests our contacts.',
  hosts: [
    {
      host: '*.hs-scripts.com',
      purpose: 'analytics',
      description:
        "HubSpot's tracking code loader (js.hs-scripts.com/{portalId}.js, regional js-eu1.hs-scripts.com); it injects the analytics, banner, form-capture and ads-pixel scripts.",
      source: `${PAGES} (loader, snippet id hs-script-loader); regional hosts other than eu1 unverified`,
    },
    ...TRACKING_HOSTS,
  ],
  cookies: [...TRACKING_COOKIES],
  storage: [],
  signals: [HUBSPOT_CONSENT],
  options: {
    portalId: { type: 'string', pattern: /^\d{1,12}$/, expected: 'your HubSpot account id as a string of digits, e.g. "1234567"' },
    region: { type: 'string', oneOf: ['na1', 'eu1'] },
    hostBase: hostBaseOption,
  },
};

const adapter: Vendor<HubSpotTrackingOptions>['adapter'] = {
  /** HubSpot's snippet: `<script id="hs-script-loader" async defer src="//js.hs-scripts.com/{portalId}.js">`, unless the page has a loader already. */
  async load(ctx) {
    const { portalId, hostBase, region } = ctx.options;
    if (!portalId || ctx.document.getElementById(LOADER_ID)) return;
    if (Object.values(LOADER_HOSTS).some((host) => scriptOnPage(ctx.document, hostBase, host, '/'))) return;
    await ctx.insertScript(hostUrl(hostBase, LOADER_HOSTS[region ?? 'na1'], `/${portalId}.js`), { id: LOADER_ID, defer: '' });
  },

  /** HubSpot's own call: removes its consent-banner cookies and stops tracking under the old consent (the runtime's sweep deletes the tracking cookies). */
  revoke(ctx, purposes) {
    if (purposes.includes('analytics') || purposes.includes('marketing'))
      safe(() => queueOf(ctx.window, '_hsp').push(['revokeCookieConsent']));
  },
};

/** The catalog entry: data plus adapter. */
const hubspotTracking: Vendor<HubSpotTrackingOptions> = { ...data, adapter };

export default hubspotTracking;
