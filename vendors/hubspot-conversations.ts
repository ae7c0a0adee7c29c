/**
 * HubSpot Conversations (live chat) and the parts of the HubSpot tracking code
 * it drags along. Facts come from the project's vendor-facts reference; each
 * row names its source.
 */
import type { VendorData, Vendor, VendorOptions } from '../src/types.js';

const KB = "HubSpot knowledge base: 'Cookies set in a visitor's browser by HubSpot'";
const OCD = 'Open Cookie Database (Apache-2.0)';
const PAGES = 'HubSpot embed code as seen in public page source';

const MONTH = 2629800; // 30.4375 days
const DAY = 86400;

export interface HubSpotOptions extends VendorOptions {
  /** HubSpot account (portal) id, digits only. */
  portalId: string;
  /** HubSpot data-centre: `na1` (default) or `eu1`. */
  region?: 'na1' | 'eu1';
  /** `chat-only` loads js.usemessages.com alone; `tracking-code` loads js.hs-scripts.com. Default: chat-only unless analytics is granted. */
  loader?: 'chat-only' | 'tracking-code';
}

export const data: VendorData = {
  id: 'hubspot-conversations',
  title: 'HubSpot Conversations',
  provider: 'HubSpot, Inc.',
  privacyPolicyUrl: 'https://legal.hubspot.com/privacy-policy',
  purpose: 'functional',
  summary: 'Live chat with our team. HubSpot stores a visitor id so your conversation continues across pages.',
  hosts: [
    { host: '*.hs-scripts.com', purpose: 'functional', description: 'HubSpot tracking-code loader (js.hs-scripts.com/{portalId}.js, regional js-eu1.hs-scripts.com); it injects the chat and, with analytics, the tracking scripts.', source: `${PAGES}; regional hosts other than eu1 unverified` },
    { host: '*.usemessages.com', purpose: 'functional', description: 'Chat widget script (js.usemessages.com/conversations-embed.js).', source: PAGES },
    { host: 'app.hubspot.com', purpose: 'functional', description: 'Chat window iframe (conversations-visitor).', source: PAGES },
    { host: 'app-eu1.hubspot.com', purpose: 'functional', description: 'Chat window iframe, EU data-centre.', source: `${PAGES}; eu1 host name by HubSpot's regional naming, unverified` },
    { host: 'api.hubspot.com', purpose: 'functional', description: 'Chat back end (livechat-public API).', source: PAGES },
    { host: 'api-eu1.hubspot.com', purpose: 'functional', description: 'Chat back end, EU data-centre.', source: `${PAGES}; eu1 host name unverified` },
    { host: 'hubspot-realtime.ably.io', purpose: 'functional', description: 'Real-time messaging for the chat.', source: PAGES },
    { host: 'hubspot-rest.ably.io', purpose: 'functional', description: 'Real-time messaging for the chat (REST fallback).', source: PAGES },
    { host: 'hubspot-avatars.s3.amazonaws.com', purpose: 'functional', description: 'Avatars of chat agents.', source: PAGES },
    { host: '*.hs-analytics.net', purpose: 'analytics', description: 'Page analytics script (js.hs-analytics.net/analytics/{ts}/{portalId}.js); sets __hstc, hubspotutk, __hssc, __hssrc.', source: PAGES },
    { host: 'track.hubspot.com', purpose: 'analytics', description: 'Analytics pixel (__ptq.gif).', source: PAGES },
    { host: 'track-eu1.hubspot.com', purpose: 'analytics', description: 'Analytics pixel, EU data-centre.', source: `${PAGES}; eu1 host name unverified` },
    { host: '*.hs-banner.com', purpose: 'analytics', description: "HubSpot's own cookie banner; replaced by consent-gate and switched off with window.disableHubSpotCookieBanner.", source: PAGES },
    { host: '*.hscollectedforms.net', purpose: 'marketing', description: 'Capture of non-HubSpot forms (collectedforms.js).', source: PAGES },
    { host: '*.hsadspixel.net', purpose: 'marketing', description: 'Ads pixel (fb.js), which sets advertising cookies such as _fbp.', source: PAGES },
    { host: '*.hsleadflows.net', purpose: 'marketing', description: 'Pop-up forms (leadflows.js).', source: PAGES },
    { host: '*.hubspot.com', purpose: 'marketing', description: 'Other HubSpot hosts, such as web interactives and CTAs (js.hubspot.com/web-interactives-embed.js).', source: PAGES },
  ],
  cookies: [
    { name: 'messagesUtk', purpose: 'functional', lifetime: 6 * MONTH, refresh: true, scope: 'host', description: 'Chat visitor id: restores the conversation history. Not set for visitors identified through the visitor identification API.', source: `${KB}; 6 months now, 13 months in older copies; the ${OCD} files it under marketing` },
    { name: 'hs-messages-is-open', purpose: 'functional', lifetime: 1800, scope: 'host', description: 'Whether the chat window is open, so it stays open across page loads.', source: KB },
    { name: 'hs-messages-hide-welcome-message', purpose: 'functional', lifetime: DAY, scope: 'host', description: 'Remembers that the chat welcome message was dismissed.', source: KB },
    { name: '__hstc', purpose: 'analytics', lifetime: 6 * MONTH, refresh: true, scope: 'parent', description: 'Main visitor-tracking cookie: domain, first, last and current visit timestamps, session count.', source: `${KB}; 6 months now, 13 months or 2 years in older copies` },
    { name: 'hubspotutk', purpose: 'analytics', lifetime: 6 * MONTH, refresh: true, scope: 'parent', description: 'Visitor identity, sent with form submissions to deduplicate contacts.', source: KB },
    { name: '__hssc', purpose: 'analytics', lifetime: 1800, refresh: true, scope: 'parent', description: 'Session counter: page views in this session.', source: KB },
    { name: '__hssrc', purpose: 'analytics', lifetime: 0, scope: 'parent', description: 'Detects a browser restart to count sessions.', source: KB },
    { name: '_fbp', purpose: 'marketing', lifetime: 90 * DAY, scope: 'parent', description: 'Advertising id set by the HubSpot ads pixel.', source: 'vendor-facts reference (set by js.hsadspixel.net); lifetime unverified: 90 days as Meta documents for _fbp' },
    { name: '__hs_opt_out', purpose: 'necessary', lifetime: 180 * DAY, scope: 'parent', description: "HubSpot's own record that the visitor opted out of tracking.", source: KB },
    { name: '__hs_initial_opt_in', purpose: 'necessary', lifetime: 7 * DAY, scope: 'parent', description: "HubSpot's own record of a first opt-in under strict mode.", source: KB },
    { name: '__hs_cookie_cat_pref', purpose: 'necessary', lifetime: 180 * DAY, scope: 'parent', description: "HubSpot's own record of consented categories (1 analytics, 2 advertisement, 3 functionality).", source: `${KB}; value format seen in HubSpot banner source` },
    { name: '__hs_do_not_track', purpose: 'necessary', lifetime: 6 * MONTH, scope: 'parent', description: 'Stops the tracking code from sending any information (set by doNotTrack).', source: KB },
    { name: '__cf_bm', purpose: 'necessary', lifetime: 1800, description: 'Cloudflare bot management in front of HubSpot.', source: KB },
    { name: '__cfruid', purpose: 'necessary', lifetime: 0, description: 'Cloudflare rate limiting in front of HubSpot.', source: KB },
    { name: '__cfuvid', purpose: 'necessary', lifetime: 0, description: 'Cloudflare rate limiting in front of HubSpot.', source: KB },
  ],
  storage: [],
  options: {
    portalId: { type: 'string', required: true, pattern: /^\d{1,12}$/, expected: 'your HubSpot account id as a string of digits, e.g. "1234567"' },
    region: { type: 'string', oneOf: ['na1', 'eu1'] },
    loader: { type: 'string', oneOf: ['chat-only', 'tracking-code'] },
  },
};

/** The catalog entry. The adapter hooks are filled by the HubSpot integration. */
const hubspotConversations: Vendor<HubSpotOptions> = {
  ...data,
  adapter: {},
};

export default hubspotConversations;
