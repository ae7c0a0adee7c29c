/**
 * The audit room's public surface (`consent-gate/dist/audit.mjs`): declaration
 * generators, matching, runtime inspection and scan verdicts. The CLI uses it;
 * the runtime carries only the audit feature.
 */
export { renderDeclaration, declarationEntries, lifetimeInWords, DECLARATION_FORMATS } from './declaration.js';
export type { DeclarationFormat, DeclarationInput, Disclosure, DisclosureEntry, DisclosureDomain } from './declaration.js';
export { matchCookie, matchHost, matchStorage } from './match.js';
export { inspect, cookieNames } from './inspect.js';
export type { AuditItem, AuditReport } from './inspect.js';
export type { AuditMethods } from './feature.js';
export { evaluateScan, renderScanReportHtml, summarizeSite, renderSiteReportHtml, markupWhere } from './scan.js';
export type { ScanReport, PhaseObservation, PhaseId, Violation, ViolationKind, ObservedCookie, ObservedRequest, ObservedStorage, SiteReport, SiteVendor, SiteCookie, SiteViolation, SeenOn } from './scan.js';
export { resolveConfig } from '../config.js';
export { catalog } from '../../vendors/index.js';
export type { ResolvedConfig } from '../config.js';
export { rewriteHtml, FETCHING_ATTRIBUTES } from './rewrite.js';
export type { RewriteResult, RewriteOptions, VendorTag } from './rewrite.js';
export { compileRules, matchUrl } from '../guard/rules.js';
export type { CompiledRules } from '../guard/rules.js';
