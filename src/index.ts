/**
 * consent-gate for bundlers: `import { createConsentGate } from 'consent-gate'`.
 * Importing has no side effects and works without a DOM; the banner (Klaro) is
 * a separate chunk, fetched only when a banner or settings panel must show.
 */
import { assembleGate, type ConsentGate, type Feature } from './create.js';
import { chatFeature } from './chat/feature.js';
import { auditFeature } from './audit/feature.js';
import type { BannerModule } from './ui/banner-types.js';
import type { ConsentGateConfig, Vendor } from './types.js';

export { ConsentGateConfigError } from './errors.js';
import { catalog } from '../vendors/index.js';

export { catalog };
export type { ConsentGate, Feature } from './create.js';
export type { ChatFeature, ChatHandle } from './chat/feature.js';
export type { ChatStatus, ChatState, FailReason } from './chat/runtime.js';
export type { ChatOptions } from './contract/chat-options.js';
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

const features: Feature[] = [chatFeature, auditFeature];

/** Create the gate for this page. Throws ConsentGateConfigError when the config is wrong. */
export function createConsentGate(config: ConsentGateConfig, options: CreateOptions = {}): ConsentGate {
  return assembleGate(config, {
    loadBanner: () => import('./ui/banner.js') as Promise<BannerModule>,
    features,
    catalog: options.catalog ?? catalog,
    ...(options.autoShow !== undefined ? { autoShow: options.autoShow } : {}),
  });
}
