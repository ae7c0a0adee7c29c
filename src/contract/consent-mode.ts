/**
 * The vendor option of a tag with a phased consent signal (Google's tags,
 * Microsoft UET): `consentMode: 'basic' | 'advanced'`. A vendor file spreads
 * it into its `options`; the head guard reads it from the config (rules.ts
 * `guardSetup`).
 *
 * Basic (the default): the tag is held back until its purpose is granted and
 * sends nothing before. Advanced: the tag loads with the signal's denied
 * defaults and sends cookieless pings; its cookies and storage keys are held
 * back until granted. (Google's consent guide, "basic vs advanced":
 * developers.google.com/tag-platform/security/concepts/consent-mode.)
 */
import type { OptionSpec } from './types.js';

export const consentModeOption: OptionSpec = {
  type: 'string',
  oneOf: ['basic', 'advanced'],
  expected:
    '"basic" (held back until granted) or "advanced" (loads with denied defaults and sends cookieless pings; its cookies wait for consent)',
};
