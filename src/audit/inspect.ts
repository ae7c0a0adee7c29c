/**
 * Runtime inspection: every cookie and Web Storage key the page can see,
 * matched to a vendor and purpose or marked undeclared, with a violation flag
 * where it is present without its purpose granted. `inspect` is pure;
 * `readDeviceStorage` reads the page.
 */
import { cookieNames, storageKeys } from '../cleanup/index.js';
import { matchCookie, matchStorage } from './match.js';
import type { BlockedEntry, Purpose, VendorData } from '../types.js';

export interface AuditItem {
  kind: 'cookie' | 'local' | 'session';
  /** Cookie name or storage key. */
  name: string;
  /** Vendor id, `consent-gate` for the consent record, or null when undeclared. */
  vendor: string | null;
  purpose: Purpose | null;
  declared: boolean;
  /** Whether its purpose is granted for its vendor now (always true for `necessary`). */
  allowed: boolean;
  /** Present although its purpose is not granted. */
  violation: boolean;
}

export interface AuditReport {
  /** ms since epoch */
  at: number;
  url: string;
  items: AuditItem[];
  violations: AuditItem[];
  undeclared: AuditItem[];
  /** What the head guard held back so far. */
  blocked: BlockedEntry[];
}

export interface DeviceStorage {
  cookies: string[];
  local: string[];
  session: string[];
}

export interface InspectInput extends DeviceStorage {
  vendors: readonly VendorData[];
  cookieName: string;
  allows(vendorId: string, purpose: Purpose): boolean;
}

export function inspect(input: InspectInput): AuditItem[] {
  const items: AuditItem[] = [];
  const add = (kind: AuditItem['kind'], name: string, vendor: string | null, purpose: Purpose | null) => {
    const allowed = purpose === null ? false : purpose === 'necessary' || input.allows(vendor ?? '', purpose);
    items.push({ kind, name, vendor, purpose, declared: vendor !== null, allowed, violation: purpose !== null && !allowed });
  };
  for (const name of input.cookies) {
    if (name === input.cookieName) add('cookie', name, 'consent-gate', 'necessary');
    else {
      const m = matchCookie(name, input.vendors);
      add('cookie', name, m ? m.vendor.id : null, m ? m.rule.purpose : null);
    }
  }
  for (const storage of ['local', 'session'] as const) {
    for (const key of input[storage]) {
      const m = matchStorage(key, storage, input.vendors);
      add(storage, key, m ? m.vendor.id : null, m ? m.rule.purpose : null);
    }
  }
  return items;
}

/** What this page can see now. Never throws (storage may be disabled). */
export function readDeviceStorage(): DeviceStorage {
  if (typeof document === 'undefined') return { cookies: [], local: [], session: [] };
  return { cookies: cookieNames(), local: storageKeys(window, 'local'), session: storageKeys(window, 'session') };
}
