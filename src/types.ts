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
export type DecisionSource = 'banner' | 'api' | 'prompt' | 'click' | 'sync' | 'record' | 'placeholder';

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
   * A one-time pass: release this one held element now, whatever its
   * vendor's purpose (a visitor's "Load" on an embed's placeholder). Nothing
   * is recorded; the next element of that vendor is held as before.
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
