/** Types of the Hotjar emulator (index.mjs). */
export interface HotjarSession {
  site: string;
  user: string;
  events: unknown[][];
}
export interface HotjarEmulator {
  handlers: Record<
    string,
    (url: URL, request?: { postData(): string | null }) => Promise<{ body: string | Buffer; contentType?: string; status?: number } | null>
  >;
  requests: string[];
  sessions(): (HotjarSession | null)[];
  answer(url: URL): unknown;
}
export function hotjarEmulator(options?: { hostBase?: string }): HotjarEmulator;
