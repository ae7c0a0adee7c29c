/** What the HubSpot browser tests share beyond the chat kit (./chat-kit.ts): the vendor id and HubSpot's cookies. */

export const HUBSPOT = 'hubspot-conversations';
export const CHAT_COOKIES = ['messagesUtk', 'hs-messages-is-open', 'hs-messages-hide-welcome-message'];
export const ANALYTICS_COOKIES = ['__hstc', 'hubspotutk', '__hssc', '__hssrc'];
