/** The catalog: every vendor consent-gate knows. Adding a vendor means adding its file here. */
import type { Vendor } from '../src/types.js';
import hubspotConversations from './hubspot-conversations.js';

export const catalog: readonly Vendor[] = [hubspotConversations as unknown as Vendor];
