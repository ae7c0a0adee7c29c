import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config';
import { ConsentGateConfigError } from '../../src/errors';
import { catalog } from '../../vendors/index';

/** A declaration of the site's own services that is right in every field. */
const abTest = {
  title: 'A/B tests',
  provider: 'Shop Ltd',
  purpose: 'analytics',
  privacyPolicyUrl: 'https://www.shop.example/privacy',
  description: 'Which version of a page you see, so we can compare them.',
  hosts: [{ host: 'cdn.abtest.example', path: '/v2/' }],
  cookies: [
    { name: 'ab_', match: 'prefix', lifetime: 2592000, scope: 'parent' },
    { name: 'ab_seen', lifetime: 0, purpose: 'functional', description: 'Whether the visitor saw the notice.' },
  ],
  storage: [{ key: 'ab-variant', storage: 'local' }],
};

function errorOf(service: Record<string, unknown>, id = 'ab-test'): ConsentGateConfigError {
  try {
    resolveConfig({ vendors: { [id]: service } }, catalog);
  } catch (error) {
    expect(error).toBeInstanceOf(ConsentGateConfigError);
    return error as ConsentGateConfigError;
  }
  throw new Error('expected a ConsentGateConfigError');
}

describe("the site's own services, declared in config", () => {
  it("resolve into vendors in the shapes of catalog data: parts take the service's purpose and description unless they give their own", () => {
    const resolved = resolveConfig(
      {
        vendors: {
          'hubspot-conversations': { portalId: '1' },
          'ab-test': abTest,
          cart: {
            title: 'Cart',
            provider: 'Shop Ltd',
            purpose: 'necessary',
            privacyPolicyUrl: '/privacy',
            cookies: [{ name: 'cart', lifetime: 604800 }],
          },
        },
      },
      catalog,
    );
    const ab = resolved.vendors.find((v) => v.id === 'ab-test')!;
    expect(ab).toMatchObject({ declared: true, checked: true, purpose: 'analytics', kind: 'tag', uses: ['analytics', 'functional'] });
    expect(ab.vendor!.cookies).toEqual([
      {
        name: 'ab_',
        match: 'prefix',
        purpose: 'analytics',
        lifetime: 2592000,
        scope: 'parent',
        description: abTest.description,
        source: "declared in the site's consent-gate config",
      },
      {
        name: 'ab_seen',
        purpose: 'functional',
        lifetime: 0,
        description: 'Whether the visitor saw the notice.',
        source: "declared in the site's consent-gate config",
      },
    ]);
    expect(ab.vendor!.hosts[0]).toMatchObject({ host: 'cdn.abtest.example', path: '/v2/', purpose: 'analytics' });
    expect(ab.vendor!.storage[0]).toMatchObject({ key: 'ab-variant', storage: 'local', purpose: 'analytics', lifetime: 0 });
    // a necessary service is declared (for the declaration and the scanner) and never asked for
    expect(resolved.vendors.find((v) => v.id === 'cart')).toMatchObject({ purpose: 'necessary', declared: true });
    expect(resolved.purposes).toEqual(['functional', 'analytics', 'marketing']);
    // the record's cookie may not be a declared cookie either
    expect(() => resolveConfig({ vendors: { 'ab-test': abTest }, cookieName: 'ab_consent' }, catalog)).toThrow(
      /cookieName is "ab_consent"/,
    );
  });

  it('an unknown id that is not a declaration is a mistyped catalog id', () => {
    expect(errorOf({ portalId: '1' }, 'hubspot-chat').message).toMatch(
      /^consent-gate config: vendors\.hubspot-chat is "hubspot-chat"; expected a vendor id from the catalog: .*"hubspot-conversations".*; or a declaration of the site's own service, an object with title, provider, purpose and privacyPolicyUrl$/,
    );
  });

  const rules: [string, Record<string, unknown>, string][] = [
    [
      'an id of lower-case words',
      { ...abTest },
      'consent-gate config: vendors.AB_test is "AB_test"; expected an id of lower-case letters and digits joined by hyphens, such as "ab-test" (at most 64)',
    ],
    [
      'a known key',
      { ...abTest, colour: 'red' },
      'consent-gate config: vendors.ab-test.colour is "red"; expected one of "title", "provider", "purpose", "privacyPolicyUrl", "description", "hosts", "cookies", "storage"',
    ],
    [
      'a title',
      { ...abTest, title: '' },
      'consent-gate config: vendors.ab-test.title is ""; expected a title of 1 to 120 characters, such as "A/B tests"',
    ],
    [
      'a provider',
      { ...abTest, provider: undefined },
      'consent-gate config: vendors.ab-test.provider is missing; expected the company providing it, 1 to 120 characters, such as "Shop Ltd"',
    ],
    [
      'a purpose',
      { ...abTest, purpose: 'statistics' },
      'consent-gate config: vendors.ab-test.purpose is "statistics"; expected one of "necessary", "functional", "analytics", "marketing"',
    ],
    [
      'a privacy policy URL',
      { ...abTest, privacyPolicyUrl: 'javascript:alert(1)' },
      'consent-gate config: vendors.ab-test.privacyPolicyUrl is "javascript:alert(1)"; expected the URL of its privacy policy, starting with https://, http:// or /',
    ],
    [
      'a description',
      { ...abTest, description: 42 },
      'consent-gate config: vendors.ab-test.description is 42; expected a text of 1 to 500 characters',
    ],
    [
      'hosts as an array',
      { ...abTest, hosts: { host: 'x.example' } },
      'consent-gate config: vendors.ab-test.hosts is {"host":"x.example"}; expected an array',
    ],
    [
      'a host entry as an object',
      { ...abTest, hosts: ['cdn.abtest.example'] },
      'consent-gate config: vendors.ab-test.hosts[0] is "cdn.abtest.example"; expected an object',
    ],
    [
      'a host name',
      { ...abTest, hosts: [{ host: 'https://cdn.abtest.example/' }] },
      'consent-gate config: vendors.ab-test.hosts[0].host is "https://cdn.abtest.example/"; expected a host name such as "cdn.example.com", or "*.example.com" for every subdomain',
    ],
    [
      'a path prefix',
      { ...abTest, hosts: [{ host: 'cdn.abtest.example', path: 'v2' }] },
      'consent-gate config: vendors.ab-test.hosts[0].path is "v2"; expected a path prefix starting with "/", such as "/v2/"',
    ],
    [
      'a part purpose',
      { ...abTest, hosts: [{ host: 'cdn.abtest.example', purpose: 'ads' }] },
      'consent-gate config: vendors.ab-test.hosts[0].purpose is "ads"; expected one of "necessary", "functional", "analytics", "marketing"',
    ],
    [
      'a cookie name',
      { ...abTest, cookies: [{ name: 'ab test', lifetime: 0 }] },
      'consent-gate config: vendors.ab-test.cookies[0].name is "ab test"; expected a cookie name (or name prefix) of letters, digits and . : / @ % ~ ! , ; = + - _',
    ],
    [
      'a cookie match',
      { ...abTest, cookies: [{ name: 'ab_', match: 'suffix', lifetime: 0 }] },
      'consent-gate config: vendors.ab-test.cookies[0].match is "suffix"; expected "exact" or "prefix"',
    ],
    [
      'a cookie lifetime',
      { ...abTest, cookies: [abTest.cookies[0], { name: 'ab_x', lifetime: '30 days' }] },
      'consent-gate config: vendors.ab-test.cookies[1].lifetime is "30 days"; expected a lifetime in seconds: a whole number, 0 for a session cookie',
    ],
    [
      'a cookie scope',
      { ...abTest, cookies: [{ name: 'ab_', lifetime: 0, scope: 'site' }] },
      'consent-gate config: vendors.ab-test.cookies[0].scope is "site"; expected "host" (written on the exact host) or "parent" (on the registrable domain)',
    ],
    [
      'a cookie refresh flag',
      { ...abTest, cookies: [{ name: 'ab_', lifetime: 0, refresh: 'yes' }] },
      'consent-gate config: vendors.ab-test.cookies[0].refresh is "yes"; expected true or false',
    ],
    [
      'a storage key',
      { ...abTest, storage: [{ key: '', storage: 'local' }] },
      'consent-gate config: vendors.ab-test.storage[0].key is ""; expected a storage key (or key prefix or suffix) of letters, digits and . : / @ % ~ ! , ; = + - _',
    ],
    [
      'a storage kind',
      { ...abTest, storage: [{ key: 'ab', storage: 'indexedDB' }] },
      'consent-gate config: vendors.ab-test.storage[0].storage is "indexedDB"; expected "local" (localStorage) or "session" (sessionStorage)',
    ],
    [
      'a storage lifetime',
      { ...abTest, storage: [{ key: 'ab', storage: 'local', lifetime: -1 }] },
      'consent-gate config: vendors.ab-test.storage[0].lifetime is -1; expected a lifetime in seconds: a whole number, 0 for until removed',
    ],
    [
      'a host no catalog vendor uses for another purpose',
      { ...abTest, hosts: [{ host: 'js.usemessages.com' }] },
      'consent-gate config: vendors.ab-test.hosts[0].host is "js.usemessages.com"; expected a host no catalog vendor uses for another purpose (the catalog\'s hubspot-conversations uses it for functional, this declaration for analytics)',
    ],
    [
      'a cookie no catalog vendor uses for another purpose',
      { ...abTest, cookies: [{ name: 'messagesUtk', lifetime: 0 }] },
      'consent-gate config: vendors.ab-test.cookies[0].name is "messagesUtk"; expected a cookie no catalog vendor uses for another purpose (the catalog\'s hubspot-conversations uses it for functional, this declaration for analytics)',
    ],
  ];
  for (const [rule, service, message] of rules) {
    it(`names the exact path when it lacks ${rule}`, () => {
      const id = rule === 'an id of lower-case words' ? 'AB_test' : 'ab-test';
      expect(errorOf(service, id).message).toBe(message);
    });
  }

  it('a declaration may claim a catalog host or cookie under the same purpose', () => {
    expect(() =>
      resolveConfig(
        {
          vendors: {
            'own-chat-proxy': {
              ...abTest,
              purpose: 'functional',
              hosts: [{ host: 'js.usemessages.com' }],
              cookies: [{ name: 'messagesUtk', lifetime: 0 }],
            },
          },
        },
        catalog,
      ),
    ).not.toThrow();
  });
});
