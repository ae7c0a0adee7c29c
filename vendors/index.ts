/** The catalog: every vendor consent-gate knows. Adding a vendor means adding its file here. */
import type { Vendor } from '../src/contract/index.js';
import hubspotConversations from './hubspot-conversations.js';
import crisp from './crisp.js';
import intercom from './intercom.js';
import web1on1 from './web1on1.js';
import googleAnalytics from './google-analytics.js';
import googleAds from './google-ads.js';
import googleTagManager from './google-tag-manager.js';
import hubspotTracking from './hubspot-tracking.js';
import metaPixel from './meta-pixel.js';
import linkedinInsight from './linkedin-insight.js';
import microsoftUet from './microsoft-uet.js';
import microsoftClarity from './microsoft-clarity.js';
import hotjar from './hotjar.js';
import youtube from './youtube.js';
import vimeo from './vimeo.js';
import googleMaps from './google-maps.js';

export const catalog: readonly Vendor[] = [
  hubspotConversations as unknown as Vendor,
  crisp as unknown as Vendor,
  web1on1 as unknown as Vendor,
  intercom as unknown as Vendor,
  // tags: where two declare the same host or cookie, the one listed first holds it
  // until the head guard lets the vendor the config names claim it
  googleAnalytics as unknown as Vendor,
  googleAds as unknown as Vendor,
  googleTagManager as unknown as Vendor,
  hubspotTracking as unknown as Vendor,
  metaPixel as unknown as Vendor,
  linkedinInsight as unknown as Vendor,
  microsoftUet as unknown as Vendor,
  microsoftClarity as unknown as Vendor,
  hotjar as unknown as Vendor,
  // embeds: videos and maps shown in a placeholder until the visitor loads them (src/embed/)
  youtube as unknown as Vendor,
  vimeo as unknown as Vendor,
  googleMaps as unknown as Vendor,
];
