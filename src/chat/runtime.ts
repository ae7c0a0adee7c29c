/**
 * The generic vendor runtime of a chat: drives one configured vendor's
 * adapter through prepare → load → open/mount, with a timeout, offline
 * detection, a check that the vendor's chat appears once its code has
 * loaded (`show.appearWithin`), retry, event subscriptions that wait for the
 * vendor, and the revocation bridge. Knows no vendor: everything specific
 * comes from the adapter and the data. Part of the chat's lazy file.
 */
import type { ResolvedConfig } from '../config.js';
import type { GateCore } from '../consent/gate.js';
import type { Purpose, Vendor, VendorContext, VendorListener, VendorOptions } from '../types.js';
import { chatOptionsOf, type ResolvedChatOptions } from '../contract/chat-options.js';
import { safe } from '../contract/values.js';
import { LoadError, vendorContext } from '../adapter/context.js';
import { revokeVendor, sweep } from '../adapter/revoke.js';
import type { ChatState, ChatStatus, FailReason } from './state.js';

export interface VendorRuntime {
  readonly vendor: Vendor;
  readonly options: ResolvedChatOptions;
  state(): ChatState;
  reason(): FailReason | undefined;
  allowed(): boolean;
  /** Set a UI-only state (`prompt`, or back to `idle` from it). */
  setPromptOpen(open: boolean): void;
  /** Load (when needed) and open the vendor's UI. Resolves true when open. */
  open(): Promise<boolean>;
  /** Load (when needed) and show the vendor's UI closed. */
  mount(): Promise<boolean>;
  close(): void;
  clear(options?: Record<string, unknown>): void;
  refresh(options?: Record<string, unknown>): Promise<void>;
  status(): ChatStatus;
  on(event: string, fn: VendorListener): void;
  off(event: string, fn: VendorListener): void;
  preconnect(): void;
  resumable(): boolean;
  inlineTarget(): string | null;
  /** The revocation bridge for this vendor. */
  revoke(purposes: readonly Purpose[]): Promise<void>;
  onState(fn: (state: ChatState, reason?: FailReason) => void): void;
  /** What the vendor added to the page while loading and opening (its widget), still on the page. */
  ui(): Element[];
}

/** Elements a vendor adds that are no UI of its own. */
const NOT_UI = /^(SCRIPT|STYLE|LINK|META|NOSCRIPT|TEMPLATE)$/;

/** Resolves once the vendor's status says its UI is on the page (at once when it has no status to ask); never after `signal` aborts. */
function appeared(adapter: Vendor['adapter'], context: () => VendorContext, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (signal.aborted) return;
      let loaded = true;
      try {
        loaded = !adapter.status || adapter.status(context()).loaded === true;
      } catch {
        loaded = false;
      }
      if (loaded) resolve();
      else setTimeout(check, 100);
    };
    check();
  });
}

/**
 * Note in `added` the elements a vendor adds to the page until the returned
 * function is called (its widget, for focus): the roots only, and nothing of
 * consent-gate's own chat UI or that is no UI (scripts, styles).
 */
function watchAdded(doc: Document, added: Element[]): () => void {
  added.length = 0;
  if (typeof MutationObserver !== 'function') return () => undefined;
  const note = (records: MutationRecord[]) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (NOT_UI.test(el.tagName) || el.closest('[class^="cg-chat"],[class*=" cg-chat"]') || added.some((root) => root.contains(el)))
          continue;
        added.push(el);
      }
    }
  };
  const observer = new MutationObserver(note);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return () => {
    note(observer.takeRecords());
    observer.disconnect();
  };
}

export function createVendorRuntime(core: GateCore<ResolvedConfig>, vendor: Vendor, vendorOptions: VendorOptions): VendorRuntime {
  const adapter = vendor.adapter;
  const options = chatOptionsOf(vendorOptions);
  const win = window as Window & typeof globalThis;
  const doc = document;
  const inserted = new Set<Element>();
  const listeners = new Map<string, Set<VendorListener>>();
  const stateListeners: ((state: ChatState, reason?: FailReason) => void)[] = [];
  let attached = false;
  let state: ChatState = 'idle';
  let failReason: FailReason | undefined;
  let controller: AbortController | null = null;
  let attempt: Promise<boolean> | null = null;
  let preconnected = false;
  /** A refresh asked for while loading, done once ready. */
  let refreshWhenReady: Record<string, unknown> | null = null;
  /**
   * The page (URL without fragment) the loaded vendor last re-read through
   * its refresh: a refresh without options for that same page again (a
   * site's own `refresh()` right after the route change that already led to
   * one) is left out, as it would show nothing new.
   */
  let reread: string | null = null;
  /** The refresh of the page in `reread` while it runs: a second ask for the same page waits for it instead of asking again. */
  let rereading: Promise<void> = Promise.resolve();
  const page = () => win.location.href.replace(/#.*/, '');
  /** The roots of what the vendor added to the page during the last load (see `watch`). */
  const added: Element[] = [];

  const allowed = () => core.allows(vendor.id, vendor.purpose);

  const contextFor = (signal?: AbortSignal): VendorContext =>
    vendorContext(core, vendor, vendorOptions, { inserted, ...(signal ? { signal } : {}) });
  let ctx = contextFor();

  function setState(next: ChatState, reason?: FailReason): void {
    state = next;
    failReason = next === 'failed' ? reason : undefined;
    for (const fn of stateListeners) {
      try {
        fn(state, failReason);
      } catch {
        // a broken listener never stops the runtime
      }
    }
  }

  function attach(): void {
    if (attached || !adapter.on) return;
    attached = true;
    for (const [event, set] of listeners) for (const fn of set) safe(() => adapter.on!(ctx, event, fn));
  }

  function detach(): void {
    if (!attached) return;
    attached = false;
    if (!adapter.off) return;
    for (const [event, set] of listeners) for (const fn of set) safe(() => adapter.off!(ctx, event, fn));
  }

  function abandon(): void {
    controller?.abort();
    controller = null;
    attempt = null;
    detach();
    safe(() => adapter.unload?.(ctx));
    for (const el of inserted) el.remove();
    inserted.clear();
  }

  function run(kind: 'open' | 'mount'): Promise<boolean> {
    if (!allowed()) return Promise.resolve(false);
    if (state === 'ready') {
      return (async () => {
        if (kind === 'open') await adapter.open?.(ctx);
        return true;
      })().catch(() => false);
    }
    if (attempt) {
      const pending = attempt;
      return pending.then(async (ok) => {
        if (ok && kind === 'open') await adapter.open?.(ctx);
        return ok;
      });
    }
    if (win.navigator && win.navigator.onLine === false) {
      setState('failed', 'offline');
      return Promise.resolve(false);
    }
    const own = new AbortController();
    controller = own;
    ctx = contextFor(own.signal);
    setState('loading');
    const stopWatching = watchAdded(doc, added);
    const timers: ReturnType<typeof setTimeout>[] = [];
    /** Rejects after `ms` with the error `make` gives then. */
    const after = (ms: number, make: () => Error) =>
      new Promise<never>((_, reject) => void timers.push(setTimeout(() => reject(make()), ms)));
    /** Set once the vendor's code has loaded: from then on, a chat that does not come is one the vendor chose not to show. */
    let loadedCode = false;
    const hidden = (ms: number) =>
      new LoadError(
        'hidden',
        `consent-gate: ${vendor.id} loaded but showed no chat within ${ms} ms: its own settings (targeting, audience or availability) leave out this page or this visitor, so the failure panel shows instead. Keep the chat's show settings in consent-gate's config in step with the vendor's.`,
      );
    const work = (async () => {
      adapter.prepare?.(ctx);
      await adapter.load?.(ctx);
      if (own.signal.aborted) return;
      loadedCode = true;
      attach();
      const shown = Promise.resolve(kind === 'open' ? adapter.open?.(ctx) : adapter.mount?.(ctx));
      const within = options.show?.appearWithin;
      if (!within) return shown;
      // the vendor's own answer (its status) says whether its chat is on the page
      return Promise.race([shown.then(() => appeared(adapter, () => ctx, own.signal)), after(within, () => hidden(within))]);
    })();
    const limit = after(options.timeout, () =>
      loadedCode
        ? hidden(options.timeout)
        : new LoadError('timeout', `consent-gate: ${vendor.id} did not load within ${options.timeout} ms`),
    );
    const settle = () => {
      for (const timer of timers) clearTimeout(timer);
      stopWatching();
    };
    const current: Promise<boolean> = Promise.race([work, limit]).then(
      () => {
        settle();
        if (own.signal.aborted || controller !== own) return false;
        attempt = null;
        reread = null;
        setState('ready');
        if (refreshWhenReady) {
          reread = page();
          void Promise.resolve(adapter.refresh?.(ctx, refreshWhenReady)).catch(() => undefined);
        }
        refreshWhenReady = null;
        return true;
      },
      (error: unknown) => {
        settle();
        if (own.signal.aborted || controller !== own) return false;
        const reason: FailReason = win.navigator?.onLine === false ? 'offline' : error instanceof LoadError ? error.reason : 'error';
        if (reason === 'hidden') console.warn((error as Error).message);
        abandon();
        setState('failed', reason);
        return false;
      },
    );
    attempt = current;
    return current;
  }

  return {
    vendor,
    options,
    state: () => state,
    reason: () => failReason,
    allowed,
    setPromptOpen(open) {
      if (open && (state === 'idle' || state === 'failed')) setState('prompt');
      else if (!open && state === 'prompt') setState('idle');
    },
    open: () => run('open'),
    mount: () => run('mount'),
    close() {
      if (state === 'ready') safe(() => adapter.close?.(ctx));
      else if (state === 'prompt') setState('idle');
    },
    clear(opts) {
      if (state === 'ready' && adapter.clear) safe(() => adapter.clear!(ctx, opts));
      else sweep(vendor, [vendor.purpose]);
    },
    async refresh(opts) {
      if (state === 'ready' && adapter.refresh) {
        const here = page();
        if (here === reread && (!opts || !Object.keys(opts).length)) return rereading;
        reread = here;
        rereading = Promise.resolve(adapter.refresh(ctx, opts)).then(() => undefined);
        await rereading;
      }
      // asked while loading (a route change during the download): once the chat is there
      else if (state === 'loading' && adapter.refresh) refreshWhenReady = opts ?? {};
    },
    status() {
      let own: Record<string, unknown> = { loaded: false };
      if (state === 'ready' && adapter.status) {
        try {
          own = adapter.status(ctx);
        } catch {
          own = { loaded: false };
        }
      }
      return {
        ...own,
        vendor: vendor.id,
        state,
        allowed: allowed(),
        loaded: own.loaded === true,
        ...(failReason ? { reason: failReason } : {}),
      };
    },
    on(event, fn) {
      if (typeof fn !== 'function') throw new TypeError(`consent-gate: chat("${vendor.id}").on("${event}", …) needs a function`);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      if (set.has(fn)) return;
      set.add(fn);
      if (attached) safe(() => adapter.on?.(ctx, event, fn));
    },
    off(event, fn) {
      const set = listeners.get(event);
      if (!set?.delete(fn)) return;
      if (attached) safe(() => adapter.off?.(ctx, event, fn));
    },
    preconnect() {
      if (preconnected || !allowed() || !adapter.preconnect) return;
      preconnected = true;
      let origins: readonly string[] = [];
      try {
        origins = adapter.preconnect(ctx);
      } catch {
        return;
      }
      for (const origin of origins) {
        const link = doc.createElement('link');
        link.rel = 'preconnect';
        link.href = origin;
        link.crossOrigin = 'anonymous';
        link.setAttribute('data-consent-gate', vendor.id);
        if (core.config.nonce) link.nonce = core.config.nonce;
        doc.head.appendChild(link);
      }
    },
    resumable() {
      try {
        return adapter.resume?.(ctx) === true;
      } catch {
        return false;
      }
    },
    inlineTarget() {
      try {
        return adapter.inlineTarget?.(ctx) ?? null;
      } catch {
        return null;
      }
    },
    async revoke(purposes) {
      const main = purposes.includes(vendor.purpose);
      const wasActive = state !== 'idle' && state !== 'prompt';
      if (main) {
        controller?.abort();
        controller = null;
        attempt = null;
        detach();
      }
      await revokeVendor(vendor, ctx, purposes);
      if (main) {
        for (const link of doc.querySelectorAll(`link[rel="preconnect"][data-consent-gate="${vendor.id}"]`)) link.remove();
        preconnected = false;
        setState('idle');
      }
      if (options.reloadOnRevoke && wasActive) win.location.reload();
    },
    onState(fn) {
      stateListeners.push(fn);
    },
    ui: () => added.filter((el) => el.isConnected),
  };
}
