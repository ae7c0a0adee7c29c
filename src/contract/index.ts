/** The contract a vendor file imports: types, shared option specs and value helpers. */
export type * from './types.js';
export { chatOptionSpecs, type ChatOptions } from './chat-options.js';
export { hostBaseOption, hostUrl } from './hosts.js';
export { isObject, safe } from './values.js';
export { consentModeOption } from './consent-mode.js';
export { MINUTE, DAY, MONTH, YEAR } from './time.js';
