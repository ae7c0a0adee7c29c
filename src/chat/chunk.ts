/**
 * The chat's lazy part: the vendor runtimes, the contextual prompt (and,
 * outside business hours, the away prompt) and the failure panel, wired to
 * the launchers the page already shows. Fetched when the visitor shows
 * intent (hover, focus, pointer-down), clicks, or when the chat should load
 * by itself (`loadOn: 'consent'`, a conversation continued from an earlier
 * page).
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
import { returnTime } from './show.js';
import { fill, panelTexts, type PanelTexts } from './texts.js';
import { languageFor, languageTag, pageLanguage } from '../ui/texts.js';

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
  /** A route change of a single-page site: every loaded vendor re-reads the page (its `refresh`, where it has one). */
  navigated(): void;
  handle(vendorId: string): ChatHandle;
}

/** "We're back tomorrow at 9:00 AM." for the next opening, in the page's language. */
function backText(texts: PanelTexts, next: number | null, lang: string): string | null {
  if (next === null) return null;
  const words = returnTime(next, Date.now(), lang);
  return fill(words.when === 'today' ? texts.backToday : words.when === 'tomorrow' ? texts.backTomorrow : texts.backLater, {
    day: words.day,
    time: words.time,
  });
}

/** `words`: the panels' table in the page's language, fetched by the core with the launcher's (./feature.ts); English without it. */
export function startChat(
  core: GateCore<ResolvedConfig>,
  parts: Parts,
  launchers: ReadonlyMap<string, Launcher>,
  words?: PanelTexts,
): ChatController {
  injectPanelStyles(document, core.config.nonce);
  const runtimes = new Map<string, Promise<VendorRuntime | null>>();
  /** Runtimes already made, for synchronous questions (status). */
  const known = new Map<string, VendorRuntime>();
  const pendingPrompt = new Map<string, (value: boolean | Promise<boolean>) => void>();
  const views = new Map<string, ChatView>();
  const lang = pageLanguage(core.config.lang);
  const texts = words ?? panelTexts.en;
  // lifetimes in words in the language the panels speak
  const language = languageFor(lang);
  const wordsLang = words && language ? languageTag(language) : 'en';
  for (const [id, launcher] of launchers) {
    const view = chatView(launcher, document, texts);
    views.set(id, view);
    launcher.onShowing = () => {
      // a prompt open where the chat no longer shows is answered "no"
      if (!launcher.showing.shown) closePrompt(id);
      view.showingChanged();
    };
  }

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

  function render(
    runtime: VendorRuntime,
    launcher: ChatView,
    state: ReturnType<VendorRuntime['state']>,
    reason?: ReturnType<VendorRuntime['reason']>,
  ): void {
    launcher.render(state);
    if (state !== 'failed') return;
    const box = failurePanel(
      document,
      texts,
      reason ?? 'error',
      { url: runtime.options.fallbackUrl, label: runtime.options.fallbackLabel },
      {
        retry: () => void runtime.open(),
        close: () => {
          launcher.setPanel(null);
          launcher.returnFocus();
        },
      },
    );
    launcher.setPanel(box);
    box.querySelector<HTMLElement>('.cg-chat-buttons > *')?.focus();
  }

  /** Close the prompt of a vendor, if one shows, answering it "no". */
  function closePrompt(id: string): void {
    const view = views.get(id);
    if (view?.panel()?.classList.contains('cg-chat-prompt')) view.setPanel(null);
    known.get(id)?.setPromptOpen(false);
    pendingPrompt.get(id)?.(false);
  }

  /** Open the vendor's chat for the visitor; once open, focus goes into it. */
  function openFor(runtime: VendorRuntime, view: ChatView): Promise<boolean> {
    return runtime.open().then((open) => {
      if (open) view.focusChat(runtime.ui());
      return open;
    });
  }

  async function activate(id: string): Promise<boolean> {
    const runtime = await runtimeOf(id);
    const launcher = views.get(id);
    if (!runtime || !launcher) return false;
    const { away, next } = launcher.launcher.showing;
    const hours = runtime.options.show?.hours;
    if (!away) {
      if (runtime.allowed()) return openFor(runtime, launcher);
      if (runtime.options.consentOnClick === 'click') {
        core.decide({ purposes: { [runtime.vendor.purpose]: true } }, 'click');
        return openFor(runtime, launcher);
      }
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
      const { fallbackUrl, fallbackLabel } = runtime.options;
      const box = buildPrompt(
        document,
        {
          vendor: runtime.vendor,
          texts,
          lang: wordsLang,
          allowed: runtime.allowed(),
          ...(away
            ? {
                away: {
                  message: hours?.awayMessage ?? texts.awayBody,
                  back: backText(texts, next, lang),
                  leave: hours?.leaveMessage !== false,
                },
              }
            : {}),
          ...(hours?.replyTime ? { replyTime: hours.replyTime } : {}),
          ...(fallbackUrl ? { fallback: { url: fallbackUrl, label: fallbackLabel ?? texts.fallback } } : {}),
        },
        {
          onAllow: () => {
            runtime.setPromptOpen(false);
            if (!runtime.allowed()) core.decide({ purposes: { [runtime.vendor.purpose]: true } }, 'prompt');
            resolve(openFor(runtime, launcher));
            // the loader is in first: the prompt goes and focus comes back in the same task, before the next frame;
            // while the chat loads, focus waits on what asked for it (the busy launcher says "Loading chat…")
            queueMicrotask(() => {
              hide();
              launcher.returnFocus();
            });
          },
          onDismiss: () => {
            hide();
            resolve(false);
            launcher.returnFocus();
          },
          onLeave: () => {
            hide();
            resolve(false);
          },
        },
      );
      launcher.setPanel(box);
      box.querySelector<HTMLElement>('.cg-chat-buttons > *')?.focus();
    });
  }

  function resume(): void {
    for (const configured of core.config.vendors) {
      if (configured.kind !== 'chat' || !core.allows(configured.id, configured.purpose)) continue;
      // not where, to whom or when the chat does not show
      if (launchers.get(configured.id)?.showing.shown === false) continue;
      void runtimeOf(configured.id).then((runtime) => {
        if (runtime?.allowed() && runtime.state() === 'idle' && (runtime.options.loadOn === 'consent' || runtime.resumable()))
          void runtime.mount();
      });
    }
  }

  function handle(id: string): ChatHandle {
    const withRuntime = <T>(fn: (r: VendorRuntime) => T | Promise<T>, fallback: T): Promise<T> =>
      runtimeOf(id).then((r) => (r ? fn(r) : fallback));
    return {
      open: () => activate(id),
      close: () => {
        void withRuntime((runtime) => {
          if (runtime.state() === 'prompt') closePrompt(id);
          runtime.close();
        }, undefined);
      },
      status: () =>
        known.get(id)?.status() ?? {
          vendor: id,
          state: 'idle',
          allowed: core.allows(id, core.config.vendors.find((v) => v.id === id)!.purpose),
          loaded: false,
        },
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
    navigated() {
      for (const made of runtimes.values()) void made.then((r) => r?.refresh()).catch(() => undefined);
    },
    handle,
  };
}
