/**
 * The audit library (`consent-gate/audit`, dist/audit.mjs) for Node: the
 * declaration generators, matching, runtime inspection, scan verdicts and the
 * built-in catalog, for the command line and a privacy team's own tooling.
 * The browser runtime carries only the audit feature.
 *
 * Here a site's registrable domain comes from the public-suffix list (tldts,
 * bundled into this file only): `www.shop.co.uk` declares its parent-domain
 * cookies on `.shop.co.uk`.
 */
import { getDomain } from 'tldts';
import {
  declarationEntries as entries,
  renderDeclaration as render,
  type DeclarationFormat,
  type DeclarationInput,
  type Disclosure,
} from '../audit/declaration.js';

/** The registrable domain of a host name (public-suffix list), or undefined for an IP address, localhost or a public suffix itself. */
export function registrableDomainOf(host: string): string | undefined {
  return getDomain(host, { allowPrivateDomains: true }) ?? undefined;
}

function withDomain(input: DeclarationInput): DeclarationInput {
  if (!input.siteHost || input.siteDomain) return input;
  const siteDomain = registrableDomainOf(input.siteHost);
  return siteDomain ? { ...input, siteDomain } : input;
}

/** Every identifier the given vendors store (see src/audit/declaration.ts), with `siteDomain` found for `siteHost`. */
export function declarationEntries(input: DeclarationInput): Disclosure {
  return entries(withDomain(input));
}

/** The declaration in one format, with `siteDomain` found for `siteHost`. */
export function renderDeclaration(format: DeclarationFormat, input: DeclarationInput): string {
  return render(format, withDomain(input));
}

export { lifetimeInWords, DECLARATION_FORMATS } from '../audit/declaration.js';
export { LANGUAGES, languageFor } from '../ui/texts.js';
export type { DeclarationFormat, DeclarationInput, Disclosure, DisclosureEntry, DisclosureDomain } from '../audit/declaration.js';
export { matchCookie, matchHost, matchStorage } from '../audit/match.js';
export { inspect } from '../audit/inspect.js';
export { cookieNamesIn as cookieNames } from '../cleanup/index.js';
export { isDeletion } from '../guard/rules.js';
export type { AuditItem, AuditReport } from '../audit/inspect.js';
export type { AuditMethods } from '../audit/feature.js';
export { evaluateScan, renderScanReportHtml, summarizeSite, renderSiteReportHtml, markupWhere } from '../audit/scan.js';
export type {
  ScanReport,
  ReportHeader,
  PhaseReport,
  HostGroup,
  Classified,
  PhaseObservation,
  PhaseId,
  Violation,
  ViolationKind,
  ObservedCookie,
  ObservedRequest,
  ObservedStorage,
  SiteReport,
  SiteVendor,
  SiteCookie,
  SiteViolation,
  SeenOn,
} from '../audit/scan.js';
export { rewriteHtml, FETCHING_ATTRIBUTES } from '../audit/rewrite.js';
export type { RewriteResult, RewriteOptions, VendorTag } from '../audit/rewrite.js';
export { resolveConfig } from '../config.js';
export type { ResolvedConfig } from '../config.js';
export { compileRules, matchUrl } from '../guard/rules.js';
export type { CompiledRules } from '../guard/rules.js';
export { guardFor, guardWithRules } from '../bundle/guard-file.js';
export { siteFiles } from '../bundle/site-files.js';
export { catalog } from '../../vendors/index.js';
