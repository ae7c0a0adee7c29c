import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config';
import { ConsentGateConfigError } from '../../src/errors';
import { catalog } from '../../vendors/index';
import { signalCatalog } from '../fixtures/guard/signal-catalog';
import type { Vendor } from '../../src/types';

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
    expect(config.vendors[0]!.vendor?.id).toBe('hubspot-conversations');
  });

  it('caps the record lifetime at 13 months', () => {
    expect(resolveConfig({ ...ok, cookieLifetimeDays: 1000 }, catalog).lifetimeDays).toBe(395);
    expect(resolveConfig({ ...ok, cookieLifetimeDays: 30 }, catalog).lifetimeDays).toBe(30);
  });

  it('names an unknown vendor and lists the catalog', () => {
    const e = errorOf({ vendors: { 'hubspot-chat': { portalId: '1' } } });
    expect(e.path).toBe('vendors.hubspot-chat');
    expect(e.message).toMatch(
      /^consent-gate config: vendors\.hubspot-chat is "hubspot-chat"; expected a vendor id from the catalog: .*"hubspot-conversations"/,
    );
  });

  it('names an unknown purpose by its index', () => {
    const e = errorOf({ ...ok, purposes: ['functional', 'advertising'] });
    expect(e.message).toBe('consent-gate config: purposes[1] is "advertising"; expected one of "functional", "analytics", "marketing"');
  });

  it('names a missing required vendor option', () => {
    const e = errorOf({ vendors: { 'hubspot-conversations': {} } });
    expect(e.path).toBe('vendors.hubspot-conversations.portalId');
    expect(e.message).toBe(
      'consent-gate config: vendors.hubspot-conversations.portalId is missing; expected your HubSpot account id as a string of digits, e.g. "1234567"',
    );
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
    expect(e.message).toMatch(
      /^consent-gate config: vendors\.hubspot-conversations\.portalID is "1"; expected one of this vendor's options: "portalId", /,
    );
  });

  it('names wrong top-level types', () => {
    expect(errorOf(undefined).message).toBe('consent-gate config: config is missing; expected an object such as { vendors: { ... } }');
    expect(errorOf({}).path).toBe('vendors');
    expect(errorOf({ vendors: [] }).message).toMatch(/^consent-gate config: vendors is \[\]; expected an object mapping vendor ids/);
    expect(errorOf({ ...ok, policyVersion: 3 }).message).toBe(
      'consent-gate config: policyVersion is 3; expected a string of 1 to 64 characters without quotes, backslashes or control characters',
    );
    // the record's cookie is never a vendor's (the head guard lets it through because no vendor rule matches it)
    expect(errorOf({ ...ok, cookieName: 'messagesUtk' }).message).toContain('cookieName');
    expect(errorOf({ ...ok, cookieName: '__hstc' }).message).toContain("not a vendor's cookie");
    // the record stores it as a JSON string without escapes
    expect(errorOf({ ...ok, policyVersion: 'v"2' }).message).toBe(
      'consent-gate config: policyVersion is "v\\"2"; expected a string of 1 to 64 characters without quotes, backslashes or control characters',
    );
    expect(errorOf({ ...ok, policyVersion: '' }).message).toContain('policyVersion');
    expect(resolveConfig({ ...ok, policyVersion: '2026-11 (é)' }, catalog).policyVersion).toBe('2026-11 (é)');
    expect(errorOf({ ...ok, cookieName: 'consent gate' }).message).toBe(
      'consent-gate config: cookieName is "consent gate"; expected a cookie name of letters, digits, "_" or "-" (at most 64), not a vendor\'s cookie',
    );
    expect(errorOf({ ...ok, cookieLifetimeDays: '30' }).message).toBe(
      'consent-gate config: cookieLifetimeDays is "30"; expected a number of days greater than 0 (at most 395 are kept)',
    );
    expect(errorOf({ ...ok, cookieDomain: 'shop test' }).path).toBe('cookieDomain');
    expect(errorOf({ ...ok, banner: { acceptAll: 5 } }).message).toBe('consent-gate config: banner.acceptAll is 5; expected a string');
    expect(errorOf({ ...ok, vendor: {} }).path).toBe('vendor');
    expect(errorOf({ vendors: { 'hubspot-conversations': 'yes' } }).message).toBe(
      'consent-gate config: vendors.hubspot-conversations is "yes"; expected an object of vendor options (or true when the vendor needs none)',
    );
  });

  it('gpc: opt-out by default; one of its three', () => {
    expect(resolveConfig(ok, catalog).gpc).toBe('opt-out');
    expect(resolveConfig({ ...ok, gpc: 'reject-all' }, catalog).gpc).toBe('reject-all');
    expect(errorOf({ ...ok, gpc: 'opt_out' }).message).toBe(
      'consent-gate config: gpc is "opt_out"; expected one of "opt-out", "reject-all", "ignore": what the Global Privacy Control signal refuses (marketing, every optional purpose, nothing)',
    );
  });
});

describe('config validation: consentMode (Google Consent Mode)', () => {
  it('resolves every setting', () => {
    const consentMode = {
      types: { security_storage: 'granted', ad_user_data: 'denied', analytics_storage: 'functional' },
      region: ['ES', 'US-CA'],
      waitForUpdate: 500,
      adsDataRedaction: true,
      urlPassthrough: false,
    };
    expect(resolveConfig({ ...ok, consentMode }, catalog).consentMode).toEqual(consentMode);
    expect(resolveConfig(ok, catalog).consentMode).toBeUndefined();
  });

  it('is an object', () => {
    expect(errorOf({ ...ok, consentMode: true }).message).toBe(
      'consent-gate config: consentMode is true; expected an object with any of "types", "region", "waitForUpdate", "adsDataRedaction", "urlPassthrough"',
    );
  });

  it('has no other keys', () => {
    expect(errorOf({ ...ok, consentMode: { wait_for_update: 500 } }).message).toBe(
      'consent-gate config: consentMode.wait_for_update is 500; expected one of "types", "region", "waitForUpdate", "adsDataRedaction", "urlPassthrough"',
    );
  });

  it('types is an object', () => {
    expect(errorOf({ ...ok, consentMode: { types: ['ad_storage'] } }).message).toBe(
      'consent-gate config: consentMode.types is ["ad_storage"]; expected an object mapping consent types to a purpose, "granted" or "denied", e.g. { "security_storage": "granted" }',
    );
  });

  it("types names Google's consent types only", () => {
    expect(errorOf({ ...ok, consentMode: { types: { ads_storage: 'marketing' } } }).message).toBe(
      'consent-gate config: consentMode.types.ads_storage is "marketing"; expected one of Google\'s consent types "ad_storage", "ad_user_data", "ad_personalization", "analytics_storage", "functionality_storage", "personalization_storage", "security_storage"',
    );
  });

  it('types maps to an optional purpose, granted or denied', () => {
    expect(errorOf({ ...ok, consentMode: { types: { ad_storage: 'advertising' } } }).message).toBe(
      'consent-gate config: consentMode.types.ad_storage is "advertising"; expected one of "functional", "analytics", "marketing", "granted", "denied"',
    );
    expect(errorOf({ ...ok, consentMode: { types: { security_storage: 'necessary' } } }).path).toBe('consentMode.types.security_storage');
  });

  it('region is a non-empty array', () => {
    expect(errorOf({ ...ok, consentMode: { region: 'ES' } }).message).toBe(
      'consent-gate config: consentMode.region is "ES"; expected a non-empty array of ISO 3166-2 region codes, e.g. ["ES", "US-CA"]',
    );
    expect(errorOf({ ...ok, consentMode: { region: [] } }).path).toBe('consentMode.region');
  });

  it('region holds ISO 3166-2 codes in capitals', () => {
    expect(errorOf({ ...ok, consentMode: { region: ['ES', 'us-ca'] } }).message).toBe(
      'consent-gate config: consentMode.region[1] is "us-ca"; expected an ISO 3166-2 country or subdivision code in capitals, e.g. "ES" or "US-CA"',
    );
  });

  it('waitForUpdate is whole milliseconds from 0 to 60000', () => {
    for (const value of [-1, 1.5, '500', 60_001]) {
      expect(errorOf({ ...ok, consentMode: { waitForUpdate: value } }).message).toBe(
        `consent-gate config: consentMode.waitForUpdate is ${JSON.stringify(value)}; expected a whole number of milliseconds from 0 to 60000, e.g. 500`,
      );
    }
  });

  it('adsDataRedaction and urlPassthrough are booleans', () => {
    expect(errorOf({ ...ok, consentMode: { adsDataRedaction: 'true' } }).message).toBe(
      'consent-gate config: consentMode.adsDataRedaction is "true"; expected true or false',
    );
    expect(errorOf({ ...ok, consentMode: { urlPassthrough: 1 } }).message).toBe(
      'consent-gate config: consentMode.urlPassthrough is 1; expected true or false',
    );
  });

  it("a vendor's consentMode option (a tag with a phased signal) is basic or advanced", () => {
    expect(
      resolveConfig({ vendors: { 'google-tag': { consentMode: 'advanced' } } }, signalCatalog as unknown as Vendor[]).vendors[0]!.options,
    ).toEqual({
      consentMode: 'advanced',
    });
    expect(() => resolveConfig({ vendors: { 'google-tag': { consentMode: 'full' } } }, signalCatalog as unknown as Vendor[])).toThrow(
      'consent-gate config: vendors.google-tag.consentMode is "full"; expected "basic" (held back until granted) or "advanced" (loads with denied defaults and sends cookieless pings; its cookies wait for consent)',
    );
  });
});
