/**
 * createConsentGate: the public gate, assembled from the core, the lazy
 * banner and the features. Shared by the npm entry and the drop-in runtime;
 * they differ only in how the banner file is fetched.
 */
import { resolveConfig } from './config.js';
import { changeFor, createGateCore, type GateCore, type GateEvents } from './consent/gate.js';
import { onReady } from './dom.js';
import type { BannerHandle, BannerModule } from './ui/banner-types.js';
import type { AuditMethods } from './audit/feature.js';
import type { ChatFeature } from './chat/feature.js';
import type { ResolvedConfig } from './config.js';
import { OPTIONAL_PURPOSES, type BlockedEntry, type ConsentGateConfig, type Decisions, type GuardBridge, type OptionalPurpose, type Vendor } from './types.js';

/** The gate's own methods, whatever features are on. */
export interface GateMethods {
  /** Allow purposes or vendors; recorded like a banner decision. */
  grant(...ids: string[]): void;
  /** Withdraw purposes or vendors; the vendors' revocation runs. */
  revoke(...ids: string[]): void;
  decisions(): Decisions;
  /** Whether a purpose or a configured vendor is allowed now. */
  isAllowed(id: string): boolean;
  /** Open the banner's settings (loads the banner file if needed). */
  show(): Promise<void>;
  on<K extends keyof GateEvents>(event: K, fn: (payload: GateEvents[K]) => void): void;
  off<K extends keyof GateEvents>(event: K, fn: (payload: GateEvents[K]) => void): void;
  /** What the head guard has held back so far. */
  blocked(): BlockedEntry[];
  /** Stop timers and listeners (for tests and single-page teardown). */
  destroy(): void;
}

/** The public gate: its own methods, chat (`openChat`, `chat`, `refresh`) and audit (`declaration`, `audit`). */
export interface ConsentGate extends GateMethods, ChatFeature, AuditMethods {}

/** A feature adds methods to the gate, built on the core. */
export type Feature = (core: GateCore<ResolvedConfig>) => Partial<ConsentGate>;

export interface Runtime {
  loadBanner: () => Promise<BannerModule>;
  /** The vendors config ids resolve against: the entry point passes the built-in catalog (or a site's own list). */
  catalog: readonly Vendor[];
  guard?: GuardBridge | null;
  features?: readonly Feature[];
  /** Show the banner by itself on a first visit. Default true. */
  autoShow?: boolean;
}

export function findGuard(): GuardBridge | null {
  const g = typeof window !== 'undefined' ? (window as unknown as { __consentGateGuard?: GuardBridge }).__consentGateGuard : undefined;
  return g && typeof g.update === 'function' ? g : null;
}

export function assembleGate(config: ConsentGateConfig | unknown, runtime: Runtime): ConsentGate {
  const resolved = resolveConfig(config, runtime.catalog);
  const core = createGateCore(resolved, { guard: runtime.guard === undefined ? findGuard() : runtime.guard });
  let banner: Promise<BannerHandle> | null = null;

  function openBanner(settings: boolean): Promise<void> {
    if (!banner) {
      banner = runtime.loadBanner().then((mod) =>
        mod.mountBanner({ config: resolved, decisions: core.decisions, decide: core.decide }),
      );
      banner.catch(() => {
        banner = null;
      });
    }
    return banner.then((handle) => handle.show(settings));
  }

  core.events.on('change', (event) => {
    if (banner) void banner.then((handle) => handle.update(event.decisions), () => undefined);
  });

  const gate: GateMethods = {
    grant: (...ids) => core.decide(changeFor(resolved, ids, true, 'grant'), 'api'),
    revoke: (...ids) => core.decide(changeFor(resolved, ids, false, 'revoke'), 'api'),
    decisions: core.decisions,
    isAllowed(id) {
      if (id === 'necessary') return true;
      if (OPTIONAL_PURPOSES.includes(id as OptionalPurpose)) return core.allows('', id as OptionalPurpose);
      const configured = resolved.vendors.find((v) => v.vendor.id === id);
      return configured ? core.allows(id, configured.vendor.purpose) : false;
    },
    show: () => openBanner(true),
    on: (event, fn) => core.events.on(event, fn),
    off: (event, fn) => core.events.off(event, fn),
    blocked: () => (core.guard ? core.guard.blocked() : []),
    destroy: core.destroy,
  };

  const full = { ...gate } as ConsentGate;
  for (const feature of runtime.features ?? []) Object.assign(full, feature(core));

  // A persistent "Privacy settings" link: any element marked data-consent-gate-settings opens the panel.
  if (typeof document !== 'undefined') {
    document.addEventListener('click', (event) => {
      const target = event.target as Element | null;
      if (target && typeof target.closest === 'function' && target.closest('[data-consent-gate-settings]')) {
        event.preventDefault();
        void openBanner(true).catch(() => undefined);
      }
    });
  }

  // First visit: show the banner, unless a decision arrives first (calls queued
  // before the runtime loaded are replayed synchronously after assembly).
  if ((runtime.autoShow ?? true) && typeof document !== 'undefined' && resolved.purposes.length > 0) {
    const start = () => {
      if (!core.decisions().decided) void openBanner(false).catch(() => undefined);
    };
    // (a microtask even when the DOM is ready: calls queued before the runtime loaded are replayed first)
    onReady(document, () => queueMicrotask(start));
  }
  return full;
}
