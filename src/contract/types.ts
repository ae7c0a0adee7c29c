/**
 * The contract between consent-gate's core and its vendors: purposes, the
 * shapes of vendor data (hosts, cookies, storage keys, option specs) and the
 * adapter with the context the runtime gives it.
 *
 * Both sides import this module and nothing of each other: the core never
 * names a vendor, and a vendor file (vendors/<id>.ts) imports only this
 * contract and the vendor toolkit. It imports nothing itself.
 */

/** The four purposes. `necessary` is always allowed and never asked for. */
export type Purpose = 'necessary' | 'functional' | 'analytics' | 'marketing';

export const PURPOSES: readonly Purpose[] = ['necessary', 'functional', 'analytics', 'marketing'];

/** Purposes a visitor decides on (everything but `necessary`). */
export type OptionalPurpose = Exclude<Purpose, 'necessary'>;

export const OPTIONAL_PURPOSES: readonly OptionalPurpose[] = ['functional', 'analytics', 'marketing'];

/** Where a fact about a vendor comes from, and how sure we are. */
export interface Sourced {
  /** What it is for, in one sentence a privacy team can paste into a policy. */
  description: string;
  /** Where the fact comes from. Starts with "unverified:" when no first-party source was found. */
  source: string;
}

/** A host (and optionally a path prefix) the vendor's code talks to. */
export interface HostRule extends Sourced {
  /** Exact host name, e.g. `js.usemessages.com`. A leading `*.` matches every subdomain. */
  host: string;
  /** Optional path prefix; when set, only URLs on the host whose path starts with it match. */
  path?: string;
  purpose: Purpose;
}

/** A cookie the vendor writes (first-party, on the site's own domain). */
export interface CookieRule extends Sourced {
  /** Cookie name, or the name prefix when `match` is `prefix`. */
  name: string;
  match?: 'exact' | 'prefix';
  purpose: Purpose;
  /** Lifetime in seconds; 0 means a session cookie. */
  lifetime: number;
  /** Whether the vendor extends the lifetime on each visit. */
  refresh?: boolean;
  /** `host`: written on the exact host; `parent`: written on the registrable (parent) domain. */
  scope?: 'host' | 'parent';
}

/** A Web Storage key the vendor writes. */
export interface StorageRule extends Sourced {
  /** Key, or key prefix when `match` is `prefix`, or key suffix when `match` is `suffix`. */
  key: string;
  match?: 'exact' | 'prefix' | 'suffix';
  storage: 'local' | 'session';
  purpose: Purpose;
  /** Lifetime in seconds; 0 means until removed (local) or the tab closes (session). */
  lifetime: number;
}

/**
 * Something the vendor keeps on the visitor's device out of the page's reach:
 * a cookie on the vendor's own domain (a third-party cookie), or a key in the
 * storage of the vendor's own frame (which browsers key by the vendor's
 * origin). The page can neither read nor delete it: the only control is never
 * loading the vendor before consent. Declared, so visitors and a privacy
 * policy know of it; never matched against the page's own cookies or keys,
 * never swept on withdrawal.
 */
export interface ThirdPartyRule extends Sourced {
  /** Cookie name or storage key, or its prefix when `match` is `prefix`. */
  name: string;
  match?: 'exact' | 'prefix';
  /** A cookie, or the storage of the vendor's frame: `local`, `session`, `indexeddb` (a database name). */
  type: 'cookie' | 'local' | 'session' | 'indexeddb';
  /** Where it lives: a cookie's domain (`.youtube.com`) or a frame's host (`www.youtube-nocookie.com`). */
  domain: string;
  purpose: Purpose;
  /** Lifetime in seconds; 0 means a session cookie, or kept until removed. */
  lifetime: number;
}

/** What the placeholder of an embed (`kind: 'embed'`) needs to know about the vendor. */
export interface EmbedInfo {
  /** What the visitor loads: a `video` or a `map` (the placeholder's words). */
  media: 'video' | 'map';
  /** Width over height of an embed that gives no size of its own, e.g. 16 / 9. */
  ratio: number;
  /** The frame's `allow` list: given to a frame consent-gate makes, and added to a site's frame that lacks it so it can start at once. */
  allow: string;
}

/** The schema of one vendor option, checked by config validation. */
export interface OptionSpec {
  type: 'string' | 'number' | 'boolean' | 'object' | 'function';
  required?: boolean;
  /** Allowed values (strings or numbers). */
  oneOf?: readonly (string | number)[];
  /** A regular expression a string value must match. */
  pattern?: RegExp;
  /** Human words for what is expected, used in error messages. */
  expected?: string;
  /**
   * A closer look at a value that passed the checks above (an object
   * option's inner fields): the first problem found, or undefined.
   */
  check?(value: unknown): OptionProblem | undefined;
}

/** What is wrong inside an option's value: where below the option, what was expected there, what was found. */
export interface OptionProblem {
  /** The path below the option, such as `.hours.days.tue[1]`. */
  at: string;
  expected: string;
  received: unknown;
}

/** The data half of a catalog entry: everything a declaration, the guard and the banner need. */
export interface VendorData {
  /** kebab-case id, e.g. `hubspot-conversations`. */
  id: string;
  title: string;
  provider: string;
  privacyPolicyUrl: string;
  /**
   * The purpose the vendor needs to load at all (the chat itself is
   * `functional`). Never `necessary` for a catalog vendor; a site's own
   * declared service may be necessary (a cart cookie), and is never held back.
   */
  purpose: Purpose;
  /** One sentence for the banner and the contextual prompt. */
  summary: string;
  /**
   * What the vendor is to a visitor: `chat` (a launcher and the chat feature),
   * `embed` (a video or map shown in a placeholder until allowed), `tag` (code
   * that runs in the page: analytics, pixels). Default: `chat` when its
   * adapter can `open`, else `tag`.
   */
  kind?: VendorKind;
  hosts: readonly HostRule[];
  cookies: readonly CookieRule[];
  storage: readonly StorageRule[];
  /**
   * Consent signals the vendor's own code reads (Google Consent Mode on
   * `dataLayer`, Microsoft UET's consent mode on `uetq`, HubSpot's
   * `setHubSpotConsent` on `_hsp`): set before any of its code runs and again
   * whenever a decision changes.
   */
  signals?: readonly ConsentSignal[];
  /** What the vendor keeps out of the page's reach (its own domain's cookies, its frame's storage). */
  thirdParty?: readonly ThirdPartyRule[];
  /** For an embed (`kind: 'embed'`): what its placeholder needs. */
  embed?: EmbedInfo;
  options: Readonly<Record<string, OptionSpec>>;
}

export type VendorKind = 'chat' | 'embed' | 'tag';

/**
 * A consent state a vendor's code reads from a global queue, described as
 * data so the head guard can write it before any tag runs, with no vendor
 * code of its own. The state maps each of the vendor's consent types to the
 * purpose that grants it.
 *
 * E.g. Microsoft UET: `{ queue: 'uetq', style: 'args', command: ['consent', '{phase}'],
 * types: { ad_storage: 'marketing' }, values: ['granted', 'denied'] }` pushes
 * `uetq.push('consent', 'default', { ad_storage: 'denied' })` first, then
 * `uetq.push('consent', 'update', { ad_storage: 'granted' })` after a grant.
 */
export interface ConsentSignal {
  /** The global the vendor reads, made an empty array when absent: `dataLayer`, `uetq`, `_hsp`. */
  queue: string;
  /**
   * How one command is pushed: `gtag`, as the arguments object of a call to
   * `gtag()` (which pushes `arguments` onto `dataLayer`); `list`, as one array
   * (`_hsp.push(['setHubSpotConsent', state])`); `args`, each value an argument
   * (`uetq.push('consent', 'default', state)`).
   */
  style: 'gtag' | 'list' | 'args';
  /** The values before the state. `{phase}` stands for `default` (the first push on a page) or `update` (after a change). */
  command: readonly string[];
  /** Each consent type the vendor reads, and the purpose that grants it (`true`: always granted, e.g. security_storage). */
  types: Readonly<Record<string, Purpose | true>>;
  /** How granted and denied are written: `['granted', 'denied']` or `[true, false]`. */
  values: readonly [granted: string | boolean, denied: string | boolean];
  /** Globals set before any vendor code runs, e.g. `{ disableHubSpotCookieBanner: true }`. */
  globals?: Readonly<Record<string, string | number | boolean>>;
  /** Where the fact comes from. */
  source: string;
}

/** Options a site owner gives a vendor (validated against `VendorData.options`). */
export type VendorOptions = Record<string, unknown>;

/** What an adapter gets to work with. Built by the runtime; adapters never reach for globals the context offers. */
export interface VendorContext<O extends VendorOptions = VendorOptions> {
  vendor: VendorData;
  options: O;
  window: Window & typeof globalThis;
  document: Document;
  /** Whether this vendor may use the given purpose now. */
  allows(purpose: Purpose): boolean;
  /** Insert a script (the nonce from config is applied). Resolves on load, rejects on error. */
  insertScript(src: string, attributes?: Record<string, string>): Promise<HTMLScriptElement>;
  /** Delete cookies on every parent domain and path prefix of the page. */
  deleteCookies(names: readonly string[]): void;
  /** Remove Web Storage keys matching the given rules. */
  removeStorage(rules: readonly Pick<StorageRule, 'key' | 'match' | 'storage'>[]): void;
  /** The nonce from config, if any. */
  nonce?: string;
  /** Aborted when the runtime gives up on the current load (timeout, failure, revocation); late callbacks check it. */
  signal?: AbortSignal;
}

/**
 * What a hook asked as the page starts, before anything of the vendor may
 * run, gets: the vendor, its options and the page (it inserts nothing).
 */
export type PageContext<O extends VendorOptions = VendorOptions> = Pick<VendorContext<O>, 'vendor' | 'options' | 'window' | 'document'>;

/** A vendor event listener, as the vendor's own `on`/`off` take it. */
export type VendorListener = (payload: unknown) => void;

/** The code half of a catalog entry. Every hook is optional; the runtime calls them at the named moments. */
export interface VendorAdapter<O extends VendorOptions = VendorOptions> {
  /** Before any vendor script runs: set the vendor's globals and settings. */
  prepare?(ctx: VendorContext<O>): void;
  /** Insert the vendor's loader. Resolves once the vendor is usable. */
  load?(ctx: VendorContext<O>): Promise<void>;
  /** Open the vendor's UI (for chat: open the chat window). */
  open?(ctx: VendorContext<O>): void | Promise<void>;
  /** Undo the vendor for the revoked purposes: reset, remove UI, delete its cookies and keys. */
  revoke?(ctx: VendorContext<O>, purposes: readonly Purpose[]): void | Promise<void>;
  /** Show the vendor's UI closed, as it would appear by itself (used to continue a conversation across pages and for `loadOn: 'consent'`). */
  mount?(ctx: VendorContext<O>): Promise<void>;
  /** Close the vendor's UI without removing it. */
  close?(ctx: VendorContext<O>): void;
  /** The vendor's own status report; `loaded` says whether its UI is on the page. */
  status?(ctx: VendorContext<O>): { loaded: boolean } & Record<string, unknown>;
  /** Clear the vendor's state (for chat: its visitor cookies). */
  clear?(ctx: VendorContext<O>, options?: Record<string, unknown>): void;
  /** Re-read the page (single-page apps call this on route changes). */
  refresh?(ctx: VendorContext<O>, options?: Record<string, unknown>): void | Promise<void>;
  /** Subscribe to one of the vendor's events (only called once the vendor has loaded). */
  on?(ctx: VendorContext<O>, event: string, fn: VendorListener): void;
  /** Unsubscribe from one of the vendor's events. */
  off?(ctx: VendorContext<O>, event: string, fn: VendorListener): void;
  /** Origins worth a preconnect when a visitor shows intent (used only after consent). */
  preconnect?(ctx: VendorContext<O>): readonly string[];
  /**
   * Whether the vendor's UI was in use on an earlier page, so it should load
   * with the page to continue. Asked as the page starts, before the chat's
   * lazy part is fetched (a page where no chat resumes does not fetch it).
   */
  resume?(ctx: PageContext<O>): boolean;
  /** A CSS selector of the element the vendor embeds its UI into, when embedded inline. Asked as the page starts. */
  inlineTarget?(ctx: PageContext<O>): string | null;
  /** Undo a failed or abandoned load (remove inserted elements and globals) so a retry starts clean. */
  unload?(ctx: VendorContext<O>): void;
  /**
   * For an embed: the URL its frame loads, made from the URL the site wrote
   * (absolute), or null when that URL is not one of this vendor's embeds.
   * The vendor's privacy-preserving form (another host, a parameter) is
   * applied here; `start`: the visitor asked for this embed, so it starts at
   * once where the vendor allows. It may read only `vendor`, `options`,
   * `window` and `document` of the context.
   */
  embedUrl?(ctx: VendorContext<O>, url: string, start: boolean): string | null;
}

/** A catalog entry: data plus adapter. */
export interface Vendor<O extends VendorOptions = VendorOptions> extends VendorData {
  adapter: VendorAdapter<O>;
}
