/**
 * Public types of consent-gate: the configuration a site owner writes, the
 * decisions and the events the gate emits. The vendor contract (purposes,
 * vendor data, adapters) lives in ./contract/ and is re-exported here, so
 * one import serves a site owner's code.
 *
 * Types and constant lists only: every room of the house (guard included)
 * may import it without pulling code along.
 */
import type { OptionalPurpose, Purpose, VendorOptions } from './contract/types.js';
import type { CompiledRules } from './guard/rules.js';

export type * from './contract/types.js';
export { PURPOSES, OPTIONAL_PURPOSES } from './contract/types.js';

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
  /** Banner language (`en` default). */
  lang?: string;
  banner?: BannerTexts;
  /** Drop-in only: URL of the banner file; default: next to the runtime script. */
  bannerUrl?: string;
  /**
   * Consent receipts: the proof of every decision (the gate's `receipt` event
   * carries each one). With `endpoint`, each is sent to the site's receiver
   * (`consent-gate receipts serve`); one that cannot be sent is tried again on
   * later pages for `retryDays` days (default 30).
   */
  receipts?: { endpoint?: string; retryDays?: number };
  /**
   * What the Global Privacy Control signal (`navigator.globalPrivacyControl`,
   * `Sec-GPC: 1`) does: `opt-out` (default) refuses `marketing`, the "sale or
   * sharing" purpose, even over an earlier accept (11 CCR §7025(c)(3));
   * `reject-all` refuses every optional purpose; `ignore`. A visitor may opt
   * back in by a choice made while the signal is on.
   */
  gpc?: GpcMode;
  /** Google Consent Mode settings for the consent signals the head guard writes (vendors with a `gtag` signal). */
  consentMode?: ConsentModeConfig;
}

export type GpcMode = 'opt-out' | 'reject-all' | 'ignore';

/**
 * Google Consent Mode, as the site wants it (Google's consent guide:
 * developers.google.com/tag-platform/security/guides/consent).
 */
export interface ConsentModeConfig {
  /** A consent type's purpose, or always `granted` or `denied`, over the vendor's own map (e.g. `{ security_storage: 'granted' }`). */
  types?: Record<string, OptionalPurpose | 'granted' | 'denied'>;
  /** ISO 3166-2 country or subdivision codes the default applies to (`region` in the default command). */
  region?: string[];
  /** Milliseconds the tags wait for an `update` after the default (`wait_for_update`). */
  waitForUpdate?: number;
  /** `gtag('set', 'ads_data_redaction', …)`: redact ad-click identifiers while ad_storage is denied. */
  adsDataRedaction?: boolean;
  /** `gtag('set', 'url_passthrough', …)`: pass ad-click identifiers in URLs while storage is denied. */
  urlPassthrough?: boolean;
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
  /**
   * The Global Privacy Control signal: whether the browser sends it, and
   * whether it took effect (it refuses what the `gpc` config says unless the
   * visitor has since opted back in by an explicit choice).
   */
  gpc?: { signal: boolean; applied: boolean };
}

/** Where a decision came from. */
export type DecisionSource = 'banner' | 'api' | 'prompt' | 'click' | 'placeholder' | 'gpc' | 'sync' | 'record';

export interface ChangeEvent {
  /** Purposes and vendor ids that became allowed. */
  granted: string[];
  /** Purposes and vendor ids that stopped being allowed. */
  revoked: string[];
  decisions: Decisions;
  source: DecisionSource;
}

/**
 * The head guard as the runtime talks to it (`window.__consentGateGuard`).
 * Its methods need no `this`.
 */
export interface GuardBridge {
  /** Re-evaluate everything held back with a new permission function; releases what is now allowed. */
  update(allows: (vendorId: string, purpose: Purpose) => boolean): void;
  /** The log of attempts held back so far. */
  blocked(): BlockedEntry[];
  /** Set the listener of new held-back attempts (one: the runtime). */
  onBlocked(fn: (entry: BlockedEntry) => void): void;
  /** The catalog the guard was built with, as its compiled rule table: the drop-in runtime resolves config ids against it. */
  rules?: CompiledRules;
  /**
   * Let one held element, or one in the markup form, load now whatever the
   * permission (a placeholder's "load this embed once"); the page's later
   * attempts are held as before.
   */
  release?(element: Element): void;
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
