/**
 * The drop-in runtime (`dist/consent-gate.js`): reads `window.consentGateConfig`,
 * installs `window.consentGate`, and replays calls queued before it loaded.
 * The banner file is imported only when it must show.
 */
import { assembleGate, type Feature } from './create.js';
import { chatFeature } from './chat/feature.js';
import { auditFeature } from './audit/feature.js';
import type { BannerModule } from './ui/banner-types.js';

type Queued = [string, ...unknown[]];
interface Stub {
  q?: Queued[];
  [key: string]: unknown;
}

const w = window as unknown as Window & { consentGateConfig?: unknown; consentGate?: Stub | Queued[] } & Record<string, unknown>;
const script = document.currentScript as HTMLScriptElement | null;
const features: Feature[] = [chatFeature, auditFeature];

function bannerUrl(configured: unknown): string {
  if (typeof configured === 'string') return configured;
  const base = script?.src ?? '';
  return base ? base.replace(/[^/?#]*(?:[?#].*)?$/, 'consent-gate-banner.js') : 'consent-gate-banner.js';
}

/**
 * The banner file is an ES module (see src/entries/banner.ts). `import()`
 * fetches it with this script's nonce (the nonce argument is the same one), so
 * a strict Content-Security-Policy with a nonce lets it in; its language files
 * come from beside it. A relative URL is read against the page, as a
 * <script src> would be.
 */
function loadScriptBanner(url: string, _nonce?: string): Promise<BannerModule> {
  return import(/* webpackIgnore: true */ new URL(url, document.baseURI).href) as Promise<BannerModule>;
}

function start(): void {
  const queued: Queued[] = Array.isArray(w.consentGate) ? w.consentGate : Array.isArray(w.consentGate?.q) ? w.consentGate.q : [];
  const raw = w.consentGateConfig as { bannerUrl?: unknown; nonce?: unknown } | undefined;
  let gate;
  try {
    gate = assembleGate(raw, {
      loadBanner: () => loadScriptBanner(bannerUrl(raw?.bannerUrl), typeof raw?.nonce === 'string' ? raw.nonce : undefined),
      features,
    });
  } catch (error) {
    // Fail closed: vendors stay blocked by the guard, the page goes on.
    console.error(error);
    return;
  }
  const previous = w.consentGate && !Array.isArray(w.consentGate) ? w.consentGate : {};
  w.consentGate = Object.assign(previous, gate, { q: undefined });
  for (const [method, ...args] of queued) {
    const fn = (gate as Record<string, unknown>)[method];
    try {
      if (typeof fn !== 'function') throw new TypeError(`consent-gate: queued call to unknown method ${JSON.stringify(method)}`);
      (fn as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      console.error(error);
    }
  }
}

start();
