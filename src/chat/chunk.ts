/**
 * The chat's lazy part: the vendor runtimes, the contextual prompt and the
 * failure panel, wired to the launchers the page already shows. Fetched when
 * the visitor shows intent (hover, focus, pointer-down), clicks, or when the
 * chat should load by itself (`loadOn: 'consent'`, a conversation continued
 * from an earlier page).
 */
import type { ResolvedConfig } from '../config.js';
import type { GateCore } from '../consent/gate.js';
import type { Parts } from '../parts.js';
import type { Purpose, VendorListener } from '../types.js';
import type { Launcher } from './launcher.js';
import { chatView, type ChatView } from './view.js';
import { failurePanel, injectPanelStyles } from './panels.js';
import { buildPrompt } from './prompt.js';
import { createVendorRuntime, type VendorRuntime } from './runtime.js';
import type { ChatStatus } from './state.js';

/** What `consentGate.chat(vendorId)` returns. Every method is safe before the vendor has loaded. */
export interface ChatHandle {
  /** Open the chat: asks for consent first when needed, then loads and opens. Resolves true once open. */
  open(): Promise<boolean>;
  /** Close the chat window (a no-op while not loaded). */
  close(): void;
  status(): ChatStatus;
  /** Clear the vendor's visitor state; before load, deletes its cookies. */
  clear(options?: Record<string, unknown>): void | Promise<void>;
  refresh(options?: Record<string, unknown>): Promise<void>;
  /** Subscribe to a vendor event; attached once the vendor loads, detached on revocation. */
  on(event: string, fn: VendorListener): void;
  off(event: string, fn: VendorListener): void;
}

/** The chat's lazy part as the page's chat feature drives it. */
export interface ChatController {
  /** The visitor (or the page's code) asked for a chat. */
  activate(vendorId: string): Promise<boolean>;
  /** The visitor may be about to ask: fetch the vendor's file and, once allowed, warm up its connections. */
  prefetch(vendorId: string): void;
  /** Load the chats that should load by themselves now. */
  resume(): void;
  revoke(vendorId: string, purposes: readonly Purpose[]): Promise<void>;
  refresh(options?: Record<string, unknown>): Promise<void>;
  handle(vendorId: string): ChatHandle;
}

export function startChat(core: GateCore<ResolvedConfig>, parts: Parts, launchers: ReadonlyMap<string, Launcher>): ChatController {
  injectPanelStyles(document, core.config.nonce);
  const runtimes = new Map<string, Promise<VendorRuntime | null>>();
  /** Runtimes already made, for synchronous questions (status). */
  const known = new Map<string, VendorRuntime>();
  const pendingPrompt = new Map<string, (value: boolean | Promise<boolean>) => void>();
  const views = new Map<string, ChatView>();
  for (const [id, launcher] of launchers) views.set(id, chatView(launcher, document));

  /** The runtime of a chat vendor, made once its file has arrived and its options are checked; null when it cannot load. */
  function runtimeOf(id: string): Promise<VendorRuntime | null> {
    let made = runtimes.get(id);
    if (!made) {
      made = parts.vendor(id).then(
        (vendor) => {
          const configured = core.config.vendors.find((v) => v.id === id)!;
          const runtime = createVendorRuntime(core, vendor, configured.options);
          known.set(id, runtime);
          const view = views.get(id);
          if (view) {
            const inline = runtime.inlineTarget();
            if (inline) view.placeInline(inline, vendor.summary);
            runtime.onState((state, reason) => render(runtime, view, state, reason));
            render(runtime, view, runtime.state(), runtime.reason());
          }
          return runtime;
        },
        () => null,
      );
      runtimes.set(id, made);
    }
    return made;
  }

  function render(runtime: VendorRuntime, launcher: ChatView, state: ReturnType<VendorRuntime['state']>, reason?: ReturnType<VendorRuntime['reason']>): void {
    launcher.render(state);
    if (state !== 'failed') return;
    const box = failurePanel(document, reason ?? 'error', { url: runtime.options.fallbackUrl, label: runtime.options.fallbackLabel }, {
      retry: () => void runtime.open(),
      close: () => {
        launcher.setPanel(null);
        launcher.returnFocus();
      },
    });
    launcher.setPanel(box);
    box.querySelector<HTMLElement>('.cg-chat-retry')?.focus();
  }

  async function activate(id: string): Promise<boolean> {
    const runtime = await runtimeOf(id);
    const launcher = views.get(id);
    if (!runtime || !launcher) return false;
    if (runtime.allowed()) return runtime.open();
    if (runtime.options.consentOnClick === 'click') {
      core.decide({ purposes: { [runtime.vendor.purpose]: true } }, 'click');
      return runtime.open();
    }
    // a prompt already open for this vendor is answered "no" and replaced
    pendingPrompt.get(id)?.(false);
    return new Promise<boolean>((done) => {
      const resolve = (value: boolean | Promise<boolean>) => {
        if (pendingPrompt.get(id) === resolve) pendingPrompt.delete(id);
        done(value);
      };
      pendingPrompt.set(id, resolve);
      runtime.setPromptOpen(true);
      const hide = () => {
        if (launcher.panel()?.classList.contains('cg-chat-prompt')) launcher.setPanel(null);
        runtime.setPromptOpen(false);
      };
      const box = buildPrompt(document, runtime.vendor, {
        onAllow: () => {
          hide();
          core.decide({ purposes: { [runtime.vendor.purpose]: true } }, 'prompt');
          resolve(runtime.open());
        },
        onDismiss: () => {
          hide();
          resolve(false);
          launcher.returnFocus();
        },
      });
      launcher.setPanel(box);
      box.querySelector<HTMLElement>('.cg-chat-allow')?.focus();
    });
  }

  function resume(): void {
    for (const configured of core.config.vendors) {
      if (configured.kind !== 'chat' || !core.allows(configured.id, configured.purpose)) continue;
      void runtimeOf(configured.id).then((runtime) => {
        if (runtime && runtime.allowed() && runtime.state() === 'idle' && (runtime.options.loadOn === 'consent' || runtime.resumable())) void runtime.mount();
      });
    }
  }

  function handle(id: string): ChatHandle {
    const withRuntime = <T>(fn: (r: VendorRuntime) => T | Promise<T>, fallback: T): Promise<T> => runtimeOf(id).then((r) => (r ? fn(r) : fallback));
    return {
      open: () => activate(id),
      close: () => {
        void withRuntime((runtime) => {
          if (runtime.state() === 'prompt') {
            const launcher = views.get(id);
            if (launcher?.panel()?.classList.contains('cg-chat-prompt')) launcher.setPanel(null);
            pendingPrompt.get(id)?.(false);
          }
          runtime.close();
        }, undefined);
      },
      status: () => known.get(id)?.status() ?? { vendor: id, state: 'idle', allowed: core.allows(id, core.config.vendors.find((v) => v.id === id)!.purpose), loaded: false },
      clear: (options) => withRuntime((runtime) => runtime.clear(options), undefined),
      refresh: (options) => withRuntime((runtime) => runtime.refresh(options), undefined),
      on: (event, fn) => void withRuntime((runtime) => runtime.on(event, fn), undefined),
      off: (event, fn) => void withRuntime((runtime) => runtime.off(event, fn), undefined),
    };
  }

  return {
    activate: (id) => activate(id),
    prefetch(id) {
      void runtimeOf(id).then((runtime) => runtime?.preconnect());
    },
    resume,
    async revoke(id, purposes) {
      const runtime = await runtimeOf(id);
      await runtime?.revoke(purposes);
    },
    async refresh(options) {
      await Promise.all([...runtimes.values()].map((made) => made.then((r) => r?.refresh(options)).catch(() => undefined)));
    },
    handle,
  };
}
