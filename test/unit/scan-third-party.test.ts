import { describe, expect, it } from 'vitest';
import { evaluateScan, type PhaseObservation } from '../../src/audit/scan';
import { catalog } from '../../vendors/index';

const maps = catalog.find((v) => v.id === 'google-maps')!;
const cookie = (name: string, domain: string) => ({ name, domain, path: '/', expires: -1, httpOnly: false, secure: true, setBy: [] });
const phases = (a: string[], b: string[], c: string[], domain = '.google.com'): PhaseObservation[] => [
  { id: 'before-consent', action: 'load', at: 0, cookies: a.map((n) => cookie(n, domain)), storage: [], requests: [] },
  { id: 'after-accept', action: 'accept', at: 0, cookies: b.map((n) => cookie(n, domain)), storage: [], requests: [] },
  { id: 'after-withdrawal', action: 'withdraw', at: 0, cookies: c.map((n) => cookie(n, domain)), storage: [], requests: [] },
];
const run = (p: PhaseObservation[]) =>
  evaluateScan({ url: 'https://www.shop.test/', startedAt: 's', finishedAt: 'f', phases: p, vendors: [maps], cookieName: 'consent_gate' });

describe("scan verdicts on a vendor's cookies kept on its own domain (thirdParty)", () => {
  it('count as declared, under the vendor and its purpose; the page cannot delete them, so withdrawal does not judge them', () => {
    const r = run(phases([], ['NID'], ['NID']));
    expect(r.phases[1]!.cookies[0]).toMatchObject({
      name: 'NID',
      vendor: 'google-maps',
      purpose: 'functional',
      declared: true,
      thirdParty: true,
    });
    expect(r.violations).toEqual([]);
    expect(r.clean).toBe(true);
  });

  it('are still a violation before consent', () => {
    expect(run(phases(['NID'], ['NID'], [])).violations.map((v) => `${v.kind}:${v.target}`)).toEqual(['cookie-before-consent:NID']);
  });

  it('a cookie no vendor declares stays undeclared', () => {
    expect(run(phases([], ['NIDX'], [])).violations.map((v) => `${v.kind}:${v.target}`)).toEqual(['undeclared-cookie:NIDX']);
  });
});
