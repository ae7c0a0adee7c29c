import { describe, expect, it } from 'vitest';
import { catalog } from '../../vendors/index';
import {
  compileRules,
  configure,
  cookieName,
  isDeletion,
  mainPurpose,
  matchAttribute,
  matchCookie,
  matchCookieWrite,
  matchKey,
  matchUrl,
  mentionsHost,
} from '../../src/guard/rules';
import type { VendorData } from '../../src/types';

const all = compileRules(catalog);
const V = 'hubspot-conversations';

describe('guard rules (pure)', () => {
  it('compiles ids, patterns and purposes only, without necessary parts, descriptions or sources', () => {
    const text = JSON.stringify(all);
    expect(text).not.toContain('description');
    expect(text).not.toContain('__hs_opt_out');
    expect(text).not.toContain('__cf_bm');
    expect(all.v).toEqual(catalog.map((v) => [v.id, v.purpose]));
    expect(all.v).toContainEqual([V, 'functional']);
    // the guard grants from the record's optional purposes only (it has no `necessary` case)
    expect(catalog.filter((v) => v.purpose === 'necessary')).toEqual([]);
  });

  it('matches URLs: the most specific host wins, wildcards match subdomains only, other schemes never', () => {
    expect(matchUrl(all, 'https://app.hubspot.com/conversations-visitor/1')).toEqual({ v: V, p: 'functional' });
    expect(matchUrl(all, 'https://js.hubspot.com/web-interactives-embed.js')).toEqual({ v: V, p: 'marketing' });
    expect(matchUrl(all, 'https://track.hubspot.com/__ptq.gif')).toEqual({ v: V, p: 'analytics' });
    expect(matchUrl(all, '//js-eu1.hs-scripts.com/1.js', 'https://shop.test/')).toEqual({ v: V, p: 'functional' });
    expect(matchUrl(all, 'wss://hubspot-realtime.ably.io/x')).toEqual({ v: V, p: 'functional' });
    expect(matchUrl(all, 'https://hubspot.com/')).toBeNull();
    expect(matchUrl(all, 'https://evilhubspot.com/')).toBeNull();
    expect(matchUrl(all, 'https://app.hubspot.com.shop.test/')).toBeNull();
    expect(matchUrl(all, '/own.js', 'https://shop.test/')).toBeNull();
    expect(matchUrl(all, 'data:text/javascript,1')).toBeNull();
    expect(matchUrl(all, 'blob:https://js.usemessages.com/1b2c')).toBeNull();
    expect(matchUrl(all, 'about:blank')).toBeNull();
    expect(matchUrl(all, 'not a url')).toBeNull();
  });

  it('path prefixes, cookie prefixes, storage exact/prefix/suffix, most specific first', () => {
    const base = { title: 't', provider: 'p', privacyPolicyUrl: 'u', summary: 's', options: {} };
    const r = (x: object) => ({ description: 'd', source: 's', lifetime: 0, ...x });
    const vendors = [
      {
        ...base,
        id: 'a',
        purpose: 'functional',
        hosts: [r({ host: 'cdn.test', purpose: 'functional' }), r({ host: 'cdn.test', path: '/ads/', purpose: 'marketing' })],
        cookies: [r({ name: 'a_', match: 'prefix', purpose: 'analytics' }), r({ name: 'a_id', purpose: 'functional' })],
        storage: [
          r({ key: 'a.', match: 'prefix', storage: 'local', purpose: 'analytics' }),
          r({ key: '.tok', match: 'suffix', storage: 'session', purpose: 'marketing' }),
        ],
      },
    ] as unknown as VendorData[];
    const rules = compileRules(vendors);
    expect(matchUrl(rules, 'https://cdn.test/ads/x.js')).toEqual({ v: 'a', p: 'marketing' });
    expect(matchUrl(rules, 'https://cdn.test/app.js')).toEqual({ v: 'a', p: 'functional' });
    expect(matchCookie(rules, 'a_id')).toEqual({ v: 'a', p: 'functional' });
    expect(matchCookie(rules, 'a_other')).toEqual({ v: 'a', p: 'analytics' });
    expect(matchCookie(rules, 'b')).toBeNull();
    expect(matchKey(rules, 'a.x', 'l')).toEqual({ v: 'a', p: 'analytics' });
    expect(matchKey(rules, 'a.x', 's')).toBeNull();
    expect(matchKey(rules, 'x.tok', 's')).toEqual({ v: 'a', p: 'marketing' });
    expect(mainPurpose(rules, 'a')).toBe('functional');
    expect(mainPurpose(rules, 'zz')).toBeUndefined();
  });

  it('srcset and comma lists: any vendor URL counts', () => {
    expect(matchAttribute(all, '/a.png 1x, https://track.hubspot.com/p.gif 2x', 'https://shop.test/')).toEqual({ v: V, p: 'analytics' });
    expect(matchAttribute(all, '/a.png 1x, /b.png 2x', 'https://shop.test/')).toBeNull();
  });

  it('cookie writes: names, deletions (Max-Age wins over Expires), the record passes', () => {
    expect(cookieName(' messagesUtk = 1; path=/')).toBe('messagesUtk');
    const now = Date.parse('2026-01-01');
    expect(isDeletion('a=; Max-Age=0', now)).toBe(true);
    expect(isDeletion('a=; max-age=-1', now)).toBe(true);
    expect(isDeletion('a=; expires=Thu, 01 Jan 1970 00:00:00 GMT', now)).toBe(true);
    expect(isDeletion('a=1; expires=Thu, 01 Jan 2099 00:00:00 GMT', now)).toBe(false);
    expect(isDeletion('a=1; max-age=100; expires=Thu, 01 Jan 1970 00:00:00 GMT', now)).toBe(false);
    expect(isDeletion('a=1; max-age=0; max-age=100', now)).toBe(false);
    expect(isDeletion('a=1', now)).toBe(false);
    expect(matchCookieWrite(all, 'messagesUtk=1; path=/', 'consent_gate', now)).toEqual({ v: V, p: 'functional' });
    expect(matchCookieWrite(all, 'messagesUtk=; max-age=0', 'consent_gate', now)).toBeNull();
    expect(matchCookieWrite(all, 'cart=1', 'consent_gate', now)).toBeNull();
    expect(matchCookieWrite(all, '__hs_opt_out=1', 'consent_gate', now)).toBeNull();
  });

  it('configure: a valid config gives the record cookie and policy; anything else fails closed (no record honoured)', () => {
    const ok = configure({ vendors: { [V]: { portalId: '1' } }, cookieName: 'cg', policyVersion: '7' }, all)!;
    expect(ok).toEqual(['cg', '7', 180]);
    expect(configure({ vendors: {} }, all)).toEqual(['consent_gate', '1', 180]);
    // the record's lifetime, as the runtime takes it; one the runtime refuses honours no record
    expect(configure({ vendors: {}, cookieLifetimeDays: 30 }, all)).toEqual(['consent_gate', '1', 30]);
    for (const days of [0, -1, '30', Number.NaN, Number.POSITIVE_INFINITY, null])
      expect(configure({ vendors: {}, cookieLifetimeDays: days }, all), String(days)).toBeNull();
    for (const bad of [
      undefined,
      null,
      'yes',
      3,
      {},
      { vendors: null },
      { vendors: [V] },
      { vendors: [] },
      { vendors: 'x' },
      { vendors: 5 },
      { vendors: true },
      { vendors: { [V]: true, nope: true } },
    ]) {
      expect(configure(bad, all), JSON.stringify(bad)).toBeNull();
    }
    // every catalog vendor's rules stay in force, whether the config names it or not
    expect(matchUrl(all, 'https://js.usemessages.com/x.js')).toEqual({ v: V, p: 'functional' });
  });

  it('mentionsHost finds ruled hosts in markup, case-insensitive', () => {
    expect(mentionsHost(all, '<script src="HTTPS://JS.USEMESSAGES.COM/x.js">')).toBe(true);
    expect(mentionsHost(all, '<img src="https://app.hubspot.com/x">')).toBe(true);
    expect(mentionsHost(all, '<img src="/own.png">')).toBe(false);
  });
});
