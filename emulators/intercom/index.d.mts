/** Types of the Intercom emulator (index.mjs). */
export const INTERCOM_WIDGET_HOST: string;
export const INTERCOM_CDN_HOST: string;
export const INTERCOM_API_HOSTS: { us: string; eu: string; au: string };
export const APP_ID: string;
export const BUNDLE_PATH: string;
export interface IntercomEmulator {
  handlers: Record<string, (url: URL) => { body: string; contentType: string } | null>;
  requests: string[];
}
export function intercomEmulator(options?: { hostBase?: string }): IntercomEmulator;
