/**
 * Crisp live chat. Facts come from the project's vendor-facts reference
 * ("Other chat widgets" table) and Crisp's public developer documentation;
 * each row names its source and says "unverified" where the reference is silent.
 *
 * How it is driven: `window.CRISP_WEBSITE_ID` and `window.CRISP_RUNTIME_CONFIG`
 * are set before the loader runs; `window.$crisp` starts as an array of
 * commands that the loader takes over and replays in order. consent-gate
 * queues `['do', 'chat:hide']` first, so nothing shows before the visitor
 * asks; opening is `chat:open` then `chat:show`; revoking is `session:reset`,
 * then the widget is removed and the session cookie deleted.
 */
import {
  chatOptionSpecs,
  hostBaseOption,
  hostUrl,
  isObject,
  MONTH,
  type ChatOptions,
  type Vendor,
  type VendorContext,
  type VendorData,
  type VendorListener,
  type VendorOptions,
} from '../src/contract/index.js';
import { originsOf, waitFor } from './_kit.js';

const FACTS = 'vendor-facts reference, "Other chat widgets" table (Crisp row)';
const DOMAINS = "Crisp developer documentation, 'Crisp Domain Names' (docs.crisp.chat)";
const COOKIE_POLICIES = "Crisp developer documentation, 'Cookie Policies' (docs.crisp.chat)";

export const CRISP_LOADER_HOST = 'client.crisp.chat';
export const CRISP_LOADER_PATH = '/l.js';
/** The session cookie: `crisp-client/session/{websiteId}`. */
export const CRISP_COOKIE_PREFIX = 'crisp-client/session/';

export interface CrispOptions extends VendorOptions, ChatOptions {
  /** Your Crisp website id (a UUID, from Crisp's settings: Website settings → Setup instructions). */
  websiteId: string;
  /** `CRISP_RUNTIME_CONFIG` passed through (the site's own `window.CRISP_RUNTIME_CONFIG` is merged over it), e.g. `{ locale: 'de' }`. */
  runtimeConfig?: Record<string, unknown>;
  /** Where Crisp's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'crisp',
  kind: 'chat',
  title: 'Crisp chat',
  provider: 'Crisp IM SAS',
  privacyPolicyUrl: 'https://crisp.chat/en/privacy/',
  purpose: 'functional',
  summary: 'Live chat with our team. Crisp stores a session id in a cookie so your conversation continues across pages and visits.',
  hosts: [
    {
      host: CRISP_LOADER_HOST,
      purpose: 'functional',
      description: "Crisp chat loader (client.crisp.chat/l.js) and the widget's scripts, styles, fonts, images and settings.",
      source: `${FACTS}; ${DOMAINS}`,
    },
    {
      host: '*.crisp.chat',
      purpose: 'functional',
      description:
        'Further Crisp hosts the widget talks to once loaded: the real-time messaging connection (client.relay.crisp.chat), avatars and images (image.crisp.chat), file transfers (storage.crisp.chat).',
      source: `unverified: the vendor-facts reference names client.crisp.chat only; the other host names are from ${DOMAINS}`,
    },
  ],
  cookies: [
    {
      name: CRISP_COOKIE_PREFIX,
      match: 'prefix',
      purpose: 'functional',
      lifetime: 6 * MONTH,
      scope: 'parent',
      description:
        'Crisp chat session id (cookie crisp-client/session/{websiteId}): links this browser to its conversation so it continues across pages and visits.',
      source: `${FACTS} (name and 6 months); ${COOKIE_POLICIES}: written on the base (parent) domain by default, CRISP_COOKIE_DOMAIN and CRISP_COOKIE_EXPIRE change that; unverified: whether the lifetime is extended on each visit`,
    },
  ],
  storage: [],
  options: {
    websiteId: {
      type: 'string',
      required: true,
      pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
      expected: 'your Crisp website id, a UUID such as "7598bf86-9ebb-46bc-8d61-be8929bbf93d"',
    },
    runtimeConfig: { type: 'object', expected: 'an object of CRISP_RUNTIME_CONFIG settings, such as { locale: "de" }' },
    hostBase: hostBaseOption,
    ...chatOptionSpecs,
  },
};

/* ------------------------------------------------------------------------ */
/* The adapter. */

/** A `$crisp` command: an action (`do`, `set`, `on`, `off`, `config`, `safe`), a method, then arguments. */
export type CrispCommand = [string, ...unknown[]];

/** `window.$crisp` once the loader has taken it over. */
export interface CrispApi {
  push(...commands: CrispCommand[]): unknown;
  is(state: string): boolean;
  get?(name: string): unknown;
}

interface CrispWindow {
  CRISP_WEBSITE_ID?: unknown;
  CRISP_RUNTIME_CONFIG?: unknown;
  $crisp?: CrispApi | CrispCommand[];
}

type Ctx = VendorContext<CrispOptions>;

const LOADER_ID = 'crisp-loader';
/** The element Crisp puts its widget into (class name as seen in public pages; unverified). */
const WIDGET_SELECTOR = '.crisp-client';
/** After a reset, Crisp may start a fresh session and write a new cookie; delete again at these delays (ms). */
const LATE_SWEEPS = [250, 1000];

function cw(ctx: Ctx): CrispWindow {
  return ctx.window as unknown as CrispWindow;
}

/** The live `$crisp` (taken over by the loader), or undefined while it is still the pre-load array. @internal (exported for its unit tests) */
export function liveApi(value: unknown): CrispApi | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Partial<CrispApi>;
  return typeof v.push === 'function' && typeof v.is === 'function' ? (v as CrispApi) : undefined;
}

function api(ctx: Ctx): CrispApi | undefined {
  return liveApi(cw(ctx).$crisp);
}

/** The URL of a Crisp host, through `hostBase` when given. @internal (exported for its unit tests) */
export function crispUrl(options: Pick<CrispOptions, 'hostBase'>, host: string, path: string): string {
  return hostUrl(options.hostBase, host, path);
}

/** The runtime config the loader reads: the configured one, with the site's own settings winning. @internal (exported for its unit tests) */
export function runtimeConfigOf(given: unknown, site: unknown): Record<string, unknown> {
  return { ...(isObject(given) ? given : {}), ...(isObject(site) ? site : {}) };
}

/**
 * The command queue before load: `chat:hide` first (the widget stays out of
 * sight until the visitor asks), then the site's own commands in their order.
 * @internal (exported for its unit tests; not part of the package's API)
 */
export function preloadQueue(existing: unknown): CrispCommand[] {
  const own = Array.isArray(existing)
    ? (existing as CrispCommand[]).filter((c) => !(Array.isArray(c) && c[0] === 'do' && c[1] === 'chat:hide' && c.length === 2))
    : [];
  return [['do', 'chat:hide'], ...own];
}

/** Push commands to `$crisp` (live or still queued). Vendor code that throws never breaks the page. */
function push(ctx: Ctx, ...commands: CrispCommand[]): void {
  const w = cw(ctx);
  const target = w.$crisp;
  try {
    if (Array.isArray(target) || liveApi(target)) for (const c of commands) (target as { push(c: CrispCommand): unknown }).push(c);
    else w.$crisp = [...commands];
  } catch {
    // a broken $crisp never breaks the page
  }
}

function is(ctx: Ctx, state: string): boolean {
  const live = api(ctx);
  if (!live) return false;
  try {
    return live.is(state) === true;
  } catch {
    return false;
  }
}

function whenReady(ctx: Ctx): Promise<CrispApi> {
  return waitFor(() => (ctx.document.querySelector(WIDGET_SELECTOR) ? api(ctx) : undefined), ctx.signal, 'Crisp');
}

/**
 * Whether a Crisp loader is already on the page: ours, or the site's own pasted
 * snippet (which the head guard holds back and releases on consent). Loading a
 * second one would start a second widget.
 */
function loaderPresent(ctx: Ctx): boolean {
  if (ctx.document.getElementById(LOADER_ID)) return true;
  const ours = crispUrl(ctx.options, CRISP_LOADER_HOST, CRISP_LOADER_PATH);
  for (const el of ctx.document.querySelectorAll('script')) {
    const src = el.getAttribute('src') ?? el.getAttribute('data-cg-src');
    if (!src) continue;
    try {
      const url = new URL(src, ctx.document.baseURI);
      if (
        url.href === new URL(ours, ctx.document.baseURI).href ||
        (url.hostname === CRISP_LOADER_HOST && url.pathname === CRISP_LOADER_PATH)
      )
        return true;
    } catch {
      // not a URL: not a loader
    }
  }
  return false;
}

function removeWidget(ctx: Ctx): void {
  for (const el of ctx.document.querySelectorAll(WIDGET_SELECTOR)) el.remove();
  ctx.document.getElementById(LOADER_ID)?.remove();
  for (const el of ctx.document.querySelectorAll('script[src]')) {
    try {
      const url = new URL(el.getAttribute('src')!, ctx.document.baseURI);
      if (url.hostname === CRISP_LOADER_HOST && url.pathname === CRISP_LOADER_PATH) el.remove();
    } catch {
      // not a URL
    }
  }
  // later pushes wait in a fresh array instead of reaching a widget that is gone
  cw(ctx).$crisp = [];
}

function sessionCookie(ctx: Ctx): string {
  return CRISP_COOKIE_PREFIX + ctx.options.websiteId;
}

const adapter: Vendor<CrispOptions>['adapter'] = {
  prepare(ctx) {
    const w = cw(ctx);
    w.CRISP_WEBSITE_ID = ctx.options.websiteId;
    w.CRISP_RUNTIME_CONFIG = runtimeConfigOf(ctx.options.runtimeConfig, w.CRISP_RUNTIME_CONFIG);
    if (!api(ctx)) w.$crisp = preloadQueue(w.$crisp);
  },

  async load(ctx) {
    if (!api(ctx) && !loaderPresent(ctx)) {
      await ctx.insertScript(crispUrl(ctx.options, CRISP_LOADER_HOST, CRISP_LOADER_PATH), { id: LOADER_ID });
    }
    await whenReady(ctx);
  },

  async open(ctx) {
    await whenReady(ctx);
    // open first, then show: the chatbox appears already open, never as a closed launcher first
    push(ctx, ['do', 'chat:open'], ['do', 'chat:show']);
  },

  async mount(ctx) {
    await whenReady(ctx);
    push(ctx, ['do', 'chat:show']);
  },

  close(ctx) {
    push(ctx, ['do', 'chat:close']);
  },

  status(ctx) {
    return { loaded: ctx.document.querySelector(WIDGET_SELECTOR) !== null && is(ctx, 'chat:visible'), opened: is(ctx, 'chat:opened') };
  },

  /** Starts a new Crisp session (the visitor's conversation is no longer linked to this browser). */
  clear(ctx) {
    push(ctx, ['do', 'session:reset']);
  },

  /** Crisp's own events (`chat:opened`, `message:received`, …). Crisp's `off` drops every listener of that event. */
  on(ctx, event, fn: VendorListener) {
    push(ctx, ['on', event, fn]);
  },

  off(ctx, event) {
    push(ctx, ['off', event]);
  },

  preconnect(ctx) {
    return originsOf([crispUrl(ctx.options, CRISP_LOADER_HOST, '/')], ctx.document.baseURI);
  },

  unload(ctx) {
    removeWidget(ctx);
  },

  revoke(ctx, purposes) {
    if (!purposes.includes('functional')) return;
    if (api(ctx)) push(ctx, ['do', 'session:reset']);
    removeWidget(ctx);
    const name = sessionCookie(ctx);
    ctx.deleteCookies([name]);
    // a reset may start a fresh session that writes a new cookie a moment later
    for (const ms of LATE_SWEEPS) setTimeout(() => ctx.allows('functional') || ctx.deleteCookies([name]), ms);
  },
};

/** The catalog entry: data plus adapter. */
const crisp: Vendor<CrispOptions> = {
  ...data,
  adapter,
};

export default crisp;
