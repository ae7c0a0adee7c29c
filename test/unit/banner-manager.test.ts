import { describe, expect, it } from 'vitest';
import { BannerManager } from '../../src/ui/manager';

describe('the banner state Klaro’s components use', () => {
  it('tells watchers about changes and hands a save to consent-gate', () => {
    const saved: unknown[] = [];
    const m = new BannerManager((consents, type) => saved.push([consents, type]));
    const seen: string[] = [];
    const watcher = { update: (_m: unknown, name: string) => seen.push(name) };
    m.watch(watcher);
    m.seed({ functional: false, marketing: true }, false);
    expect(m.updateConsent('functional', true)).toBe(true);
    expect(m.updateConsent('functional', true)).toBe(false);
    expect(m.changeAll(false)).toBe(2);
    m.saveAndApplyConsents('save');
    expect(saved).toEqual([[{ functional: false, marketing: false }, 'save']]);
    expect(m.confirmed).toBe(true);
    expect(seen).toEqual(['consents', 'consents', 'consents', 'consents', 'consents', 'applyConsents']);
    m.unwatch(watcher);
    m.updateConsent('marketing', true);
    expect(seen).toHaveLength(6);
  });
});
