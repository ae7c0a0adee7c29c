/**
 * The chat feature as every page carries it: a launcher per configured chat
 * vendor (./launcher.ts), shown where, to whom and when the chat appears (its
 * `show` settings, decided by ./show.ts: again on a route change of a
 * single-page site, a change of consent, and when business hours begin or
 * end), and the public methods `openChat`, `chat(vendorId)` and `refresh`.
 * Everything else (the prompt, the failure panel, the vendor runtime, the
 * vendor's own file) is the chat's lazy part (./chunk.ts), fetched when the
 * visitor shows intent, when a decision or an earlier conversation means the
 * chat should load by itself, or when a page's code asks for it.
 */
import { ConsentGateConfigError } from '../errors.js';
import { languageFor, pageLanguage } from '../ui/texts.js';
import { onReady } from '../dom.js';
import { chatOptionsOf } from '../contract/chat-options.js';
import type { GateCore } from '../consent/gate.js';
import type { ConfiguredVendor, ResolvedConfig } from '../config.js';
import type { Parts } from '../parts.js';
import type { PageContext, VendorAdapter, VendorListener } from '../types.js';
import { safe } from '../contract/values.js';
import { sweep } from '../adapter/revoke.js';
import { createLauncher, type Launcher } from './launcher.js';
import { onNavigate } from './navigate.js';
import { showing } from './show.js';
import type { ChatController, ChatHandle } from './chunk.js';
import type { ChatStatus } from './state.js';
import { launcherTexts, type ChatTexts } from './texts.js';

export type { ChatHandle } from './chunk.js';

export interface ChatFeature {
  /** Open a chat (default: the first configured): asks for consent first when needed, then loads and opens. Resolves true once open. */
  openChat(vendorId?: string): Promise<boolean>;
  /** Re-read the page in every loaded chat (single-page sites call it after a route change). */
  refresh(options?: Record<string, unknown>): Promise<void>;
  /** One chat's handle. Every method is safe before the vendor has loaded. */
  chat(vendorId?: string): ChatHandle;
}

export function chatFeature(core: GateCore<ResolvedConfig>, parts: Parts, later = false): ChatFeature {
  const chats = core.config.vendors.filter((v) => v.kind === 'chat');
  const browser = typeof window !== 'undefined' && typeof document !== 'undefined';
  const launchers = new Map<string, Launcher>();
  /** Subscriptions made before the chat's lazy part arrived, handed over when it does. */
  const early: [vendorId: string, event: string, fn: VendorListener][] = [];
  let controller: Promise<ChatController> | null = null;
  /** The controller once it has arrived, for the synchronous methods of a handle. */
  let settled: ChatController | null = null;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  /**
   * The chat's words in the page's language (config `lang`, else `<html lang>`):
   * English is in this file; another language is a small part of its own,
   * fetched at once, before the launchers show, so a launcher's accessible
   * name is in the page's language from the start. English when it cannot load.
   */
  let words: Promise<ChatTexts | null> | null = null;

  /** The chat's lazy part, fetched once. */
  function lazy(): Promise<ChatController> {
    if (!controller) {
      controller = Promise.all([parts.chunks.chat(), words]).then(([mod, table]) => {
        const made = mod.startChat(core, parts, launchers, table?.panel);
        for (const [id, event, fn] of early.splice(0)) made.handle(id).on(event, fn);
        settled = made;
        return made;
      });
      controller.catch((error) => {
        controller = null;
        console.error(error);
      });
    }
    return controller;
  }

  function configuredOf(vendorId: unknown, method: string): ConfiguredVendor {
    const ids = chats.map((v) => v.id);
    const id = vendorId === undefined ? ids[0] : vendorId;
    const found = chats.find((v) => v.id === id);
    if (found && browser) return found;
    if (found) throw new Error(`consent-gate: ${method}() needs a browser`);
    throw new ConsentGateConfigError(
      `${method}() argument 1`,
      `a configured chat vendor id (${ids.map((i) => JSON.stringify(i)).join(', ') || 'none configured'})`,
      vendorId,
    );
  }

  /**
   * Whether the chat is shown here and now; says why in the console when it
   * is not (a page's code asked for it, or a click on an element the site
   * left visible).
   */
  function available(launcher: Launcher): boolean {
    const { shown, why } = launcher.showing;
    if (!shown)
      console.info(
        `consent-gate: the ${launcher.vendorId} chat is not shown ${why === 'page' ? 'on this page (show.urls)' : why === 'audience' ? 'before analytics is granted (show.audience)' : 'outside business hours (show.hours)'}`,
      );
    return shown;
  }

  /** Open a chat once the page's launchers exist (a call queued before the DOM was ready waits for them). */
  function open(configured: ConfiguredVendor): Promise<boolean> {
    return started
      .then(() => {
        const launcher = launchers.get(configured.id);
        return launcher && available(launcher) ? lazy().then((c) => c.activate(configured.id)) : false;
      })
      .catch(() => false);
  }

  /** Chats embedded in the page (an inline placeholder). */
  const inlined = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Decide again for every launcher whether its chat shows (page, visitor, hours), and when to decide next. */
  function decide(): void {
    clearTimeout(timer);
    let next = Infinity;
    for (const launcher of launchers.values()) {
      const show = launcher.options.show;
      const now = Date.now();
      const decided = show ? showing(show, location.href, core.allows(launcher.vendorId, 'analytics'), now) : launcher.showing;
      if (decided.shown !== launcher.showing.shown || decided.away !== launcher.showing.away || decided.why !== launcher.showing.why)
        launcher.setShowing(decided);
      else launcher.showing = decided;
      // an inline placeholder is the chat's lazy part: fetched once the chat shows here
      if (decided.shown && inlined.has(launcher.vendorId))
        void lazy().then(
          (c) => c.prefetch(launcher.vendorId),
          () => undefined,
        );
      if (decided.next !== null) next = Math.min(next, decided.next - now);
    }
    // again when business hours begin or end (at most an hour ahead, so a sleeping computer or a clock change catches up)
    if (next !== Infinity) timer = setTimeout(decide, Math.min(Math.max(next, 1000), 3_600_000));
  }

  /** Ask a configured chat's adapter a question of the page (see PageContext); undefined when its data is not at hand or the hook throws. */
  function ask<T>(configured: ConfiguredVendor, question: (adapter: VendorAdapter, page: PageContext) => T): T | undefined {
    const vendor = configured.vendor;
    return (
      vendor &&
      safe(() => question(vendor.adapter, { vendor, options: configured.options, window: window as Window & typeof globalThis, document }))
    );
  }

  function place(configured: ConfiguredVendor, table: ChatTexts | null): void {
    const launcher = createLauncher(
      configured.id,
      chatOptionsOf(configured.options),
      document,
      core.config.nonce,
      table?.launcher ?? launcherTexts.en,
      {
        activate: () =>
          void (
            available(launcher) &&
            lazy().then(
              (c) => c.activate(configured.id),
              () => undefined,
            )
          ),
        intent: () =>
          void (
            launcher.showing.shown &&
            lazy().then(
              (c) => c.prefetch(configured.id),
              () => undefined,
            )
          ),
      },
    );
    launchers.set(configured.id, launcher);
    // A chat embedded in the page (the vendor's inline container) shows its placeholder there: that takes the chat's lazy part.
    if (ask(configured, (adapter, page) => adapter.inlineTarget?.(page))) inlined.add(configured.id);
    decide();
  }

  /** A route change of a single-page site: decide again, and let every loaded vendor re-read the page (its own targeting). */
  let address = '';
  function navigated(): void {
    const now = location.href.replace(/#.*/, '');
    if (now === address) return;
    address = now;
    decide();
    if (controller)
      void controller.then(
        (c) => c.navigated(),
        () => undefined,
      );
  }

  function start(table: ChatTexts | null): void {
    // A launcher only for a chat whose options are known to be right: checked already (a whole catalog,
    // or the runtime built for the site), else once the vendor's file has arrived. Wrong options are
    // logged and leave no launcher (the vendor stays blocked). `later` (the drop-in): in a task of its own,
    // not in the start-up task (with start-up, building a launcher and its stylesheet made one long task).
    const waits = chats.map((configured) =>
      configured.checked && !later
        ? place(configured, table)
        : parts.vendor(configured.id).then(
            () => new Promise((next) => setTimeout(next)).then(() => place(configured, table)),
            () => undefined,
          ),
    );
    address = location.href.replace(/#.*/, '');
    onNavigate(window, navigated);
    // The chat loads by itself when it should: `loadOn: 'consent'` once allowed, or a conversation
    // continued from an earlier page (its adapter says so; a vendor whose data is not at hand is asked
    // by the chat's lazy part). Only then is that part fetched: a visitor without consent never fetches
    // it before a click, and one with consent only when a chat continues.
    const wanted = () =>
      chats.some(
        (v) =>
          core.allows(v.id, v.purpose) &&
          (chatOptionsOf(v.options).loadOn === 'consent' || !v.vendor || ask(v, (adapter, page) => adapter.resume?.(page)) === true),
      );
    void Promise.all(waits).then(() => {
      markStarted();
      if (wanted())
        void lazy().then(
          (c) => c.resume(),
          () => undefined,
        );
    });
    core.events.on('change', () => {
      // the audience `tracked` follows the analytics decision
      decide();
      // in a task of its own (the adapter may read a cookie): an "Allow" in the prompt opens its chat first
      setTimeout(() => {
        if (wanted())
          void lazy().then(
            (c) => c.resume(),
            () => undefined,
          );
      });
    });
  }

  if (browser && chats.length) {
    core.events.on('revoked', (event) => {
      if (controller && chats.some((v) => v.id === event.vendor))
        void controller.then(
          (c) => c.revoke(event.vendor, event.purposes),
          () => undefined,
        );
    });
    const language = languageFor(pageLanguage(core.config.lang));
    if (language && language !== 'en') {
      const fetched = (words = parts.chunks.chatTexts(language).catch((error) => {
        console.warn(error);
        return null;
      }));
      onReady(document, () => void fetched.then(start));
    } else onReady(document, () => start(null));
  }

  function handle(vendorId?: string): ChatHandle {
    const configured = configuredOf(vendorId, 'chat');
    const id = configured.id;
    const loaded = (): ChatHandle | null => (settled ? settled.handle(id) : null);
    return {
      open: () => open(configured),
      close: () => loaded()?.close(),
      status: (): ChatStatus =>
        loaded()?.status() ?? { vendor: id, state: 'idle', allowed: core.allows(id, configured.purpose), loaded: false },
      // before the chat's lazy part has arrived there is nothing of the vendor to reset: delete what it stores, at once
      clear: (options) => {
        if (settled) return settled.handle(id).clear(options);
        if (configured.vendor) sweep(configured.vendor, [configured.purpose]);
      },
      refresh: (options) => (loaded() ? loaded()!.refresh(options) : Promise.resolve()),
      on: (event, fn) => {
        if (typeof fn !== 'function') throw new TypeError(`consent-gate: chat("${id}").on("${event}", …) needs a function`);
        if (loaded()) loaded()!.on(event, fn);
        else early.push([id, event, fn]);
      },
      off: (event, fn) => {
        if (loaded()) loaded()!.off(event, fn);
        else {
          const at = early.findIndex((e) => e[0] === id && e[1] === event && e[2] === fn);
          if (at >= 0) early.splice(at, 1);
        }
      },
    };
  }

  return {
    openChat: (vendorId) => open(configuredOf(vendorId, 'openChat')),
    async refresh(options) {
      if (settled) await settled.refresh(options);
    },
    chat: handle,
  };
}
