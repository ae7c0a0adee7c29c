/**
 * Hotjar (session recordings, heatmaps, surveys). Facts come from the
 * project's tag-facts reference, §8. Hotjar's own cookie table and CSP
 * article were read only as copied by third parties, so every row is marked
 * unverified. Hotjar documents no consent API: the tag is held back until
 * analytics is granted, and on withdrawal the runtime's sweep deletes every
 * `_hj*` cookie and the keys below.
 */
import { DAY, hostBaseOption, hostUrl, type Vendor, type VendorData, type VendorOptions } from '../src/contract/index.js';
import { scriptOnPage } from './_tags.js';

const FACTS = 'tag-facts §8 (Hotjar)';
export const HOTJAR_HOST = 'static.hotjar.com';
export const HOTJAR_PATH = '/c/';
/** The snippet version Hotjar's current snippet passes (`hjsv`). */
const SNIPPET_VERSION = 6;

/** Why analytics. */
export const purposeSource = `${FACTS}, Purpose row: session recording and heatmaps (analytics)`;

export interface HotjarOptions extends VendorOptions {
  /** The Hotjar site id (digits). With it, consent-gate inserts Hotjar's snippet itself. */
  siteId?: string;
  /** Where Hotjar's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'hotjar',
  kind: 'tag',
  title: 'Hotjar',
  provider: 'Hotjar Ltd.',
  privacyPolicyUrl: 'https://www.hotjar.com/legal/policies/privacy/',
  purpose: 'analytics',
  summary: 'Hotjar records how you use our pages (session recordings, heatmaps and short surveys), so we can fix what is hard to use.',
  hosts: [
    {
      host: HOTJAR_HOST,
      path: HOTJAR_PATH,
      purpose: 'analytics',
      description: 'The Hotjar loader (static.hotjar.com/c/hotjar-<siteId>.js?sv=6).',
      source: `unverified: ${FACTS}, Hosts row: c15t's Hotjar manifest [C15]`,
    },
    {
      host: '*.hotjar.com',
      purpose: 'analytics',
      description: "Hotjar's scripts, settings and live connection (script.hotjar.com, vars.hotjar.com, WebSocket wss://*.hotjar.com).",
      source: `unverified: ${FACTS}, Hosts row: public CSPs; Hotjar's CSP article was not read [HJ]`,
    },
    {
      host: '*.hotjar.io',
      purpose: 'analytics',
      description: 'Hotjar data collection hosts.',
      source: `unverified: ${FACTS}, Hosts row: public CSPs [HJ]`,
    },
  ],
  cookies: [
    {
      name: '_hj',
      match: 'prefix',
      purpose: 'analytics',
      lifetime: 365 * DAY,
      scope: 'parent',
      description:
        'Every Hotjar cookie: visitor id (_hjSessionUser_<siteId>, 1 year), session (_hjSession_<siteId>, 30 minutes), sampling and session flags, storage and domain probes (_hjTLDTest), survey and feedback state; the longest lives 1 year.',
      source: `unverified: ${FACTS}, First-party cookies row: Hotjar's cookie table as copied on third-party sites and the Open Cookie Database [HJ][OCD]; the parent domain inferred from the _hjTLDTest probe`,
    },
  ],
  storage: [
    {
      key: '_hjUserAttributes',
      storage: 'local',
      purpose: 'analytics',
      lifetime: 0,
      description: 'Attributes sent with the identify API.',
      source: `unverified: ${FACTS}, Storage row [HJ]`,
    },
    {
      key: 'hjViewportId',
      storage: 'local',
      purpose: 'analytics',
      lifetime: 0,
      description: 'Id of the current viewport.',
      source: `unverified: ${FACTS}, Storage row [HJ]`,
    },
    {
      key: '_hjRecordingLastActivity',
      storage: 'session',
      purpose: 'analytics',
      lifetime: 0,
      description: 'When the visitor last acted, for the recording.',
      source: `unverified: ${FACTS}, Storage row [HJ]`,
    },
  ],
  options: {
    siteId: { type: 'string', pattern: /^\d{1,12}$/, expected: 'your Hotjar site id, a string of digits such as "1234567"' },
    hostBase: hostBaseOption,
  },
};

interface HotjarWindow {
  hj?: ((...args: unknown[]) => void) & { q?: unknown[] };
  _hjSettings?: { hjid: number; hjsv: number };
}

const adapter: Vendor<HotjarOptions>['adapter'] = {
  /** Hotjar's snippet: the `hj` queue, `_hjSettings`, then the loader for the site (unless the page has it already). */
  async load(ctx) {
    const { siteId, hostBase } = ctx.options;
    if (!siteId || scriptOnPage(ctx.document, hostBase, HOTJAR_HOST, HOTJAR_PATH)) return;
    const w = ctx.window as unknown as HotjarWindow;
    if (typeof w.hj !== 'function') {
      const stub = function hj() {
        // as Hotjar's snippet: the arguments object itself waits in the queue
        // biome-ignore lint/complexity/noArguments: the vendor's queue reads the Arguments object itself, as its own snippet pushes it
        (stub.q = stub.q || []).push(arguments);
      } as NonNullable<HotjarWindow['hj']>;
      w.hj = stub;
    }
    w._hjSettings = { hjid: Number(siteId), hjsv: SNIPPET_VERSION };
    await ctx.insertScript(hostUrl(hostBase, HOTJAR_HOST, `${HOTJAR_PATH}hotjar-${siteId}.js?sv=${SNIPPET_VERSION}`));
  },
};

/** The catalog entry: data plus adapter. */
const hotjar: Vendor<HotjarOptions> = { ...data, adapter };

export default hotjar;
