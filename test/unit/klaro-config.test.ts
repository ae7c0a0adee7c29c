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
