import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config';
import { ConsentGateConfigError } from '../../src/errors';
import { catalog } from '../../vendors/index';

const ok = { vendors: { 'hubspot-conversations': { portalId: '1234567' } } };

function errorOf(input: unknown): ConsentGateConfigError {
  try {
    resolveConfig(input, catalog);
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentGateConfigError);
    return error as ConsentGateConfigError;
  }
  throw new Error('expected a ConsentGateConfigError');
}

describe('config validation', () => {
  it('resolves a good config with defaults', () => {
    const config = resolveConfig(ok, catalog);
    expect(config.cookieName).toBe('consent_gate');
    expect(config.policyVersion).toBe('1');
    expect(config.lifetimeDays).toBe(180);
    expect(config.purposes).toEqual(['functional', 'analytics', 'marketing']);
    expect(config.vendors[0]!.vendor.id).toBe('hubspot-conversations');
  });

  it('caps the record lifetime at 13 months', () => {
    expect(resolveConfig({ ...ok, cookieLifetimeDays: 1000 }, catalog).lifetimeDays).toBe(395);
    expect(resolveConfig({ ...ok, cookieLifetimeDays: 30 }, catalog).lifetimeDays).toBe(30);
  });

  it('names an unknown vendor and lists the catalog', () => {
    const e = errorOf({ vendors: { 'hubspot-chat': { portalId: '1' } } });
    expect(e.path).toBe('vendors.hubspot-chat');
    expect(e.message).toMatch(/^consent-gate config: vendors\.hubspot-chat is "hubspot-chat"; expected a vendor id from the catalog: .*"hubspot-conversations"/);
  });

  it('names an unknown purpose by its index', () => {
    const e = errorOf({ ...ok, purposes: ['functional', 'advertising'] });
    expect(e.message).toBe('consent-gate config: purposes[1] is "advertising"; expected one of "functional", "analytics", "marketing"');
  });

  it('names a missing required vendor option', () => {
    const e = errorOf({ vendors: { 'hubspot-conversations': {} } });
    expect(e.path).toBe('vendors.hubspot-conversations.portalId');
    expect(e.message).toBe('consent-gate config: vendors.hubspot-conversations.portalId is missing; expected your HubSpot account id as a string of digits, e.g. "1234567"');
  });

  it('names a vendor option of the wrong type or form', () => {
    expect(errorOf({ vendors: { 'hubspot-conversations': { portalId: 1234567 } } }).message).toBe(
      'consent-gate config: vendors.hubspot-conversations.portalId is 1234567; expected your HubSpot account id as a string of digits, e.g. "1234567"',
    );
    expect(errorOf({ vendors: { 'hubspot-conversations': { portalId: '1234567', region: 'us2' } } }).message).toBe(
      'consent-gate config: vendors.hubspot-conversations.region is "us2"; expected one of "na1", "eu1"',
    );
  });

  it('names an unknown vendor option', () => {
    const e = errorOf({ vendors: { 'hubspot-conversations': { portalId: '1', portalID: '1' } } });
    expect(e.path).toBe('vendors.hubspot-conversations.portalID');
    expect(e.message).toMatch(/^consent-gate config: vendors\.hubspot-conversations\.portalID is "1"; expected one of this vendor's options: "portalId", /);
  });

  it('names wrong top-level types', () => {
    expect(errorOf(undefined).message).toBe('consent-gate config: config is missing; expected an object such as { vendors: { ... } }');
    expect(errorOf({}).path).toBe('vendors');
    expect(errorOf({ vendors: [] }).message).toMatch(/^consent-gate config: vendors is \[\]; expected an object mapping vendor ids/);
    expect(errorOf({ ...ok, policyVersion: 3 }).message).toBe('consent-gate config: policyVersion is 3; expected a string of 1 to 64 characters without quotes, backslashes or control characters');
    // the record's cookie is never a vendor's (the head guard lets it through because no vendor rule matches it)
    expect(errorOf({ ...ok, cookieName: 'messagesUtk' }).message).toContain('cookieName');
    expect(errorOf({ ...ok, cookieName: '__hstc' }).message).toContain("not a vendor's cookie");
    // the record stores it as a JSON string without escapes
    expect(errorOf({ ...ok, policyVersion: 'v"2' }).message).toBe('consent-gate config: policyVersion is "v\\"2"; expected a string of 1 to 64 characters without quotes, backslashes or control characters');
    expect(errorOf({ ...ok, policyVersion: '' }).message).toContain('policyVersion');
    expect(resolveConfig({ ...ok, policyVersion: '2026-11 (é)' }, catalog).policyVersion).toBe('2026-11 (é)');
    expect(errorOf({ ...ok, cookieName: 'consent gate' }).message).toBe('consent-gate config: cookieName is "consent gate"; expected a cookie name of letters, digits, "_" or "-" (at most 64), not a vendor\'s cookie');
    expect(errorOf({ ...ok, cookieLifetimeDays: '30' }).message).toBe('consent-gate config: cookieLifetimeDays is "30"; expected a number of days greater than 0 (at most 395 are kept)');
    expect(errorOf({ ...ok, cookieDomain: 'shop test' }).path).toBe('cookieDomain');
    expect(errorOf({ ...ok, banner: { acceptAll: 5 } }).message).toBe('consent-gate config: banner.acceptAll is 5; expected a string');
    expect(errorOf({ ...ok, vendor: {} }).path).toBe('vendor');
    expect(errorOf({ vendors: { 'hubspot-conversations': 'yes' } }).message).toBe(
      'consent-gate config: vendors.hubspot-conversations is "yes"; expected an object of vendor options (or true when the vendor needs none)',
    );
  });
});
