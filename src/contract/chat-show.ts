/**
 * Where, to whom and when a chat appears: the `show` option every chat
 * vendor accepts, its shapes, and its validation. It mirrors the settings
 * chat vendors keep on their side (HubSpot's chatflows: targeting rules on
 * the page URL, an audience, availability by business hours; Intercom, Crisp
 * and web1on1 have the same kind), so consent-gate's launcher appears where
 * and when the vendor's chat would, before any vendor code has loaded.
 *
 * The decisions made from these settings (does this page, this visitor,
 * this moment get the chat?) are pure functions in src/chat/show.ts.
 */
import type { OptionProblem } from './types.js';
import { isObject, list } from './values.js';

/**
 * HubSpot's six targeting operators ("is, isn't, contains, doesn't contain,
 * starts with, or doesn't start with", HubSpot knowledge base "Use
 * conversations", Targeting screen), in kebab-case.
 */
export type UrlOperator = 'is' | 'is-not' | 'contains' | 'does-not-contain' | 'starts-with' | 'does-not-start-with';
const URL_OPERATORS: readonly UrlOperator[] = ['is', 'is-not', 'contains', 'does-not-contain', 'starts-with', 'does-not-start-with'];

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** The days of a week, Monday first (the index is the day's number in src/chat/show.ts). */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * One targeting rule. `value` is a whole URL (`https://shop.example/pricing`)
 * or a path of this site (`/pricing`); for `contains` and `does-not-contain`
 * any part of a URL. A trailing `/*` takes in the URL and every URL below it.
 * Case-sensitive. Compared with the page URL without its query string,
 * unless the value has one.
 */
export interface UrlRule {
  operator: UrlOperator;
  value: string;
}

/** When the team answers: business hours in the team's time zone. */
export interface BusinessHours {
  /** The team's IANA time zone, e.g. `Europe/Amsterdam`. */
  timeZone: string;
  /**
   * Ranges per weekday, `HH:MM-HH:MM` from `00:00` to `24:00`, several per
   * day, none overlapping. Hours past midnight: `"22:00-24:00"` on one day
   * and `"00:00-02:00"` on the next.
   */
  days: Partial<Record<Weekday, string[]>>;
  /** Shown in the prompt during business hours, e.g. "We usually reply within an hour." */
  replyTime?: string;
  /** Outside business hours: `away` (default) keeps the launcher and its prompt says when the team is back; `hide` shows no launcher. */
  outside?: 'away' | 'hide';
  /** The away message (default: a sentence of consent-gate's own). */
  awayMessage?: string;
  /** Whether a visitor may still leave a message outside business hours (the vendor takes messages while away). Default true. */
  leaveMessage?: boolean;
}

/** The `show` option of a chat vendor. */
export interface ChatShow {
  /** Pages the chat appears on: a page gets the chat when any rule matches (HubSpot's "OR"). Default: every page. */
  urls?: UrlRule[];
  /** `all` (default), or `tracked`: only visitors whose tracking the vendor may use (analytics granted). */
  audience?: 'all' | 'tracked';
  /** Business hours. Default: always available. */
  hours?: BusinessHours;
  /**
   * Milliseconds, once the vendor's code has loaded, within which its chat
   * must appear; else the failure panel says the chat is not available here
   * (the vendor's own targeting decided so). Default: only the chat's `timeout`.
   */
  appearWithin?: number;
}

const SHOW_KEYS = ['urls', 'audience', 'hours', 'appearWithin'];
const RULE_KEYS = ['operator', 'value'];
const HOURS_KEYS = ['timeZone', 'days', 'replyTime', 'outside', 'awayMessage', 'leaveMessage'];
const RANGE = /^(\d\d):([0-5]\d)-(\d\d):([0-5]\d)$/;

/** A range `HH:MM-HH:MM` as minutes of the day `[start, end]` (0 to 1440), or null when it is not one. */
export function parseRange(text: unknown): [start: number, end: number] | null {
  const m = typeof text === 'string' ? RANGE.exec(text) : null;
  if (!m) return null;
  const start = +m[1]! * 60 + +m[2]!;
  const end = +m[3]! * 60 + +m[4]!;
  return start <= 1440 && end <= 1440 ? [start, end] : null;
}

/** Whether `zone` is a time zone this browser knows (an unknown one makes Intl throw a RangeError). */
function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const problem = (at: string, expected: string, received: unknown): OptionProblem => ({ at, expected, received });
const isText = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 200;
const unknownKey = (at: string, value: Record<string, unknown>, keys: string[]) => {
  const key = Object.keys(value).find((k) => !keys.includes(k));
  return key === undefined ? undefined : problem(`${at}.${key}`, `one of ${list(keys)}`, value[key]);
};

function checkRule(rule: unknown, at: string): OptionProblem | undefined {
  if (!isObject(rule)) return problem(at, 'a rule such as { operator: "starts-with", value: "/pricing" }', rule);
  const { operator, value } = rule;
  if (!URL_OPERATORS.includes(operator as UrlOperator)) return problem(`${at}.operator`, `one of ${list(URL_OPERATORS)}`, operator);
  if (typeof value !== 'string' || !/^\S+$/.test(value) || value.slice(0, -2).includes('*') || /(^|[^/])\*$/.test(value)) {
    return problem(
      `${at}.value`,
      'a URL or part of one, without spaces; a * only at the end, as /* ("/blog/*" is /blog and every page below it)',
      value,
    );
  }
  if (!/contain/.test(operator as string) && !/^(\/|https?:\/\/)/.test(value))
    return problem(`${at}.value`, 'a URL starting with https://, http:// or / (a path of this site)', value);
  return unknownKey(at, rule, RULE_KEYS);
}

function checkHours(hours: unknown): OptionProblem | undefined {
  const at = '.hours';
  if (!isObject(hours))
    return problem(at, 'an object with timeZone and days, such as { timeZone: "Europe/Amsterdam", days: { mon: ["09:00-17:00"] } }', hours);
  const { timeZone, days, outside, leaveMessage } = hours;
  if (typeof timeZone !== 'string' || !knownTimeZone(timeZone))
    return problem(`${at}.timeZone`, 'an IANA time zone such as "Europe/Amsterdam"', timeZone);
  if (!isObject(days))
    return problem(`${at}.days`, `an object of weekdays (${list(WEEKDAYS)}) with ranges, such as { mon: ["09:00-17:00"] }`, days);
  let ranges = 0;
  for (const [day, given] of Object.entries(days)) {
    const dayAt = `${at}.days.${day}`;
    if (!WEEKDAYS.includes(day as Weekday)) return problem(dayAt, `one of ${list(WEEKDAYS)}`, given);
    if (!Array.isArray(given)) return problem(dayAt, 'an array of ranges such as ["09:00-12:00", "13:00-17:00"]', given);
    const seen: [number, number, string][] = [];
    for (let i = 0; i < given.length; i++) {
      const text = given[i];
      const range = parseRange(text);
      if (!range) return problem(`${dayAt}[${i}]`, 'a range "HH:MM-HH:MM" between 00:00 and 24:00, such as "09:00-17:00"', text);
      const [start, end] = range;
      if (end <= start)
        return problem(
          `${dayAt}[${i}]`,
          'a range that ends after it starts; hours past midnight end at "24:00" and go on the next day from "00:00"',
          text,
        );
      const other = seen.find(([s, e]) => start < e && s < end);
      if (other) return problem(`${dayAt}[${i}]`, `a range that does not overlap ${JSON.stringify(other[2])}`, text);
      seen.push([start, end, text as string]);
      ranges++;
    }
  }
  if (!ranges)
    return problem(`${at}.days`, 'at least one range, such as { mon: ["09:00-17:00"] } (for no chat at all, leave the vendor out)', days);
  if (outside !== undefined && outside !== 'away' && outside !== 'hide') return problem(`${at}.outside`, 'one of "away", "hide"', outside);
  for (const key of ['replyTime', 'awayMessage']) {
    if (hours[key] !== undefined && !isText(hours[key])) return problem(`${at}.${key}`, 'a text of 1 to 200 characters', hours[key]);
  }
  if (leaveMessage !== undefined && typeof leaveMessage !== 'boolean') return problem(`${at}.leaveMessage`, 'true or false', leaveMessage);
  return unknownKey(at, hours, HOURS_KEYS);
}

/** Check a `show` option: the first problem found (its path below `show`), or undefined. */
export function checkShow(show: unknown): OptionProblem | undefined {
  if (!isObject(show)) return problem('', 'an object with urls, audience, hours or appearWithin', show);
  const extra = unknownKey('', show, SHOW_KEYS);
  if (extra) return extra;
  const { urls, audience, hours, appearWithin } = show;
  if (urls !== undefined) {
    if (!Array.isArray(urls) || !urls.length)
      return problem('.urls', 'a non-empty array of rules such as [{ operator: "starts-with", value: "/pricing" }]', urls);
    for (let i = 0; i < urls.length; i++) {
      const found = checkRule(urls[i], `.urls[${i}]`);
      if (found) return found;
    }
  }
  if (audience !== undefined && audience !== 'all' && audience !== 'tracked')
    return problem('.audience', 'one of "all", "tracked"', audience);
  if (appearWithin !== undefined && !(typeof appearWithin === 'number' && appearWithin > 0 && appearWithin < 6e5))
    return problem('.appearWithin', 'milliseconds, a number such as 8000 (above 0, below 600000)', appearWithin);
  return hours === undefined ? undefined : checkHours(hours);
}
