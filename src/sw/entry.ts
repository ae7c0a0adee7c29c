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
 * `catalog-rules` plugin in rollup.config.mjs writes them in place of CONSENT_GATE_RULES, src/guard/table.ts).
 */
import { rules } from '../guard/table.js';
import { installConsentWorker, workerOptions, type WorkerScope } from './worker.js';

const scope = self as unknown as WorkerScope & { consentGateWorker?: unknown; location: Location };
const imported = scope.consentGateWorker !== undefined;
installConsentWorker(scope, rules, workerOptions(scope.location.search, imported ? scope.consentGateWorker : undefined), !imported);
