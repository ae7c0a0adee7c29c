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
import { fill, languageFor, type Language } from '../ui/texts.js';

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

/**
 * The languages the placeholder speaks: the banner's, every language Klaro
 * 0.7.22 ships (by Klaro's file name). English is the project's own;
 * every other language is machine-drafted, to be reviewed by a native
 * speaker.
 */
/** Every language the banner speaks (src/ui/texts.ts LANGUAGES), each a table. */
export const EMBED_TEXTS: Readonly<Record<Language, EmbedTextTable>> = {
  en: {
    videoFrom: 'Video from {title}',
    mapFrom: 'Map from {title}',
    loadVideo: 'Load video',
    loadMap: 'Load map',
    always: 'Always allow {title}',
    policy: '{provider} privacy policy',
  },
  ca: {
    videoFrom: 'Vídeo de {title}',
    mapFrom: 'Mapa de {title}',
    loadVideo: 'Carrega el vídeo',
    loadMap: 'Carrega el mapa',
    always: 'Permet sempre {title}',
    policy: 'Política de privadesa de {provider}',
  },
  cs: {
    videoFrom: 'Video ze služby {title}',
    mapFrom: 'Mapa ze služby {title}',
    loadVideo: 'Načíst video',
    loadMap: 'Načíst mapu',
    always: 'Vždy povolit {title}',
    policy: 'Zásady ochrany soukromí společnosti {provider}',
  },
  da: {
    videoFrom: 'Video fra {title}',
    mapFrom: 'Kort fra {title}',
    loadVideo: 'Indlæs video',
    loadMap: 'Indlæs kort',
    always: 'Tillad altid {title}',
    policy: 'Privatlivspolitik for {provider}',
  },
  de: {
    videoFrom: 'Video von {title}',
    mapFrom: 'Karte von {title}',
    loadVideo: 'Video laden',
    loadMap: 'Karte laden',
    always: '{title} immer erlauben',
    policy: 'Datenschutzerklärung von {provider}',
  },
  el: {
    videoFrom: 'Βίντεο από {title}',
    mapFrom: 'Χάρτης από {title}',
    loadVideo: 'Φόρτωση βίντεο',
    loadMap: 'Φόρτωση χάρτη',
    always: 'Να επιτρέπεται πάντα: {title}',
    policy: 'Πολιτική απορρήτου: {provider}',
  },
  es: {
    videoFrom: 'Vídeo de {title}',
    mapFrom: 'Mapa de {title}',
    loadVideo: 'Cargar vídeo',
    loadMap: 'Cargar mapa',
    always: 'Permitir siempre {title}',
    policy: 'Política de privacidad de {provider}',
  },
  fi: {
    videoFrom: 'Video palvelusta {title}',
    mapFrom: 'Kartta palvelusta {title}',
    loadVideo: 'Lataa video',
    loadMap: 'Lataa kartta',
    always: 'Salli aina {title}',
    policy: 'Tietosuojakäytäntö: {provider}',
  },
  fr: {
    videoFrom: 'Vidéo de {title}',
    mapFrom: 'Carte de {title}',
    loadVideo: 'Charger la vidéo',
    loadMap: 'Charger la carte',
    always: 'Toujours autoriser {title}',
    policy: 'Politique de confidentialité de {provider}',
  },
  gl: {
    videoFrom: 'Vídeo de {title}',
    mapFrom: 'Mapa de {title}',
    loadVideo: 'Cargar o vídeo',
    loadMap: 'Cargar o mapa',
    always: 'Permitir sempre {title}',
    policy: 'Política de privacidade de {provider}',
  },
  hr: {
    videoFrom: 'Videozapis s usluge {title}',
    mapFrom: 'Karta s usluge {title}',
    loadVideo: 'Učitaj videozapis',
    loadMap: 'Učitaj kartu',
    always: 'Uvijek dopusti {title}',
    policy: 'Pravila privatnosti: {provider}',
  },
  hu: {
    videoFrom: 'Videó innen: {title}',
    mapFrom: 'Térkép innen: {title}',
    loadVideo: 'Videó betöltése',
    loadMap: 'Térkép betöltése',
    always: 'Mindig engedélyezve: {title}',
    policy: 'Adatvédelmi irányelvek: {provider}',
  },
  it: {
    videoFrom: 'Video da {title}',
    mapFrom: 'Mappa da {title}',
    loadVideo: 'Carica il video',
    loadMap: 'Carica la mappa',
    always: 'Consenti sempre {title}',
    policy: 'Informativa sulla privacy di {provider}',
  },
  nl: {
    videoFrom: 'Video van {title}',
    mapFrom: 'Kaart van {title}',
    loadVideo: 'Video laden',
    loadMap: 'Kaart laden',
    always: '{title} altijd toestaan',
    policy: 'Privacybeleid van {provider}',
  },
  no: {
    videoFrom: 'Video fra {title}',
    mapFrom: 'Kart fra {title}',
    loadVideo: 'Last inn video',
    loadMap: 'Last inn kart',
    always: 'Tillat alltid {title}',
    policy: 'Personvernerklæring for {provider}',
  },
  oc: {
    videoFrom: 'Vidèo de {title}',
    mapFrom: 'Mapa de {title}',
    loadVideo: 'Cargar la vidèo',
    loadMap: 'Cargar la mapa',
    always: 'Totjorn autorizar {title}',
    policy: 'Politica de confidencialitat de {provider}',
  },
  pl: {
    videoFrom: 'Film z serwisu {title}',
    mapFrom: 'Mapa z serwisu {title}',
    loadVideo: 'Wczytaj film',
    loadMap: 'Wczytaj mapę',
    always: 'Zawsze zezwalaj: {title}',
    policy: 'Polityka prywatności: {provider}',
  },
  pt: {
    videoFrom: 'Vídeo de {title}',
    mapFrom: 'Mapa de {title}',
    loadVideo: 'Carregar vídeo',
    loadMap: 'Carregar mapa',
    always: 'Permitir sempre {title}',
    policy: 'Política de privacidade de {provider}',
  },
  ro: {
    videoFrom: 'Videoclip de pe {title}',
    mapFrom: 'Hartă de pe {title}',
    loadVideo: 'Încarcă videoclipul',
    loadMap: 'Încarcă harta',
    always: 'Permite întotdeauna {title}',
    policy: 'Politica de confidențialitate: {provider}',
  },
  ru: {
    videoFrom: 'Видео из сервиса {title}',
    mapFrom: 'Карта из сервиса {title}',
    loadVideo: 'Загрузить видео',
    loadMap: 'Загрузить карту',
    always: 'Всегда разрешать {title}',
    policy: 'Политика конфиденциальности: {provider}',
  },
  sr: {
    videoFrom: 'Video sa usluge {title}',
    mapFrom: 'Mapa sa usluge {title}',
    loadVideo: 'Učitaj video',
    loadMap: 'Učitaj mapu',
    always: 'Uvek dozvoli {title}',
    policy: 'Politika privatnosti: {provider}',
  },
  sr_cyrl: {
    videoFrom: 'Видео са услуге {title}',
    mapFrom: 'Мапа са услуге {title}',
    loadVideo: 'Учитај видео',
    loadMap: 'Учитај мапу',
    always: 'Увек дозволи {title}',
    policy: 'Политика приватности: {provider}',
  },
  sv: {
    videoFrom: 'Video från {title}',
    mapFrom: 'Karta från {title}',
    loadVideo: 'Läs in video',
    loadMap: 'Läs in karta',
    always: 'Tillåt alltid {title}',
    policy: 'Integritetspolicy för {provider}',
  },
  tr: {
    videoFrom: '{title} videosu',
    mapFrom: '{title} haritası',
    loadVideo: 'Videoyu yükle',
    loadMap: 'Haritayı yükle',
    always: '{title} için her zaman izin ver',
    policy: '{provider} gizlilik politikası',
  },
  zh: {
    videoFrom: '来自 {title} 的视频',
    mapFrom: '来自 {title} 的地图',
    loadVideo: '加载视频',
    loadMap: '加载地图',
    always: '始终允许 {title}',
    policy: '{provider} 隐私政策',
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

/**
 * The table for a language tag, matched as the banner matches it
 * (src/ui/texts.ts languageFor: `de-CH` → `de`, `sr-Cyrl` → `sr_cyrl`, `nb`
 * and `nn` → `no`), else English; each key falls back to English.
 */
export function tableFor(lang: string, tables: Readonly<Partial<Record<Language, Partial<EmbedTextTable>>>> = EMBED_TEXTS): EmbedTextTable {
  const language = languageFor(lang);
  return { ...EMBED_TEXTS.en, ...(language ? tables[language] : undefined) };
}

/** The placeholder's words for one embed of `vendor`; `title` is the site's own title of that embed, if any. */
export function embedTexts(
  vendor: Pick<VendorData, 'title' | 'provider' | 'summary' | 'embed'>,
  lang: string,
  title?: string | null,
): EmbedTexts {
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
