/**
 * consent-gate for bundlers: `import { createConsentGate } from 'consent-gate'`.
 * Importing has no side effects and works without a DOM. The banner, the
 * chat's prompt and runtime, the audit and the adapters are dynamic imports:
 * a bundler makes each a file of its own, fetched when a page needs it.
 * Pass `catalog` with the vendors a site uses to leave the others out.
 */
import { assembleGate, type ConsentGate } from './create.js';
import { localChunks } from './chunks-local.js';
import { compileRules } from './guard/rules.js';
import { declaredService } from './declare.js';
import { catalog } from '../vendors/index.js';
import type { ConsentGateConfig, Vendor } from './types.js';

export { ConsentGateConfigError } from './errors.js';
export { catalog };
export type { ConsentGate, Feature, GateMethods } from './create.js';
export type { RevokedEvent } from './consent/gate.js';
export type { ChatFeature, ChatHandle } from './chat/feature.js';
export type { ChatStatus, ChatState, FailReason } from './chat/state.js';
export type { ChatOptions } from './contract/chat-options.js';
export type { ChatShow, UrlRule, UrlOperator, BusinessHours, Weekday } from './contract/chat-show.js';
export type * from './types.js';
export { PURPOSES, OPTIONAL_PURPOSES } from './types.js';
export type { AuditMethods } from './audit/feature.js';
export type { AuditReport, AuditItem } from './audit/inspect.js';
export type { DeclarationFormat } from './audit/declaration.js';

export interface CreateOptions {
  /** Vendors to resolve ids against; default: the whole catalog. */
  catalog?: readonly Vendor[];
  /** Show the banner by itself on a first visit. Default true. */
  autoShow?: boolean;
}

/** Create the gate for this page. Throws ConsentGateConfigError when the config is wrong. */
export function createConsentGate(config: ConsentGateConfig, options: CreateOptions = {}): ConsentGate {
  const vendors = options.catalog ?? catalog;
  return assembleGate(config, {
    chunks: localChunks(vendors),
    rules: compileRules(vendors),
    vendors,
    declare: declaredService,
    ...(options.autoShow !== undefined ? { autoShow: options.autoShow } : {}),
  });
}
