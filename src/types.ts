/**
 * Shared types of consent-gate: purposes, the vendor catalog format, the
 * configuration a site owner writes, and the events the gate emits.
 *
 * This file holds types and one constant list only, so every room of the
 * house (guard included) may import it without pulling code along.
 */

/** The four purposes. `necessary` is always allowed and never asked for. */
export type Purpose = 'necessary' | 'functional' | 'analytics' | 'marketing';

export const PURPOSES: readonly Purpose[] = ['necessary', 'functional', 'analytics', 'marketing'];

/** Purposes a visitor decides on (everything but `necessary`). */
export type OptionalPurpose = Exclude<Purpose, 'necessary'>;

export const OPTIONAL_PURPOSES: readonly OptionalPurpose[] = ['functional', 'analytics', 'marketing'];

/** Where a fact about a vendor comes from, and how sure we are. */
export interface Sourced {
  /** What it is for, in one sentence a privacy team can paste into a policy. */
  description: string;
  /** Where the fact comes from. Starts with "unverified:" when no first-party source was found. */
  source: string;
}

/** A host (and optionally a path prefix) the vendor's code talks to. */
export interface HostRule extends Sourced {
  /** Exact host name, e.g. `js.usemessages.com`. A leading `*.` matches every subdomain. */
  host: string;
  /** Optional path prefix; when set, only URLs on the host whose path starts with it match. */
  path?: string;
  purpose: Purpose;
}

/** A cookie the vendor writes (first-party, on the site's own domain). */
export interface CookieRule extends Sourced {
  /** Cookie name, or the name prefix when `match` is `prefix`. */
  name: string;
  match?: 'exact' | 'prefix';
  purpose: Purpose;
  /** Lifetime in seconds; 0 means a session cookie. */
  lifetime: number;
  /** Whether the vendor extends the lifetime on each visit. */
  refresh?: boolean;
  /** `host`: written on the exact host; `parent`: written on the registrable (parent) domain. */
  scope?: 'host' | 'parent';
}

/** A Web Storage key the vendor writes. */
export interface StorageRule extends Sourced {
  /** Key, or key prefix when `match` is `prefix`, or key suffix when `match` is `suffix`. */
  key: string;
  match?: 'exact' | 'prefix' | 'suffix';
  storage: 'local' | 'session';
  purpose: Purpose;
  /** Lifetime in seconds; 0 means until removed (local) or the tab closes (session). */
  lifetime: number;
}

/** The schema of one vendor option, checked by config validation. */
export interface OptionSpec {
  type: 'string' | 'number' | 'boolean' | 'object' | 'function';
  required?: boolean;
  /** Allowed values (strings or numbers). */
  oneOf?: readonly (string | number)[];
  /** A regular expression a string value must match. */
  pattern?: RegExp;
  /** Human words for what is expected, used in error messages. */
  expected?: string;
}

/** The data half of a catalog entry: everything a declaration, the guard and the banner need. */
export interface VendorData {
  /** kebab-case id, e.g. `hubspot-conversations`. */
  id: string;
  title: string;
  provider: string;
  privacyPolicyUrl: string;
  /** The purpose the vendor needs to load at all (the chat itself is `functional`). */
  purpose: OptionalPurpose;
  /** One sentence for the banner and the contextual prompt. */
  summary: string;
  hosts: readonly HostRule[];
  cookies: readonly CookieRule[];
  storage: readonly StorageRule[];
  options: Readonly<Record<string, OptionSpec>>;
}

/** Options a site owner gives a vendor (validated against `VendorData.options`). */
export type VendorOptions = Record<string, unknown>;

/** What an adapter gets to work with. Built by the runtime; adapters never reach for globals the context offers. */
export interface VendorContext<O extends VendorOptions = VendorOptions> {
  vendor: VendorData;
  options: O;
  window: Window & typeof globalThis;
  document: Document;
  /** Whether this vendor may use the given purpose now. */
  allows(purpose: Purpose): boolean;
  /** Insert a script (the nonce from config is applied). Resolves on load, rejects on error. */
  insertScript(src: string, attributes?: Record<string, string>): Promise<HTMLScriptElement>;
  /** Delete cookies on every parent domain and path prefix of the page. */
  deleteCookies(names: readonly string[]): void;
  /** Remove Web Storage keys matching the given rules. */
  removeStorage(rules: readonly Pick<StorageRule, 'key' | 'match' | 'storage'>[]): void;
  /** The nonce from config, if any. */
  nonce?: string;
  /** Aborted when the runtime gives up on the current load (timeout, failure, revocation); late callbacks check it. */
  signal?: AbortSignal;
}

/** A vendor event listener, as the vendor's own `on`/`off` take it. */
export type VendorListener = (payload: unknown) => void;

/** The code half of a catalog entry. Every hook is optional; the runtime calls them at the named moments. */
export interface VendorAdapter<O extends VendorOptions = VendorOptions> {
  /** Before any vendor script runs: set the vendor's globals and settings. */
  prepare?(ctx: VendorContext<O>): void;
  /** Insert the vendor's loader. Resolves once the vendor is usable. */
  load?(ctx: VendorContext<O>): Promise<void>;
  /** Open the vendor's UI (for chat: open the chat window). */
  open?(ctx: VendorContext<O>): void | Promise<void>;
  /** Undo the vendor for the revoked purposes: reset, remove UI, delete its cookies and keys. */
  revoke?(ctx: VendorContext<O>, purposes: readonly Purpose[]): void | Promise<void>;
  /** Show the vendor's UI closed, as it would appear by itself (used to continue a conversation across pages and for `loadOn: 'consent'`). */
  mount?(ctx: VendorContext<O>): Promise<void>;
  /** Close the vendor's UI without removing it. */
  close?(ctx: VendorContext<O>): void;
  /** The vendor's own status report; `loaded` says whether its UI is on the page. */
  status?(ctx: VendorContext<O>): { loaded: boolean } & Record<string, unknown>;
  /** Clear the vendor's state (for chat: its visitor cookies). */
  clear?(ctx: VendorContext<O>, options?: Record<string, unknown>): void;
  /** Re-read the page (single-page apps call this on route changes). */
  refresh?(ctx: VendorContext<O>, options?: Record<string, unknown>): void | Promise<void>;
  /** Subscribe to one of the vendor's events (only called once the vendor has loaded). */
  on?(ctx: VendorContext<O>, event: string, fn: VendorListener): void;
  /** Unsubscribe from one of the vendor's events. */
  off?(ctx: VendorContext<O>, event: string, fn: VendorListener): void;
  /** Origins worth a preconnect when a visitor shows intent (used only after consent). */
  preconnect?(ctx: VendorContext<O>): readonly string[];
  /** Whether the vendor's UI was in use on an earlier page, so it should load with the page to continue. */
  resume?(ctx: VendorContext<O>): boolean;
  /** A CSS selector of the element the vendor embeds its UI into, when embedded inline. */
  inlineTarget?(ctx: VendorContext<O>): string | null;
  /** Undo a failed or abandoned load (remove inserted elements and globals) so a retry starts clean. */
  unload?(ctx: VendorContext<O>): void;
}

/** A catalog entry: data plus adapter. */
export interface Vendor<O extends VendorOptions = VendorOptions> extends VendorData {
  adapter: VendorAdapter<O>;
}

/** Texts of the banner; every field has an English default. */
export interface BannerTexts {
  title?: string;
  description?: string;
  acceptAll?: string;
  rejectAll?: string;
  settings?: string;
  save?: string;
  privacyPolicyUrl?: string;
}

/** The configuration a site owner writes (as `window.consentGateConfig` or for `createConsentGate`). */
export interface ConsentGateConfig {
  /** Vendors in use, by catalog id, each with its options (`true` when a vendor needs none). */
  vendors: Record<string, VendorOptions | true>;
  /** The site's policy version; when it changes, visitors are asked again. Default `"1"`. */
  policyVersion?: string;
  /** Name of the consent record cookie. Default `consent_gate`. */
  cookieName?: string;
  /** Domain of the consent record cookie, e.g. `.shop.example` to share it across subdomains. */
  cookieDomain?: string;
  /** Lifetime of the consent record in days. Default 180, capped at 395 (13 months). */
  cookieLifetimeDays?: number;
  /** Purposes offered in the banner; default: the purposes the configured vendors use. */
  purposes?: OptionalPurpose[];
  /** Nonce for a strict Content-Security-Policy; applied to every element consent-gate inserts. */
  nonce?: string;
  /** Banner language, a BCP 47 tag such as `de` or `sr-Cyrl`; default: the page's `<html lang>`, else English. */
  lang?: string;
  banner?: BannerTexts;
  /** Drop-in only: URL of the banner file; default: next to the runtime script. */
  bannerUrl?: string;
}

/** What the visitor has decided. */
export interface Decisions {
  /** Whether a valid decision for the current policy version exists. */
  decided: boolean;
  purposes: Record<Purpose, boolean>;
  /** Per-vendor overrides (true/false for every purpose of that vendor). */
  overrides: Record<string, boolean>;
  /** Effective permission per configured vendor (for its main purpose). */
  vendors: Record<string, boolean>;
  /** When the decision was made (ms since epoch), or null. */
  decidedAt: number | null;
  /** Random id of the record, or null. */
  id: string | null;
  policyVersion: string;
  /** Global Privacy Control: whether the browser sent the signal, and whether it turned purposes off in this decision. */
  gpc?: { signal: boolean; applied: boolean };
}

/** Where a decision came from. */
export type DecisionSource = 'banner' | 'api' | 'prompt' | 'click' | 'sync' | 'record';

export interface ChangeEvent {
  /** Purposes and vendor ids that became allowed. */
  granted: string[];
  /** Purposes and vendor ids that stopped being allowed. */
  revoked: string[];
  decisions: Decisions;
  source: DecisionSource;
}

/** One attempt the guard held back. */
export interface BlockedEntry {
  /** ms since page start (performance.now()). */
  time: number;
  kind: string;
  /** URL, cookie name or storage key. */
  target: string;
  vendor: string;
  purpose: Purpose;
}
