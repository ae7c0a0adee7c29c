/**
 * Matching what a page stores or contacts against the catalog: which vendor
 * and purpose a cookie name, storage key or host belongs to. Pure functions,
 * shared by the runtime audit, the declaration and the scanner.
 */
import type { CookieRule, HostRule, StorageRule, VendorData } from '../types.js';

export interface Match<R> {
  vendor: VendorData;
  rule: R;
}

/** The cookie rule a name falls under: exact names first, then the longest prefix. */
export function matchCookie(name: string, vendors: readonly VendorData[]): Match<CookieRule> | null {
  let best: Match<CookieRule> | null = null;
  let bestScore = -1;
  for (const vendor of vendors) {
    for (const rule of vendor.cookies) {
      const prefix = rule.match === 'prefix';
      const hit = prefix ? name.startsWith(rule.name) : name === rule.name;
      const score = prefix ? rule.name.length : Infinity;
      if (hit && score > bestScore) {
        best = { vendor, rule };
        bestScore = score;
      }
    }
  }
  return best;
}

/** The storage rule a Web Storage key falls under (exact, then the longest prefix or suffix). */
export function matchStorage(key: string, storage: 'local' | 'session', vendors: readonly VendorData[]): Match<StorageRule> | null {
  let best: Match<StorageRule> | null = null;
  let bestScore = -1;
  for (const vendor of vendors) {
    for (const rule of vendor.storage) {
      if (rule.storage !== storage) continue;
      const hit = rule.match === 'prefix' ? key.startsWith(rule.key) : rule.match === 'suffix' ? key.endsWith(rule.key) : key === rule.key;
      const score = rule.match === 'prefix' || rule.match === 'suffix' ? rule.key.length : Infinity;
      if (hit && score > bestScore) {
        best = { vendor, rule };
        bestScore = score;
      }
    }
  }
  return best;
}

/** The host rule a URL falls under: exact hosts before `*.` wildcards, longer (more specific) first; a path prefix must match when set. */
export function matchHost(url: string, vendors: readonly VendorData[]): Match<HostRule> | null {
  let host: string;
  let path: string;
  try {
    const u = new URL(url);
    host = u.hostname.toLowerCase();
    path = u.pathname;
  } catch {
    return null;
  }
  let best: Match<HostRule> | null = null;
  let bestScore = -1;
  for (const vendor of vendors) {
    for (const rule of vendor.hosts) {
      const pattern = rule.host.toLowerCase();
      const wildcard = pattern.startsWith('*.');
      const hit = wildcard ? host.endsWith(pattern.slice(1)) : host === pattern;
      if (!hit || (rule.path && !path.startsWith(rule.path))) continue;
      const score = (wildcard ? 0 : 10000) + pattern.length * 10 + (rule.path ? rule.path.length : 0);
      if (score > bestScore) {
        best = { vendor, rule };
        bestScore = score;
      }
    }
  }
  return best;
}
