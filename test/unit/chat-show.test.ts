/**
 * The chat's `show` settings: targeting rules on the page URL, audience and
 * business hours (src/chat/show.ts), and their validation
 * (src/contract/chat-show.ts through config). The targeting examples come
 * from HubSpot's knowledge-base article "Use conversations" (the project's
 * seed copy: shared/reference/seeds/hubspot-conversations-inbox.txt), quoted
 * at each test.
 */
import { describe, expect, it } from 'vitest';
import { openTimes, returnTime, ruleMatches, showing, targeted, teamAvailability, weekMinute } from '../../src/chat/show';
import { checkShow, parseRange } from '../../src/contract/chat-show';
import type { BusinessHours, ChatShow, UrlRule } from '../../src/contract/chat-show';
import { resolveConfig } from '../../src/config';
import { ConsentGateConfigError } from '../../src/errors';
import { catalog } from '../../vendors/index';

const SITE = 'https://www.shop.test';
const at = (iso: string) => Date.parse(iso);
const rule = (operator: UrlRule['operator'], value: string): UrlRule => ({ operator, value });
const hits = (r: UrlRule, urls: string[]) => urls.filter((u) => ruleMatches(r, u.startsWith('/') ? SITE + u : u));

describe("targeting rules (HubSpot: \"is, isn't, contains, doesn't contain, starts with, or doesn't start with\")", () => {
  const pages = ['/', '/pricing', '/pricing/', '/pricing/team', '/pricing-old', '/blog/post', '/Pricing'];

  it('"is" and "isn\'t": the whole URL, as a URL or as a path of the site', () => {
    expect(hits(rule('is', `${SITE}/pricing`), pages)).toEqual(['/pricing']);
    expect(hits(rule('is', '/pricing'), pages)).toEqual(['/pricing']);
    expect(hits(rule('is-not', '/pricing'), pages)).toEqual(pages.filter((p) => p !== '/pricing'));
    // the host of a whole URL is compared as browsers write it (lower case); an origin alone is its home page
    expect(hits(rule('is', 'https://WWW.shop.test'), pages)).toEqual(['/']);
    // another site's URL never matches
    expect(hits(rule('is', 'https://other.test/pricing'), pages)).toEqual([]);
  });

  it('"contains" and "doesn\'t contain": any part of the URL', () => {
    expect(hits(rule('contains', 'pricing'), pages)).toEqual(['/pricing', '/pricing/', '/pricing/team', '/pricing-old']);
    expect(hits(rule('does-not-contain', 'pricing'), pages)).toEqual(['/', '/blog/post', '/Pricing']);
    expect(hits(rule('contains', 'shop.test/blog'), pages)).toEqual(['/blog/post']);
  });

  it('"starts with" and "doesn\'t start with"', () => {
    expect(hits(rule('starts-with', '/pricing'), pages)).toEqual(['/pricing', '/pricing/', '/pricing/team', '/pricing-old']);
    expect(hits(rule('does-not-start-with', `${SITE}/pricing`), pages)).toEqual(['/', '/blog/post', '/Pricing']);
  });

  it('"adding /* at the end of the URL to capture all URLs that begin with the target URL": the page and every page below it', () => {
    expect(hits(rule('is', `${SITE}/pricing/*`), pages)).toEqual(['/pricing', '/pricing/', '/pricing/team']);
    expect(hits(rule('is-not', '/pricing/*'), pages)).toEqual(['/', '/pricing-old', '/blog/post', '/Pricing']);
    expect(hits(rule('starts-with', '/pricing/*'), pages)).toEqual(['/pricing', '/pricing/', '/pricing/team']);
    expect(hits(rule('does-not-start-with', '/pricing/*'), pages)).toEqual(['/', '/pricing-old', '/blog/post', '/Pricing']);
    // the whole site
    expect(hits(rule('is', `${SITE}/*`), pages)).toEqual(pages);
  });

  it('"All URLs are case sensitive."', () => {
    expect(hits(rule('is', '/Pricing'), pages)).toEqual(['/Pricing']);
    expect(hits(rule('contains', 'PRICING'), pages)).toEqual([]);
    expect(hits(rule('starts-with', '/pricing'), ['/Pricing/team'])).toEqual([]);
  });

  it('the query string is left out unless the rule has one; the fragment always', () => {
    expect(ruleMatches(rule('is', '/pricing'), `${SITE}/pricing?utm_source=mail#plans`)).toBe(true);
    expect(ruleMatches(rule('contains', 'utm_source'), `${SITE}/pricing?utm_source=mail`)).toBe(false);
    expect(ruleMatches(rule('is', '/pricing?plan=team'), `${SITE}/pricing?plan=team`)).toBe(true);
    expect(ruleMatches(rule('is', '/pricing?plan=team'), `${SITE}/pricing?plan=solo`)).toBe(false);
    expect(ruleMatches(rule('contains', '?plan=team'), `${SITE}/pricing?plan=team`)).toBe(true);
    expect(ruleMatches(rule('contains', 'plans'), `${SITE}/pricing#plans`)).toBe(false);
  });

  it('"a specific chat widget on your pricing page only … a different widget on your homepage"; "Click OR to add more rules"', () => {
    const pricing: ChatShow = { urls: [rule('is', `${SITE}/pricing`)] };
    const home: ChatShow = { urls: [rule('is', `${SITE}/`)] };
    expect(targeted(pricing, `${SITE}/pricing`)).toBe(true);
    expect(targeted(pricing, `${SITE}/`)).toBe(false);
    expect(targeted(home, `${SITE}/`)).toBe(true);
    expect(targeted(home, `${SITE}/pricing`)).toBe(false);
    // several rules: any one that matches shows the chat
    const either: ChatShow = { urls: [rule('is', '/'), rule('starts-with', '/help/')] };
    expect(['/', '/help/returns', '/pricing'].map((p) => targeted(either, SITE + p))).toEqual([true, true, false]);
    // no rules: every page
    expect(targeted({}, `${SITE}/anything`)).toBe(true);
    expect(targeted(undefined, `${SITE}/anything`)).toBe(true);
  });
});

describe('business hours across time zones and midnight (Intl)', () => {
  const office: BusinessHours = {
    timeZone: 'Europe/Amsterdam',
    days: { mon: ['09:00-17:00'], tue: ['09:00-12:00', '13:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] },
  };

  it('reads the team clock in its own time zone (2 March 2026 is a Monday; Amsterdam is UTC+1 then)', () => {
    expect(weekMinute(at('2026-03-02T08:30:00Z'), 'Europe/Amsterdam')).toBe(9 * 60 + 30);
    expect(weekMinute(at('2026-03-02T08:30:00Z'), 'America/New_York')).toBe(3 * 60 + 30); // UTC-5
    expect(weekMinute(at('2026-03-02T03:30:00Z'), 'America/New_York')).toBe(6 * 1440 + 22 * 60 + 30); // still Sunday
    expect(weekMinute(at('2026-03-02T08:30:00Z'), 'Asia/Kolkata')).toBe(14 * 60); // UTC+5:30
    expect(weekMinute(at('2026-03-01T23:30:00Z'), 'Pacific/Auckland')).toBe(12 * 60 + 30); // Monday already, UTC+13
  });

  it('open within a range, closed at its end and between two ranges of a day, with the time of the next change', () => {
    expect(teamAvailability(office, at('2026-03-02T08:30:00Z'))).toEqual({ open: true, next: at('2026-03-02T16:00:00Z') });
    expect(teamAvailability(office, at('2026-03-02T16:00:00Z'))).toEqual({ open: false, next: at('2026-03-03T08:00:00Z') });
    // Tuesday's lunch break
    expect(teamAvailability(office, at('2026-03-03T11:15:00Z'))).toEqual({ open: false, next: at('2026-03-03T12:00:00Z') });
    // Friday evening: back on Monday morning (the week goes round)
    expect(teamAvailability(office, at('2026-03-06T18:00:00Z'))).toEqual({ open: false, next: at('2026-03-09T08:00:00Z') });
    // seconds into a minute do not move the next change
    expect(teamAvailability(office, at('2026-03-02T15:59:42Z')).next).toBe(at('2026-03-02T16:00:00Z'));
  });

  it('the same moment is inside hours for one team and outside for another', () => {
    const newYork: BusinessHours = { ...office, timeZone: 'America/New_York' };
    expect(teamAvailability(newYork, at('2026-03-02T13:59:00Z')).open).toBe(false); // 08:59 in New York
    expect(teamAvailability(newYork, at('2026-03-02T14:00:00Z')).open).toBe(true);
    expect(teamAvailability(office, at('2026-03-02T14:00:00Z')).open).toBe(true);
    expect(teamAvailability(office, at('2026-03-02T17:00:00Z')).open).toBe(false);
    expect(teamAvailability(newYork, at('2026-03-02T17:00:00Z')).open).toBe(true);
  });

  it('hours past midnight: "22:00-24:00" one day and "00:00-02:00" the next are one stretch, Sunday into Monday too', () => {
    const night: BusinessHours = {
      timeZone: 'Europe/Amsterdam',
      days: { mon: ['22:00-24:00'], tue: ['00:00-02:00'], sun: ['20:00-24:00'] },
    };
    expect(openTimes({ ...night, days: { ...night.days, mon: ['00:00-06:00', '22:00-24:00'] } })).toEqual([
      [-240, 360],
      [1320, 1560],
    ]);
    // Monday 23:00 Amsterdam: open until Tuesday 02:00
    expect(teamAvailability(night, at('2026-03-02T22:00:00Z'))).toEqual({ open: true, next: at('2026-03-03T01:00:00Z') });
    expect(teamAvailability(night, at('2026-03-03T00:30:00Z'))).toEqual({ open: true, next: at('2026-03-03T01:00:00Z') });
    // Tuesday 02:00: closed until Sunday 20:00
    expect(teamAvailability(night, at('2026-03-03T01:00:00Z'))).toEqual({ open: false, next: at('2026-03-08T19:00:00Z') });
    const weekend: BusinessHours = { timeZone: 'Europe/Amsterdam', days: { sun: ['20:00-24:00'], mon: ['00:00-06:00'] } };
    expect(teamAvailability(weekend, at('2026-03-08T22:00:00Z'))).toEqual({ open: true, next: at('2026-03-09T05:00:00Z') });
  });

  it('a change of summer time in between: Monday 09:00 after 29 March 2026 is 07:00 UTC, not 08:00', () => {
    expect(teamAvailability(office, at('2026-03-28T11:00:00Z'))).toEqual({ open: false, next: at('2026-03-30T07:00:00Z') });
    // and back in October (25 October 2026): 08:00 UTC again
    expect(teamAvailability(office, at('2026-10-24T11:00:00Z'))).toEqual({ open: false, next: at('2026-10-26T08:00:00Z') });
  });

  it('every hour of the week: always open, nothing to wait for', () => {
    const always: BusinessHours = {
      timeZone: 'UTC',
      days: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['00:00-24:00']])),
    };
    expect(teamAvailability(always, at('2026-03-04T03:00:00Z'))).toEqual({ open: true, next: null });
  });

  it("the return time in words, on the visitor's clock and in the page's language", () => {
    const now = at('2026-03-02T17:00:00Z');
    expect(returnTime(at('2026-03-02T19:30:00Z'), now, 'en-GB', 'Europe/Amsterdam')).toEqual({ when: 'today', day: '', time: '20:30' });
    expect(returnTime(at('2026-03-03T08:00:00Z'), now, 'en-US', 'Europe/Amsterdam')).toEqual({
      when: 'tomorrow',
      day: '',
      time: '9:00 AM',
    });
    // a visitor in New York hears the same moment on their own clock: still Tuesday, 3 AM
    expect(returnTime(at('2026-03-03T08:00:00Z'), now, 'en-US', 'America/New_York')).toEqual({
      when: 'tomorrow',
      day: '',
      time: '3:00 AM',
    });
    expect(returnTime(at('2026-03-06T08:00:00Z'), now, 'en-GB', 'Europe/Amsterdam')).toEqual({
      when: 'later',
      day: 'Friday',
      time: '09:00',
    });
    expect(returnTime(at('2026-03-09T08:00:00Z'), now, 'en-GB', 'Europe/Amsterdam')).toEqual({
      when: 'later',
      day: 'Monday 9 March',
      time: '09:00',
    });
    expect(returnTime(at('2026-03-03T08:00:00Z'), now, 'nl', 'Europe/Amsterdam').time).toBe('09:00');
  });
});

describe('showing: page, audience and hours together', () => {
  const hours: BusinessHours = { timeZone: 'Europe/Amsterdam', days: { mon: ['09:00-17:00'] } };
  const inHours = at('2026-03-02T10:00:00Z');
  const outside = at('2026-03-02T18:00:00Z');

  it('an untargeted page hides it before anything else', () => {
    expect(showing({ urls: [rule('starts-with', '/help/')], hours }, `${SITE}/checkout`, true, inHours)).toEqual({
      shown: false,
      why: 'page',
      away: false,
      next: null,
    });
    expect(showing({ urls: [rule('starts-with', '/help/')] }, `${SITE}/help/faq`, false, inHours)).toEqual({
      shown: true,
      away: false,
      next: null,
    });
  });

  it('audience "tracked" needs the vendor\'s tracking (analytics) granted; "all" does not', () => {
    expect(showing({ audience: 'tracked' }, `${SITE}/`, false, inHours)).toMatchObject({ shown: false, why: 'audience' });
    expect(showing({ audience: 'tracked' }, `${SITE}/`, true, inHours)).toMatchObject({ shown: true });
    expect(showing({ audience: 'all' }, `${SITE}/`, false, inHours)).toMatchObject({ shown: true });
  });

  it('outside hours: the away prompt by default, no launcher with outside "hide"; both know when to decide again', () => {
    expect(showing({ hours }, `${SITE}/`, false, inHours)).toEqual({ shown: true, away: false, next: at('2026-03-02T16:00:00Z') });
    expect(showing({ hours }, `${SITE}/`, false, outside)).toEqual({ shown: true, away: true, next: at('2026-03-09T08:00:00Z') });
    expect(showing({ hours: { ...hours, outside: 'hide' } }, `${SITE}/`, false, outside)).toEqual({
      shown: false,
      why: 'hours',
      away: false,
      next: at('2026-03-09T08:00:00Z'),
    });
  });
});

describe('validation of show: a typed error naming the path', () => {
  const config = (show: unknown) => () => resolveConfig({ vendors: { 'hubspot-conversations': { portalId: '1', show } } }, catalog);
  const fails = (show: unknown, path: string, expected: RegExp) => {
    expect(config(show)).toThrow(ConsentGateConfigError);
    try {
      config(show)();
    } catch (error) {
      expect((error as ConsentGateConfigError).path).toBe(path);
      expect((error as ConsentGateConfigError).message).toMatch(expected);
    }
  };
  const P = 'vendors.hubspot-conversations.show';
  const days = { mon: ['09:00-17:00'] };

  it('accepts the settings of the manual', () => {
    expect(() =>
      config({
        urls: [rule('is', `${SITE}/pricing/*`), rule('does-not-contain', 'checkout')],
        audience: 'tracked',
        hours: {
          timeZone: 'Europe/Amsterdam',
          days: { mon: ['09:00-12:00', '13:00-17:00'], tue: ['22:00-24:00'], wed: ['00:00-02:00'] },
          replyTime: 'We usually reply within an hour.',
          outside: 'hide',
          awayMessage: 'Back soon.',
          leaveMessage: false,
        },
        appearWithin: 8000,
      })(),
    ).not.toThrow();
  });

  it('unknown operator, bad values, unknown keys', () => {
    fails('everywhere', P, /expected an object with urls, audience, hours or appearWithin/);
    fails({ url: [] }, `${P}.url`, /one of "urls", "audience", "hours", "appearWithin"/);
    fails({ urls: [] }, `${P}.urls`, /non-empty array/);
    fails(
      { urls: [rule('is', '/'), { operator: 'equals', value: '/' }] },
      `${P}.urls[1].operator`,
      /is "equals"; expected one of "is", "is-not", "contains", "does-not-contain", "starts-with", "does-not-start-with"/,
    );
    fails({ urls: [rule('is', 'pricing')] }, `${P}.urls[0].value`, /starting with https:\/\/, http:\/\/ or \//);
    fails({ urls: [rule('is', '/blog/*/posts')] }, `${P}.urls[0].value`, /a \* only at the end, as \/\*/);
    fails({ urls: [rule('starts-with', '/blog*')] }, `${P}.urls[0].value`, /a \* only at the end/);
    fails({ urls: [rule('contains', '*')] }, `${P}.urls[0].value`, /a \* only at the end/);
    fails({ urls: [{ operator: 'is', value: '/', case: false }] }, `${P}.urls[0].case`, /one of "operator", "value"/);
    fails({ audience: 'contacts' }, `${P}.audience`, /one of "all", "tracked"/);
    fails({ appearWithin: 0 }, `${P}.appearWithin`, /milliseconds/);
  });

  it('invalid time zone, unknown weekday, malformed, reversed and overlapping hours', () => {
    fails({ hours: { timeZone: 'Mars/Olympus', days } }, `${P}.hours.timeZone`, /is "Mars\/Olympus"; expected an IANA time zone/);
    fails({ hours: { days } }, `${P}.hours.timeZone`, /is missing/);
    fails({ hours: { timeZone: 'UTC', days: { monday: ['09:00-17:00'] } } }, `${P}.hours.days.monday`, /one of "mon", "tue"/);
    fails({ hours: { timeZone: 'UTC', days: { mon: '09:00-17:00' } } }, `${P}.hours.days.mon`, /an array of ranges/);
    fails({ hours: { timeZone: 'UTC', days: { mon: ['9-17'] } } }, `${P}.hours.days.mon[0]`, /"HH:MM-HH:MM"/);
    fails({ hours: { timeZone: 'UTC', days: { mon: ['09:00-24:30'] } } }, `${P}.hours.days.mon[0]`, /between 00:00 and 24:00/);
    fails(
      { hours: { timeZone: 'UTC', days: { tue: ['09:00-17:00', '17:00-09:00'] } } },
      `${P}.hours.days.tue[1]`,
      /is "17:00-09:00"; expected a range that ends after it starts; hours past midnight end at "24:00"/,
    );
    fails(
      { hours: { timeZone: 'UTC', days: { fri: ['09:00-13:00', '12:00-17:00'] } } },
      `${P}.hours.days.fri[1]`,
      /is "12:00-17:00"; expected a range that does not overlap "09:00-13:00"/,
    );
    fails({ hours: { timeZone: 'UTC', days: {} } }, `${P}.hours.days`, /at least one range/);
    fails({ hours: { timeZone: 'UTC', days, outside: 'closed' } }, `${P}.hours.outside`, /one of "away", "hide"/);
    fails({ hours: { timeZone: 'UTC', days, replyTime: '' } }, `${P}.hours.replyTime`, /1 to 200 characters/);
    fails({ hours: { timeZone: 'UTC', days, leaveMessage: 'yes' } }, `${P}.hours.leaveMessage`, /true or false/);
    fails({ hours: { timeZone: 'UTC', days, away: 'x' } }, `${P}.hours.away`, /one of "timeZone", "days"/);
  });

  it('parses ranges to minutes of the day', () => {
    expect(parseRange('09:30-24:00')).toEqual([570, 1440]);
    expect(parseRange('24:01-24:00')).toBeNull();
    expect(parseRange(930)).toBeNull();
    expect(checkShow({})).toBeUndefined();
  });
});
