/**
 * The chat's texts (src/chat/texts.ts): every language has every key, the
 * lookup falls back as documented, placeholders fill, and the DOM code
 * writes no sentence of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fill, launcherTexts, panelTexts, textsFor } from '../../src/chat/texts';
import { promptTexts } from '../../src/chat/prompt';
import hubspot from '../../vendors/hubspot-conversations';

describe('chat texts', () => {
  it('every language of each table has exactly the English keys, none empty', () => {
    for (const table of [launcherTexts, panelTexts] as Record<string, Record<string, string>>[]) {
      const keys = Object.keys(table.en!).sort();
      expect(keys.length).toBeGreaterThan(1);
      for (const [lang, texts] of Object.entries(table)) {
        expect(Object.keys(texts).sort(), `keys of ${lang}`).toEqual(keys);
        for (const key of keys) expect(texts[key], `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('picks the language, then its base language, then English', () => {
    const tables = { en: { hello: 'Hello' }, nl: { hello: 'Hallo' } };
    expect(textsFor(tables, 'nl').hello).toBe('Hallo');
    expect(textsFor(tables, 'nl-BE').hello).toBe('Hallo');
    expect(textsFor(tables, 'NL').hello).toBe('Hallo');
    expect(textsFor(tables, 'fr').hello).toBe('Hello');
    expect(textsFor(tables, undefined).hello).toBe('Hello');
  });

  it('fills placeholders; one without a value stays as it is', () => {
    expect(fill("We're back on {day} at {time}.", { day: 'Monday', time: '09:00' })).toBe("We're back on Monday at 09:00.");
    expect(fill('{vendor} and {unknown}', { vendor: 'Acme' })).toBe('Acme and {unknown}');
    expect(fill('{toString}', {})).toBe('{toString}');
  });

  it('the prompt speaks the table given', () => {
    const nl = { ...panelTexts.en, promptTitle: 'Chatten met {vendor}?', sessionLifetime: 'tot je de browser sluit' };
    expect(promptTexts(hubspot, nl).title).toBe('Chatten met HubSpot Conversations?');
  });

  it("the chat's DOM code writes no sentence of its own: every visible text comes from the tables or the config", () => {
    const dir = join(__dirname, '../../src/chat');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'texts.ts');
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code, `${file} sets a literal text`).not.toMatch(/\.textContent\s*=\s*['"`][A-Za-z]/);
      expect(code, `${file} gives a button a literal text`).not.toMatch(/chatButton\([^)]*,\s*['"`][A-Z][a-z]/);
      expect(code, `${file} sets a literal accessible name`).not.toMatch(/aria-label['"]?\s*,\s*['"`][A-Za-z]/);
    }
  });
});
