/** Types of the web1on1 emulator (index.mjs). */
export const WEB1ON1_HOST: string;
export const WEB1ON1_LOADER_URL: string;
export const INTEGRATION_ID: string;
export interface Web1on1Emulator {
  handlers: Record<string, (url: URL) => { body: string; contentType: string } | null>;
  requests: string[];
}
export function web1on1Emulator(options?: { integrationId?: string }): Web1on1Emulator;
