/**
 * Microsoft Clarity (session replay and heatmaps). Facts come from the
 * project's tag-facts reference, §7: C1 and C2 are Microsoft's Clarity
 * documentation, C3 Clarity's own open-source code; the loader URL comes from
 * copies of the snippet.
 *
 * Clarity's consent API v2 is a call on the `clarity` function
 * (`clarity('consentv2', { ad_Storage, analytics_Storage })`), not a queue of
 * its own, so it is not a declared signal: the adapter makes the call. Before
 * the tag runs (`prepare`) it states the current decision; on withdrawal
 * (`revoke`) it denies, and Clarity itself then expires `_clck` and `_clsk`
 * and restarts without cookies [C3]. `_cltk` (sessionStorage) is left by
 * Clarity on that path; the runtime's sweep removes it with the cookies.
 */
import {
  DAY,
  hostBaseOption,
  hostUrl,
  safe,
  type Vendor,
  type VendorContext,
  type VendorData,
  type VendorOptions,
} from '../src/contract/index.js';
import { scriptOnPage } from './_tags.js';

const FACTS = 'tag-facts §7 (Microsoft Clarity)';
const CODE = `${FACTS}: Clarity's source code @8aa987e, packages/clarity-js/src/data/cookie.ts and metadata.ts [C3]`;
export const CLARITY_HOST = 'www.clarity.ms';
export const CLARITY_PATH = '/tag/';

/** Why analytics. */
export const purposeSource = `${FACTS}, Purpose row: session replay and heatmaps (analytics); Clarity's own consent types are analytics_Storage and ad_Storage [C1]`;

export interface MicrosoftClarityOptions extends VendorOptions {
  /** The Clarity project id. With it, consent-gate inserts Clarity's snippet itself. */
  projectId?: string;
  /** Where Microsoft's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'microsoft-clarity',
  kind: 'tag',
  title: 'Microsoft Clarity',
  provider: 'Microsoft Ireland Operations Limited',
  privacyPolicyUrl: 'https://privacy.microsoft.com/privacystatement',
  purpose: 'analytics',
  summary:
    'Microsoft Clarity records how you move, click and scroll on our pages (session replays and heatmaps), so we can fix what is hard to use.',
  hosts: [
    {
      host: CLARITY_HOST,
      path: CLARITY_PATH,
      purpose: 'analytics',
      description: 'The Clarity loader (www.clarity.ms/tag/<projectId>).',
      source: `unverified: ${FACTS}, Hosts row: copies of the snippet [SNIP] and c15t's Clarity manifest [C15]`,
    },
    {
      host: '*.clarity.ms',
      purpose: 'analytics',
      description:
        "Clarity's script and upload hosts (<x>.clarity.ms/collect; the upload URL comes from the tag config and is kept inside _clsk).",
      source: `${CODE}; unverified: the host names d., h. and y.clarity.ms seen in practice [OBS]`,
    },
  ],
  cookies: [
    {
      name: '_clck',
      purpose: 'analytics',
      lifetime: 365 * DAY,
      refresh: true,
      scope: 'parent',
      description: 'Clarity user id and preferences, renewed at most once a day.',
      source: `${CODE} (Expire=365 days, CookieInterval=1 day, written on the root domain found by walking up the host name)`,
    },
    {
      name: '_clsk',
      purpose: 'analytics',
      lifetime: DAY,
      refresh: true,
      scope: 'parent',
      description: 'Connects the page views of one session into one recording; holds the upload URL.',
      source: `${CODE} (SessionExpire=1 day, re-written on save, root domain)`,
    },
  ],
  storage: [
    {
      key: '_cltk',
      storage: 'session',
      purpose: 'analytics',
      lifetime: 0,
      description: 'Tab id, written only while tracking is allowed.',
      source: CODE,
    },
  ],
  options: {
    projectId: {
      type: 'string',
      pattern: /^[a-z0-9]{6,20}$/,
      expected: 'your Clarity project id, lowercase letters and digits such as "abcde12345"',
    },
    hostBase: hostBaseOption,
  },
};

type ClarityState = { ad_Storage: 'granted' | 'denied'; analytics_Storage: 'granted' | 'denied' };
type Clarity = ((...args: unknown[]) => void) & { q?: unknown[] };

/** `window.clarity`: the page's own, or the stub Clarity's snippet defines (calls wait in `clarity.q`). */
export function clarityOf(win: Window): Clarity {
  const w = win as unknown as { clarity?: Clarity };
  if (typeof w.clarity === 'function') return w.clarity;
  const c: Clarity = function clarity() {
    // as Clarity's snippet: the arguments object itself waits in the queue
    // biome-ignore lint/complexity/noArguments: the vendor's queue reads the Arguments object itself, as its own snippet pushes it
    (c.q = c.q || []).push(arguments);
  };
  w.clarity = c;
  return c;
}

/** Clarity's consent v2 state for what is allowed now: analytics_Storage by analytics, ad_Storage by marketing (and never without analytics). */
export function clarityConsent(allows: VendorContext['allows']): ClarityState {
  const analytics = allows('analytics');
  return { ad_Storage: analytics && allows('marketing') ? 'granted' : 'denied', analytics_Storage: analytics ? 'granted' : 'denied' };
}

const adapter: Vendor<MicrosoftClarityOptions>['adapter'] = {
  /** Before Clarity runs: the current decision through consent API v2 (queued until the tag takes it over). */
  prepare(ctx) {
    const clarity = clarityOf(ctx.window);
    safe(() => clarity('consentv2', clarityConsent(ctx.allows)));
  },

  /** Clarity's snippet: the `clarity` queue and the loader for the project (unless the page has it already). */
  async load(ctx) {
    const { projectId, hostBase } = ctx.options;
    if (!projectId || scriptOnPage(ctx.document, hostBase, CLARITY_HOST, CLARITY_PATH)) return;
    clarityOf(ctx.window);
    await ctx.insertScript(hostUrl(hostBase, CLARITY_HOST, `${CLARITY_PATH}${encodeURIComponent(projectId)}`));
  },

  /** Clarity's consent API v2 with the withdrawn types denied: Clarity expires _clck and _clsk itself and goes on without cookies. */
  revoke(ctx, purposes) {
    const clarity = (ctx.window as unknown as { clarity?: Clarity }).clarity;
    if (typeof clarity !== 'function' || !(purposes.includes('analytics') || purposes.includes('marketing'))) return;
    const state = clarityConsent(ctx.allows);
    if (purposes.includes('analytics')) state.analytics_Storage = state.ad_Storage = 'denied';
    if (purposes.includes('marketing')) state.ad_Storage = 'denied';
    safe(() => clarity('consentv2', state));
  },
};

/** The catalog entry: data plus adapter. */
const microsoftClarity: Vendor<MicrosoftClarityOptions> = { ...data, adapter };

export default microsoftClarity;
