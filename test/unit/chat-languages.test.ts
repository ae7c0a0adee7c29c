/**
 * The chat's words in every language the banner speaks (src/chat-lang/):
 * each language has every English key of both tables, filled in, with the
 * same `{placeholders}`; the language a page gets is matched by the banner's
 * languageFor, and the prompt speaks it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAT_LANGUAGES } from '../../src/chat-lang/index';
import { launcherTexts, panelTexts, purposeWord, type ChatTexts } from '../../src/chat/texts';
import { lifetimeText, promptTexts } from '../../src/chat/prompt';
import { localChunks } from '../../src/chunks-local';
import { LANGUAGES } from '../../src/ui/texts';
import hubspot from '../../vendors/hubspot-conversations';

const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english: ChatTexts = { launcher: launcherTexts.en, panel: panelTexts.en };
const others = LANGUAGES.filter((l): l is Exclude<typeof l, 'en'> => l !== 'en');

async function all(): Promise<[string, ChatTexts][]> {
  return Promise.all(others.map(async (lang) => [lang, await CHAT_LANGUAGES[lang]()] as [string, ChatTexts]));
}

describe('chat languages (src/chat-lang/)', () => {
  it('there is one table for every language the banner ships but English, and none more', () => {
    expect(Object.keys(CHAT_LANGUAGES).sort()).toEqual([...others].sort());
    expect(others).toHaveLength(24);
  });

  it('every language has every English key of both tables, filled in, with the same {placeholders}', async () => {
    for (const [lang, texts] of await all()) {
      expect(Object.keys(texts).sort(), lang).toEqual(['launcher', 'panel']);
      for (const table of ['launcher', 'panel'] as const) {
        const en = english[table] as Record<string, string>;
        const own = texts[table] as Record<string, string>;
        expect(Object.keys(own).sort(), `${lang}.${table}`).toEqual(Object.keys(en).sort());
        for (const [key, text] of Object.entries(own)) {
          expect(typeof text, `${lang}.${table}.${key}`).toBe('string');
          expect(text.trim(), `${lang}.${table}.${key}`).not.toBe('');
          expect(names(text), `${lang}.${table}.${key}`).toEqual(names(en[key]!));
        }
      }
      // a language other than English says it in its own words
      expect(texts.launcher.label, lang).not.toBe(english.launcher.label);
      expect(texts.panel.allow, lang).not.toBe(english.panel.allow);
    }
  });

  it('the check can fail: a key missing in one language, or a placeholder renamed, is caught', () => {
    const de = { ...english.panel, promptTitle: 'Chat mit {anbieter}?' } as Record<string, string>;
    delete de.retry;
    expect(Object.keys(de).sort()).not.toEqual(Object.keys(english.panel).sort());
    expect(names(de.promptTitle!)).not.toEqual(names(english.panel.promptTitle));
  });

  it('the npm parts fetch a language by the name languageFor gives it', async () => {
    const chunks = localChunks([]);
    expect((await chunks.chatTexts('de')).launcher.label).toBe('Chatten Sie mit uns');
    expect((await chunks.chatTexts('sr_cyrl')).panel).toEqual((await CHAT_LANGUAGES.sr_cyrl()).panel);
  });

  it('the prompt speaks the page language: its sentence, the purpose word and lifetimes in words', async () => {
    const de = await CHAT_LANGUAGES.de();
    const t = promptTexts(hubspot, de.panel, 'de');
    expect(t.title).toBe('Einen Chat mit HubSpot Conversations starten?');
    expect(t.body).toContain(`Cookies der Kategorie „${purposeWord(de.panel, hubspot.purpose)}“`);
    expect(t.body).not.toMatch(/\{\w+\}/);
    expect(lifetimeText(15_778_800, de.panel, 'de')).toBe('6 Monate');
    expect(lifetimeText(0, de.panel, 'de')).toBe('bis Sie den Browser schließen');
    // English as before
    expect(lifetimeText(15_778_800)).toBe('6 months');
    expect(promptTexts(hubspot).body).toContain(`consent to ${hubspot.purpose} cookies`);
  });

  it("language matching is the banner's: the chat feature asks languageFor, and has no matcher of its own", () => {
    const src = join(__dirname, '../../src');
    const feature = readFileSync(join(src, 'chat/feature.ts'), 'utf8');
    expect(feature).toMatch(/languageFor\(pageLanguage\(core\.config\.lang\)\)/);
    for (const file of [
      'chat/feature.ts',
      'chat/chunk.ts',
      'chat/texts.ts',
      'chat/launcher.ts',
      'chat-lang/index.ts',
      'audit/declaration.ts',
    ]) {
      const code = readFileSync(join(src, file), 'utf8');
      // no tag parsing of its own (the banner's languageFor splits on - and _ and lower-cases)
      expect(code, file).not.toMatch(/split\(\s*\/\[-_\]\//);
      expect(code, file).not.toMatch(/\.toLowerCase\(\)\.split/);
    }
  });
});
