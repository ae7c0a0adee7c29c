import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config';
import { catalog } from '../../vendors/index';
import { changeFromKlaro, klaroConfig, klaroConsents } from '../../src/ui/klaro-config';

const config = resolveConfig(
  { vendors: { 'hubspot-conversations': { portalId: '1' } }, banner: { acceptAll: 'Yes to all', privacyPolicyUrl: '/privacy' } },
  catalog,
);

describe('Klaro config generated from the catalog', () => {
  const k = klaroConfig(config);

  it('offers one service per purpose, all off by default, and no global default', () => {
    expect(k.services.map((s) => s.name)).toEqual(['functional', 'analytics', 'marketing']);
    for (const s of k.services) {
      expect(s.default).toBe(false);
      expect(s.required).toBe(false);
    }
    expect(k.default).toBe(false);
    expect(k.services[0]!.description).toContain('HubSpot Conversations');
  });

  it('keeps nothing in Klaro storage and carries no string hooks', () => {
    expect(k.storageMethod).toBe('test');
    const strings: string[] = [];
    JSON.stringify(k, (key, value) => {
      if (['onInit', 'onAccept', 'onDecline', 'callback'].includes(key)) strings.push(key);
      return value;
    });
    expect(strings).toEqual([]);
  });

  it('puts "Accept all" and "Reject all" on the first layer, with the site texts', () => {
    expect(k.acceptAll).toBe(true);
    expect(k.hideDeclineAll).toBe(false);
    const t = k.translations.en as Record<string, unknown>;
    expect(t.ok).toBe('Yes to all');
    expect(t.decline).toBe('Reject all');
    expect(t.privacyPolicyUrl).toBe('/privacy');
  });

  it('maps decisions both ways', () => {
    const decisions = {
      decided: true,
      purposes: { necessary: true, functional: true, analytics: false, marketing: false },
      overrides: {},
      vendors: {},
      decidedAt: 1,
      id: 'x',
      policyVersion: '1',
    };
    expect(klaroConsents(config, decisions)).toEqual({ functional: true, analytics: false, marketing: false });
    expect(changeFromKlaro(config, {}, 'accept')).toEqual({
      purposes: { functional: true, analytics: true, marketing: true },
      reset: true,
    });
    expect(changeFromKlaro(config, { functional: true }, 'decline')).toEqual({
      purposes: { functional: false, analytics: false, marketing: false },
      reset: true,
    });
    expect(changeFromKlaro(config, { functional: true, analytics: 'yes' }, 'save')).toEqual({
      purposes: { functional: true, analytics: false, marketing: false },
      reset: false,
    });
  });
});

describe('the first layer informs (purposes, providers, privacy policy) in the page language', () => {
  it('names each purpose in use with the providers behind it, and links the policy when the site has one', async () => {
    const { noticeParts } = await import('../../src/ui/klaro-config');
    const en = (await import('../../src/ui/lang/en')).default;
    const parts = noticeParts(config, en);
    expect(parts.intro).toBe('We would like to use these optional services:');
    expect(parts.purposes).toHaveLength(config.purposes.length);
    expect(parts.purposes[0]).toBe('Functional (HubSpot Conversations)');
    expect(parts.description).toBe(en.description);
    expect(parts.policy).toEqual(['To learn more, please read our ', '.']);
    const noPolicy = resolveConfig(
      { vendors: { 'hubspot-conversations': { portalId: '1' } }, banner: { description: 'Our words.' } },
      catalog,
    );
    expect(noticeParts(noPolicy, en).policy).toBeNull();
    expect(noticeParts(noPolicy, en).description).toBe('Our words.');
  });

  it('every language introduces the purposes with a sentence that ends in the list, and has one link in its policy sentence', async () => {
    const { noticeParts } = await import('../../src/ui/klaro-config');
    const { LOADERS } = await import('../../src/ui/lang/index');
    for (const load of Object.values(LOADERS)) {
      const texts = (await load()).default;
      const parts = noticeParts(config, texts);
      expect(parts.intro, texts.services).not.toMatch(/[{}]/);
      expect(parts.intro.length, texts.services).toBeGreaterThan(5);
      expect(texts.policyText.split('{privacyPolicy}'), texts.policyText).toHaveLength(2);
    }
  });

  it('speaks the language it is given, and the site’s own texts win', async () => {
    const de = (await import('../../src/ui/lang/de')).default;
    const k = klaroConfig(config, de, { lang: 'de' });
    const t = k.translations.de as any;
    expect(k.lang).toBe('de');
    expect(t.ok).toBe('Yes to all');
    expect(t.decline).toBe('Alle ablehnen');
    expect(t.consentNotice.description).toBe(de.description);
    expect(k.services.find((s) => s.name === 'functional')!.description).toContain('Genutzt von: HubSpot Conversations.');
  });

  it('shows "Opt-out preference signal honored" on marketing only when GPC applied, translated', async () => {
    const de = (await import('../../src/ui/lang/de')).default;
    const marketing = (c: ReturnType<typeof klaroConfig>) => c.services.find((s) => s.name === 'marketing');
    expect(marketing(klaroConfig(config))!.note).toBeUndefined();
    expect(marketing(klaroConfig(config, undefined, { gpcApplied: true }))!.note).toBe('Opt-out preference signal honored');
    expect(marketing(klaroConfig(config, de, { lang: 'de', gpcApplied: true }))!.note).toBe('Opt-out-Präferenzsignal berücksichtigt');
    expect(klaroConfig(config, de, { lang: 'de', gpcApplied: true }).services.filter((s) => s.note)).toHaveLength(1);
  });
});
