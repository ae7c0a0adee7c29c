/**
 * web1on1 chat widget. Facts come from web1on1's Widget API document and the
 * project's vendor-facts reference; each row names its source. The loader URL
 * is not documented publicly, so the site owner must give it (`loaderUrl`).
 */
import {
  chatOptionSpecs,
  hostBaseOption,
  hostUrl,
  isObject,
  type ChatOptions,
  type StorageRule,
  type Vendor,
  type VendorContext,
  type VendorData,
  type VendorListener,
  type VendorOptions,
} from '../src/contract/index.js';
import { originsOf, waitFor } from './_kit.js';

const FACTS = 'vendor-facts reference, web1on1 section (the vendor says nothing is stored until the visitor starts the widget)';

export interface Web1on1Options extends VendorOptions, ChatOptions {
  /** URL of the web1on1 loader script your web1on1 account gives you (https). */
  loaderUrl: string;
  /** Further widget configuration, passed through as it is (`openAfter` and `shoutout` are always false). */
  config?: Record<string, unknown>;
  /**
   * Where the loader's host is reached: a URL with `{host}`, default `https://{host}`
   * (the loader's own host). For tests and the offline demo only, which serve the
   * loader from the page's own origin, e.g. "/vendor/{host}".
   */
  hostBase?: string;
}

/** Methods the page may call through the queue, as the Widget API names them. */
export const WEB1ON1_METHODS = [
  'open',
  'close',
  'isOpened',
  'setPredefinedMessage',
  'api.showFakeAgentMessage',
  'api.sendClientMessage',
] as const;
export type Web1on1Method = (typeof WEB1ON1_METHODS)[number];

const key = (name: string, description: string, match?: 'suffix'): StorageRule => ({
  key: name,
  ...(match ? { match } : {}),
  storage: 'local',
  purpose: 'functional',
  lifetime: 0,
  description,
  source: FACTS,
});

export const data: VendorData = {
  id: 'web1on1',
  kind: 'chat',
  title: 'web1on1 chat',
  provider: 'web1on1 B.V.',
  privacyPolicyUrl: 'https://www.web1on1.com/privacy',
  purpose: 'functional',
  summary: 'Live chat with our team. web1on1 stores a visitor id in your browser so your conversation continues across pages.',
  hosts: [
    {
      host: '*.web1on1.com',
      purpose: 'functional',
      description:
        'web1on1 widget loader and chat back end. The loader URL is configured per site (option loaderUrl); a loader on another host is only ever inserted after consent, but the guard does not know that host.',
      source: "unverified: the loader host is not in web1on1's public documentation; *.web1on1.com is the vendor's own domain",
    },
  ],
  cookies: [],
  storage: [
    key('.appUserId', 'Visitor id of the chat (key {integrationId}.appUserId): restores the conversation.', 'suffix'),
    key('.clientId', 'Chat client (device) id (key {integrationId}.clientId).', 'suffix'),
    key('.sessionToken', 'Session token of the chat (key {integrationId}.sessionToken).', 'suffix'),
    key('widget_uuid', 'Id of this widget instance.'),
    key('widget_loaded', 'Whether the widget has loaded before.'),
    key('widget_auto_opened', 'Whether the widget has opened by itself, so it does not do it again.'),
    key('widget_opened_by_customer', 'Whether the visitor opened the widget.'),
    key('widget_closed_by_customer', 'Whether the visitor closed the widget.'),
    key('widget_customer_clicked_header', 'Whether the visitor clicked the widget header.'),
    key('widget_eyecatcher_closed', 'Whether the visitor dismissed the eye-catcher.'),
    key('widget_show_first_message', 'Whether the first (welcome) message is shown.'),
  ],
  options: {
    loaderUrl: {
      type: 'string',
      required: true,
      pattern: /^https:\/\/[^\s/?#]+\/\S*$/,
      expected: 'the https URL of your web1on1 loader script, e.g. "https://widget.web1on1.com/loader.js"',
    },
    config: { type: 'object', expected: 'an object of further web1on1 widget configuration' },
    hostBase: hostBaseOption,
    ...chatOptionSpecs,
  },
};

/** The URL the loader script is fetched from: `loaderUrl`, through `hostBase` when given. @internal (exported for its unit tests) */
export function loaderSrc(options: Pick<Web1on1Options, 'loaderUrl' | 'hostBase'>): string {
  if (!options.hostBase) return options.loaderUrl;
  const url = new URL(options.loaderUrl);
  return hostUrl(options.hostBase, url.host, url.pathname + url.search);
}

/* ------------------------------------------------------------------------ */
/* The adapter. */

/** `window.web1on1`, as the Widget API documents it. */
interface Web1on1Api {
  open(): void;
  close(): void;
  isOpened(): boolean;
  setPredefinedMessage(message: string): void;
  api: {
    showFakeAgentMessage(message: string, name?: string): void;
    sendClientMessage(message: string): void;
  };
}

/** A queued call: the method name, then its arguments. */
export type Web1on1Call = [Web1on1Method, ...unknown[]];

interface Web1on1Window {
  web1on1?: Web1on1Api;
  /** Widget configuration read by the loader (global name unverified). */
  web1on1Options?: Record<string, unknown>;
  /** Calls the page made before the widget loaded; drained in order after load, then every push runs at once. */
  web1on1Queue?: { push(...calls: Web1on1Call[]): number } | Web1on1Call[];
}

type Ctx = VendorContext<Web1on1Options>;

const LOADER_ID = 'web1on1-loader';
/** Elements the widget puts on the page (ids starting with "web1on1"; the real widget's ids are unverified). */
const WIDGET_SELECTOR = '[id^="web1on1"]';

function w1(ctx: Ctx): Web1on1Window {
  return ctx.window as unknown as Web1on1Window;
}

function api(ctx: Ctx): Web1on1Api | undefined {
  const found = w1(ctx).web1on1;
  return found && typeof found === 'object' && typeof found.open === 'function' ? found : undefined;
}

/** Run one queued call on the live API. An unknown method is reported, never thrown at the page. @internal (exported for its unit tests) */
export function runCall(target: Web1on1Api, call: unknown): unknown {
  if (!Array.isArray(call) || !WEB1ON1_METHODS.includes(call[0] as Web1on1Method)) {
    console.error(
      `consent-gate: web1on1Queue entry is ${JSON.stringify(call)}; expected [method, ...arguments] with method one of ${WEB1ON1_METHODS.map((m) => `"${m}"`).join(', ')}`,
    );
    return undefined;
  }
  const [method, ...args] = call as Web1on1Call;
  const path = method.split('.');
  const owner = (path.length === 2 ? (target as unknown as Record<string, Record<string, unknown>>)[path[0]!] : target) as
    | Record<string, unknown>
    | undefined;
  const fn = owner?.[path[path.length - 1]!];
  if (typeof fn !== 'function') return undefined;
  try {
    return (fn as (...a: unknown[]) => unknown).apply(owner, args);
  } catch {
    return undefined; // vendor code that throws never breaks the page
  }
}

/** Replay the calls queued before load, in order, then make every later push run at once. */
function drain(ctx: Ctx, target: Web1on1Api): void {
  const w = w1(ctx);
  const queued = Array.isArray(w.web1on1Queue) ? w.web1on1Queue.splice(0) : [];
  w.web1on1Queue = {
    push(...calls: Web1on1Call[]) {
      for (const call of calls) runCall(target, call);
      return 0;
    },
  };
  for (const call of queued) runCall(target, call);
}

function whenReady(ctx: Ctx): Promise<Web1on1Api> {
  return waitFor(() => api(ctx), ctx.signal, 'web1on1');
}

function removeWidget(ctx: Ctx): void {
  for (const el of ctx.document.querySelectorAll(WIDGET_SELECTOR)) el.remove();
  ctx.document.getElementById(LOADER_ID)?.remove();
  delete w1(ctx).web1on1;
}

const adapter: Vendor<Web1on1Options>['adapter'] = {
  prepare(ctx) {
    const w = w1(ctx);
    const site = isObject(w.web1on1Options) ? w.web1on1Options : {};
    const given = isObject(ctx.options.config) ? ctx.options.config : {};
    // the widget never opens or shouts by itself: consent-gate opens it on the visitor's click
    w.web1on1Options = { ...given, ...site, openAfter: false, shoutout: false };
    if (!Array.isArray(w.web1on1Queue) && !isObject(w.web1on1Queue)) w.web1on1Queue = [];
  },

  async load(ctx) {
    if (!api(ctx) && !ctx.document.getElementById(LOADER_ID)) await ctx.insertScript(loaderSrc(ctx.options), { id: LOADER_ID });
    const found = await whenReady(ctx);
    if (!ctx.signal?.aborted) drain(ctx, found);
  },

  open(ctx) {
    api(ctx)?.open();
  },

  async mount(ctx) {
    await whenReady(ctx);
  },

  close(ctx) {
    api(ctx)?.close();
  },

  status(ctx) {
    const found = api(ctx);
    if (!found) return { loaded: false };
    let opened = false;
    try {
      opened = found.isOpened() === true;
    } catch {
      opened = false;
    }
    return { loaded: ctx.document.querySelector(WIDGET_SELECTOR) !== null, opened };
  },

  clear(ctx) {
    ctx.removeStorage(data.storage);
  },

  /** `ready`: called with the live `web1on1` object once loaded (listeners added before load run in order). */
  on(ctx, event, fn: VendorListener) {
    const found = api(ctx);
    if (event === 'ready' && found) fn(found);
  },

  preconnect(ctx) {
    return originsOf([loaderSrc(ctx.options)], ctx.window.location.href);
  },

  unload(ctx) {
    removeWidget(ctx);
  },

  revoke(ctx, purposes) {
    if (!purposes.includes('functional')) return;
    const found = api(ctx);
    if (found) {
      try {
        found.close();
      } catch {
        // nothing to close
      }
    }
    removeWidget(ctx);
    const w = w1(ctx);
    if (!Array.isArray(w.web1on1Queue)) w.web1on1Queue = [];
    ctx.removeStorage(data.storage);
  },
};

/** The catalog entry: data plus adapter. */
const web1on1: Vendor<Web1on1Options> = {
  ...data,
  adapter,
};

export default web1on1;
