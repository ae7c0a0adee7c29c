/**
 * The head guard (`dist/consent-gate-guard.js`), placed first in <head> after
 * the inline `window.consentGateConfig`. Holds back every vendor element,
 * request, cookie and storage key until its purpose is granted, installs
 * `window.__consentGateGuard` for the runtime, and the `window.consentGate`
 * queue so calls made before the runtime loads are kept, not lost.
 */
import { installGuard, type Guard } from './guard.js';
import { installQueue } from './queue.js';
import { rules } from './catalog-rules.js';

const w = window as Window & typeof globalThis & { __consentGateGuard?: Guard };
let guard: Guard | null = null;
try {
  guard = w.__consentGateGuard = installGuard(w, rules);
} catch {
  // an exception never reaches the page; whatever was patched stays closed
}
try {
  installQueue(w, guard);
} catch {
  // the runtime installs consentGate itself
}
