/**
 * A head guard file for a rule table: the built guard template
 * (`dist/guard-template.js`, the guard's code with the placeholder
 * `CONSENT_GATE_RULES` where its rules go) with the compiled rules written in.
 * The build writes the shipped guard files with it; `consent-gate bundle`
 * writes a site's own. Pure: no file system.
 */
import { compileRules, type CompiledRules } from '../guard/rules.js';
import type { VendorData } from '../contract/types.js';

/** The name the guard's code uses for its rules until they are written in. */
const RULES_PLACEHOLDER = 'CONSENT_GATE_RULES';

/** The guard's source with `rules` written in place of the placeholder (which must occur exactly once). */
export function guardWithRules(template: string, rules: CompiledRules): string {
  const parts = template.split(RULES_PLACEHOLDER);
  if (parts.length !== 2) throw new Error(`guard template: expected ${RULES_PLACEHOLDER} exactly once, found it ${parts.length - 1} times`);
  return parts[0] + JSON.stringify(rules) + parts[1];
}

/** The guard's source for a list of vendors (their rules compiled). */
export function guardFor(template: string, vendors: readonly VendorData[]): string {
  return guardWithRules(template, compileRules(vendors));
}
