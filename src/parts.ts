/**
 * The parts of consent-gate a page fetches only when it needs them, and how
 * features ask for them. The drop-in runtime fetches each from next to
 * itself; the npm entry imports them dynamically, so a bundler splits them.
 */
import type { BannerModule } from './ui/banner-types.js';
import type { Vendor } from './types.js';
import type { ChatTexts } from './chat/texts.js';
import type { Language } from './ui/texts.js';

/**
 * Where the drop-in's part files register themselves (`window.__consentGateParts[name]`):
 * each is a classic script built from a one-line entry that puts its module there
 * (see `partEntry` in rollup.config.mjs).
 */
export const PARTS_GLOBAL = '__consentGateParts';

export interface Chunks {
  /** The banner (Klaro) and its settings panel. */
  banner(): Promise<BannerModule>;
  /** The chat's prompt, failure panel and vendor runtime (src/chat/chunk.ts). */
  chat(): Promise<typeof import('./chat/chunk.js')>;
  /** The declaration and the runtime audit (src/audit/feature.ts). */
  audit(): Promise<typeof import('./audit/feature.js')>;
  /** What runs a vendor's adapter outside a chat: revocation, tags the config asks consent-gate to insert (src/adapter/index.ts). */
  adapter(): Promise<typeof import('./adapter/index.js')>;
  /** Consent receipts: making them and sending them to the site's receiver (src/receipts/client.ts). */
  receipts(): Promise<typeof import('./receipts/client.js')>;
  /** A catalog vendor's data and adapter (vendors/<id>.ts). */
  vendor(id: string): Promise<Vendor>;
  /** The chat's words in a language other than English (src/chat-lang/<language>.ts): fetched by a page in that language that has a chat. */
  chatTexts(language: Exclude<Language, 'en'>): Promise<ChatTexts>;
  /** The embeds' placeholders (src/embed/index.ts): fetched only by a page whose config names an embed vendor. */
  embed(): Promise<typeof import('./embed/index.js')>;
}

export interface Parts {
  chunks: Chunks;
  /**
   * A configured vendor's data and adapter, its options checked against the
   * vendor's specs. Rejects when its file cannot load or its options are
   * wrong; the error is logged once and the vendor stays blocked.
   */
  vendor(id: string): Promise<Vendor>;
}
