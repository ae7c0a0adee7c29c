/**
 * Global Privacy Control in the runtime (src/consent/gate.ts): what the
 * signal refuses in each `gpc` mode, that seeing it writes no record, and
 * that a choice made while it is on is recorded as such (`g`) and stands.
 * The browser decides nothing here: the signal is the page's
 * `navigator.globalPrivacyControl`, set by each test.
 */
import Cookies from 'js-cookie';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleGate } from '../../src/create';
import { decodeRecord, encodeRecord, gpcRefuses, gpcSignal, recordAllows } from '../../src/consent/codec';
import { makeRecord } from '../../src/consent/record';
import { testRuntime } from './runtime-kit';

const V = 'hubspot-conversations';
const config = (gpc?: string) => ({ vendors: { [V]: { portalId: '1234567' } }, ...(gpc ? { gpc } : {}) });
const gates: { destroy(): void }[] = [];
function make(gpc?: string) {
  const gate = assembleGate(config(gpc) as never, testRuntime());
  gates.push(gate);
  return gate;
}
function signal(on: unknown) {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: on, configurable: true });
}
const acceptedAll = () =>
  Cookies.set('consent_gate', encodeRecord(makeRecord('1', { functional: true, analytics: true, marketing: true }, {})), { path: '/' });
afterEach(() => {
  for (const g of gates.splice(0)) g.destroy();
  for (const name of Object.keys(Cookies.get())) Cookies.remove(name, { path: '/' });
  delete (navigator as unknown as Record<string, unknown>).globalPrivacyControl;
});

describe('GPC: the one reading (codec)', () => {
  it('the signal is true (or 1, "1"); the modes refuse marketing, every optional purpose, or nothing', () => {
    expect([true, 1, '1', false, undefined, 'true', 0].map((v) => gpcSignal({ globalPrivacyControl: v }))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(gpcSignal(undefined)).toBe(false);
    expect(gpcRefuses(true)).toEqual(['marketing']);
    expect(gpcRefuses(true, 'opt-out')).toEqual(['marketing']);
    expect(gpcRefuses(true, 'reject-all')).toEqual(['functional', 'analytics', 'marketing']);
    expect(gpcRefuses(true, 'ignore')).toEqual([]);
    expect(gpcRefuses(false, 'reject-all')).toEqual([]);
  });

  it('records keep their shape: `g` is optional and trailing; a record without it stays valid', () => {
    const old = makeRecord('1', { functional: true, analytics: true, marketing: true }, { [V]: true });
    const flagged = makeRecord('1', { functional: true, analytics: true, marketing: true }, {}, undefined, undefined, true);
    expect(encodeRecord(flagged)).toMatch(/,"g":1\}$/);
    expect(decodeRecord(encodeRecord(old))).toEqual(old);
    expect(decodeRecord(encodeRecord(flagged))).toEqual(flagged);
    expect(recordAllows(old, V, 'marketing', ['marketing'])).toBe(false);
    expect(recordAllows(old, V, 'analytics', ['marketing'])).toBe(true);
    expect(recordAllows(flagged, V, 'marketing', ['marketing'])).toBe(true);
  });
});

describe('GPC: the runtime', () => {
  it('opt-out (default): an earlier accept-all loses marketing while the signal is on; decisions say so; no record is written', () => {
    acceptedAll();
    const before = Cookies.get('consent_gate');
    signal(true);
    const gate = make();
    expect(gate.isAllowed('marketing')).toBe(false);
    expect(gate.isAllowed('analytics')).toBe(true);
    expect(gate.decisions().gpc).toEqual({ signal: true, applied: true });
    expect(gate.decisions().purposes.marketing).toBe(false);
    expect(Cookies.get('consent_gate')).toBe(before);
  });

  it('reject-all refuses every optional purpose; ignore refuses nothing', () => {
    acceptedAll();
    signal(true);
    expect(['functional', 'analytics', 'marketing'].map((p) => make('reject-all').isAllowed(p))).toEqual([false, false, false]);
    expect(['functional', 'analytics', 'marketing'].map((p) => make('ignore').isAllowed(p))).toEqual([true, true, true]);
    expect(make('ignore').decisions().gpc).toEqual({ signal: true, applied: false });
  });

  it('without the signal nothing changes, and nothing is flagged', () => {
    acceptedAll();
    const gate = make('reject-all');
    expect(gate.isAllowed('marketing')).toBe(true);
    expect(gate.decisions().gpc).toEqual({ signal: false, applied: false });
    gate.grant('analytics');
    expect(decodeRecord(Cookies.get('consent_gate'))!.g).toBeUndefined();
  });

  it('no visitor is asked again without the signal: a first visit with it writes nothing', () => {
    signal(true);
    const gate = make();
    expect(gate.decisions().decided).toBe(false);
    expect(Cookies.get('consent_gate')).toBeUndefined();
  });

  it("opting back in: grant('marketing') while the signal is on is recorded with `g` and stands on the next page", () => {
    acceptedAll();
    signal(true);
    make().grant('marketing');
    const stored = decodeRecord(Cookies.get('consent_gate'));
    expect(stored).toMatchObject({ g: 1, d: { functional: true, analytics: true, marketing: true } });
    const next = make();
    expect(next.isAllowed('marketing')).toBe(true);
    expect(next.decisions().gpc).toEqual({ signal: true, applied: false });
  });

  it('another choice while the signal is on does not grant what the signal refused: marketing stays off unless chosen', () => {
    acceptedAll();
    Cookies.set('consent_gate', encodeRecord(makeRecord('1', { functional: true, analytics: true, marketing: true }, { [V]: true })), {
      path: '/',
    });
    signal(true);
    make().revoke('analytics');
    const stored = decodeRecord(Cookies.get('consent_gate'))!;
    expect(stored.g).toBe(1);
    expect(stored.d).toEqual({ functional: true, analytics: false, marketing: false });
    // the vendor allowed before uses marketing (its marketing hosts): its override is not carried into the new choice
    expect(stored.o).toEqual({});
    const next = make();
    expect(next.isAllowed('marketing')).toBe(false);
    expect(next.isAllowed('functional')).toBe(true);
  });
});
