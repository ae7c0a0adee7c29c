/**
 * The banner's texts: every shipped language has every text English has, the
 * texts marked "from Klaro" are Klaro's own words, and the language is chosen
 * as documented (config `lang`, else `<html lang>`, else English).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error js-yaml ships no types
import { load } from 'js-yaml';
import { chooseLanguage, fill, languageFor, languageTag, LANGUAGES, type Texts } from '../../src/ui/texts';
import { LOADERS } from '../../src/ui/lang/index';
import english from '../../src/ui/lang/en';

const ROOT = resolve(__dirname, '../..');
const KLARO = join(ROOT, 'node_modules/klaro/src/translations');

/** Where each text taken from Klaro lives in Klaro's YAML. */
const KLARO_PATH: Partial<Record<keyof Texts, string[]>> = {
  acceptAll: ['acceptAll'],
  close: ['close'],
  policyName: ['privacyPolicy', 'name'],
  policyText: ['privacyPolicy', 'text'],
  changed: ['consentNotice', 'changeDescription'],
  toggleAllTitle: ['service', 'disableAll', 'title'],
  toggleAllDescription: ['service', 'disableAll', 'description'],
  marketing: ['purposes', 'marketing', 'title'],
};

async function textsOf(language: (typeof LANGUAGES)[number]): Promise<Texts> {
  return language === 'en' ? english : (await LOADERS[language]()).default;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** What a language lacks against English: keys missing or empty, placeholders not the same, keys English does not have. */
function faultsOf(texts: Record<string, unknown>): string[] {
  const faults: string[] = [];
  for (const key of Object.keys(english) as (keyof Texts)[]) {
    const value = texts[key];
    if (typeof value !== 'string' || value.trim() === '') faults.push(`missing ${key}`);
    else if (placeholders(value).join() !== placeholders(english[key]).join()) faults.push(`placeholders of ${key}`);
  }
  for (const key of Object.keys(texts)) if (!(key in english)) faults.push(`unknown ${key}`);
  return faults;
}

describe('banner texts', () => {
  it('ships the 25 languages Klaro ships, each but English as a module of its own', () => {
    const klaro = readFileSync(join(KLARO, 'index.js'), 'utf8');
    const registered = [...klaro.matchAll(/^import (\w+) from '\.\/\w+\.yml';$/gm)].map((m) => m[1]).sort();
    expect(registered).toHaveLength(25);
    expect([...LANGUAGES].sort()).toEqual(registered);
    expect(Object.keys(LOADERS).sort()).toEqual(LANGUAGES.filter((l) => l !== 'en'));
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s has every text English has, none empty, with the same placeholders',
    async (language) => {
      expect(faultsOf({ ...(await textsOf(language)) })).toEqual([]);
    },
  );

  it('the check finds a text missing, empty, with other placeholders, or unknown to English', () => {
    const { gpcHonored: _dropped, ...short } = english;
    expect(faultsOf(short)).toEqual(['missing gpcHonored']);
    expect(faultsOf({ ...english, title: ' ' })).toEqual(['missing title']);
    expect(faultsOf({ ...english, usedBy: 'Used by: {vendor}.' })).toEqual(['placeholders of usedBy']);
    expect(faultsOf({ ...english, extra: 'x' })).toEqual(['unknown extra']);
  });

  it.each([...LANGUAGES])(
    '%s: the texts its header says come from Klaro are Klaro’s words, and the rest is marked for review',
    async (language) => {
      const source = readFileSync(join(ROOT, 'src/ui/lang', `${language}.ts`), 'utf8');
      const header = /From Klaro 0\.7\.22 \(src\/translations\/(\w+)\.yml\), verbatim: (.*)$/m.exec(source);
      expect(header?.[1]).toBe(language);
      const keys = header![2]!.trim() === 'none' ? [] : header![2]!.split(',').map((k) => k.trim() as keyof Texts);
      if (language !== 'en') expect(source).toMatch(/Machine-drafted, to be reviewed by a native speaker: every other text\./);
      const yml = load(readFileSync(join(KLARO, `${language}.yml`), 'utf8')) as Record<string, unknown>;
      const texts = await textsOf(language);
      for (const key of keys) {
        const path = KLARO_PATH[key];
        expect(path, `${language}: "${key}" is not a text Klaro has`).toBeDefined();
        const value = path!.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], yml);
        expect(texts[key], `${language}.${key}`).toBe(value);
      }
    },
  );

  it('chooses config lang, else <html lang>, else English; an unknown language falls back to English and says which', () => {
    expect(chooseLanguage('de', 'fr')).toEqual({ language: 'de' });
    expect(chooseLanguage(undefined, 'fr-CA')).toEqual({ language: 'fr' });
    expect(chooseLanguage(undefined, '')).toEqual({ language: 'en' });
    expect(chooseLanguage(undefined, undefined)).toEqual({ language: 'en' });
    expect(chooseLanguage('ja', 'de')).toEqual({ language: 'en', missing: 'ja' });
    expect(chooseLanguage(undefined, 'bg')).toEqual({ language: 'en', missing: 'bg' });
  });

  it('reads the full tag where Klaro has it, else the primary subtag', () => {
    expect(languageFor('sr-Cyrl')).toBe('sr_cyrl');
    expect(languageFor('sr-Cyrl-RS')).toBe('sr_cyrl');
    expect(languageFor('sr-Latn')).toBe('sr');
    expect(languageFor('sr')).toBe('sr');
    expect(languageFor('pt-BR')).toBe('pt');
    expect(languageFor('zh-Hans-CN')).toBe('zh');
    expect(languageFor('nb-NO')).toBe('no');
    expect(languageFor('nn')).toBe('no');
    expect(languageFor('DE')).toBe('de');
    expect(languageFor('he')).toBeNull();
    expect(languageTag('sr_cyrl')).toBe('sr-Cyrl');
    expect(languageTag('de')).toBe('de');
  });

  it('fills placeholders', () => {
    expect(fill('Used by: {vendors}.', { vendors: 'A, B' })).toBe('Used by: A, B.');
    expect(fill('read our {privacyPolicy}', {})).toBe('read our {privacyPolicy}');
  });
});
