/**
 * The public gate, assembled from the core (record, decisions, events, the
 * guard's bridge) and the features built on it. Shared by the npm entry and
 * the drop-in runtime; they differ only in where the catalog and the lazy
 * parts come from (see ./parts.ts).
 *
 * What every page carries is here: the API, the chat launchers, the
 * revocation bridge, the sweep of what the record refuses and the tag
 * starter. The banner, the chat's prompt and runtime, the audit, the
 * adapters and each vendor's own file are fetched when needed.
 */
import { checkVendorOptions, ownerOf, resolveWith, type ConfiguredVendor, type DeclarationReader, type ResolvedConfig } from './config.js';
import type { CompiledRules } from './guard/rules.js';
import { sweep } from './adapter/revoke.js';
import { cookieNames, storageKeys } from './cleanup/index.js';
import { changeFor, createGateCore, type GateCore, type GateEvents } from './consent/gate.js';
import { onReady } from './dom.js';
import { chatFeature, type ChatFeature } from './chat/feature.js';
import type { AuditMethods } from './audit/feature.js';
import type { BannerHandle, BannerModule } from './ui/banner-types.js';
import type { Chunks, Parts } from './parts.js';
import type { ReceiptSender } from './receipts/client.js';
import type { ConsentReceipt } from './receipts/schema.js';
import {
  OPTIONAL_PURPOSES,
  type BlockedEntry,
  type ConsentGateConfig,
  type Decisions,
  type GuardBridge,
  type OptionalPurpose,
  type Vendor,
} from './types.js';

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

/**
 * The public gate: its own methods, chat (`openChat`, `chat`, `refresh`) and
 * audit (`declaration`, `audit`). The audit's two methods are there once the
 * audit file has loaded: reading either property starts loading it.
 */
export interface ConsentGate extends GateMethods, ChatFeature, AuditMethods {}

/** A feature adds methods to the gate, built on the core and the lazy parts. */
export type Feature = (core: GateCore<ResolvedConfig>, parts: Parts) => Partial<ConsentGate>;

export interface Runtime {
  /** The catalog as its compiled rule table: the ids config names resolve against (the drop-in runtime reads it from the head guard). */
  rules: CompiledRules;
  /** The catalog's vendors, when at hand (the npm entry, tests): their options are then checked at once. */
  vendors?: readonly Vendor[];
  /** Reads the site's own declared services (src/declare.ts); needed only when the config has one. */
  declare?: DeclarationReader;
  /** Where the lazy parts come from. */
  chunks: Chunks;
  guard?: GuardBridge | null;
  /** Features to build at once besides the built-in ones (e.g. the audit, in tests). */
  features?: readonly Feature[];
  /** Show the banner by itself on a first visit. Default true. */
  autoShow?: boolean;
  /** The object to become the gate (the drop-in's `window.consentGate` queue stub, so references to it stay good). Default: a new object. */
  target?: object;
  /**
   * Build each chat launcher in a task of its own, not in the one the gate is
   * made in (the drop-in, whose start-up task is long enough already). Default:
   * at once, so that the launcher is there when `createConsentGate` returns.
   */
  launchersLater?: boolean;
}

export function findGuard(): GuardBridge | null {
  const g = typeof window !== 'undefined' ? (window as unknown as { __consentGateGuard?: GuardBridge }).__consentGateGuard : undefined;
  return g && typeof g.update === 'function' ? g : null;
}

/** The lazy parts with a configured vendor's file fetched once and its options checked once. */
function partsFor(resolved: ResolvedConfig, chunks: Chunks): Parts {
  const loading = new Map<string, Promise<Vendor>>();
  function vendor(id: string): Promise<Vendor> {
    let found = loading.get(id);
    if (!found) {
      const configured = resolved.vendors.find((v) => v.id === id);
      found = !configured
        ? Promise.reject(new Error(`consent-gate: ${id} is not configured`))
        : configured.vendor
          ? Promise.resolve(configured.vendor)
          : chunks.vendor(id).then((loaded) => {
              checkVendorOptions(loaded, configured.options);
              configured.vendor = loaded;
              configured.checked = true;
              return loaded;
            });
      found.catch((error) => console.error(error));
      loading.set(id, found);
    }
    return found;
  }
  return { chunks, vendor };
}

/** The revocation bridge for vendors the chat feature does not run, and tags the config asks consent-gate to insert. */
function vendorsFeature(core: GateCore<ResolvedConfig>, parts: Parts): void {
  const others = (v: ConfiguredVendor) => v.kind !== 'chat';
  const run = (configured: ConfiguredVendor, job: (mod: Awaited<ReturnType<Chunks['adapter']>>, vendor: Vendor) => Promise<void>) =>
    void Promise.all([parts.chunks.adapter(), parts.vendor(configured.id)]).then(
      ([mod, vendor]) => job(mod, vendor),
      () => undefined,
    );
  core.events.on('revoked', (event) => {
    const configured = core.config.vendors.find((v) => v.id === event.vendor);
    if (configured && others(configured)) run(configured, (mod, vendor) => mod.revokeAny(core, vendor, configured.options, event.purposes));
  });
  // A tag configured with options (its id) is inserted by its adapter once allowed; a tag the page pasted is the guard's.
  const start = () => {
    for (const configured of core.config.vendors) {
      if (
        configured.kind === 'tag' &&
        !configured.declared &&
        Object.keys(configured.options).length &&
        core.allows(configured.id, configured.purpose)
      ) {
        run(configured, (mod, vendor) => mod.startTag(core, vendor, configured.options));
      }
    }
  };
  if (typeof document !== 'undefined') onReady(document, start);
  core.events.on('change', start);
}

/**
 * What the record refuses is not kept from an earlier page. A withdrawal's
 * cleanup runs once the vendor's file has arrived; a visitor who leaves the
 * page before then, a decision made in a window this page never heard from,
 * or a cookie the site's server sets leaves a vendor's cookie or storage key
 * behind. On a page that starts with a record, every configured vendor with a
 * cookie or key present under a purpose it refuses is swept for those
 * purposes (its file is fetched only then).
 */
function sweepRefused(core: GateCore<ResolvedConfig>, parts: Parts, rules: CompiledRules): void {
  const vendors = core.config.vendors;
  const owners = [
    ...cookieNames().map((name) => ownerOf(rules, vendors, name)),
    ...(['local', 'session'] as const).flatMap((storage) =>
      storageKeys(window, storage).map((key) => ownerOf(rules, vendors, key, storage)),
    ),
  ];
  for (const configured of vendors) {
    const refused = configured.uses.filter((p) => !core.allows(configured.id, p));
    if (owners.some((owner) => owner?.v === configured.id && refused.includes(owner.p)))
      parts.vendor(configured.id).then(
        (vendor) => sweep(vendor, refused),
        () => undefined,
      );
  }
}

/**
 * Consent receipts: each new decision (not another tab's, not a record read)
 * becomes a receipt, made and sent by the receipts part; receipts earlier
 * pages could not send are sent again; a record that has expired gets its
 * receipt and is deleted.
 */
function receiptsFeature(core: GateCore<ResolvedConfig>, parts: Parts): void {
  const storageKey = `${core.config.cookieName}_receipts`;
  let sender: Promise<[Awaited<ReturnType<Chunks['receipts']>>, ReceiptSender]> | null = null;
  const get = () =>
    (sender ||= parts.chunks
      .receipts()
      .then((mod) => [
        mod,
        mod.createSender({ ...core.config.receipts, storageKey, announce: (receipt) => core.events.emit('receipt', receipt) }),
      ]));
  const issue = (make: (mod: Awaited<ReturnType<Chunks['receipts']>>) => ConsentReceipt | null) =>
    void get()
      .then(([mod, send]) => {
        const receipt = make(mod);
        return receipt ? send.issue(receipt) : undefined;
      })
      .catch(() => undefined);
  core.events.on('change', (event) => {
    const id = event.decisions.id;
    if (event.source === 'sync' || event.source === 'record' || !id) return;
    // in a task of its own: what the decision lets load (a chat's loader after "Allow") goes first
    setTimeout(() =>
      issue((mod) => {
        const cause = mod.causeOf(event, core.config.purposes);
        return cause ? mod.makeReceipt(core.config, event.decisions, cause, id) : null;
      }),
    );
  });
  if (typeof document === 'undefined') return;
  const expired = core.expired();
  if (expired) {
    issue((mod) => mod.makeReceipt(core.config, core.decisions(), { action: 'expired', source: 'expiry' }, expired));
    core.forget();
  }
  let waiting = false;
  try {
    waiting = core.config.receipts?.endpoint !== undefined && localStorage.getItem(storageKey) !== null;
  } catch {
    waiting = false;
  }
  if (waiting)
    void get().then(
      ([, send]) => send.flush(),
      () => undefined,
    );
}

/** `gate.audit()` and `gate.declaration()`: defined once the audit file has arrived; reading either property fetches it. */
function auditAccess(gate: ConsentGate, core: GateCore<ResolvedConfig>, parts: Parts): void {
  let loading: Promise<unknown> | null = null;
  const load = () => {
    loading ||= Promise.all([parts.chunks.audit(), ...core.config.vendors.map((v) => parts.vendor(v.id).catch(() => null))]).then(
      ([mod]) => {
        const methods = mod.auditFeature(core);
        Object.defineProperties(gate, {
          audit: { value: methods.audit, writable: true, enumerable: true, configurable: true },
          declaration: { value: methods.declaration, writable: true, enumerable: true, configurable: true },
        });
      },
    );
    loading.catch((error) => {
      loading = null;
      console.error(error);
    });
  };
  for (const name of ['audit', 'declaration']) {
    Object.defineProperty(gate, name, {
      get() {
        load();
        return undefined;
      },
      enumerable: false,
      configurable: true,
    });
  }
  // a page showing a declaration keeps its "your current choice" cells in step: fetch the audit at once
  if (typeof document !== 'undefined') onReady(document, () => document.querySelector('[data-consent-gate-decision]') && load());
}

export function assembleGate(config: ConsentGateConfig | unknown, runtime: Runtime): ConsentGate {
  const resolved = resolveWith(config, runtime.rules, runtime.vendors ?? null, runtime.declare ?? null);
  const core = createGateCore(resolved, { guard: runtime.guard === undefined ? findGuard() : runtime.guard });
  const parts = partsFor(resolved, runtime.chunks);
  let banner: Promise<BannerHandle> | null = null;

  function openBanner(settings: boolean): Promise<void> {
    if (!banner) {
      // the banner names every configured vendor: their files come first
      banner = Promise.all([runtime.chunks.banner(), ...resolved.vendors.map((v) => parts.vendor(v.id).catch(() => null))]).then(([mod]) =>
        (mod as BannerModule).mountBanner({ config: resolved, decisions: core.decisions, decide: core.decide }),
      );
      banner.catch(() => {
        banner = null;
      });
    }
    return banner.then((handle) => handle.show(settings));
  }

  core.events.on('change', (event) => {
    if (banner)
      void banner.then(
        (handle) => handle.update(event.decisions),
        () => undefined,
      );
  });

  const methods: GateMethods = {
    grant: (...ids) => core.decide(changeFor(resolved, ids, true, 'grant'), 'api'),
    revoke: (...ids) => core.decide(changeFor(resolved, ids, false, 'revoke'), 'api'),
    decisions: core.decisions,
    isAllowed(id) {
      if (id === 'necessary') return true;
      if (OPTIONAL_PURPOSES.includes(id as OptionalPurpose)) return core.allows('', id as OptionalPurpose);
      const configured = resolved.vendors.find((v) => v.id === id);
      return configured ? core.allows(id, configured.purpose) : false;
    },
    show: () => openBanner(true),
    on: (event, fn) => core.events.on(event, fn),
    off: (event, fn) => core.events.off(event, fn),
    blocked: () => (core.guard ? core.guard.blocked() : []),
    destroy: core.destroy,
  };

  const gate = Object.assign(runtime.target ?? {}, methods, chatFeature(core, parts, runtime.launchersLater)) as ConsentGate;
  vendorsFeature(core, parts);
  receiptsFeature(core, parts);
  // (a record from an earlier page: what it refuses is swept, in a task of its own)
  if (typeof document !== 'undefined' && core.decisions().decided) setTimeout(() => sweepRefused(core, parts, runtime.rules));
  // Embeds (videos, maps): their placeholders are a part of their own, fetched only when the config names an embed vendor.
  if (typeof document !== 'undefined' && resolved.vendors.some((v) => v.kind === 'embed')) {
    onReady(
      document,
      () =>
        void parts.chunks
          .embed()
          .then((mod) => mod.startEmbeds(core, parts))
          .catch((error) => console.error(error)),
    );
  }
  const extra = runtime.features ?? [];
  for (const feature of extra) Object.assign(gate, feature(core, parts));
  if (!('audit' in gate)) auditAccess(gate, core, parts);

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
    // (a task of its own even when the DOM is ready: calls queued before the runtime loaded are replayed first, and
    // the start-up of the banner's file, which arrives later anyway, does not lengthen the runtime's own task)
    onReady(document, () => setTimeout(start));
  }
  return gate;
}
