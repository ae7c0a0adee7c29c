// @vitest-environment-options { "url": "https://www.shop.test/shop/item" }
import { afterEach, describe, expect, it } from 'vitest';
import {
  cookieDomains,
  cookieNames,
  deleteCookies,
  domainSuffixes,
  pathPrefixes,
  registrableDomain,
  removeStorage,
  storageKeyMatches,
} from '../../src/cleanup/index';

afterEach(() => {
  for (const name of cookieNames()) deleteCookies([name]);
  localStorage.clear();
  sessionStorage.clear();
});

describe('cleanup: where cookies may live', () => {
  it('lists host suffixes with at least two labels, longest first', () => {
    expect(domainSuffixes('a.b.shop.test')).toEqual(['a.b.shop.test', 'b.shop.test', 'shop.test']);
    expect(domainSuffixes('localhost')).toEqual([]);
  });

  it('lists every path prefix of a URL path, with and without the trailing slash', () => {
    expect(pathPrefixes('/shop/item')).toEqual(['/', '/shop', '/shop/', '/shop/item', '/shop/item/']);
    expect(pathPrefixes('/')).toEqual(['/']);
  });

  it('finds the registrable domain by asking the cookie jar (public-suffix aware) and leaves no probe behind', () => {
    expect(registrableDomain()).toBe('shop.test');
    expect(cookieDomains()).toEqual(['www.shop.test', 'shop.test']);
    expect(cookieNames()).toEqual([]);
  });
});

describe('cleanup: deleting', () => {
  it('deletes a cookie from the exact host, the parent domain and a sub-path in one call', () => {
    document.cookie = 'messagesUtk=host; path=/';
    document.cookie = 'messagesUtk=parent; path=/; domain=.shop.test';
    document.cookie = 'messagesUtk=sub; path=/shop';
    document.cookie = 'keep=1; path=/';
    expect(document.cookie.match(/messagesUtk=/g)).toHaveLength(3);
    deleteCookies(['messagesUtk']);
    expect(cookieNames()).toEqual(['keep']);
  });

  it('deletes cookies by name prefix', () => {
    document.cookie = 'intercom-id-abc=1; path=/';
    document.cookie = 'intercom-session-abc=1; path=/; domain=.shop.test';
    document.cookie = 'other=1; path=/';
    deleteCookies([{ name: 'intercom-', match: 'prefix' }]);
    expect(cookieNames()).toEqual(['other']);
  });

  it('removes storage keys by exact key, prefix and suffix, in the right storage only', () => {
    localStorage.setItem('widget_uuid', '1');
    localStorage.setItem('abc.appUserId', '1');
    localStorage.setItem('twk_1', '1');
    localStorage.setItem('keep', '1');
    sessionStorage.setItem('widget_uuid', 'session');
    const removed = removeStorage([
      { key: 'widget_uuid', storage: 'local' },
      { key: 'twk_', match: 'prefix', storage: 'local' },
      { key: '.appUserId', match: 'suffix', storage: 'local' },
    ]);
    expect(removed.sort()).toEqual(['local:abc.appUserId', 'local:twk_1', 'local:widget_uuid']);
    expect(Object.keys(localStorage)).toEqual(['keep']);
    expect(sessionStorage.getItem('widget_uuid')).toBe('session');
    expect(storageKeyMatches('x', { key: 'x' })).toBe(true);
    expect(storageKeyMatches('xy', { key: 'x' })).toBe(false);
  });
});
