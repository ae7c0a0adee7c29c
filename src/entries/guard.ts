/**
 * The head guard (`dist/consent-gate-guard.js`), placed first in <head> after
 * the inline `window.consentGateConfig`. Holds back every vendor element,
 * request, cookie and storage key until its purpose is granted, installs
 * `window.__consentGateGuard` for the runtime, and the `window.consentGate`
 * queue so calls made before the runtime loads are kept, not lost.
 *
 * The rules are not imported: the build compiles them from the catalog and
 * writes them in place of `CONSENT_GATE_RULES` (src/guard/table.ts, src/bundle/guard-file.ts),
 * so one built guard serves every rule table (the whole catalog, one vendor,
 * a site's own selection with `consent-gate bundle`).
 */
import { installGuard, type Guard } from '../guard/guard.js';
import { installQueue } from '../guard/queue.js';
import { rules } from '../guard/table.js';
import type { CompiledRules } from '../guard/rules.js';

try {
  // the guard bridge first (window.__consentGateGuard), then the queue: a page object that refuses
  // the queue (frozen) leaves the guard in place and its bridge for the runtime
  const guard = installGuard(window, rules);
  // the runtime resolves config ids against the catalog the guard was built with
  (guard as Guard & { rules?: CompiledRules }).rules = rules;
  installQueue(window, ((window as Window & { __consentGateGuard?: Guard }).__consentGateGuard = guard));
} catch {
  // an exception never reaches the page; whatever was patched stays closed
}
