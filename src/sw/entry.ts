/**
 * `dist/consent-gate-sw.js`, the opt-in consent service worker (see worker.ts
 * and docs/service-worker.md). On its own:
 *
 *   navigator.serviceWorker.register('/consent-gate-sw.js?cookieName=consent_gate&policyVersion=1')
 *
 * or from a site's existing worker, options first:
 *
 *   self.consentGateWorker = { cookieName: 'consent_gate', policyVersion: '1' };
 *   importScripts('/consent-gate-sw.js');
 *
 * The build embeds the catalog's compiled rules, as in the head guard (the
 * `guard-rules` plugin in rollup.config.mjs replaces catalog-rules.js).
 */
import { rules } from '../guard/catalog-rules.js';
import { installConsentWorker, workerOptions, type WorkerScope } from './worker.js';

const scope = self as unknown as WorkerScope & { consentGateWorker?: unknown; location: Location };
const imported = scope.consentGateWorker !== undefined;
installConsentWorker(scope, rules, workerOptions(scope.location.search, imported ? scope.consentGateWorker : undefined), !imported);
