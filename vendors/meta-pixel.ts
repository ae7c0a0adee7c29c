/**
 * Meta Pixel (fbevents.js). Facts come from the project's tag-facts
 * reference, §4 (M1–M4 are Meta's own pages and code, the others third
 * parties).
 *
 * The pixel is held back until marketing is granted. Meta's consent API
 * (`fbq('consent', 'revoke' | 'grant')`) pauses sending but deletes nothing,
 * so on withdrawal the adapter calls `revoke` and the runtime's sweep deletes
 * `_fbp` and `_fbc` on every parent domain and path.
 */
import { DAY, hostBaseOption, hostUrl, safe, type Vendor, type VendorData, type VendorOptions } from '../src/contract/index.js';
import { scriptOnPage } from './_tags.js';

const FACTS = 'tag-facts §4 (Meta Pixel)';
export const META_SCRIPT_HOST = 'connect.facebook.net';
export const META_SCRIPT_PATH = '/en_US/fbevents.js';

/** Why marketing. */
export const purposeSource = `${FACTS}, Purpose row: ad attribution, retargeting and audiences (marketing)`;

export interface MetaPixelOptions extends VendorOptions {
  /** The pixel id (digits). With it, consent-gate inserts Meta's snippet itself: init, then a PageView. */
  pixelId?: string;
  /** Where Meta's host names are reached: a URL with `{host}`, default `https://{host}`. For tests and the offline demo only. */
  hostBase?: string;
}

export const data: VendorData = {
  id: 'meta-pixel',
  kind: 'tag',
  title: 'Meta Pixel',
  provider: 'Meta Platforms Ireland Limited',
  privacyPolicyUrl: 'https://www.facebook.com/privacy/policy/',
  purpose: 'marketing',
  summary:
    'The Meta Pixel tells Meta (Facebook, Instagram) when you visit or buy after seeing our ads, so we can measure them and show them to people like you.',
  hosts: [
    {
      host: META_SCRIPT_HOST,
      purpose: 'marketing',
      description:
        "Meta's pixel script (connect.facebook.net/en_US/fbevents.js) and the pixel's configuration (connect.facebook.net/signals/config/<pixelId>); Meta's other scripts on this host are held too.",
      source: `${FACTS}, Hosts row: Meta Pixel get-started guide [M1] (fbevents.js); unverified: the signals/config path, from page captures [SNIP]`,
    },
    {
      host: 'www.facebook.com',
      path: '/tr',
      purpose: 'marketing',
      description: 'The pixel endpoint: events as an image or beacon request (www.facebook.com/tr?id=<pixelId>&ev=PageView).',
      source: `${FACTS}, Hosts row: Meta Pixel get-started guide [M1] (the noscript image pixel)`,
    },
  ],
  cookies: [
    {
      name: '_fbp',
      purpose: 'marketing',
      lifetime: 90 * DAY,
      refresh: true,
      scope: 'parent',
      description: 'Browser id Meta uses to link visits and conversions to ads (fb.<subdomain index>.<creation time>.<random>).',
      source: `${FACTS}: name and use from Meta's fbp/fbc parameters page [M3]; 90 days, renewed, on the highest domain that accepts it from Meta's Param Builder code [M4]; unverified: that fbevents.js writes it the same way (not inspected; the Open Cookie Database says 4 months [OCD])`,
    },
    {
      name: '_fbc',
      purpose: 'marketing',
      lifetime: 90 * DAY,
      refresh: true,
      scope: 'parent',
      description: 'The click id from a Facebook or Instagram ad (the ?fbclid= landing parameter), so a purchase is credited to the ad.',
      source: `${FACTS}: name and use from Meta's fbp/fbc parameters page [M3]; 90 days, renewed, on the highest domain from Meta's Param Builder code [M4]; unverified: that fbevents.js does the same (the Open Cookie Database says 2 years [OCD])`,
    },
  ],
  storage: [],
  options: {
    pixelId: {
      type: 'string',
      pattern: /^\d{10,20}$/,
      expected: 'your Meta pixel id, a string of 10 to 20 digits such as "123456789012345"',
    },
    hostBase: hostBaseOption,
  },
};

/** `window.fbq`, as Meta's snippet makes it before fbevents.js loads. */
interface Fbq {
  (...args: unknown[]): void;
  callMethod?: (...args: unknown[]) => void;
  queue: unknown[];
  push: Fbq;
  loaded: boolean;
  version: string;
}

interface MetaWindow {
  fbq?: Fbq;
  _fbq?: Fbq;
}

/** `window.fbq`: the page's own, or the stub Meta's snippet defines (calls wait in `fbq.queue` until fbevents.js takes over). */
export function fbqOf(win: Window): Fbq {
  const w = win as unknown as MetaWindow;
  if (typeof w.fbq === 'function') return w.fbq;
  const n = function fbq() {
    // as Meta's snippet: the arguments object itself waits in the queue
    // biome-ignore lint/complexity/noArguments: the vendor's queue reads the Arguments object itself, as its own snippet pushes it
    if (n.callMethod) n.callMethod.apply(n, arguments as unknown as unknown[]);
    // biome-ignore lint/complexity/noArguments: the vendor's queue reads the Arguments object itself, as its own snippet pushes it
    else n.queue.push(arguments);
  } as Fbq;
  n.push = n;
  n.loaded = true;
  n.version = '2.0';
  n.queue = [];
  w.fbq = n;
  if (!w._fbq) w._fbq = n;
  return n;
}

const adapter: Vendor<MetaPixelOptions>['adapter'] = {
  /** Meta's snippet for the configured pixel: `fbq('init', id)`, `fbq('track', 'PageView')`, fbevents.js. A page that has fbevents.js already (its own snippet) keeps it as it is. */
  async load(ctx) {
    const { pixelId, hostBase } = ctx.options;
    if (!pixelId || scriptOnPage(ctx.document, hostBase, META_SCRIPT_HOST, '/', (url) => url.pathname.endsWith('/fbevents.js'))) return;
    const fbq = fbqOf(ctx.window);
    fbq('init', pixelId);
    fbq('track', 'PageView');
    await ctx.insertScript(hostUrl(hostBase, META_SCRIPT_HOST, META_SCRIPT_PATH));
  },

  /** Meta's consent call: the pixel stops sending (it deletes nothing; the runtime's sweep does). */
  revoke(ctx, purposes) {
    const fbq = (ctx.window as unknown as MetaWindow).fbq;
    if (purposes.includes('marketing') && typeof fbq === 'function') safe(() => fbq('consent', 'revoke'));
  },
};

/** The catalog entry: data plus adapter. */
const metaPixel: Vendor<MetaPixelOptions> = { ...data, adapter };

export default metaPixel;
