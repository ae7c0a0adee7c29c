/** Types of the Crisp emulator (index.mjs). */
export const CRISP_LOADER_URL: string;
export const WEBSITE_ID: string;
export const COOKIE_PREFIX: string;
export const SESSION_MAX_AGE: number;
export interface CrispEmulator {
  handlers: Record<string, (url: URL) => { body: string; contentType: string; headers?: Record<string, string> } | null>;
  requests: string[];
}
export function crispEmulator(options?: { hostBase?: string }): CrispEmulator;
