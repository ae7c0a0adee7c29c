import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config';
import { catalog } from '../../vendors/index';
import { changeFromKlaro, klaroConfig, klaroConsents } from '../../src/ui/klaro-config';

const config = resolveConfig({ vendors: { 'hubspot-conversations': { portalId: '1' } }, banner: { acceptAll: 'Yes to all', privacyPolicyUrl: '/privacy' } }, catalog);

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
    const decisions = { decided: true, purposes: { necessary: true, functional: true, analytics: false, marketing: false }, overrides: {}, vendors: {}, decidedAt: 1, id: 'x', policyVersion: '1' };
    expect(klaroConsents(config, decisions)).toEqual({ functional: true, analytics: false, marketing: false });
    expect(changeFromKlaro(config, {}, 'accept')).toEqual({ purposes: { functional: true, analytics: true, marketing: true }, reset: true });
    expect(changeFromKlaro(config, { functional: true }, 'decline')).toEqual({ purposes: { functional: false, analytics: false, marketing: false }, reset: true });
    expect(changeFromKlaro(config, { functional: true, analytics: 'yes' }, 'save')).toEqual({ purposes: { functional: true, analytics: false, marketing: false }, reset: false });
  });
});

describe('the first layer informs (purposes, providers, privacy policy) in the page language', () => {
  it('names each purpose in use with the providers behind it, and links the policy when the site has one', async () => {
    const { noticeText } = await import('../../src/ui/klaro-config');
    const text = noticeText(config, (await import('../../src/ui/lang/en')).default, 'en');
    expect(text).toMatch(/^We would like to use these optional services: Functional \(HubSpot Conversations\)/);
    for (const p of config.purposes) expect(text).toContain({ functional: 'Functional', analytics: 'Analytics', marketing: 'Marketing' }[p]);
    expect(text).toContain('To learn more, please read our {privacyPolicy}.');
    const noPolicy = resolveConfig({ vendors: { 'hubspot-conversations': { portalId: '1' } } }, catalog);
    expect(noticeText(noPolicy, (await import('../../src/ui/lang/en')).default, 'en')).not.toContain('{privacyPolicy}');
  });

  it('speaks the language it is given, and the site’s own texts win', async () => {
    const de = (await import('../../src/ui/lang/de')).default;
    const k = klaroConfig(config, de, { lang: 'de' });
    const t = k.translations.de as any;
    expect(k.lang).toBe('de');
    expect(t.ok).toBe('Yes to all');
    expect(t.decline).toBe('Alle ablehnen');
    expect(t.consentNotice.description).toMatch(/^Wir möchten diese optionalen Dienste nutzen: Funktional \(HubSpot Conversations\)/);
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
