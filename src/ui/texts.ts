/**
 * The banner's texts and languages. The banner speaks every language Klaro
 * 0.7 ships (25); each language is its own module in ./lang/, and every one
 * has every key English has (test/unit/banner-texts.test.ts).
 *
 * Pure: no DOM, no Klaro, so it is unit-tested.
 */

/** Every text the banner shows, in one language. `{name}` marks a value filled in at run time. */
export interface Texts {
  /** Title of the first layer. */
  title: string;
  /** The purposes in use and the providers behind them: `{purposes}` is a list such as "Functional (HubSpot Conversations) and Marketing (HubSpot)". */
  services: string;
  /** What the visitor's choice means. */
  description: string;
  acceptAll: string;
  rejectAll: string;
  /** The first layer's link to the settings panel. */
  settings: string;
  /** The settings panel's button that saves the switches as they are. */
  save: string;
  /** The settings panel's close button (its accessible name). */
  close: string;
  settingsTitle: string;
  settingsDescription: string;
  /** After a purpose's description: `{vendors}` lists the providers. */
  usedBy: string;
  /** The privacy policy link's text. */
  policyName: string;
  /** The sentence around the link: `{privacyPolicy}` is the link. */
  policyText: string;
  /** Shown when the site's policy changed since the visitor's decision. */
  changed: string;
  toggleAllTitle: string;
  toggleAllDescription: string;
  functional: string;
  functionalDescription: string;
  analytics: string;
  analyticsDescription: string;
  marketing: string;
  marketingDescription: string;
  /** Near the marketing switch when a Global Privacy Control signal turned marketing off (Colorado rule 5.08(E), California 11 CCR §7025(c)(6)). */
  gpcHonored: string;
}

/** The languages Klaro 0.7.22 ships (src/translations/index.js), by Klaro's file name. */
export const LANGUAGES = [
  'ca',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'fi',
  'fr',
  'gl',
  'hr',
  'hu',
  'it',
  'nl',
  'no',
  'oc',
  'pl',
  'pt',
  'ro',
  'ru',
  'sr',
  'sr_cyrl',
  'sv',
  'tr',
  'zh',
] as const;
export type Language = (typeof LANGUAGES)[number];

/** The BCP 47 tag of a language, for the `lang` attribute and Intl. */
export function languageTag(language: Language): string {
  return language === 'sr_cyrl' ? 'sr-Cyrl' : language;
}

/**
 * The shipped language for a language tag, or null: the full tag where Klaro
 * has it (`sr-Cyrl` → Serbian in Cyrillic), else the primary subtag (`de-AT`
 * → German, `pt-BR` → Portuguese); Norwegian Bokmål and Nynorsk (`nb`, `nn`)
 * → Norwegian.
 */
export function languageFor(tag: string): Language | null {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  let primary = parts[0] ?? '';
  if (primary === 'sr' && parts.includes('cyrl')) return 'sr_cyrl';
  if (primary === 'nb' || primary === 'nn') primary = 'no';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : null;
}

export interface LanguageChoice {
  language: Language;
  /** The tag asked for when no shipped language matched it (English is used instead). */
  missing?: string;
}

/**
 * A language's table from tables keyed by shipped language, matched with
 * `languageFor` (`de-AT` → `de`, `nb` → `no`), else English.
 */
export function textsFor<T>(tables: { en: T } & Partial<Record<string, T>>, lang: string | undefined): T {
  const language = languageFor(lang ?? '');
  return (language && tables[language]) || tables.en;
}

/** The banner's language: config `lang`, else the page's `<html lang>`, else English. */
export function chooseLanguage(configLang: string | undefined, pageLang: string | undefined): LanguageChoice {
  const asked = configLang || pageLang || '';
  if (!asked) return { language: 'en' };
  const language = languageFor(asked);
  return language ? { language } : { language: 'en', missing: asked };
}

/** The language a page's consent-gate texts speak: config `lang`, else the page's `<html lang>`, else English. */
export function pageLanguage(configLang: string | undefined): string {
  return configLang || (typeof document === 'undefined' ? '' : document.documentElement.lang) || 'en';
}

/** Fill `{name}` placeholders (a name without a value stays as written). */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}
