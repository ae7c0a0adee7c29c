import { afterEach, describe, expect, it, vi } from 'vitest';
import Cookies from 'js-cookie';
import { assembleGate } from '../../src/create';
import { testRuntime } from './runtime-kit';
import type { GuardBridge } from '../../src/types';
import type { ChangeEvent } from '../../src/types';

const config = { vendors: { 'hubspot-conversations': { portalId: '1234567' } }, policyVersion: '3' };
const gates: { destroy(): void }[] = [];
function make(extra: Partial<Parameters<typeof assembleGate>[1]> = {}) {
  const gate = assembleGate(config, testRuntime(extra));
  gates.push(gate);
  return gate;
}
afterEach(() => {
  for (const g of gates.splice(0)) g.destroy();
  for (const name of Object.keys(Cookies.get())) Cookies.remove(name, { path: '/' });
});

describe('public gate API', () => {
  it('starts undecided with everything optional refused', () => {
    const gate = make();
    const d = gate.decisions();
    expect(d.decided).toBe(false);
    expect(d.purposes).toEqual({ necessary: true, functional: false, analytics: false, marketing: false });
    expect(gate.isAllowed('hubspot-conversations')).toBe(false);
    expect(gate.isAllowed('necessary')).toBe(true);
  });

  it('grant and revoke record the decision and fire change with what changed', () => {
    const gate = make();
    const events: ChangeEvent[] = [];
    gate.on('change', (e) => events.push(e));
    gate.grant('functional');
    expect(gate.isAllowed('functional')).toBe(true);
    expect(gate.isAllowed('hubspot-conversations')).toBe(true);
    expect(events[0]).toMatchObject({ granted: ['functional', 'hubspot-conversations'], revoked: [], source: 'api' });
    expect(Cookies.get('consent_gate')).toBeTruthy();
    gate.revoke('hubspot-conversations');
    expect(gate.isAllowed('functional')).toBe(true);
    expect(gate.isAllowed('hubspot-conversations')).toBe(false);
    expect(events[1]).toMatchObject({ granted: [], revoked: ['hubspot-conversations'] });
    expect(gate.decisions().overrides).toEqual({ 'hubspot-conversations': false });
  });

  it('a second gate (a reload) reads the decision back', () => {
    make().grant('analytics');
    const again = make();
    expect(again.decisions().decided).toBe(true);
    expect(again.isAllowed('analytics')).toBe(true);
    expect(again.isAllowed('functional')).toBe(false);
  });

  it('off() stops a listener; a throwing listener does not stop the others', () => {
    vi.useFakeTimers();
    try {
      const gate = make();
      const seen: string[] = [];
      const fn = () => seen.push('a');
      gate.on('change', () => {
        throw new Error('listener bug');
      });
      gate.on('change', fn);
      gate.grant('marketing');
      gate.off('change', fn);
      gate.revoke('marketing');
      expect(seen).toEqual(['a']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('emits revoked per vendor with the purposes it lost', () => {
    const gate = make();
    gate.grant('functional', 'analytics');
    const revoked: unknown[] = [];
    gate.on('revoked', (e) => revoked.push(e));
    gate.revoke('analytics');
    expect(revoked).toEqual([{ vendor: 'hubspot-conversations', purposes: ['analytics'] }]);
  });

  it('names a bad id in grant/revoke', () => {
    const gate = make();
    expect(() => gate.grant('functional', 'ads')).toThrow(
      'consent-gate config: grant() argument 2 is "ads"; expected a purpose (functional, analytics, marketing) or a configured vendor id (hubspot-conversations)',
    );
    expect(gate.decisions().decided).toBe(false);
  });

  it('tells the guard on start and before change listeners run', () => {
    const calls: string[] = [];
    const guard: GuardBridge = {
      update: (allows) => calls.push(`update:${allows('hubspot-conversations', 'functional')}`),
      blocked: () => [
        { time: 1, kind: 'script', target: 'https://js.usemessages.com/x.js', vendor: 'hubspot-conversations', purpose: 'functional' },
      ],
      onBlocked: () => undefined,
    };
    const gate = make({ guard });
    gate.on('change', () => calls.push('change'));
    gate.grant('functional');
    expect(calls).toEqual(['update:false', 'update:true', 'change']);
    expect(gate.blocked()).toHaveLength(1);
  });

  it('throws ConsentGateConfigError for a broken config', () => {
    expect(() => assembleGate({ vendors: { 'hubspot-conversations': {} } }, testRuntime({ autoShow: true }))).toThrow(
      /portalId is missing/,
    );
  });
});
