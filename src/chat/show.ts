/**
 * Pure decisions from a chat's `show` settings (src/contract/chat-show.ts):
 * whether a page URL is targeted, whether the visitor is in the audience,
 * whether the team is in, and when that changes. No DOM; clocks through
 * Intl. The launcher needs these answers before any click, so they are part
 * of the core; `returnTime` (the return time in words) is asked by the
 * chat's lazy part only.
 */
import { parseRange, WEEKDAYS, type BusinessHours, type ChatShow, type UrlRule } from '../contract/chat-show.js';

/** Minutes in a week. Times of the week count from Monday 00:00. */
const WEEK = 7 * 1440;
const MINUTE_MS = 60_000;

const mod = (n: number, m: number) => ((n % m) + m) % m;

/** A URL as a rule sees it: origin and path, plus the query string when the rule has one; never the fragment. */
function comparable(url: URL, withQuery: boolean): string {
  return url.origin + url.pathname + (withQuery ? url.search : '');
}

/**
 * Whether one targeting rule matches a page URL. Case-sensitive. A value
 * that is a URL or a path (every operator but the two `contain` ones) is
 * read as a URL against the page, so `/pricing` on https://shop.example is
 * https://shop.example/pricing and a host is compared in lower case, as
 * browsers write it. A trailing `/*` takes in the URL and every URL below
 * it: `/blog/*` matches /blog, /blog/ and /blog/2026/news, not /blogging.
 */
export function ruleMatches(rule: UrlRule, href: string): boolean {
  const { operator, value } = rule;
  const negated = operator === 'is-not' || operator.startsWith('does-not');
  const withQuery = value.includes('?');
  const wildcard = value.endsWith('/*');
  let page: string;
  let target: string;
  try {
    page = comparable(new URL(href), withQuery);
    target = operator.includes('contain') ? value : comparable(new URL(value, href), withQuery);
  } catch {
    return false;
  }
  if (wildcard) target = target.slice(0, -1);
  let hit: boolean;
  if (operator.includes('contain')) hit = page.includes(target);
  else if (wildcard) hit = page.startsWith(target) || page === target.slice(0, -1);
  else hit = operator.includes('start') ? page.startsWith(target) : page === target;
  return hit !== negated;
}

/** Whether a page gets the chat by the targeting rules: any rule that matches shows it (the vendors' "OR"); no rules, every page. */
export function targeted(show: ChatShow | undefined, href: string): boolean {
  const urls = show?.urls;
  return !urls || urls.some((rule) => ruleMatches(rule, href));
}

const clocks = new Map<string, Intl.DateTimeFormat>();
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The time of the week (minutes since Monday 00:00) at `now` on the clocks of `timeZone`. */
export function weekMinute(now: number, timeZone: string): number {
  let clock = clocks.get(timeZone);
  if (!clock)
    clocks.set(
      timeZone,
      (clock = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })),
    );
  let day = 0;
  let minutes = 0;
  for (const part of clock.formatToParts(now)) {
    if (part.type === 'weekday') day = DAY_NAMES.indexOf(part.value);
    else if (part.type === 'hour') minutes += (+part.value % 24) * 60;
    else if (part.type === 'minute') minutes += +part.value;
  }
  return day * 1440 + minutes;
}

/**
 * The open times of a week as [start, end) minutes since Monday 00:00,
 * sorted, joined where one ends as the next begins: across midnight, and
 * from Sunday into Monday (that one then starts before 0).
 */
export function openTimes(hours: BusinessHours): [number, number][] {
  const ranges: [number, number][] = [];
  WEEKDAYS.forEach((day, i) => {
    for (const text of hours.days[day] ?? []) {
      const range = parseRange(text);
      if (range && range[1] > range[0]) ranges.push([i * 1440 + range[0], i * 1440 + range[1]]);
    }
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = joined[joined.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else joined.push([start, end]);
  }
  const last = joined[joined.length - 1];
  if (joined.length > 1 && last![1] === WEEK && joined[0]![0] === 0) joined[0]![0] = joined.pop()![0] - WEEK;
  return joined;
}

/** The instant `minutes` ahead of `now` on the team's clock (to the minute), corrected once for a change of UTC offset (summer time) in between. */
function ahead(now: number, from: number, minutes: number, timeZone: string): number {
  const at = now - mod(now, MINUTE_MS) + minutes * MINUTE_MS;
  const drift = mod(from + minutes - weekMinute(at, timeZone) + WEEK / 2, WEEK) - WEEK / 2;
  return at + drift * MINUTE_MS;
}

export interface TeamAvailability {
  /** Whether it is within business hours now. */
  open: boolean;
  /** When that changes next (ms since the epoch): the end of these hours, or the next opening; null when it never changes. */
  next: number | null;
}

/** Whether the team is in at `now`, and when that changes. */
export function teamAvailability(hours: BusinessHours, now: number): TeamAvailability {
  const times = openTimes(hours);
  const t = weekMinute(now, hours.timeZone);
  for (const [start, end] of times) {
    if (end - start >= WEEK) return { open: true, next: null };
    if (mod(t - start, WEEK) < end - start) return { open: true, next: ahead(now, t, mod(end - t, WEEK), hours.timeZone) };
  }
  if (!times.length) return { open: false, next: null };
  const wait = Math.min(...times.map(([start]) => mod(start - t, WEEK)));
  return { open: false, next: ahead(now, t, wait, hours.timeZone) };
}

/** Why a chat is not shown: the page is not targeted, the visitor is not in the audience, or it is outside business hours with `outside: 'hide'`. */
type HiddenBecause = 'page' | 'audience' | 'hours';

export interface Showing {
  /** Whether the launcher (or the inline placeholder, or the site's marked elements) shows. */
  shown: boolean;
  why?: HiddenBecause;
  /** Outside business hours with `outside: 'away'`: shown, and the prompt says when the team is back. */
  away: boolean;
  /** When business hours begin or end next (ms since the epoch), to decide again then; null when nothing changes with time. */
  next: number | null;
}

/**
 * Whether a chat shows, for a page URL, a visitor (`tracked`: the vendor
 * may use analytics, so its tracking cookie) and a moment.
 */
export function showing(show: ChatShow | undefined, href: string, tracked: boolean, now: number): Showing {
  if (!targeted(show, href)) return { shown: false, why: 'page', away: false, next: null };
  if (show?.audience === 'tracked' && !tracked) return { shown: false, why: 'audience', away: false, next: null };
  const hours = show?.hours;
  if (!hours) return { shown: true, away: false, next: null };
  const { open, next } = teamAvailability(hours, now);
  if (open) return { shown: true, away: false, next };
  return hours.outside === 'hide' ? { shown: false, why: 'hours', away: false, next } : { shown: true, away: true, next };
}

/** Days since the epoch of the calendar date at `ms` in `timeZone` (default: the visitor's). */
function calendarDay(ms: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(ms);
  const get = (type: string) => +(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day')) / 86_400_000;
}

/** The words of a return time, for the texts' `{day}` and `{time}` placeholders. */
export interface ReturnTime {
  /** `today`, `tomorrow`, or `later` (within a week: `day` is the weekday; later still: weekday and date). */
  when: 'today' | 'tomorrow' | 'later';
  day: string;
  time: string;
}

/**
 * When the team is back, on the visitor's clock (`timeZone`: default the
 * visitor's own) in the page's language (`lang`, for Intl): "today" or
 * "tomorrow" or the weekday, and the time.
 */
export function returnTime(back: number, now: number, lang: string, timeZone?: string): ReturnTime {
  const days = calendarDay(back, timeZone) - calendarDay(now, timeZone);
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, { timeZone, ...options }).format(back);
  const time = format({ timeStyle: 'short' });
  if (days <= 0) return { when: 'today', day: '', time };
  if (days === 1) return { when: 'tomorrow', day: '', time };
  return { when: 'later', day: format(days < 7 ? { weekday: 'long' } : { weekday: 'long', day: 'numeric', month: 'long' }), time };
}
