/**
 * Every text a visitor reads in the chat's UI, keyed, with `{placeholders}`.
 * A language is added as data: one more entry with the same keys in each
 * table. Two tables, because a page pays for what it shows: the launcher's
 * few words are in the core every page runs; the prompt's, the panels' and
 * the placeholder's come with the chat's lazy part.
 *
 * (The site's own words, from config, are shown as given: `label`,
 * `fallbackLabel`, `show.hours.replyTime`, `show.hours.awayMessage`.)
 */
import { fill, languageFor } from '../ui/texts.js';

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

/** A language's table, matched as the banner matches languages (src/ui/texts.ts languageFor), else English. */
export function textsFor<T>(tables: { en: T } & Partial<Record<string, T>>, lang: string | undefined): T {
  const language = languageFor(lang ?? '');
  return (language && tables[language]) || tables.en;
}

export { fill };
