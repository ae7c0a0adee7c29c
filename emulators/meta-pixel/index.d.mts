/** Types of the Meta Pixel emulator (index.mjs). */
export interface MetaEvent {
  pixel: string | null;
  event: string | null;
  fbp: string | null;
  fbc: string | null;
  noscript: boolean;
}
export interface MetaPixelEmulator {
  handlers: Record<string, (url: URL) => Promise<{ body: string | Buffer; contentType?: string; status?: number } | null>>;
  requests: string[];
  events(): MetaEvent[];
  answer(url: URL): unknown;
}
export const FBP_MAX_AGE: number;
export function metaPixelEmulator(options?: { hostBase?: string }): MetaPixelEmulator;
