/**
 * The head guard (`dist/consent-gate-guard.js`), placed first in <head>.
 * Installs the `window.consentGate` queue so calls made before the runtime
 * loads are kept, not lost.
 */
import { installQueue } from './queue.js';

installQueue(window);
