/** Types of the HubSpot tracking-code emulator (index.mjs). */
import type { HubSpotEmulatorOptions, EmulatorHandler, EmulatorAnswer } from '../hubspot/index.d.mts';
export interface HubSpotPageView {
  portalId: string | null;
  path: string | null;
  /** No visitor id: analytics was refused through setHubSpotConsent. */
  anonymous: boolean;
}
export interface HubSpotTrackingEmulator {
  handlers: Record<string, EmulatorHandler>;
  requests: string[];
  pageViews(): HubSpotPageView[];
  answer(url: URL): EmulatorAnswer;
}
export function hubspotTrackingEmulator(options?: HubSpotEmulatorOptions): HubSpotTrackingEmulator;
