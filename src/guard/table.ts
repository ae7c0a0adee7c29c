/**
 * The guard's rule table. The build writes the compiled table in place of
 * `CONSENT_GATE_RULES` (src/bundle/guard-file.ts); a module of its own keeps
 * the table among the guard's constants, where it compresses best.
 */
import type { CompiledRules } from './rules.js';

declare const CONSENT_GATE_RULES: CompiledRules;

export const rules: CompiledRules = CONSENT_GATE_RULES;
