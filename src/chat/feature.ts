/**
 * The chat feature: for every configured vendor with an `open` hook, a
 * runtime and a facade; the public methods `openChat`, `refresh` and
 * `chat(vendorId)`; the revocation bridge on `revoked`; continuity and
 * `loadOn: 'consent'` on page load and on `change`.
 */
import { ConsentGateConfigError } from '../errors.js';
import { onReady } from '../dom.js';
import type { GateCore } from '../consent/gate.js';
import type { ResolvedConfig } from '../config.js';
import type { VendorListener } from '../types.js';
import { createFacade, type Facade } from './facade.js';
import { createVendorRuntime, type ChatStatus, type VendorRuntime } from './runtime.js';

/** What `consentGate.chat(vendorId)` returns. Every method is safe before the vendor has loaded. */
export interface ChatHandle {
  /** Open the chat: asks for consent first when needed, then loads and opens. Resolves true once open. */
  open(): Promise<boolean>;
  /** Close the chat window (a no-op while not loaded). */
  close(): void;
  status(): ChatStatus;
  /** Clear the vendor's visitor state; before load, deletes its cookies. */
  clear(options?: Record<string, unknown>): void;
  refresh(options?: Record<string, unknown>): Promise<void>;
  /** Subscribe to a vendor event; attached once the vendor loads, detached on revocation. */
  on(event: string, fn: VendorListener): void;
  off(event: string, fn: VendorListener): void;
}

export interface ChatFeature {
  openChat(vendorId?: string): Promise<boolean>;
  refresh(options?: Record<string, unknown>): Promise<void>;
  chat(vendorId?: string): ChatHandle;
}

export function chatFeature(core: GateCore<ResolvedConfig>): ChatFeature {
  const chatVendors = core.config.vendors.filter((v) => typeof v.vendor.adapter?.open === 'function');
  const runtimes = new Map<string, VendorRuntime>();
  const facades = new Map<string, Facade>();
  const pendingPrompt = new Map<string, (value: boolean | Promise<boolean>) => void>();
  const browser = typeof window !== 'undefined' && typeof document !== 'undefined';
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));

  if (browser) for (const configured of chatVendors) runtimes.set(configured.vendor.id, createVendorRuntime(core, configured));

  function runtimeOf(vendorId: unknown, method: string): VendorRuntime {
    const ids = chatVendors.map((v) => v.vendor.id);
    const id = vendorId === undefined ? ids[0] : vendorId;
    const found = typeof id === 'string' ? runtimes.get(id) : undefined;
    if (found) return found;
    if (!browser && typeof id === 'string' && ids.includes(id)) throw new Error(`consent-gate: ${method}() needs a browser`);
    throw new ConsentGateConfigError(`${method}() argument 1`, `a configured chat vendor id (${ids.map((i) => JSON.stringify(i)).join(', ') || 'none configured'})`, vendorId);
  }

  function activate(runtime: VendorRuntime): Promise<boolean> {
    const id = runtime.vendor.id;
    // asked before the DOM was ready (queued or early calls): answer once the facade exists
    if (!facades.has(id)) return started.then(() => (facades.has(id) ? activate(runtime) : false));
    if (runtime.allowed()) return runtime.open();
    if (runtime.options.consentOnClick === 'click') {
      core.decide({ purposes: { [runtime.vendor.purpose]: true } }, 'click');
      return runtime.open();
    }
    const facade = facades.get(id);
    if (!facade) return Promise.resolve(false);
    // a prompt already open for this vendor is answered "no" and replaced
    pendingPrompt.get(id)?.(false);
    return new Promise<boolean>((done) => {
      const resolve = (value: boolean | Promise<boolean>) => {
        if (pendingPrompt.get(id) === resolve) pendingPrompt.delete(id);
        done(value);
      };
      pendingPrompt.set(id, resolve);
      runtime.setPromptOpen(true);
      facade.showPrompt(
        () => {
          facade.hidePrompt();
          runtime.setPromptOpen(false);
          core.decide({ purposes: { [runtime.vendor.purpose]: true } }, 'prompt');
          resolve(runtime.open());
        },
        () => {
          facade.hidePrompt();
          runtime.setPromptOpen(false);
          resolve(false);
        },
      );
    });
  }

  function start(): void {
    for (const runtime of runtimes.values()) {
      const facade = createFacade(runtime, document, core.config.nonce, {
        activate: () => void activate(runtime),
        retry: () => void runtime.open(),
        intent: () => runtime.preconnect(),
      });
      facades.set(runtime.vendor.id, facade);
      runtime.onState((state, reason) => facade.render(state, reason));
      facade.render(runtime.state(), runtime.reason());
      if (runtime.allowed() && (runtime.options.loadOn === 'consent' || runtime.resumable())) void runtime.mount();
    }
    markStarted();
  }

  if (browser && runtimes.size) {
    core.events.on('revoked', (event) => {
      const runtime = runtimes.get(event.vendor);
      if (runtime) void runtime.revoke(event.purposes);
    });
    core.events.on('change', () => {
      for (const runtime of runtimes.values()) {
        if (runtime.options.loadOn === 'consent' && runtime.allowed() && runtime.state() === 'idle') void runtime.mount();
      }
    });
    onReady(document, start);
  }

  function handle(vendorId?: string): ChatHandle {
    const runtime = runtimeOf(vendorId, 'chat');
    return {
      open: () => activate(runtime),
      close: () => {
        if (runtime.state() === 'prompt') {
          facades.get(runtime.vendor.id)?.hidePrompt();
          pendingPrompt.get(runtime.vendor.id)?.(false);
        }
        runtime.close();
      },
      status: () => runtime.status(),
      clear: (options) => runtime.clear(options),
      refresh: (options) => runtime.refresh(options),
      on: (event, fn) => runtime.on(event, fn),
      off: (event, fn) => runtime.off(event, fn),
    };
  }

  return {
    openChat: (vendorId) => activate(runtimeOf(vendorId, 'openChat')),
    async refresh(options) {
      await Promise.all([...runtimes.values()].map((r) => r.refresh(options).catch(() => undefined)));
    },
    chat: handle,
  };
}
