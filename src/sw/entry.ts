/**
 * `dist/consent-gate-sw.js`, the opt-in consent service worker (see worker.ts
 * and docs/service-worker.md). On its own:
 *
 *   navigator.serviceWorker.register('/consent-gate-sw.js?cookieName=consent_gate&policyVersion=1')
 *
 * or from a site's existing worker, options first (or the page's whole config,
 * whose own declared services are then refused too):
 *
 *   self.consentGateWorker = { cookieName: 'consent_gate', policyVersion: '1' };
 *   importScripts('/consent-gate-sw.js');
 *
 * The build embeds the catalog's compiled rules, as in the head guard (the
 * `catalog-rules` plugin in rollup.config.mjs writes them in place of CONSENT_GATE_RULES, src/guard/table.ts).
 */
import { rules } from '../guard/table.js';
import { installConsentWorker, workerOptions, workerRules, type WorkerScope } from './worker.js';

const scope = self as unknown as WorkerScope & { consentGateWorker?: unknown; location: Location };
const given = scope.consentGateWorker;
const imported = given !== undefined;
const table = workerRules(rules, given);
// (a config it cannot read: no options, so every catalog vendor is refused)
installConsentWorker(scope, table ?? rules, table ? workerOptions(scope.location.search, imported ? given : undefined) : null, !imported);
