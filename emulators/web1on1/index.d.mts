/** Types of the web1on1 emulator (index.mjs). */
export const WEB1ON1_HOST: string;
export const WEB1ON1_LOADER_URL: string;
export const INTEGRATION_ID: string;
export interface Web1on1Emulator {
  handlers: Record<string, (url: URL) => { body: string; contentType: string } | null>;
  requests: string[];
}
export interface Web1on1EmulatorOptions {
  /** Integration id the widget's keys carry (default INTEGRATION_ID). */
  integrationId?: string;
  /** Accepted like the other emulators' (the demo passes it to every one); the loader fetches nothing further, so it changes nothing. */
  hostBase?: string;
}
export function web1on1Emulator(options?: Web1on1EmulatorOptions): Web1on1Emulator;
