/**
 * The lazy parts as modules of this package, for the npm entry (a bundler
 * splits each dynamic import into a file of its own) and for tests.
 */
import type { Chunks } from './parts.js';
import type { BannerModule } from './ui/banner-types.js';
import type { Vendor } from './types.js';

export function localChunks(catalog: readonly Vendor[]): Chunks {
  return {
    banner: () => import('./ui/banner.js') as Promise<BannerModule>,
    chat: () => import('./chat/chunk.js'),
    audit: () => import('./audit/feature.js'),
    adapter: () => import('./adapter/index.js'),
    receipts: () => import('./receipts/client.js'),
    embed: () => import('./embed/index.js'),
    // (the loaders of the 24 languages are a chunk of their own, so the entry carries one import, not 24)
    chatTexts: (language) => import('./chat-lang/index.js').then((m) => m.CHAT_LANGUAGES[language]()),
    vendor(id) {
      const found = catalog.find((v) => v.id === id);
      return found
        ? Promise.resolve(found)
        : Promise.reject(new Error(`consent-gate: no vendor ${JSON.stringify(id)} in the catalog given`));
    },
  };
}
