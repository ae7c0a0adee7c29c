/**
 * The HTML declaration in every language the banner speaks
 * (src/audit/declaration-texts.ts): every table has every English key,
 * filled in; `lang` is matched by the banner's languageFor; the runtime's
 * declaration speaks the page's language and keeps its cells in it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Cookies from 'js-cookie';
import { DECLARATION_TEXTS } from '../../src/audit/declaration-texts';
import { declarationLanguage, renderDeclaration } from '../../src/audit/declaration';
import { auditFeature } from '../../src/audit/feature';
import { assembleGate } from '../../src/create';
import { ConsentGateConfigError } from '../../src/errors';
import { LANGUAGES, languageFor, languageTag } from '../../src/ui/texts';
import hubspot from '../../vendors/hubspot-conversations';
import { testRuntime } from './runtime-kit';

const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const en = DECLARATION_TEXTS.en as unknown as Record<string, string>;

describe('declaration texts', () => {
  it('every shipped language has every English key, filled in, with the same {names} (none), in its own words', () => {
    expect(Object.keys(DECLARATION_TEXTS).sort()).toEqual([...LANGUAGES].sort());
    for (const lang of LANGUAGES) {
      const table = DECLARATION_TEXTS[lang] as unknown as Record<string, string>;
      expect(Object.keys(table).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(table)) {
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
        expect(names(text), `${lang}.${key}`).toEqual(names(en[key]!));
        expect(text, `${lang}.${key}`).not.toMatch(/[<>&"]/);
      }
      if (lang !== 'en') expect(table.change, lang).not.toBe(en.change);
    }
  });

  it('the HTML of each language: its lang attribute, heading, columns, choices, button, and lifetimes in its words', () => {
    for (const lang of LANGUAGES) {
      const t = DECLARATION_TEXTS[lang];
      const html = renderDeclaration('html', { vendors: [hubspot], lang: languageTag(lang) });
      expect(html, lang).toContain(`lang="${languageTag(lang)}"`);
      for (const text of [
        t.title,
        t.purpose,
        t.choice,
        t.change,
        t.name,
        t.provider,
        t.lifetime,
        t.use,
        t.undecided,
        t.alwaysOn,
        t.recordTitle,
      ])
        expect(html, `${lang}: ${text}`).toContain(text);
      if (lang !== 'en')
        for (const english of ['Your current choice', 'Change settings', 'What it is for', 'Not decided yet'])
          expect(html, `${lang}: ${english}`).not.toContain(english);
    }
    const de = renderDeclaration('html', {
      vendors: [hubspot],
      lang: 'de',
      decisions: { decided: true, purposes: { necessary: true, functional: true, analytics: false, marketing: false } },
    });
    expect(de).toMatch(/data-consent-gate-decision="functional" data-state="on">Erlaubt</);
    expect(de).toMatch(/data-consent-gate-decision="analytics" data-state="off">Nicht erlaubt</);
    expect(de).toContain('6 Monate');
    expect(de).toContain('Sitzung');
    // English stays as it was
    const plain = renderDeclaration('html', { vendors: [hubspot] });
    expect(plain).toContain('lang="en"');
    expect(plain).toContain('<h2>Cookies and similar technologies</h2>');
    expect(plain).toContain('6 months');
  });

  it('lang is matched by languageFor (de-CH, nb, sr-Cyrl), and a language not shipped is a typed error naming the field', () => {
    for (const tag of ['de-CH', 'nb', 'nn-NO', 'sr-Cyrl', 'sr-Latn', 'PT-br', 'zh-Hans'])
      expect(declarationLanguage(tag), tag).toBe(languageFor(tag));
    expect(declarationLanguage(undefined)).toBe('en');
    expect(renderDeclaration('html', { vendors: [hubspot], lang: 'sr-Cyrl' })).toContain(DECLARATION_TEXTS.sr_cyrl.title);
    expect(() => renderDeclaration('html', { vendors: [hubspot], lang: 'ja' })).toThrow(ConsentGateConfigError);
    expect(() => renderDeclaration('json', { vendors: [hubspot], lang: 'xx' })).toThrow(/declaration lang/);
  });
});

describe('the runtime declaration speaks the page language', () => {
  const gates: { destroy(): void }[] = [];
  afterEach(() => {
    for (const g of gates.splice(0)) g.destroy();
    for (const name of Object.keys(Cookies.get())) Cookies.remove(name, { path: '/' });
    document.documentElement.lang = '';
    document.body.innerHTML = '';
  });

  it('<html lang="de-AT">: gate.declaration("html") is German, and its cells follow decisions in German', () => {
    document.documentElement.lang = 'de-AT';
    const gate = assembleGate({ vendors: { 'hubspot-conversations': { portalId: '1' } } }, testRuntime({ features: [auditFeature] }));
    gates.push(gate);
    const html = (gate.declaration as (f: string) => string)('html');
    expect(html).toContain('lang="de"');
    expect(html).toContain('<h2>Cookies und ähnliche Technologien</h2>');
    document.body.innerHTML = html;
    const cell = () => document.querySelector('[data-consent-gate-decision="functional"]')!;
    expect(cell().textContent).toBe('Noch nicht entschieden (aus)');
    gate.grant('functional');
    expect(cell().textContent).toBe('Erlaubt');
    gate.revoke('functional');
    expect(cell().textContent).toBe('Nicht erlaubt');
  });

  it('config lang wins over <html lang>; an embedded declaration keeps its own language', () => {
    document.documentElement.lang = 'de';
    document.body.innerHTML = renderDeclaration('html', { vendors: [hubspot], lang: 'fr' });
    const gate = assembleGate(
      { vendors: { 'hubspot-conversations': { portalId: '1' } }, lang: 'it' },
      testRuntime({ features: [auditFeature] }),
    );
    gates.push(gate);
    expect((gate.declaration as (f: string) => string)('html')).toContain('lang="it"');
    gate.grant('functional');
    expect(document.querySelector('[data-consent-gate-decision="functional"]')!.textContent).toBe(DECLARATION_TEXTS.fr.allowed);
  });
});
