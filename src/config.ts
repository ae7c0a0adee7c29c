/**
 * Config validation: turns what a site owner wrote into a resolved config, or
 * throws a ConsentGateConfigError naming the path and what was expected.
 *
 * The catalog comes in one of two forms. Whole (`Vendor[]`: the npm entry,
 * the command line, tests): every vendor's options are checked at once. As
 * the compiled rule table the head guard carries (the drop-in runtime, which
 * fetches a vendor's file only when it needs it): ids, purposes and kinds are
 * known at once, and a vendor's options are checked when its file arrives
 * (`checkVendorOptions`). Either way a vendor id the catalog does not know is
 * a declaration of the site's own service (see ./declare.ts).
 */
import { ConsentGateConfigError } from './errors.js';
import { DEFAULT_LIFETIME_DAYS, MAX_LIFETIME_DAYS } from './consent/codec.js';
import { isObject, list } from './contract/values.js';
import { compileRules, matchCookie, matchKey, vendorPurposes, type CompiledRules, type Match, type RuleTable } from './guard/rules.js';
import { storageKeyMatches } from './cleanup/index.js';
import { declaredService as declaredServiceOf, isDeclaration } from './declare.js';

/**
 * What reads a site's declaration of its own service (./declare.ts). The
 * drop-in runtime fetches it (a part of its own) only for a config that has
 * a declaration; resolveConfig, for the npm entry and the command line, has it.
 */
export type DeclarationReader = typeof declaredServiceOf;
import {
  OPTIONAL_PURPOSES,
  PURPOSES,
  type BannerTexts,
  type ConsentGateConfig,
  type ConsentModeConfig,
  type GpcMode,
  type OptionalPurpose,
  type OptionSpec,
  type Purpose,
  type Vendor,
  type VendorKind,
  type VendorOptions,
} from './types.js';

/** The catalog config ids resolve against: whole, or as the compiled rule table. */
export type Catalog = readonly Vendor[] | CompiledRules;

export interface ConfiguredVendor {
  id: string;
  /** The purpose it needs to load at all. */
  purpose: Purpose;
  kind: VendorKind;
  /** Every purpose it uses: its main purpose first, then those of its hosts, cookies and storage keys. */
  uses: Purpose[];
  /** The options as given (checked against the vendor's specs once its data is at hand). */
  options: VendorOptions;
  /** A service the site declared in its config rather than a catalog id. */
  declared: boolean;
  /** Whether its options have been checked against the vendor's specs (at once with a whole catalog; else when its file arrives). */
  checked: boolean;
  /**
   * Its data and adapter when at hand: a vendor of a whole catalog, or a
   * declared service (data only). The drop-in runtime fetches the others.
   */
  vendor?: Vendor;
}

export interface ResolvedConfig {
  vendors: ConfiguredVendor[];
  policyVersion: string;
  cookieName: string;
  cookieDomain?: string;
  lifetimeDays: number;
  purposes: OptionalPurpose[];
  nonce?: string;
  /** The banner's language as configured; absent: the page's `<html lang>` decides. */
  lang?: string;
  banner: BannerTexts;
  bannerUrl?: string;
  receipts?: { endpoint?: string; retryDays?: number };
  /** What the Global Privacy Control signal refuses (see ConsentGateConfig). */
  gpc: GpcMode;
  consentMode?: ConsentModeConfig;
}

const TOP_LEVEL: Record<keyof ConsentGateConfig, true> = {
  vendors: true,
  policyVersion: true,
  cookieName: true,
  cookieDomain: true,
  cookieLifetimeDays: true,
  purposes: true,
  nonce: true,
  lang: true,
  banner: true,
  bannerUrl: true,
  receipts: true,
  gpc: true,
  consentMode: true,
};
const BANNER_KEYS = ['title', 'description', 'acceptAll', 'rejectAll', 'settings', 'save', 'privacyPolicyUrl'];

const GPC_MODES: readonly GpcMode[] = ['opt-out', 'reject-all', 'ignore'];
const CONSENT_MODE_KEYS = ['types', 'region', 'waitForUpdate', 'adsDataRedaction', 'urlPassthrough'];
/** Google Consent Mode v2's consent types (Google, "Consent mode reference", support.google.com/analytics/answer/13802165). */
const GOOGLE_CONSENT_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

/** `consentMode`: Google Consent Mode settings. Throws ConsentGateConfigError naming the exact path. */
function resolveConsentMode(raw: unknown): ConsentModeConfig {
  if (!isObject(raw)) throw new ConsentGateConfigError('consentMode', `an object with any of ${list(CONSENT_MODE_KEYS)}`, raw);
  for (const [key, value] of Object.entries(raw)) {
    const at = `consentMode.${key}`;
    if (!CONSENT_MODE_KEYS.includes(key)) throw new ConsentGateConfigError(at, `one of ${list(CONSENT_MODE_KEYS)}`, value);
    if (key === 'types') {
      if (!isObject(value))
        throw new ConsentGateConfigError(
          at,
          'an object mapping consent types to a purpose, "granted" or "denied", e.g. { "security_storage": "granted" }',
          value,
        );
      for (const [type, to] of Object.entries(value)) {
        if (!GOOGLE_CONSENT_TYPES.includes(type))
          throw new ConsentGateConfigError(`${at}.${type}`, `one of Google's consent types ${list(GOOGLE_CONSENT_TYPES)}`, to);
        if (!([...OPTIONAL_PURPOSES, 'granted', 'denied'] as unknown[]).includes(to))
          throw new ConsentGateConfigError(`${at}.${type}`, `one of ${list([...OPTIONAL_PURPOSES, 'granted', 'denied'])}`, to);
      }
    } else if (key === 'region') {
      if (!Array.isArray(value) || !value.length)
        throw new ConsentGateConfigError(at, 'a non-empty array of ISO 3166-2 region codes, e.g. ["ES", "US-CA"]', value);
      value.forEach((code, i) => {
        if (typeof code !== 'string' || !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(code))
          throw new ConsentGateConfigError(
            `${at}[${i}]`,
            'an ISO 3166-2 country or subdivision code in capitals, e.g. "ES" or "US-CA"',
            code,
          );
      });
    } else if (key === 'waitForUpdate') {
      if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 60_000)
        throw new ConsentGateConfigError(at, 'a whole number of milliseconds from 0 to 60000, e.g. 500', value);
    } else if (typeof value !== 'boolean') throw new ConsentGateConfigError(at, 'true or false', value);
  }
  return raw as ConsentModeConfig;
}

function optionalString(input: Record<string, unknown>, key: string, expected: string, test?: (v: string) => boolean): string | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || (test && !test(value))) throw new ConsentGateConfigError(key, expected, value);
  return value;
}

function checkOption(path: string, spec: OptionSpec, value: unknown): void {
  const expected = spec.expected ?? (spec.oneOf ? `one of ${list(spec.oneOf)}` : `a ${spec.type}`);
  const typeOk = spec.type === 'object' ? isObject(value) : typeof value === spec.type;
  if (!typeOk) throw new ConsentGateConfigError(path, expected, value);
  if (spec.oneOf && !spec.oneOf.includes(value as string | number)) throw new ConsentGateConfigError(path, expected, value);
  if (spec.pattern && typeof value === 'string' && !spec.pattern.test(value)) throw new ConsentGateConfigError(path, expected, value);
  const problem = spec.check?.(value);
  if (problem) throw new ConsentGateConfigError(path + problem.at, problem.expected, problem.received);
}

/** Check a catalog vendor's options against its specs. Throws ConsentGateConfigError on the first mistake. */
export function checkVendorOptions(vendor: Vendor, options: VendorOptions): void {
  const id = vendor.id;
  for (const key of Object.keys(options)) {
    if (!vendor.options[key]) {
      throw new ConsentGateConfigError(
        `vendors.${id}.${key}`,
        `one of this vendor's options: ${list(Object.keys(vendor.options))}`,
        options[key],
      );
    }
  }
  for (const [key, spec] of Object.entries(vendor.options)) {
    const value = options[key];
    if (value === undefined) {
      if (spec.required) throw new ConsentGateConfigError(`vendors.${id}.${key}`, spec.expected ?? `a ${spec.type}`, undefined);
      continue;
    }
    checkOption(`vendors.${id}.${key}`, spec, value);
  }
}

const KIND: Record<string, VendorKind> = { c: 'chat', e: 'embed', t: 'tag' };

function resolveVendor(
  id: string,
  raw: unknown,
  rules: CompiledRules,
  whole: readonly Vendor[] | null,
  declare: DeclarationReader | null,
): ConfiguredVendor {
  const index = rules.v.findIndex((r) => r[0] === id);
  const row = rules.v[index];
  if (!row) {
    if (isDeclaration(raw)) {
      if (!declare) throw new Error(`consent-gate: vendors.${id} is a declaration, and the code that reads one was not given`);
      const vendor = declare(id, raw, rules);
      return { id, purpose: vendor.purpose, kind: 'tag', uses: usesOf(vendor), options: {}, declared: true, checked: true, vendor };
    }
    const ids = rules.v.map((r) => r[0]);
    throw new ConsentGateConfigError(
      `vendors.${id}`,
      `a vendor id from the catalog: ${list(ids)}; or a declaration of the site's own service, an object with title, provider, purpose and privacyPolicyUrl`,
      id,
    );
  }
  if (raw !== true && !isObject(raw))
    throw new ConsentGateConfigError(`vendors.${id}`, 'an object of vendor options (or true when the vendor needs none)', raw);
  const options: VendorOptions = raw === true ? {} : { ...raw };
  const vendor = whole?.find((v) => v.id === id);
  if (vendor) checkVendorOptions(vendor, options);
  return {
    id,
    purpose: row[1],
    kind: KIND[rules.k?.[index] ?? 't'] ?? 'tag',
    uses: vendorPurposes(rules, id),
    options,
    declared: false,
    checked: !!vendor,
    ...(vendor ? { vendor } : {}),
  };
}

/** The purposes a vendor's data uses: its main purpose first, then its parts'. */
function usesOf(vendor: Vendor): Purpose[] {
  const found = new Set<Purpose>([vendor.purpose]);
  for (const part of [...vendor.hosts, ...vendor.cookies, ...vendor.storage]) found.add(part.purpose);
  return PURPOSES.filter((p) => found.has(p)).sort((a, b) => (a === vendor.purpose ? -1 : b === vendor.purpose ? 1 : 0));
}

/**
 * The vendor and purpose a cookie name (no `storage`) or a Web Storage key
 * belongs to: a service the config declares, or a catalog vendor by the rules.
 */
export function ownerOf(rules: RuleTable, vendors: readonly ConfiguredVendor[], name: string, storage?: 'local' | 'session'): Match | null {
  for (const v of vendors) {
    const part =
      v.declared &&
      (storage
        ? v.vendor!.storage.find((s) => s.storage === storage && storageKeyMatches(name, s))
        : v.vendor!.cookies.find((c) => storageKeyMatches(name, { key: c.name, match: c.match })));
    if (part) return { v: v.id, p: part.purpose };
  }
  return storage ? matchKey(rules, name, storage[0]!) : matchCookie(rules, name);
}

/** Validate a config against the catalog. Throws ConsentGateConfigError on the first mistake. */
export function resolveConfig(input: unknown, catalog: Catalog): ResolvedConfig {
  return Array.isArray(catalog)
    ? resolveWith(input, compileRules(catalog as readonly Vendor[]), catalog as readonly Vendor[], declaredServiceOf)
    : resolveWith(input, catalog as CompiledRules, null, declaredServiceOf);
}

/**
 * Validate a config against the catalog's compiled rule table and, when at
 * hand, its whole data (`whole`: every vendor's options are then checked at
 * once). Throws ConsentGateConfigError on the first mistake.
 */
export function resolveWith(
  input: unknown,
  rules: CompiledRules,
  whole: readonly Vendor[] | null,
  declare: DeclarationReader | null,
): ResolvedConfig {
  if (!isObject(input)) throw new ConsentGateConfigError('config', 'an object such as { vendors: { ... } }', input);
  for (const key of Object.keys(input)) {
    if (!(key in TOP_LEVEL)) throw new ConsentGateConfigError(key, `one of the options ${list(Object.keys(TOP_LEVEL))}`, input[key]);
  }
  const rawVendors = input.vendors;
  if (!isObject(rawVendors))
    throw new ConsentGateConfigError(
      'vendors',
      'an object mapping vendor ids to their options, e.g. { "hubspot-conversations": { portalId: "1234567" } }',
      rawVendors,
    );
  const vendors = Object.entries(rawVendors).map(([id, raw]) => resolveVendor(id, raw, rules, whole, declare));

  let purposes: OptionalPurpose[];
  if (input.purposes === undefined) {
    const used = new Set<string>(vendors.flatMap((v) => v.uses));
    purposes = OPTIONAL_PURPOSES.filter((p) => used.has(p));
  } else {
    if (!Array.isArray(input.purposes))
      throw new ConsentGateConfigError('purposes', `an array of purposes from ${list(OPTIONAL_PURPOSES)}`, input.purposes);
    input.purposes.forEach((p, i) => {
      if (!OPTIONAL_PURPOSES.includes(p as OptionalPurpose))
        throw new ConsentGateConfigError(`purposes[${i}]`, `one of ${list(OPTIONAL_PURPOSES)}`, p);
    });
    purposes = OPTIONAL_PURPOSES.filter((p) => (input.purposes as unknown[]).includes(p));
  }

  const policyVersion =
    optionalString(input, 'policyVersion', 'a string of 1 to 64 characters without quotes, backslashes or control characters', (v) =>
      /^[^"\\\0-\x1f]{1,64}$/.test(v),
    ) ?? '1';
  // (never a vendor's cookie name: the head guard lets the record through only because no vendor rule matches it)
  const isVendorCookie = (name: string) => ownerOf(rules, vendors, name) !== null;
  const cookieName =
    optionalString(
      input,
      'cookieName',
      'a cookie name of letters, digits, "_" or "-" (at most 64), not a vendor\'s cookie',
      (v) => /^[A-Za-z0-9_-]{1,64}$/.test(v) && !isVendorCookie(v),
    ) ?? 'consent_gate';
  const cookieDomain = optionalString(input, 'cookieDomain', 'a domain such as ".shop.example"', (v) =>
    /^\.?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(v),
  );
  const nonce = optionalString(input, 'nonce', 'a string (the nonce of your Content-Security-Policy)');
  const lang = optionalString(input, 'lang', 'a language code such as "en"', (v) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(v));
  const bannerUrl = optionalString(input, 'bannerUrl', 'a URL string');

  const gpc = input.gpc === undefined ? 'opt-out' : (input.gpc as GpcMode);
  if (!GPC_MODES.includes(gpc))
    throw new ConsentGateConfigError(
      'gpc',
      `one of ${list(GPC_MODES)}: what the Global Privacy Control signal refuses (marketing, every optional purpose, nothing)`,
      input.gpc,
    );
  const consentMode = input.consentMode === undefined ? undefined : resolveConsentMode(input.consentMode);

  let lifetimeDays = DEFAULT_LIFETIME_DAYS;
  if (input.cookieLifetimeDays !== undefined) {
    const days = input.cookieLifetimeDays;
    if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0)
      throw new ConsentGateConfigError(
        'cookieLifetimeDays',
        `a number of days greater than 0 (at most ${MAX_LIFETIME_DAYS} are kept)`,
        days,
      );
    lifetimeDays = Math.min(days, MAX_LIFETIME_DAYS);
  }

  const banner: BannerTexts = {};
  if (input.banner !== undefined) {
    if (!isObject(input.banner)) throw new ConsentGateConfigError('banner', `an object with texts: ${list(BANNER_KEYS)}`, input.banner);
    for (const [key, value] of Object.entries(input.banner)) {
      if (!BANNER_KEYS.includes(key)) throw new ConsentGateConfigError(`banner.${key}`, `one of ${list(BANNER_KEYS)}`, value);
      if (typeof value !== 'string') throw new ConsentGateConfigError(`banner.${key}`, 'a string', value);
      (banner as Record<string, string>)[key] = value;
    }
  }

  let receipts: ResolvedConfig['receipts'];
  if (input.receipts !== undefined) {
    const r = input.receipts;
    if (!isObject(r))
      throw new ConsentGateConfigError('receipts', 'an object such as { endpoint: "https://consent.shop.example/receipts" }', r);
    for (const key of Object.keys(r))
      if (key !== 'endpoint' && key !== 'retryDays')
        throw new ConsentGateConfigError(`receipts.${key}`, 'one of "endpoint", "retryDays"', r[key]);
    if (
      r.endpoint !== undefined &&
      (typeof r.endpoint !== 'string' || !/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|\/)[^\s]*$/.test(r.endpoint))
    ) {
      throw new ConsentGateConfigError(
        'receipts.endpoint',
        'the URL of your receipts receiver: https://…, a path starting with /, or http://localhost:… while testing',
        r.endpoint,
      );
    }
    if (
      r.retryDays !== undefined &&
      (typeof r.retryDays !== 'number' || !Number.isInteger(r.retryDays) || r.retryDays < 1 || r.retryDays > 400)
    ) {
      throw new ConsentGateConfigError('receipts.retryDays', 'a whole number of days from 1 to 400', r.retryDays);
    }
    receipts = {
      ...(r.endpoint !== undefined ? { endpoint: r.endpoint as string } : {}),
      ...(r.retryDays !== undefined ? { retryDays: r.retryDays as number } : {}),
    };
  }

  return {
    vendors,
    policyVersion,
    cookieName,
    ...(cookieDomain ? { cookieDomain } : {}),
    lifetimeDays,
    purposes,
    ...(nonce ? { nonce } : {}),
    ...(lang ? { lang } : {}),
    banner,
    ...(bannerUrl ? { bannerUrl } : {}),
    ...(receipts ? { receipts } : {}),
    gpc,
    ...(consentMode ? { consentMode } : {}),
  };
}
