/** The catalog: every vendor consent-gate knows. Adding a vendor means adding its file here. */
import type { Vendor } from '../src/contract/index.js';
import hubspotConversations from './hubspot-conversations.js';
import crisp from './crisp.js';
import intercom from './intercom.js';
import web1on1 from './web1on1.js';
import youtube from './youtube.js';
import vimeo from './vimeo.js';
import googleMaps from './google-maps.js';

export const catalog: readonly Vendor[] = [
  hubspotConversations as unknown as Vendor,
  crisp as unknown as Vendor,
  web1on1 as unknown as Vendor,
  intercom as unknown as Vendor,
  // embeds: videos and maps shown in a placeholder until the visitor loads them (src/embed/)
  youtube as unknown as Vendor,
  vimeo as unknown as Vendor,
  googleMaps as unknown as Vendor,
];
