/**
 * The lazy part that runs vendors' adapters outside a chat: the revocation
 * bridge for every vendor, and the tags a site asks consent-gate to insert
 * (a tag configured with its id rather than pasted as the vendor's snippet).
 */
import type { ResolvedConfig } from '../config.js';
import type { GateCore } from '../consent/gate.js';
import type { Purpose, Vendor, VendorOptions } from '../contract/types.js';
import { vendorContext } from './context.js';
import { revokeVendor } from './revoke.js';

export { vendorContext, LoadError } from './context.js';
export { revokeVendor, sweep } from './revoke.js';

/** Revoke a vendor that has no chat runtime on the page: its adapter, then the sweep. */
export function revokeAny(
  core: GateCore<ResolvedConfig>,
  vendor: Vendor,
  options: VendorOptions,
  purposes: readonly Purpose[],
): Promise<void> {
  return revokeVendor(vendor, vendorContext(core, vendor, options), purposes);
}

const started = new WeakSet<object>();

/**
 * Start a tag whose purpose is allowed: its adapter prepares the page and
 * inserts the vendor's snippet (once per page; an adapter leaves a snippet
 * the page pasted itself alone). Errors are logged, never thrown at the page.
 */
export async function startTag(core: GateCore<ResolvedConfig>, vendor: Vendor, options: VendorOptions): Promise<void> {
  if (started.has(vendor) || !core.allows(vendor.id, vendor.purpose)) return;
  started.add(vendor);
  const ctx = vendorContext(core, vendor, options);
  try {
    vendor.adapter.prepare?.(ctx);
    await vendor.adapter.load?.(ctx);
  } catch (error) {
    console.error(error);
  }
}
