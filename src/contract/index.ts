/** The contract a vendor file imports: types, shared option specs and value helpers. */
export type * from './types.js';
export { PURPOSES, OPTIONAL_PURPOSES } from './types.js';
export { chatOptionSpecs, chatOptionsOf, type ChatOptions, type ResolvedChatOptions } from './chat-options.js';
export type { ChatShow, UrlRule, UrlOperator, BusinessHours, Weekday } from './chat-show.js';
export { DEFAULT_HOST_BASE, hostBaseOption, hostUrl } from './hosts.js';
export { isObject, safe } from './values.js';
export { consentModeOption } from './consent-mode.js';
export { MINUTE, HOUR, DAY, MONTH, YEAR, durationInWords } from './time.js';
