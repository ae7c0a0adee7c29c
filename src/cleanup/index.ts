/**
 * Cleanup: delete cookies wherever they may have been written (every parent
 * domain of the page up to the registrable domain, every path prefix of the
 * current URL) and remove Web Storage keys. Knows nothing of any vendor: it
 * works from names and rules.
 *
 * Public-suffix awareness without shipping the public suffix list: the
 * browser itself refuses a cookie on a public suffix, so a probe cookie
 * written from the shortest suffix upwards finds the registrable domain
 * (`shop.example` for `www.shop.example`, `shop.co.uk` for `a.shop.co.uk`).
 */
import type { StorageRule } from '../types.js';

type StorageMatch = Pick<StorageRule, 'key' | 'match' | 'storage'>;

const EXPIRED = 'Thu, 01 Jan 1970 00:00:00 GMT';
const PROBE = '__consent_gate_probe';

/** Every suffix of a host name with at least two labels, longest first: `a.b.shop.test` → `a.b.shop.test`, `b.shop.test`, `shop.test`. */
export function domainSuffixes(hostname: string): string[] {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** Whether a host name is an IP address (cookies on IPs have no parent domains). */
function isIpAddress(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.includes(':') || hostname.startsWith('[');
}

/** The registrable domain of the document's host, found by probing which domain the browser accepts a cookie on. Null on IPs, single-label hosts and when cookies are off. */
export function registrableDomain(doc: Document = document): string | null {
  const host = doc.location?.hostname ?? '';
  if (!host || isIpAddress(host)) return null;
  const candidates = domainSuffixes(host).reverse(); // shortest first
  for (const domain of candidates) {
    try {
      doc.cookie = `${PROBE}=1; path=/; domain=.${domain}`;
      const accepted = doc.cookie.split(/;\s*/).some((c) => c.startsWith(`${PROBE}=`));
      if (accepted) {
        doc.cookie = `${PROBE}=; expires=${EXPIRED}; max-age=0; path=/; domain=.${domain}`;
        return domain;
      }
    } catch {
      return null;
    }
  }
  return null;
}

/** The domains a cookie of this page may live on, from the host itself down to the registrable domain. */
export function cookieDomains(doc: Document = document): string[] {
  const host = doc.location?.hostname ?? '';
  if (!host || isIpAddress(host)) return [];
  const all = domainSuffixes(host);
  const registrable = registrableDomain(doc);
  if (!registrable) return all.length ? [all[0]!] : [];
  const end = all.indexOf(registrable);
  return end === -1 ? all : all.slice(0, end + 1);
}

/** Every path a cookie visible on this URL may have been set with: `/a/b` → `/`, `/a`, `/a/`, `/a/b`, `/a/b/`. */
export function pathPrefixes(pathname: string): string[] {
  const out = new Set<string>(['/']);
  const parts = pathname.split('/').filter(Boolean);
  let current = '';
  for (const part of parts) {
    current += `/${part}`;
    out.add(current);
    out.add(`${current}/`);
  }
  return [...out];
}

/** Names of the cookies visible to the page right now. */
export function cookieNames(doc: Document = document): string[] {
  try {
    return cookieNamesIn(doc.cookie);
  } catch {
    return [];
  }
}

/** The names in a `document.cookie` string, URI-decoded where they decode (duplicates, e.g. host and parent-domain copies, kept). */
export function cookieNamesIn(cookies: string): string[] {
  return cookies
    .split(';')
    .map((pair) => {
      const i = pair.indexOf('=');
      const name = (i < 0 ? pair : pair.slice(0, i)).trim();
      try {
        return decodeURIComponent(name);
      } catch {
        return name;
      }
    })
    .filter(Boolean);
}

export interface CookieMatch {
  name: string;
  match?: 'exact' | 'prefix';
}

/**
 * Delete cookies by name (or name prefix) on the exact host, every parent
 * domain up to the registrable one, and every path prefix of the current URL.
 * Returns the number of expiring writes made.
 */
export function deleteCookies(names: readonly (string | CookieMatch)[], doc: Document = document): number {
  const wanted = new Set<string>();
  const visible = cookieNames(doc);
  for (const entry of names) {
    const rule: CookieMatch = typeof entry === 'string' ? { name: entry } : entry;
    if (rule.match === 'prefix') {
      for (const name of visible) if (name.startsWith(rule.name)) wanted.add(name);
    } else {
      wanted.add(rule.name);
    }
  }
  if (!wanted.size) return 0;
  const domains = cookieDomains(doc);
  const paths = pathPrefixes(doc.location?.pathname ?? '/');
  const secure = doc.location?.protocol === 'https:' ? '; secure' : '';
  let writes = 0;
  const forms = new Set<string>();
  for (const name of wanted) {
    // the URI-encoded form (how js-cookie writes names) and, when it differs and is
    // writable as it is, the name as the browser stores it (e.g. one with "/" in it)
    forms.add(encodeURIComponent(name));
    if (/^[^\s;=,\x00-\x1f\x7f]+$/.test(name)) forms.add(name);
  }
  for (const form of forms) {
    for (const path of paths) {
      const base = `${form}=; expires=${EXPIRED}; max-age=0; path=${path}`;
      try {
        doc.cookie = base; // host-only copy
        writes++;
        doc.cookie = base + secure;
        for (const domain of domains) {
          doc.cookie = `${base}; domain=.${domain}${secure}`;
          writes++;
        }
      } catch {
        return writes;
      }
    }
  }
  return writes;
}

function storageOf(win: Window, which: 'local' | 'session'): Storage | null {
  try {
    return which === 'local' ? win.localStorage : win.sessionStorage;
  } catch {
    return null;
  }
}

/** Whether a storage key matches a rule. */
export function storageKeyMatches(key: string, rule: Pick<StorageRule, 'key' | 'match'>): boolean {
  if (rule.match === 'prefix') return key.startsWith(rule.key);
  if (rule.match === 'suffix') return key.endsWith(rule.key);
  return key === rule.key;
}

/** The keys of a window's local or session storage now (none when the storage cannot be read). */
export function storageKeys(win: Window, which: 'local' | 'session'): string[] {
  const keys: string[] = [];
  try {
    const store = storageOf(win, which);
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (key !== null) keys.push(key);
    }
  } catch {
    // storage that throws has no keys we can read
  }
  return keys;
}

/** Remove Web Storage keys matching the rules. Returns the keys removed. */
export function removeStorage(rules: readonly StorageMatch[], win: Window = window): string[] {
  const removed: string[] = [];
  for (const which of ['local', 'session'] as const) {
    const store = storageOf(win, which);
    if (!store) continue;
    const own = rules.filter((r) => r.storage === which);
    if (!own.length) continue;
    try {
      for (const key of storageKeys(win, which)) {
        if (own.some((rule) => storageKeyMatches(key, rule))) {
          store.removeItem(key);
          removed.push(`${which}:${key}`);
        }
      }
    } catch {
      // storage that throws has nothing we can remove
    }
  }
  return removed;
}
