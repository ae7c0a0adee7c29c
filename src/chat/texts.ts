/**
 * Every text a visitor reads in the chat's UI, keyed, with `{placeholders}`.
 * Two tables, because a page pays for what it shows: the launcher's few
 * words are in the core every page runs; the prompt's, the panels' and the
 * placeholder's come with the chat's lazy part.
 *
 * English is here. Every other language the banner speaks (src/ui/texts.ts
 * LANGUAGES) is one module in src/chat-lang/ holding both tables, with the same
 * keys and the same `{placeholders}` (test/unit/chat-texts.test.ts); a page
 * in that language fetches it as a small part of its own before its
 * launchers show (./feature.ts). The non-English tables are machine-drafted,
 * awaiting review by a native speaker.
 *
 * (The site's own words, from config, are shown as given: `label`,
 * `fallbackLabel`, `show.hours.replyTime`, `show.hours.awayMessage`; and a
 * vendor's `summary` is the vendor's data, in English.)
 */
import { fill, textsFor } from '../ui/texts.js';

/** What the launcher says (in the core). */
export const launcherTexts = {
  en: {
    /** The launcher's accessible name, unless the config gives `label`. */
    label: 'Chat with us',
    /** Read out while the chat loads. */
    loading: 'Loading chat…',
  },
};

/** What the prompt, the failure panel and the inline placeholder say (in the chat's lazy part). */
export const panelTexts = {
  en: {
    promptTitle: 'Start a chat with {vendor}?',
    promptBody: '{summary} The chat is provided by {provider} and needs your consent to {purpose} cookies.',
    /** The purpose a chat vendor needs consent for, as `{purpose}` in a sentence. */
    purposeFunctional: 'functional',
    purposeAnalytics: 'analytics',
    purposeMarketing: 'marketing',
    stored: 'Stored on your device:',
    storageLocal: 'local storage',
    storageSession: 'session storage',
    sessionLifetime: 'until you close the browser',
    policy: '{provider} privacy policy',
    allow: 'Allow and start chat',
    notNow: 'Not now',
    awayTitle: 'Our team is away',
    awayBody: "We can't chat right now.",
    backToday: "We're back today at {time}.",
    backTomorrow: "We're back tomorrow at {time}.",
    backLater: "We're back on {day} at {time}.",
    /** Outside business hours, before consent: the prompt's body after the away message. */
    leaveConsent: 'You can leave a message. The chat is provided by {provider} and needs your consent to {purpose} cookies.',
    allowLeave: 'Allow and leave a message',
    leave: 'Leave a message',
    close: 'Close',
    fallback: 'Email us instead',
    start: 'Start chat',
    retry: 'Try again',
    failError: 'The chat could not be loaded.',
    failTimeout: 'The chat is taking too long to load.',
    failOffline: 'You seem to be offline, so the chat cannot load.',
    failHidden: 'The chat is not available on this page right now.',
  },
};

export type LauncherTexts = (typeof launcherTexts)['en'];
export type PanelTexts = (typeof panelTexts)['en'];

/** One language's words of the chat: a module of src/chat-lang/, a part of its own in the drop-in (dist/consent-gate-chat-<lang>.js). */
export interface ChatTexts {
  launcher: LauncherTexts;
  panel: PanelTexts;
}

/** The word for a vendor's purpose in `{purpose}` (a purpose without a word of its own stays as its id). */
export function purposeWord(texts: PanelTexts, purpose: string): string {
  const words: Record<string, string> = {
    functional: texts.purposeFunctional,
    analytics: texts.purposeAnalytics,
    marketing: texts.purposeMarketing,
  };
  return words[purpose] ?? purpose;
}

export { fill, textsFor };
