/**
 * The consent service worker (`dist/consent-gate-sw.js`): refuses every
 * request to a vendor's hosts while the vendor's purpose is not granted, for
 * every page it controls. It sees what the head guard cannot: requests the
 * preload scanner makes for tags written in the HTML, CSS `url()` and
 * `@import`, dynamic `import()`, and requests of workers and same-origin child
 * frames, all before any of the page's scripts could hold them back.
 *
 * A refused request gets `Response.error()`, the platform's own network
 * error: no request leaves the browser. A vendor request its record grants is
 * fetched by the worker as the page asked it. Any other request (the site's
 * own, any host no rule names) is left alone: the worker does not answer it,
 * so the browser fetches it as if there were no worker.
 *
 * It reads the consent record from its cookie with the shared codec (never
 * parsing it itself), and follows it without a reload: it reads the cookie
 * again at every vendor request, so a grant or a withdrawal in the page counts
 * for the very next request, and on the Cookie Store API's `cookiechange`
 * event (the worker subscribes to the record's cookie). Where a browser has
 * no Cookie Store in workers, the page posts
 * `{ type: 'consent-gate:cookie', cookie: document.cookie }`.
 *
 * Fail closed: options it cannot read, a missing, unreadable or tampered
 * record, or a record of another policy version: every vendor is refused.
 */
import { cookieValue, decodeRecord, gpcRefuses, gpcSignal, recordAllows, type ConsentRecord } from '../consent/codec.js';
import { guardSetup, matchUrl, type CompiledRules, type Match, type RuleTable } from '../guard/rules.js';
import type { GpcMode } from '../types.js';

/**
 * Where the record is and which records grant: the same settings as the
 * page's config (`cookieName`, `policyVersion`, `cookieLifetimeDays`, `gpc`),
 * so the worker honours exactly the records the guard and the runtime honour.
 * Absent `cookieLifetimeDays` and `gpc` take the config's defaults.
 */
export interface WorkerOptions {
  cookieName: string;
  policyVersion: string;
  cookieLifetimeDays?: number;
  gpc?: GpcMode;
}
const GPC_MODES: readonly unknown[] = ['opt-out', 'reject-all', 'ignore'] satisfies GpcMode[];

const DEFAULT_OPTIONS: WorkerOptions = { cookieName: 'consent_gate', policyVersion: '1' };

/** The message a page posts when the worker cannot read cookies itself. */
export const COOKIE_MESSAGE = 'consent-gate:cookie';

// The parts of the service-worker scope this file uses (the project compiles against the DOM library, not WebWorker).
interface CookieListItem {
  name: string;
  value: string;
}
interface WorkerEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends WorkerEvent {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface MessageEvent extends WorkerEvent {
  data: unknown;
}
export interface WorkerScope {
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'install' | 'activate' | 'cookiechange', listener: (event: WorkerEvent) => void): void;
  fetch(request: Request): Promise<Response>;
  navigator?: { globalPrivacyControl?: unknown };
  cookieStore?: { getAll(name: string): Promise<CookieListItem[]> };
  registration: {
    scope: string;
    cookies?: { subscribe(subscriptions: { name: string; url: string }[]): Promise<void> };
  };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
}

/**
 * The options of a worker: `given` (an object a site's own worker sets as
 * `self.consentGateWorker` before `importScripts`), else the query of the
 * worker's URL (`/consent-gate-sw.js?cookieName=shop_consent&policyVersion=2&cookieLifetimeDays=180`).
 * Null when a value is not what the page's config would accept (a cookie name
 * of letters, digits, `_` and `-`; a policy version of 1 to 64 characters
 * without quotes, backslashes or control characters; a lifetime that is a
 * number of days above 0; a `gpc` of `opt-out`, `reject-all` or `ignore`):
 * every vendor is then refused.
 */
export function workerOptions(query: string, given?: unknown): WorkerOptions | null {
  let read: (key: keyof WorkerOptions) => unknown;
  if (given !== undefined) {
    if (typeof given !== 'object' || given === null) return null;
    read = (key) => (given as Record<string, unknown>)[key];
  } else {
    const params = new URLSearchParams(query);
    read = (key) => params.get(key) ?? undefined;
  }
  const cookieName = read('cookieName') ?? DEFAULT_OPTIONS.cookieName;
  const policyVersion = read('policyVersion') ?? DEFAULT_OPTIONS.policyVersion;
  if (typeof cookieName !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(cookieName)) return null;
  if (typeof policyVersion !== 'string' || !/^[^"\\\0-\x1f]{1,64}$/.test(policyVersion)) return null;
  const options: WorkerOptions = { cookieName, policyVersion };
  const days = read('cookieLifetimeDays');
  if (days !== undefined) {
    // (a query gives text: a number written out, as the config's number would be; a site worker's object gives the number)
    const n = given === undefined && typeof days === 'string' && days.trim() !== '' ? Number(days) : days;
    if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
    options.cookieLifetimeDays = n;
  }
  const gpc = read('gpc');
  if (gpc !== undefined) {
    if (!GPC_MODES.includes(gpc)) return null;
    options.gpc = gpc as GpcMode;
  }
  return options;
}

/**
 * The rules a worker refuses with: the catalog's (`rules`, built in), and,
 * when the site's own worker hands it the page's config (`given` with a
 * `vendors` object, as `self.consentGateWorker`), that config's reading by the
 * head guard (`guardSetup`): the site's own declared services are refused as
 * catalog vendors are, and a vendor the config runs in Consent Mode's
 * advanced mode passes as it does in the page. Null (fail closed: every
 * vendor refused) for a config the guard cannot read.
 */
export function workerRules(rules: CompiledRules, given?: unknown): RuleTable | null {
  const config = given as { vendors?: unknown } | null | undefined;
  if (typeof config !== 'object' || config === null || config.vendors === undefined) return rules;
  return guardSetup(config, rules)?.[3] ?? null;
}

/**
 * Install the worker's listeners on `scope`. `lifecycle`: take over at once
 * (skipWaiting, clients.claim), for the worker registered on its own; a site's
 * own worker that imports this file keeps its lifecycle.
 */
export function installConsentWorker(scope: WorkerScope, rules: RuleTable, options: WorkerOptions | null, lifecycle: boolean): void {
  let record: ConsentRecord | null = null;

  const decode = (cookies: string): ConsentRecord | null =>
    options ? decodeRecord(cookieValue(cookies, options.cookieName), options.policyVersion, Date.now(), options.cookieLifetimeDays) : null;

  /** Read the record from the cookie (where the worker has a Cookie Store); nothing is allowed when that fails. */
  const read = async (): Promise<void> => {
    if (!scope.cookieStore || !options) return;
    try {
      const cookies = await scope.cookieStore.getAll(options.cookieName);
      record = decode(cookies.map((c) => `${c.name}=${c.value}`).join('; '));
    } catch {
      record = null;
    }
  };
  // the purposes the browser's Global Privacy Control signal refuses under the `gpc` setting, as in the guard and the runtime
  const refused = (): string[] => gpcRefuses(gpcSignal(scope.navigator), options?.gpc);
  const allows = (m: Match): boolean => recordAllows(record, m.v, m.p, refused());

  /**
   * The refusal, or, when the record read just now grants it, the request
   * itself. Read at every vendor request, not from what the worker last knew:
   * a withdrawal in the page counts for the very next request, before the
   * cookie's change event has reached the worker.
   */
  const decide = async (request: Request, m: Match): Promise<Response> => {
    await read();
    return allows(m) ? scope.fetch(request) : Response.error();
  };

  scope.addEventListener('fetch', (event) => {
    const m = matchUrl(rules, event.request.url);
    // the site's own requests, unknown hosts and what needs no consent: not answered, so the browser fetches them as usual
    if (!m || m.p === 'necessary') return;
    // (listeners a site's own worker added after importing this file do not see a vendor request)
    event.stopImmediatePropagation();
    event.respondWith(decide(event.request, m));
  });

  scope.addEventListener('cookiechange', (event) => event.waitUntil(read()));

  scope.addEventListener('message', (event) => {
    const data = event.data as { type?: unknown; cookie?: unknown } | null;
    if (!data || data.type !== COOKIE_MESSAGE) return;
    if (scope.cookieStore) return event.waitUntil(read());
    // no Cookie Store here: the page's cookies, posted by the page, are the record's only way in
    record = typeof data.cookie === 'string' ? decode(data.cookie) : null;
  });

  /** Ask to hear of changes to the record's cookie (a subscription lasts as long as the registration). */
  const subscribe = async (): Promise<void> => {
    try {
      if (options) await scope.registration.cookies?.subscribe([{ name: options.cookieName, url: scope.registration.scope }]);
    } catch {
      // no cookie change events: every refusal still reads the cookie first
    }
  };
  scope.addEventListener('install', (event) => event.waitUntil(Promise.all([subscribe(), lifecycle && scope.skipWaiting()])));
  scope.addEventListener('activate', (event) => event.waitUntil(Promise.all([subscribe(), read(), lifecycle && scope.clients.claim()])));
  void read();
}
