/**
 * Config validation: turns what a site owner wrote into a resolved config, or
 * throws a ConsentGateConfigError naming the path and what was expected.
 */
import { ConsentGateConfigError } from './errors.js';
import { DEFAULT_LIFETIME_DAYS, MAX_LIFETIME_DAYS } from './consent/record.js';
import { OPTIONAL_PURPOSES, type BannerTexts, type ConsentGateConfig, type OptionalPurpose, type OptionSpec, type Vendor, type VendorOptions } from './types.js';

export interface ConfiguredVendor {
  vendor: Vendor;
  options: VendorOptions;
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
};
const BANNER_KEYS = ['title', 'description', 'acceptAll', 'rejectAll', 'settings', 'save', 'privacyPolicyUrl'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(values: readonly (string | number)[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
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
}

function resolveVendor(id: string, raw: unknown, catalog: readonly Vendor[]): ConfiguredVendor {
  const vendor = catalog.find((v) => v.id === id);
  if (!vendor) throw new ConsentGateConfigError(`vendors.${id}`, `a vendor id from the catalog: ${list(catalog.map((v) => v.id))}`, id);
  if (raw !== true && !isObject(raw)) throw new ConsentGateConfigError(`vendors.${id}`, 'an object of vendor options (or true when the vendor needs none)', raw);
  const options: VendorOptions = raw === true ? {} : { ...raw };
  for (const key of Object.keys(options)) {
    if (!vendor.options[key]) {
      throw new ConsentGateConfigError(`vendors.${id}.${key}`, `one of this vendor's options: ${list(Object.keys(vendor.options))}`, options[key]);
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
  return { vendor, options };
}

/** Validate a config against the catalog. Throws ConsentGateConfigError on the first mistake. */
export function resolveConfig(input: unknown, catalog: readonly Vendor[]): ResolvedConfig {
  if (!isObject(input)) throw new ConsentGateConfigError('config', 'an object such as { vendors: { ... } }', input);
  for (const key of Object.keys(input)) {
    if (!(key in TOP_LEVEL)) throw new ConsentGateConfigError(key, `one of the options ${list(Object.keys(TOP_LEVEL))}`, input[key]);
  }
  const rawVendors = input.vendors;
  if (!isObject(rawVendors)) throw new ConsentGateConfigError('vendors', 'an object mapping vendor ids to their options, e.g. { "hubspot-conversations": { portalId: "1234567" } }', rawVendors);
  const vendors = Object.entries(rawVendors).map(([id, raw]) => resolveVendor(id, raw, catalog));

  let purposes: OptionalPurpose[];
  if (input.purposes === undefined) {
    const used = new Set<string>();
    for (const { vendor } of vendors) {
      used.add(vendor.purpose);
      for (const part of [...vendor.hosts, ...vendor.cookies, ...vendor.storage]) used.add(part.purpose);
    }
    purposes = OPTIONAL_PURPOSES.filter((p) => used.has(p));
  } else {
    if (!Array.isArray(input.purposes)) throw new ConsentGateConfigError('purposes', `an array of purposes from ${list(OPTIONAL_PURPOSES)}`, input.purposes);
    input.purposes.forEach((p, i) => {
      if (!OPTIONAL_PURPOSES.includes(p as OptionalPurpose)) throw new ConsentGateConfigError(`purposes[${i}]`, `one of ${list(OPTIONAL_PURPOSES)}`, p);
    });
    purposes = OPTIONAL_PURPOSES.filter((p) => (input.purposes as unknown[]).includes(p));
  }

  const policyVersion = optionalString(input, 'policyVersion', 'a string of 1 to 64 characters without quotes, backslashes or control characters', (v) => /^[^"\\\0-\x1f]{1,64}$/.test(v)) ?? '1';
  // (never a vendor's cookie name: the head guard lets the record through only because no vendor rule matches it)
  const isVendorCookie = (v: string) => catalog.some((vendor) => vendor.cookies.some((c) => (c.match === 'prefix' ? v.startsWith(c.name) : v === c.name)));
  const cookieName = optionalString(input, 'cookieName', 'a cookie name of letters, digits, "_" or "-" (at most 64), not a vendor\'s cookie', (v) => /^[A-Za-z0-9_-]{1,64}$/.test(v) && !isVendorCookie(v)) ?? 'consent_gate';
  const cookieDomain = optionalString(input, 'cookieDomain', 'a domain such as ".shop.example"', (v) => /^\.?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(v));
  const nonce = optionalString(input, 'nonce', 'a string (the nonce of your Content-Security-Policy)');
  const lang = optionalString(input, 'lang', 'a language code such as "en"', (v) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(v));
  const bannerUrl = optionalString(input, 'bannerUrl', 'a URL string');

  let lifetimeDays = DEFAULT_LIFETIME_DAYS;
  if (input.cookieLifetimeDays !== undefined) {
    const days = input.cookieLifetimeDays;
    if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) throw new ConsentGateConfigError('cookieLifetimeDays', `a number of days greater than 0 (at most ${MAX_LIFETIME_DAYS} are kept)`, days);
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
  };
}
