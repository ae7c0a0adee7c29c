/** Types of the embed emulators' shared kit (index.mjs). */
export interface EmbedEmulator {
  handlers: Record<
    string,
    (url: URL) => { status?: number; body: string | Buffer; contentType: string; headers?: Record<string, string> } | null
  >;
  requests: string[];
}
export const PNG: Buffer;
export function vendorUrl(hostBase: string | undefined, host: string, path: string): string;
export function setCookie(name: string, value: string, options?: { domain?: string; maxAge?: number }): string;
export function cookieHeaders(hostBase: string | undefined, cookies: string[]): Record<string, string>;
export function framePage(input: {
  emulator: string;
  title: string;
  id: string;
  autoplay: boolean;
  image: string;
  local?: Record<string, string>;
  database?: string | null;
  video?: boolean;
}): string;
