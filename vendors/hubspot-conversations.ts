/**
 * HubSpot Conversations (live chat) and the parts of the HubSpot tracking code
 * it drags along. Facts come from the project's vendor-facts reference; each
 * row names its source.
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
  type Vendor,
  type VendorContext,
  type VendorData,
  type VendorListener,
  type VendorOptions,
} from '../src/contract/index.js';
import { originsOf } from './_kit.js';
import { HUBSPOT_CONSENT, KB, PAGES, TRACKING_COOKIES, TRACKING_HOSTS } from './_hubspot.js';

const OCD = 'Open Cookie Database (Apache-2.0)';

export interface HubSpotOptions extends VendorOptions, ChatOptions {
  /** HubSpot account (portal) id, digits only. */
  portalId: string;
  /** HubSpot data-centre: `na1` (default) or `eu1`. */
  region?: 'na1' | 'eu1';
  /** `chat-only` loads js.usemessages.com alone; `tracking-code` loads js.hs-scripts.com. Default: chat-only unless analytics is granted. */
  loader?: 'chat-only' | 'tracking-code';
  /** On functional revocation, `HubSpotConversations.clear({ resetWidget })`. Default true. */
  resetWidget?: boolean;
  /** hsConversationsSettings passed through (the site's own window.hsConversationsSettings is merged over these). */
  inlineEmbedSelector?: string;
  /** `ON_WIDGET_LOAD` (HubSpot's `true`) or `ON_EXIT_INTENT`; leave unset, consent-gate asks for consent. */
  enableWidgetCookieBanner?: 'ON_WIDGET_LOAD' | 'ON_EXIT_INTENT';
  disableAttachment?: boolean;
  disableInitialInputFocus?: boolean;
  avoidInlineStyles?: boolean;
  identificationEmail?: string;
  identificationToken?: string;
  /** Any further hsConversationsSettings, passed through as they are. */
  settings?: Record<string, unknown>;
  /** Where HubSpot's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'hubspot-conversations',
  kind: 'chat',
  title: 'HubSpot Conversations',
  provider: 'HubSpot, Inc.',
  privacyPolicyUrl: 'https://legal.hubspot.com/privacy-policy',
  purpose: 'functional',
  summary: 'Live chat with our team. HubSpot stores a visitor id so your conversation continues across pages.',
  hosts: [
    {
      host: '*.hs-scripts.com',
      purpose: 'functional',
      description:
        'HubSpot tracking-code loader (js.hs-scripts.com/{portalId}.js, regional js-eu1.hs-scripts.com); it injects the chat and, with analytics, the tracking scripts.',
      source: `${PAGES}; regional hosts other than eu1 unverified`,
    },
    {
      host: '*.usemessages.com',
      purpose: 'functional',
      description: 'Chat widget script (js.usemessages.com/conversations-embed.js).',
      source: PAGES,
    },
    { host: 'app.hubspot.com', purpose: 'functional', description: 'Chat window iframe (conversations-visitor).', source: PAGES },
    {
      host: 'app-eu1.hubspot.com',
      purpose: 'functional',
      description: 'Chat window iframe, EU data-centre.',
      source: `${PAGES}; eu1 host name by HubSpot's regional naming, unverified`,
    },
    { host: 'api.hubspot.com', purpose: 'functional', description: 'Chat back end (livechat-public API).', source: PAGES },
    {
      host: 'api-eu1.hubspot.com',
      purpose: 'functional',
      description: 'Chat back end, EU data-centre.',
      source: `${PAGES}; eu1 host name unverified`,
    },
    { host: 'hubspot-realtime.ably.io', purpose: 'functional', description: 'Real-time messaging for the chat.', source: PAGES },
    {
      host: 'hubspot-rest.ably.io',
      purpose: 'functional',
      description: 'Real-time messaging for the chat (REST fallback).',
      source: PAGES,
    },
    { host: 'hubspot-avatars.s3.amazonaws.com', purpose: 'functional', description: 'Avatars of chat agents.', source: PAGES },
    ...TRACKING_HOSTS,
    {
      host: '*.hubspot.com',
      purpose: 'marketing',
      description: 'Other HubSpot hosts, such as web interactives and CTAs (js.hubspot.com/web-interactives-embed.js).',
      source: PAGES,
    },
  ],
  cookies: [
    {
      name: 'messagesUtk',
      purpose: 'functional',
      lifetime: 6 * MONTH,
      refresh: true,
      scope: 'host',
      description:
        'Chat visitor id: restores the conversation history. Not set for visitors identified through the visitor identification API.',
      source: `${KB}; 6 months now, 13 months in older copies; the ${OCD} files it under marketing`,
    },
    {
      name: 'hs-messages-is-open',
      purpose: 'functional',
      lifetime: 1800,
      scope: 'host',
      description: 'Whether the chat window is open, so it stays open across page loads.',
      source: KB,
    },
    {
      name: 'hs-messages-hide-welcome-message',
      purpose: 'functional',
      lifetime: DAY,
      scope: 'host',
      description: 'Remembers that the chat welcome message was dismissed.',
      source: KB,
    },
    ...TRACKING_COOKIES,
    { name: '__cf_bm', purpose: 'necessary', lifetime: 1800, description: 'Cloudflare bot management in front of HubSpot.', source: KB },
    { name: '__cfruid', purpose: 'necessary', lifetime: 0, description: 'Cloudflare rate limiting in front of HubSpot.', source: KB },
    { name: '__cfuvid', purpose: 'necessary', lifetime: 0, description: 'Cloudflare rate limiting in front of HubSpot.', source: KB },
  ],
  storage: [],
  signals: [HUBSPOT_CONSENT],
  options: {
    portalId: {
      type: 'string',
      required: true,
      pattern: /^\d{1,12}$/,
      expected: 'your HubSpot account id as a string of digits, e.g. "1234567"',
    },
    region: { type: 'string', oneOf: ['na1', 'eu1'] },
    loader: { type: 'string', oneOf: ['chat-only', 'tracking-code'] },
    resetWidget: { type: 'boolean' },
    inlineEmbedSelector: { type: 'string', pattern: /^\S.{0,199}$/, expected: 'a CSS selector such as "#chat"' },
    enableWidgetCookieBanner: {
      type: 'string',
      oneOf: ['ON_WIDGET_LOAD', 'ON_EXIT_INTENT'],
      expected: '"ON_WIDGET_LOAD" or "ON_EXIT_INTENT"',
    },
    disableAttachment: { type: 'boolean' },
    disableInitialInputFocus: { type: 'boolean' },
    avoidInlineStyles: { type: 'boolean' },
    identificationEmail: { type: 'string', pattern: /^[^\s@]+@[^\s@]+$/, expected: "the visitor's email address" },
    identificationToken: { type: 'string', pattern: /^\S+$/, expected: "the token from HubSpot's visitor identification API" },
    settings: { type: 'object', expected: 'an object of further hsConversationsSettings' },
    hostBase: hostBaseOption,
    ...chatOptionSpecs,
  },
};

/* ------------------------------------------------------------------------ */
/* The adapter: everything consent-gate knows about driving HubSpot's chat. */

/** `window.HubSpotConversations`, as the Chat Widget SDK documents it. */
interface ConversationsApi {
  widget: {
    load(options?: { widgetOpen?: boolean }): void;
    refresh(options?: { openToNewThread?: boolean }): void;
    open(): void;
    close(): void;
    remove(): void;
    status(): { loaded: boolean };
  };
  clear(options?: { resetWidget?: boolean }): void;
  on(event: string, fn: VendorListener): void;
  off(event: string, fn: VendorListener): void;
}

interface HubSpotWindow {
  hsConversationsSettings?: Record<string, unknown>;
  hsConversationsOnReady?: unknown;
  HubSpotConversations?: ConversationsApi;
  disableHubSpotCookieBanner?: boolean;
  _hsq?: unknown[];
  _hsp?: unknown[];
}

type Ctx = VendorContext<HubSpotOptions>;

/** Per-page state of the adapter (one catalog object serves every page of a test run). */
interface PageState {
  ready: Promise<ConversationsApi>;
  resolve(api: ConversationsApi): void;
  /** When widget.load or widget.refresh was last called (both are throttled to one call per second). */
  lastCall: number;
  queue: Promise<void>;
}

const THROTTLE_MS = 1000;
const SETTINGS_KEYS = [
  'inlineEmbedSelector',
  'enableWidgetCookieBanner',
  'disableAttachment',
  'disableInitialInputFocus',
  'avoidInlineStyles',
  'identificationEmail',
  'identificationToken',
] as const;
const CHAT_COOKIES = ['messagesUtk', 'hs-messages-is-open', 'hs-messages-hide-welcome-message'];
const ANALYTICS_COOKIES = ['__hstc', 'hubspotutk', '__hssc', '__hssrc'];
const CONTAINERS = ['hubspot-messages-iframe-container', 'hubspot-conversations-inline-parent'];
const LOADER_IDS = ['hubspot-messages-loader', 'hs-script-loader'];
const HELD_ATTRIBUTE = 'data-consent-gate-held';

const pages = new WeakMap<object, PageState>();

function deferred(): Pick<PageState, 'ready' | 'resolve'> {
  let resolve!: (api: ConversationsApi) => void;
  const ready = new Promise<ConversationsApi>((r) => (resolve = r));
  return { ready, resolve };
}

function stateOf(w: object): PageState {
  let st = pages.get(w);
  if (!st) pages.set(w, (st = { ...deferred(), lastCall: 0, queue: Promise.resolve() }));
  return st;
}

function hs(ctx: Pick<Ctx, 'window'>): HubSpotWindow {
  return ctx.window as unknown as HubSpotWindow;
}

/** HubSpot's host names for the configured data-centre. eu1 chat and API host names follow HubSpot's regional naming (unverified). */
export function hubspotHosts(region: 'na1' | 'eu1' = 'na1'): { loader: string; chat: string; app: string; api: string } {
  const eu = region === 'eu1';
  return {
    loader: eu ? 'js-eu1.hs-scripts.com' : 'js.hs-scripts.com',
    chat: eu ? 'js-eu1.usemessages.com' : 'js.usemessages.com',
    app: eu ? 'app-eu1.hubspot.com' : 'app.hubspot.com',
    api: eu ? 'api-eu1.hubspot.com' : 'api.hubspot.com',
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Call widget.load / widget.refresh no more than once per second, in order. */
function throttled(ctx: Ctx, call: () => void): Promise<void> {
  const st = stateOf(ctx.window);
  const run = st.queue.then(async () => {
    const wait = st.lastCall + THROTTLE_MS + 25 - Date.now();
    if (wait > 0) await sleep(wait);
    st.lastCall = Date.now();
    call();
  });
  st.queue = run.catch(() => undefined);
  return run;
}

function api(ctx: Ctx): ConversationsApi | undefined {
  const found = hs(ctx).HubSpotConversations;
  return found && typeof found === 'object' && found.widget ? found : undefined;
}

function whenReady(ctx: Ctx): Promise<ConversationsApi> {
  const now = api(ctx);
  if (now) return Promise.resolve(now);
  const ready = stateOf(ctx.window).ready;
  const signal = ctx.signal;
  if (!signal) return ready;
  return new Promise((resolve, reject) => {
    const abort = () => reject(new Error('consent-gate: HubSpot load abandoned'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    ready.then(resolve, reject);
  });
}

/** Load the widget (open or closed) and wait until its iframe has loaded. */
async function loadWidget(ctx: Ctx, open: boolean): Promise<void> {
  const chat = await whenReady(ctx);
  if (chat.widget.status().loaded) {
    if (open) chat.widget.open();
    return;
  }
  const loaded = new Promise<void>((resolve, reject) => {
    const done = () => {
      clearInterval(poll);
      try {
        chat.off('widgetLoaded', done);
      } catch {
        // nothing to detach
      }
      resolve();
    };
    const poll = setInterval(() => {
      if (ctx.signal?.aborted) {
        clearInterval(poll);
        reject(new Error('consent-gate: HubSpot load abandoned'));
      } else if (chat.widget.status().loaded) done();
    }, 100);
    chat.on('widgetLoaded', done);
  });
  await throttled(ctx, () => chat.widget.load(open ? { widgetOpen: true } : undefined));
  await loaded;
  if (ctx.signal?.aborted) chat.widget.remove();
}

/** With the tracking-code loader, keep out what is not granted: the loader injects each sub-script only if no element with its id exists. */
function holdBack(ctx: Ctx): void {
  const portal = ctx.options.portalId;
  const ids: string[] = [`cookieBanner-${portal}`];
  if (!ctx.allows('analytics')) ids.push('hs-analytics');
  if (!ctx.allows('marketing')) ids.push(`CollectedForms-${portal}`, `hs-ads-pixel-${portal}`);
  for (const id of ids) {
    if (ctx.document.getElementById(id)) continue;
    const el = ctx.document.createElement('script');
    el.type = 'application/json';
    el.id = id;
    el.setAttribute(HELD_ATTRIBUTE, '');
    if (ctx.nonce) el.nonce = ctx.nonce;
    ctx.document.head.appendChild(el);
  }
}

function settingsOf(o: HubSpotOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(isObject(o.settings) ? o.settings : {}) };
  for (const key of SETTINGS_KEYS) if (o[key] !== undefined) out[key] = o[key];
  return out;
}

const adapter: Vendor<HubSpotOptions>['adapter'] = {
  prepare(ctx) {
    const w = hs(ctx);
    // The site's own settings win over the config's; loading always waits for us.
    const settings = isObject(w.hsConversationsSettings) ? w.hsConversationsSettings : {};
    for (const [key, value] of Object.entries(settingsOf(ctx.options))) if (!(key in settings)) settings[key] = value;
    settings.loadImmediately = false;
    w.hsConversationsSettings = settings;
    w.disableHubSpotCookieBanner = true;
    const st = stateOf(ctx.window);
    if (api(ctx)) return st.resolve(api(ctx)!);
    const resolve = st.resolve;
    const onReady = () => {
      const found = hs(ctx).HubSpotConversations;
      if (found) resolve(found);
    };
    const queue = w.hsConversationsOnReady as { push?: unknown } | undefined;
    if (queue && typeof queue.push === 'function') (queue.push as (fn: () => void) => void).call(queue, onReady);
    else w.hsConversationsOnReady = [onReady];
  },

  async load(ctx) {
    if (api(ctx)) return;
    const o = ctx.options;
    const hosts = hubspotHosts(o.region);
    const loader = o.loader ?? (ctx.allows('analytics') ? 'tracking-code' : 'chat-only');
    const present = ctx.document.getElementById(loader === 'tracking-code' ? 'hs-script-loader' : 'hubspot-messages-loader');
    if (!present) {
      if (loader === 'tracking-code') {
        holdBack(ctx);
        await ctx.insertScript(hostUrl(o.hostBase, hosts.loader, `/${o.portalId}.js`), { id: 'hs-script-loader' });
      } else {
        await ctx.insertScript(hostUrl(o.hostBase, hosts.chat, '/conversations-embed.js'), {
          id: 'hubspot-messages-loader',
          'data-loader': 'hs-scriptloader',
          'data-hsjs-portal': o.portalId,
          'data-hsjs-env': 'prod',
          'data-hsjs-hublet': o.region ?? 'na1',
        });
      }
    }
    await whenReady(ctx);
  },

  open: (ctx) => loadWidget(ctx, true),
  mount: (ctx) => loadWidget(ctx, false),

  close(ctx) {
    api(ctx)?.widget.close();
  },

  status(ctx) {
    const chat = api(ctx);
    return chat ? { ...chat.widget.status() } : { loaded: false };
  },

  clear(ctx, options) {
    const chat = api(ctx);
    if (chat) chat.clear(options as { resetWidget?: boolean } | undefined);
    else ctx.deleteCookies(CHAT_COOKIES);
  },

  async refresh(ctx, options) {
    const chat = api(ctx);
    if (chat) await throttled(ctx, () => chat.widget.refresh(options as { openToNewThread?: boolean } | undefined));
  },

  on(ctx, event, fn) {
    api(ctx)?.on(event, fn);
  },

  off(ctx, event, fn) {
    api(ctx)?.off(event, fn);
  },

  preconnect(ctx) {
    const o = ctx.options;
    const hosts = hubspotHosts(o.region);
    const first = (o.loader ?? (ctx.allows('analytics') ? 'tracking-code' : 'chat-only')) === 'tracking-code' ? hosts.loader : hosts.chat;
    return originsOf(
      [first, hosts.chat, hosts.app, hosts.api].map((host) => hostUrl(o.hostBase, host, '/')),
      ctx.document.baseURI,
    );
  },

  resume(ctx) {
    return /(?:^|;\s*)hs-messages-is-open=(?!false)[^;]/.test(ctx.document.cookie);
  },

  inlineTarget(ctx) {
    const o = ctx.options;
    const site = hs(ctx).hsConversationsSettings;
    const selector =
      o.inlineEmbedSelector ??
      (isObject(o.settings) ? o.settings.inlineEmbedSelector : undefined) ??
      (isObject(site) ? site.inlineEmbedSelector : undefined);
    return typeof selector === 'string' && selector ? selector : null;
  },

  unload(ctx) {
    const chat = api(ctx);
    if (chat) safe(() => chat.widget.remove());
    for (const id of CONTAINERS) ctx.document.getElementById(id)?.remove();
    for (const id of LOADER_IDS) ctx.document.getElementById(id)?.remove();
    for (const el of ctx.document.querySelectorAll(`[${HELD_ATTRIBUTE}]`)) el.remove();
    delete hs(ctx).HubSpotConversations;
    Object.assign(stateOf(ctx.window), deferred());
  },

  revoke(ctx, purposes) {
    const w = hs(ctx);
    if (purposes.includes('functional')) {
      const chat = api(ctx);
      if (chat) {
        safe(() => chat.clear({ resetWidget: ctx.options.resetWidget !== false }));
        safe(() => chat.widget.remove());
      }
      for (const id of CONTAINERS) ctx.document.getElementById(id)?.remove();
      ctx.deleteCookies(CHAT_COOKIES);
    }
    if (purposes.includes('analytics')) {
      (w._hsp = Array.isArray(w._hsp) || isObject(w._hsp) ? w._hsp : []).push(['revokeCookieConsent']);
      (w._hsq = Array.isArray(w._hsq) || isObject(w._hsq) ? w._hsq : []).push(['doNotTrack']);
      ctx.deleteCookies(ANALYTICS_COOKIES);
    }
  },
};

/** The catalog entry: data plus adapter. */
const hubspotConversations: Vendor<HubSpotOptions> = {
  ...data,
  adapter,
};

export default hubspotConversations;
