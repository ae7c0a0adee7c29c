/**
 * The drop-in runtime (`dist/consent-gate.js`): reads `window.consentGateConfig`,
 * installs `window.consentGate`, and replays calls queued before it loaded.
 * The banner file is fetched with a <script> only when it must show.
 */
import { assembleGate, type Feature } from '../create.js';
import { chatFeature } from '../chat/feature.js';
import { auditFeature } from '../audit/feature.js';
import { BANNER_GLOBAL, type BannerModule } from '../ui/banner-types.js';
import { catalog } from '../../vendors/index.js';

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

function loadScriptBanner(url: string, nonce: string | undefined): Promise<BannerModule> {
  return new Promise((resolve, reject) => {
    const existing = w[BANNER_GLOBAL] as BannerModule | undefined;
    if (existing) return resolve(existing);
    const el = document.createElement('script');
    el.src = url;
    el.async = true;
    // disarms Klaro's own start-up, which reads window[data-klaro-config]
    el.setAttribute('data-klaro-config', 'consentGateNoKlaroAutoSetup');
    if (nonce) el.nonce = nonce;
    el.onload = () => {
      const mod = w[BANNER_GLOBAL] as BannerModule | undefined;
      if (mod) resolve(mod);
      else reject(new Error(`consent-gate: ${url} loaded but did not register the banner`));
    };
    el.onerror = () => reject(new Error(`consent-gate: could not load the banner file ${url}`));
    document.head.appendChild(el);
  });
}

function start(): void {
  const queued: Queued[] = Array.isArray(w.consentGate) ? w.consentGate : Array.isArray(w.consentGate?.q) ? w.consentGate.q : [];
  const raw = w.consentGateConfig as { bannerUrl?: unknown; nonce?: unknown } | undefined;
  let gate;
  try {
    gate = assembleGate(raw, {
      loadBanner: () => loadScriptBanner(bannerUrl(raw?.bannerUrl), typeof raw?.nonce === 'string' ? raw.nonce : undefined),
      features,
      catalog,
    });
  } catch (error) {
    // Fail closed: vendors stay blocked by the guard, the page goes on.
    console.error(error);
    return;
  }
  const previous = w.consentGate && !Array.isArray(w.consentGate) ? w.consentGate : {};
  w.consentGate = Object.assign(previous, gate, { q: undefined });
  for (const [method, ...args] of queued) {
    const fn = (gate as unknown as Record<string, unknown>)[method];
    try {
      if (typeof fn !== 'function') throw new TypeError(`consent-gate: queued call to unknown method ${JSON.stringify(method)}`);
      (fn as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      console.error(error);
    }
  }
}

start();
