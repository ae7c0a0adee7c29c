/**
 * What every patch decides with: the compiled rules, the permission the
 * runtime last gave (at first, the stored record's), and the log of what was
 * held back. `deny` is the one question a patch asks.
 */
import type { BlockedEntry, Purpose } from '../types.js';
import { matchElementAttribute, mentionedHost, type RuleTable, type Match } from './rules.js';

export type Allows = (vendorId: string, purpose: Purpose) => boolean;

export let rules: RuleTable;
/** The consent record's cookie name: a write of it always passes (see matchCookieWrite). */
export let recordName: string | undefined;
let allows: Allows;
const log: BlockedEntry[] = [];
// the runtime is the one listener
let listener = (_entry: BlockedEntry): void => {};

export function start(compiled: RuleTable, first: Allows, record?: string): void {
  rules = compiled;
  allows = first;
  recordName = record;
}

export function setAllows(fn: Allows): void {
  allows = fn;
}

export const blocked = (): BlockedEntry[] => log.slice();

export function onBlocked(fn: (entry: BlockedEntry) => void): void {
  listener = fn;
}

/** Whether a match's purpose is granted now (a permission function that fails or is no function grants nothing). */
export function granted(match: Match): boolean {
  try {
    return allows(match.v, match.p) === true;
  } catch {
    return false;
  }
}

/** Whether `match` is a match whose purpose is not granted; noted in the log when a `kind` is given. */
export function deny(match: Match | null, kind?: string, target?: unknown): boolean {
  if (!match || granted(match)) return false;
  if (kind) {
    const entry: BlockedEntry = { time: performance.now(), kind, target: String(target), vendor: match.v, purpose: match.p };
    if (log.length < 500) log.push(entry);
    // (the listener is the runtime's emitter, which never throws: it hands a listener's error to the page apart)
    listener(entry);
  }
  return true;
}

/** What the page put in each `blob:` URL it made, as text (filled by frames.ts): such a URL is matched by the hosts it names. */
export const blobTexts: Record<string, string | undefined> = {};

/**
 * The match of a URL the page asks for (a fetch, a socket, a worker) or gives
 * an element (`name`, its attribute), resolved against the page's base URL,
 * for child windows too (theirs is the page's unless they say otherwise) and
 * for markup parsed into a template (whose own base is about:blank).
 */
export const urlMatch = (url: unknown, name = ''): Match | null => {
  // (a URL object, or anything else, as the string the platform reads it as)
  const href = String(url);
  const text = blobTexts[href];
  return text ? mentionedHost(rules, text) : matchElementAttribute(rules, name, href, document.baseURI);
};
