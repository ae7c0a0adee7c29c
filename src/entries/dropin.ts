/** The drop-in runtime `dist/consent-gate.js`: see src/dropin.ts. */
import { startDropin } from '../dropin.js';

startDropin();
