/**
 * The context a vendor's adapter works with (see VendorContext in the
 * contract): the page, the vendor's options, whether a purpose is allowed,
 * and the few things an adapter may ask the runtime to do for it.
 */
import { deleteCookies, removeStorage } from '../cleanup/index.js';
import type { GateCore } from '../consent/gate.js';
import type { ResolvedConfig } from '../config.js';
import type { Vendor, VendorContext, VendorOptions } from '../contract/types.js';
import type { FailReason } from '../chat/state.js';

/** A vendor's script that did not load, and why. */
export class LoadError extends Error {
  readonly reason: FailReason;
  constructor(reason: FailReason, message: string) {
    super(message);
    this.name = 'LoadError';
    this.reason = reason;
  }
}

export interface ContextOptions {
  /** Aborted when the runtime gives up on the current load. */
  signal?: AbortSignal;
  /** Collects the elements inserted for the vendor, so a failed load can remove them. */
  inserted?: Set<Element>;
}

/** The adapter context for one configured vendor. */
export function vendorContext(
  core: GateCore<ResolvedConfig>,
  vendor: Vendor,
  options: VendorOptions,
  extra: ContextOptions = {},
): VendorContext {
  const win = window as Window & typeof globalThis;
  const doc = document;
  const nonce = core.config.nonce;
  const insertScript = (src: string, attributes: Record<string, string> = {}) =>
    new Promise<HTMLScriptElement>((resolve, reject) => {
      if (extra.signal?.aborted) return reject(new LoadError('error', `consent-gate: load of ${vendor.id} was abandoned`));
      const el = doc.createElement('script');
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.async = true;
      if (nonce) el.nonce = nonce;
      el.onload = () => resolve(el);
      el.onerror = () =>
        reject(new LoadError(win.navigator?.onLine === false ? 'offline' : 'error', `consent-gate: ${vendor.id} could not load ${src}`));
      el.src = src;
      extra.inserted?.add(el);
      (doc.head || doc.documentElement).appendChild(el);
    });
  return {
    vendor,
    options,
    window: win,
    document: doc,
    allows: (purpose) => core.allows(vendor.id, purpose),
    insertScript,
    deleteCookies: (names) => void deleteCookies(names, doc),
    removeStorage: (rules) => void removeStorage(rules, win),
    ...(nonce ? { nonce } : {}),
    ...(extra.signal ? { signal: extra.signal } : {}),
  };
}
