/**
 * The words of an embed's placeholder, one keyed table per language, so a
 * language is added as data: a table with the same keys. `{title}` and
 * `{provider}` stand for the vendor's title and provider. A language missing
 * from the table, or a key missing from a language, falls back to English.
 *
 * What the vendor stores is said by the vendor's `summary` (its own data,
 * as the chat prompt says it).
 */
import type { VendorData } from '../contract/types.js';

export interface EmbedTextTable {
  /** The name of a video whose embed gives no title of its own. */
  videoFrom: string;
  /** The name of a map whose embed gives no title of its own. */
  mapFrom: string;
  /** The button that loads this one video, this time. */
  loadVideo: string;
  /** The button that loads this one map, this time. */
  loadMap: string;
  /** The button that records the vendor's purpose, so its embeds load from now on. */
  always: string;
  /** The link to the vendor's privacy policy. */
  policy: string;
}

export const EMBED_TEXTS: Readonly<Record<string, EmbedTextTable>> = {
  en: {
    videoFrom: 'Video from {title}',
    mapFrom: 'Map from {title}',
    loadVideo: 'Load video',
    loadMap: 'Load map',
    always: 'Always allow {title}',
    policy: '{provider} privacy policy',
  },
};

/** The words of a placeholder for `vendor` in `lang` (a language code such as `de` or `de-CH`). */
export interface EmbedTexts {
  /** The embed's name: the site's own title when it gives one. */
  name: string;
  /** What the vendor is and keeps (its summary). */
  about: string;
  load: string;
  always: string;
  policy: string;
}

/** The table for a language: the exact code, else its first part (`de` for `de-CH`), else English; each key falls back to English. */
export function tableFor(lang: string, tables: Readonly<Record<string, Partial<EmbedTextTable>>> = EMBED_TEXTS): EmbedTextTable {
  const own = tables[lang] ?? tables[lang.split('-')[0]!] ?? {};
  return { ...EMBED_TEXTS.en!, ...own };
}

/** `{name}` in `template` replaced by `values[name]` (an unknown name stays as written). */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The placeholder's words for one embed of `vendor`; `title` is the site's own title of that embed, if any. */
export function embedTexts(vendor: Pick<VendorData, 'title' | 'provider' | 'summary' | 'embed'>, lang: string, title?: string | null): EmbedTexts {
  const t = tableFor(lang);
  const values = { title: vendor.title, provider: vendor.provider };
  const map = vendor.embed?.media === 'map';
  const own = title?.trim();
  return {
    name: own || fill(map ? t.mapFrom : t.videoFrom, values),
    about: vendor.summary,
    load: map ? t.loadMap : t.loadVideo,
    always: fill(t.always, values),
    policy: fill(t.policy, values),
  };
}
