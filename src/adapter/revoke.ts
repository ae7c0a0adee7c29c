/**
 * The revocation bridge for any vendor: its adapter undoes what it can
 * through the vendor's own API (reset a chat, tell a pixel consent was
 * revoked), then the runtime deletes every cookie and storage key the vendor
 * declares for the revoked purposes, on every parent domain and path. One
 * cleanup path: adapters never delete what this sweep deletes.
 */
import { deleteCookies, removeStorage } from '../cleanup/index.js';
import type { Purpose, Vendor, VendorContext, VendorData } from '../contract/types.js';

/** Delete what `vendor` stores for `purposes`: its cookies (by name or prefix) and storage keys. */
export function sweep(vendor: VendorData, purposes: readonly Purpose[], doc: Document = document, win: Window = window): void {
  const cookies = vendor.cookies
    .filter((c) => purposes.includes(c.purpose))
    .map((c) => ({ name: c.name, match: c.match === 'prefix' ? ('prefix' as const) : ('exact' as const) }));
  deleteCookies(cookies, doc);
  removeStorage(
    vendor.storage.filter((s) => purposes.includes(s.purpose)),
    win,
  );
}

/** Run the adapter's `revoke` (an error in it never stops the sweep), then sweep. */
export async function revokeVendor(vendor: Vendor, ctx: VendorContext, purposes: readonly Purpose[]): Promise<void> {
  try {
    await vendor.adapter.revoke?.(ctx, purposes);
  } catch {
    // the sweep below still runs
  }
  sweep(ctx.vendor, purposes, ctx.document, ctx.window);
}
