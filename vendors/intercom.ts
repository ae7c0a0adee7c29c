/**
 * Intercom Messenger (live chat). Facts come from the project's vendor-facts
 * reference ("Other chat widgets" table); each row names its source, and rows
 * the reference does not state say "unverified".
 *
 * Loading follows Intercom's own install snippet: `window.Intercom` is a queue
 * stub (`Intercom.q`) until the Messenger's code runs, which replays the queued
 * calls in order and replaces the stub. consent-gate boots the Messenger with
 * `Intercom('boot', settings)` at the head of that queue, so calls the site made
 * before consent (with its own copy of the stub) reach a booted Messenger.
 *
 * Launcher: Intercom's own launcher is NOT hidden by default. Before consent the
 * consent-gate launcher stands in for it; once the chat is ready consent-gate
 * hides its launcher, so after a visitor closes the Messenger, Intercom's
 * launcher is the way back to the conversation, where a visitor expects it.
 * A site with its own chat button passes `hide_default_launcher: true` in
 * `settings`.
 */
import {
  chatOptionSpecs,
  DAY,
  hostBaseOption,
  hostUrl,
  isObject,
  MONTH,
  safe,
  type ChatOptions,
  type CookieRule,
  type Purpose,
  type Vendor,
  type VendorContext,
  type VendorData,
  type VendorListener,
  type VendorOptions,
} from '../src/contract/index.js';
import { originsOf, waitFor } from './_kit.js';

const FACTS = 'vendor-facts reference, "Other chat widgets" table (Intercom)';

export type IntercomRegion = 'us' | 'eu' | 'au';

export interface IntercomOptions extends VendorOptions, ChatOptions {
  /** Intercom app id (workspace id), letters and digits. */
  appId: string;
  /** Where the workspace's data is hosted: `us` (default), `eu` or `au`; sets `api_base`. */
  region?: IntercomRegion;
  /** Further boot settings (e.g. `name`, `email`, `user_id`, `user_hash`, `hide_default_launcher`), passed through; the site's own `window.intercomSettings` wins over them. */
  settings?: Record<string, unknown>;
  /** Where Intercom's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

/** Intercom's API base host per region. */
export const INTERCOM_API_HOSTS: Readonly<Record<IntercomRegion, string>> = {
  us: 'api-iam.intercom.io',
  eu: 'api-iam.eu.intercom.io',
  au: 'api-iam.au.intercom.io',
};
export const INTERCOM_WIDGET_HOST = 'widget.intercom.io';
/** Where the Messenger's own code comes from (unverified, see the host rows). */
export const INTERCOM_CDN_HOST = 'js.intercomcdn.com';

const cookie = (name: string, lifetime: number, description: string): CookieRule => ({
  name,
  match: 'prefix',
  purpose: 'functional',
  lifetime,
  scope: 'host',
  description,
  source: `${FACTS}; the cookie name ends with the app id`,
});

export const data: VendorData = {
  id: 'intercom',
  kind: 'chat',
  title: 'Intercom',
  provider: 'Intercom R&D Unlimited Company',
  privacyPolicyUrl: 'https://www.intercom.com/legal/privacy',
  purpose: 'functional',
  summary:
    'Live chat with our team. Intercom stores a visitor id and a session in your browser so your conversation continues across pages.',
  hosts: [
    {
      host: INTERCOM_WIDGET_HOST,
      purpose: 'functional',
      description: 'Intercom Messenger loader (widget.intercom.io/widget/{appId}).',
      source: FACTS,
    },
    {
      host: '*.intercom.io',
      purpose: 'functional',
      description:
        'Intercom Messenger API (api-iam.intercom.io, and api-iam.eu.intercom.io / api-iam.au.intercom.io for EU and Australian workspaces) and its real-time connection.',
      source: `${FACTS} (API bases); the real-time (nexus websocket) host name under intercom.io is unverified`,
    },
    {
      host: '*.intercomcdn.com',
      purpose: 'functional',
      description: 'Intercom Messenger code and assets (js.intercomcdn.com), fetched by the loader.',
      source:
        'unverified: the reference does not name the host the Messenger bundles come from; js.intercomcdn.com is where Intercom serves them in public page source',
    },
  ],
  cookies: [
    cookie(
      'intercom-id-',
      9 * MONTH,
      'Anonymous visitor id of the Intercom Messenger (cookie intercom-id-{appId}): lets a visitor continue a conversation on a later visit.',
    ),
    cookie(
      'intercom-session-',
      7 * DAY,
      'Session of the Intercom Messenger (cookie intercom-session-{appId}): keeps a visitor signed in to the conversation across pages for a week; removed by Intercom on shutdown.',
    ),
    cookie(
      'intercom-device-id-',
      9 * MONTH,
      'Device id of the Intercom Messenger (cookie intercom-device-id-{appId}): recognises this browser for the conversation.',
    ),
  ],
  storage: [],
  options: {
    appId: {
      type: 'string',
      required: true,
      pattern: /^[A-Za-z0-9]{1,32}$/,
      expected: 'your Intercom app id, letters and digits only, e.g. "abc12xyz"',
    },
    region: { type: 'string', oneOf: ['us', 'eu', 'au'], expected: '"us", "eu" or "au" (where your Intercom workspace is hosted)' },
    settings: { type: 'object', expected: 'an object of further Intercom boot settings, e.g. { "alignment": "left" }' },
    hostBase: hostBaseOption,
    ...chatOptionSpecs,
  },
};

/* ------------------------------------------------------------------------ */
/* The adapter. */

/** `window.Intercom`: the queue stub of Intercom's snippet (with `q`) or the live Messenger function. */
export interface IntercomFunction {
  (method: string, ...args: unknown[]): unknown;
  /** Calls queued before the Messenger's code ran (each an `arguments` object or an array). */
  q?: ArrayLike<unknown>[];
  /** The stub's push. */
  c?: (args: ArrayLike<unknown>) => void;
  /** Set by the Messenger once booted (unverified: not in the reference). */
  booted?: boolean;
}

interface IntercomWindow {
  Intercom?: IntercomFunction;
  intercomSettings?: Record<string, unknown>;
}

type Ctx = VendorContext<IntercomOptions>;

interface PageState {
  opened: boolean;
  /** Listeners added through `chat('intercom').on`, by event; Intercom has no `off`, so each is wrapped once and checked here. */
  listeners: Map<VendorListener, Set<string>>;
}

const LOADER_ID = 'intercom-loader';
/** Elements the Messenger puts on the page (unverified: the reference names none). */
export const INTERCOM_SELECTORS =
  '#intercom-container, #intercom-frame, #intercom-css-container, .intercom-lightweight-app, .intercom-messenger-frame';
/** consent-gate events → Intercom's listener methods. */
const EVENTS: Readonly<Record<string, string>> = { show: 'onShow', hide: 'onHide', unreadCountChange: 'onUnreadCountChange' };

const pages = new WeakMap<object, PageState>();
/** Entries consent-gate put on a stub's queue, so a retry after a failed load does not boot twice. */
const ours = new WeakSet<object>();

function stateOf(w: object): PageState {
  let st = pages.get(w);
  if (!st) pages.set(w, (st = { opened: false, listeners: new Map() }));
  return st;
}

function ic(ctx: Ctx): IntercomWindow {
  return ctx.window as unknown as IntercomWindow;
}

function isStub(fn: unknown): fn is IntercomFunction & { q: ArrayLike<unknown>[] } {
  return typeof fn === 'function' && Array.isArray((fn as IntercomFunction).q);
}

/** The live Messenger function, once Intercom's code has replaced the stub. */
function live(ctx: Ctx): IntercomFunction | undefined {
  const fn = ic(ctx).Intercom;
  return typeof fn === 'function' && !isStub(fn) ? fn : undefined;
}

/** Intercom's queue stub, as its install snippet defines it: every call is queued until the Messenger's code replays it. @internal (exported for its unit tests) */
export function createStub(): IntercomFunction {
  const stub = ((...args: unknown[]) => {
    stub.c!(args);
  }) as IntercomFunction;
  stub.q = [];
  stub.c = (args) => void stub.q!.push(args);
  return stub;
}

/** The `window.Intercom` to queue on: the site's own stub or the live function when present, else a new stub. @internal (exported for its unit tests) */
export function ensureStub(w: IntercomWindow): IntercomFunction {
  if (typeof w.Intercom !== 'function') w.Intercom = createStub();
  return w.Intercom;
}

/** @internal (exported for its unit tests; not part of the package's API) */
export function urlOf(options: Pick<IntercomOptions, 'hostBase'>, host: string, path = ''): string {
  return hostUrl(options.hostBase, host, path);
}

/** The settings for `Intercom('boot', …)`: config settings, then the site's own `window.intercomSettings`, then app id and API base from the config. @internal (exported for its unit tests) */
export function bootSettings(options: IntercomOptions, site?: unknown): Record<string, unknown> {
  return {
    ...(isObject(options.settings) ? options.settings : {}),
    ...(isObject(site) ? site : {}),
    app_id: options.appId,
    api_base: urlOf(options, INTERCOM_API_HOSTS[options.region ?? 'us']),
  };
}

/** Exact cookie names for an app id, from the catalog's prefix rows. @internal (exported for its unit tests) */
export function cookieNamesFor(appId: string): string[] {
  return data.cookies.map((c) => c.name + appId);
}

function booted(ctx: Ctx): IntercomFunction | undefined {
  const fn = live(ctx);
  return fn && fn.booted === true ? fn : undefined;
}

function whenBooted(ctx: Ctx): Promise<IntercomFunction> {
  return waitFor(() => booted(ctx), ctx.signal, 'Intercom');
}

/** A loader script the site inserted itself (Intercom's snippet), by its URL, also while the guard holds it under another attribute. */
function siteLoader(ctx: Ctx): Element | undefined {
  const needle = `${INTERCOM_WIDGET_HOST}/widget/`;
  for (const el of ctx.document.querySelectorAll('script')) {
    for (const attr of Array.from(el.attributes)) if (attr.value.includes(needle)) return el;
  }
  return undefined;
}

function dropOurs(fn: IntercomFunction & { q: ArrayLike<unknown>[] }): void {
  for (let i = fn.q.length - 1; i >= 0; i--) if (ours.has(fn.q[i] as object)) fn.q.splice(i, 1);
}

function removeWidget(ctx: Ctx): void {
  for (const el of ctx.document.querySelectorAll(INTERCOM_SELECTORS)) el.remove();
  ctx.document.getElementById(LOADER_ID)?.remove();
  for (const el of ctx.document.querySelectorAll('script[src*="intercomcdn.com"], script[src*="intercom.io"]')) el.remove();
  stateOf(ctx.window).opened = false;
}

const adapter: Vendor<IntercomOptions>['adapter'] = {
  prepare(ctx) {
    const w = ic(ctx);
    const st = stateOf(ctx.window);
    const settings = bootSettings(ctx.options, w.intercomSettings);
    const fn = ensureStub(w);
    const track = [
      ['onShow', () => void (st.opened = true)],
      ['onHide', () => void (st.opened = false)],
    ] as const;
    if (isStub(fn)) {
      // boot first, so what the site queued before consent reaches a booted Messenger, in order
      const entries: unknown[][] = [['boot', settings], ...track.map((t) => [...t])];
      for (const entry of entries) ours.add(entry);
      dropOurs(fn);
      fn.q.unshift(...entries);
    } else if (fn.booted !== true) {
      safe(() => fn('boot', settings));
      for (const [method, cb] of track) safe(() => fn(method, cb));
    }
  },

  async load(ctx) {
    // the site's own pasted snippet inserts the loader too (the guard held it until now): one loader is enough
    if (!live(ctx) && !ctx.document.getElementById(LOADER_ID) && !siteLoader(ctx)) {
      await ctx.insertScript(urlOf(ctx.options, INTERCOM_WIDGET_HOST, `/widget/${encodeURIComponent(ctx.options.appId)}`), {
        id: LOADER_ID,
      });
    }
    await whenBooted(ctx);
  },

  open(ctx) {
    const fn = live(ctx);
    if (fn) safe(() => fn('show'));
  },

  async mount(ctx) {
    await whenBooted(ctx);
  },

  close(ctx) {
    const fn = live(ctx);
    if (fn) safe(() => fn('hide'));
  },

  status(ctx) {
    const fn = booted(ctx);
    if (!fn) return { loaded: false };
    return { loaded: ctx.document.querySelector(INTERCOM_SELECTORS) !== null, opened: stateOf(ctx.window).opened };
  },

  /** A new anonymous visitor: shutdown, delete the cookies, boot again (Intercom's documented log-out sequence). */
  clear(ctx) {
    const fn = live(ctx);
    if (fn) safe(() => fn('shutdown'));
    ctx.deleteCookies(cookieNamesFor(ctx.options.appId));
    if (fn) safe(() => fn('boot', bootSettings(ctx.options, ic(ctx).intercomSettings)));
  },

  /** Single-page apps: `Intercom('update', …)` on a route change. */
  refresh(ctx, options) {
    const fn = live(ctx);
    if (fn) safe(() => fn('update', isObject(options) ? options : {}));
  },

  /** `ready` (called with the live `Intercom` function), `show`, `hide`, `unreadCountChange`. */
  on(ctx, event, fn) {
    const target = live(ctx);
    if (!target) return;
    if (event === 'ready') return void fn(target);
    const method = EVENTS[event];
    if (!method) return;
    const st = stateOf(ctx.window);
    let events = st.listeners.get(fn);
    if (!events) st.listeners.set(fn, (events = new Set()));
    if (events.has(event)) return;
    events.add(event);
    safe(() =>
      target(method, (payload: unknown) => {
        if (st.listeners.get(fn)?.has(event)) fn(payload);
      }),
    );
  },

  off(ctx, event, fn) {
    stateOf(ctx.window).listeners.get(fn)?.delete(event);
  },

  preconnect(ctx) {
    const o = ctx.options;
    return originsOf(
      [INTERCOM_WIDGET_HOST, INTERCOM_CDN_HOST, INTERCOM_API_HOSTS[o.region ?? 'us']].map((host) => urlOf(o, host, '/')),
      ctx.document.baseURI,
    );
  },

  /** An Intercom session in this browser (the Messenger was in use on an earlier page) continues on page load. */
  resume(ctx) {
    const name = `intercom-session-${ctx.options.appId}=`;
    return ctx.document.cookie.split(/;\s*/).some((c) => c.startsWith(name) && c.length > name.length);
  },

  /** After a failed or abandoned load: the site's queued calls stay for a retry, consent-gate's own entries go. */
  unload(ctx) {
    const w = ic(ctx);
    const fn = live(ctx);
    if (fn) safe(() => fn('shutdown'));
    removeWidget(ctx);
    if (isStub(w.Intercom)) dropOurs(w.Intercom);
    else w.Intercom = createStub();
  },

  revoke(ctx, purposes: readonly Purpose[]) {
    if (!purposes.includes('functional')) return;
    const w = ic(ctx);
    const fn = live(ctx);
    if (fn) safe(() => fn('shutdown'));
    removeWidget(ctx);
    stateOf(ctx.window).listeners.clear();
    // A fresh, empty stub: the site's own Intercom(...) calls keep working and wait for a new consent; nothing queued earlier survives.
    w.Intercom = createStub();
    ctx.deleteCookies(cookieNamesFor(ctx.options.appId));
  },
};

/** The catalog entry: data plus adapter. */
const intercom: Vendor<IntercomOptions> = {
  ...data,
  adapter,
};

export default intercom;
