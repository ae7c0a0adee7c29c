/**
 * A service the site declares in its own config, in the same shapes as
 * catalog data: its own first-party cookies (a cart, a language, an A/B
 * test) or a third party the catalog does not know. Everything else treats
 * it as a catalog vendor: the head guard holds back its hosts, cookies and
 * storage keys, the banner lists it, revocation deletes what it stores, the
 * declaration and the scanner count it as declared.
 *
 *   vendors: {
 *     'ab-test': {
 *       title: 'A/B tests', provider: 'Shop Ltd', purpose: 'analytics',
 *       privacyPolicyUrl: 'https://shop.example/privacy',
 *       description: 'Which version of a page you see.',
 *       hosts: [{ host: 'cdn.abtest.example', path: '/v2/' }],
 *       cookies: [{ name: 'ab_', match: 'prefix', lifetime: 2592000, scope: 'parent' }],
 *       storage: [{ key: 'ab-variant', storage: 'local' }],
 *     },
 *   }
 *
 * A part without `purpose` has the service's; without `description`, the
 * service's. A declaration may not claim a host or cookie a catalog vendor
 * uses for another purpose.
 */
import { ConsentGateConfigError } from './errors.js';
import { isObject } from './contract/values.js';
import { matchCookie, matchUrl, type CompiledRules } from './guard/rules.js';
import { PURPOSES, type CookieRule, type HostRule, type Purpose, type StorageRule, type Vendor } from './types.js';

const SERVICE_KEYS = ['title', 'provider', 'purpose', 'privacyPolicyUrl', 'description', 'hosts', 'cookies', 'storage'];
const HOST_KEYS = ['host', 'path', 'purpose', 'description'];
const COOKIE_KEYS = ['name', 'match', 'lifetime', 'scope', 'refresh', 'purpose', 'description'];
const STORAGE_KEYS = ['key', 'match', 'storage', 'lifetime', 'purpose', 'description'];

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TEXT = /^[^\0-\x1f]{1,500}$/;
const SHORT = /^[^\0-\x1f]{1,120}$/;
const HOST = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const PATH = /^\/[\w.:/@%~!,;=+-]*$/;
const NAME = /^[\w.:/@%~!,;=+-]{1,128}$/;
const URL_OR_PATH = /^(https?:\/\/[^\s]+|\/[^\s]*)$/;
const SOURCE = "declared in the site's consent-gate config";

/** Whether a config entry under an id the catalog does not know is meant as a declaration (not a mistyped catalog id). */
export function isDeclaration(raw: unknown): raw is Record<string, unknown> {
  return isObject(raw) && SERVICE_KEYS.some((key) => key in raw);
}

function quoted(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** A field check: the value at `path` passes `test`, or a ConsentGateConfigError says what was `expected`. */
function need<T>(path: string, value: unknown, test: (v: unknown) => boolean, expected: string): T {
  if (!test(value)) throw new ConsentGateConfigError(path, expected, value);
  return value as T;
}

const isString = (pattern: RegExp) => (v: unknown) => typeof v === 'string' && pattern.test(v);
const isOneOf = (values: readonly unknown[]) => (v: unknown) => values.includes(v);

function onlyKeys(path: string, raw: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of Object.keys(raw))
    if (!keys.includes(key)) throw new ConsentGateConfigError(`${path}.${key}`, `one of ${quoted(keys)}`, raw[key]);
}

function listOf<T>(path: string, raw: unknown, each: (item: Record<string, unknown>, at: string) => T): T[] {
  if (raw === undefined) return [];
  need(path, raw, Array.isArray, 'an array');
  return (raw as unknown[]).map((item, i) => {
    const at = `${path}[${i}]`;
    return each(need<Record<string, unknown>>(at, item, isObject, 'an object'), at);
  });
}

function partPurpose(at: string, raw: Record<string, unknown>, fallback: Purpose): Purpose {
  return raw.purpose === undefined
    ? fallback
    : need<Purpose>(`${at}.purpose`, raw.purpose, isOneOf(PURPOSES), `one of ${quoted(PURPOSES)}`);
}

function partDescription(at: string, raw: Record<string, unknown>, fallback: string): string {
  return raw.description === undefined
    ? fallback
    : need<string>(`${at}.description`, raw.description, isString(TEXT), 'a text of 1 to 500 characters');
}

/** A catalog vendor that uses `value` (a host or cookie name) for another purpose than the declaration gives it. */
function conflict(path: string, what: string, value: string, purpose: Purpose, match: { v: string; p: Purpose } | null): void {
  if (match && match.p !== purpose)
    throw new ConsentGateConfigError(
      path,
      `a ${what} no catalog vendor uses for another purpose (the catalog's ${match.v} uses it for ${match.p}, this declaration for ${purpose})`,
      value,
    );
}

/** Validate a declaration and turn it into a vendor (data only, no adapter). Throws ConsentGateConfigError naming the exact path. */
export function declaredService(id: string, raw: Record<string, unknown>, catalog: CompiledRules): Vendor {
  const at = `vendors.${id}`;
  need(at, id, isString(ID), 'an id of lower-case letters and digits joined by hyphens, such as "ab-test" (at most 64)');
  if (id.length > 64) throw new ConsentGateConfigError(at, 'an id of at most 64 characters', id);
  onlyKeys(at, raw, SERVICE_KEYS);
  const title = need<string>(`${at}.title`, raw.title, isString(SHORT), 'a title of 1 to 120 characters, such as "A/B tests"');
  const provider = need<string>(
    `${at}.provider`,
    raw.provider,
    isString(SHORT),
    'the company providing it, 1 to 120 characters, such as "Shop Ltd"',
  );
  const purpose = need<Purpose>(`${at}.purpose`, raw.purpose, isOneOf(PURPOSES), `one of ${quoted(PURPOSES)}`);
  const privacyPolicyUrl = need<string>(
    `${at}.privacyPolicyUrl`,
    raw.privacyPolicyUrl,
    isString(URL_OR_PATH),
    'the URL of its privacy policy, starting with https://, http:// or /',
  );
  const description =
    raw.description === undefined
      ? title
      : need<string>(`${at}.description`, raw.description, isString(TEXT), 'a text of 1 to 500 characters');

  const hosts = listOf(`${at}.hosts`, raw.hosts, (h, path): HostRule => {
    onlyKeys(path, h, HOST_KEYS);
    const host = need<string>(
      `${path}.host`,
      typeof h.host === 'string' ? h.host.toLowerCase() : h.host,
      isString(HOST),
      'a host name such as "cdn.example.com", or "*.example.com" for every subdomain',
    );
    const hostPath =
      h.path === undefined
        ? undefined
        : need<string>(`${path}.path`, h.path, isString(PATH), 'a path prefix starting with "/", such as "/v2/"');
    const own = partPurpose(path, h, purpose);
    conflict(`${path}.host`, 'host', host, own, matchUrl(catalog, `https://${host.replace(/^\*\./, '')}${hostPath ?? '/'}`));
    return {
      host,
      ...(hostPath ? { path: hostPath } : {}),
      purpose: own,
      description: partDescription(path, h, description),
      source: SOURCE,
    };
  });
  const cookies = listOf(`${at}.cookies`, raw.cookies, (c, path): CookieRule => {
    onlyKeys(path, c, COOKIE_KEYS);
    const name = need<string>(
      `${path}.name`,
      c.name,
      isString(NAME),
      'a cookie name (or name prefix) of letters, digits and . : / @ % ~ ! , ; = + - _',
    );
    const match =
      c.match === undefined
        ? 'exact'
        : need<'exact' | 'prefix'>(`${path}.match`, c.match, isOneOf(['exact', 'prefix']), '"exact" or "prefix"');
    const lifetime = need<number>(
      `${path}.lifetime`,
      c.lifetime,
      (v) => Number.isInteger(v) && (v as number) >= 0,
      'a lifetime in seconds: a whole number, 0 for a session cookie',
    );
    const scope =
      c.scope === undefined
        ? undefined
        : need<'host' | 'parent'>(
            `${path}.scope`,
            c.scope,
            isOneOf(['host', 'parent']),
            '"host" (written on the exact host) or "parent" (on the registrable domain)',
          );
    const refresh =
      c.refresh === undefined ? undefined : need<boolean>(`${path}.refresh`, c.refresh, (v) => typeof v === 'boolean', 'true or false');
    const own = partPurpose(path, c, purpose);
    conflict(`${path}.name`, 'cookie', name, own, matchCookie(catalog, name));
    return {
      name,
      ...(match === 'prefix' ? { match } : {}),
      purpose: own,
      lifetime,
      ...(scope ? { scope } : {}),
      ...(refresh !== undefined ? { refresh } : {}),
      description: partDescription(path, c, description),
      source: SOURCE,
    };
  });
  const storage = listOf(`${at}.storage`, raw.storage, (s, path): StorageRule => {
    onlyKeys(path, s, STORAGE_KEYS);
    const key = need<string>(
      `${path}.key`,
      s.key,
      isString(NAME),
      'a storage key (or key prefix or suffix) of letters, digits and . : / @ % ~ ! , ; = + - _',
    );
    const match =
      s.match === undefined
        ? 'exact'
        : need<'exact' | 'prefix' | 'suffix'>(
            `${path}.match`,
            s.match,
            isOneOf(['exact', 'prefix', 'suffix']),
            '"exact", "prefix" or "suffix"',
          );
    const where = need<'local' | 'session'>(
      `${path}.storage`,
      s.storage,
      isOneOf(['local', 'session']),
      '"local" (localStorage) or "session" (sessionStorage)',
    );
    const lifetime =
      s.lifetime === undefined
        ? 0
        : need<number>(
            `${path}.lifetime`,
            s.lifetime,
            (v) => Number.isInteger(v) && (v as number) >= 0,
            'a lifetime in seconds: a whole number, 0 for until removed',
          );
    return {
      key,
      ...(match !== 'exact' ? { match } : {}),
      storage: where,
      purpose: partPurpose(path, s, purpose),
      lifetime,
      description: partDescription(path, s, description),
      source: SOURCE,
    };
  });

  return {
    id,
    title,
    provider,
    privacyPolicyUrl,
    purpose,
    summary: description,
    kind: 'tag',
    hosts,
    cookies,
    storage,
    options: {},
    adapter: {},
  } as Vendor;
}
