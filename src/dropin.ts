/**
 * The drop-in runtime (`dist/consent-gate.js`, a classic script; its entry
 * is src/entries/dropin.ts): reads `window.consentGateConfig`, installs
 * `window.consentGate`, and replays the calls queued before it loaded.
 *
 * It carries what every page needs: the record, the API, the guard's update,
 * cross-tab sync, the chat launchers. Every other part is a file next to it,
 * fetched with a <script> (the config's nonce on it) when a page needs it:
 * `consent-gate-banner.js`, `consent-gate-chat.js`, `consent-gate-audit.js`,
 * `consent-gate-adapter.js`, `consent-gate-embed.js` (embeds' placeholders,
 * only when the config names an embed vendor), `consent-gate-vendor-<id>.js`,
 * `consent-gate-chat-<lang>.js` (the chat's words on a page in a language
 * other than English). Each registers
 * itself in `window.__consentGateParts` (see ./parts.ts).
 *
 * The vendors it knows are the head guard's: the guard carries the catalog
 * as its compiled rule table; a page without the guard fetches that table
 * (`consent-gate-catalog.js`).
 */
import { assembleGate, findGuard } from './create.js';
import { PARTS_GLOBAL, type Chunks } from './parts.js';
import type { BannerModule } from './ui/banner-types.js';
import type { CompiledRules } from './guard/rules.js';
import type { DeclarationReader } from './config.js';
import { isDeclaration } from './declare.js';
import type { Vendor } from './types.js';

type Queued = [string, ...unknown[]];
interface Stub {
  q?: Queued[];
  [key: string]: unknown;
}

// (its own view of the two globals it shares with the page: what it reads, not what a page's typings say they are)
const w = window as unknown as { consentGateConfig?: unknown; consentGate?: Stub | Queued[] } & Record<string, unknown>;
const script = document.currentScript as HTMLScriptElement | null;

/** The URL of a file next to this script. */
function beside(file: string): string {
  const base = script?.src ?? '';
  return base ? base.replace(/[^/?#]*(?:[?#].*)?$/, file) : file;
}

/** The parts that have registered themselves. */
const registry = (): Record<string, unknown> => (w[PARTS_GLOBAL] ||= {}) as Record<string, unknown>;
const loading = new Map<string, Promise<unknown>>();

/**
 * A part, by the name it registers under: fetched once with a <script>
 * (inserted while the page loads, it holds the page's load event until it
 * has run), from next to this script or from `url`.
 */
function part<T>(name: string, nonce: string | undefined, url = beside(`consent-gate-${name}.js`)): Promise<T> {
  let found = loading.get(name);
  if (!found) {
    found = new Promise((resolve, reject) => {
      if (name in registry()) return resolve(registry()[name]);
      const el = document.createElement('script');
      el.src = url;
      // disarms Klaro's own start-up, which reads window[data-klaro-config] (the banner part carries Klaro)
      el.setAttribute('data-klaro-config', 'consentGateNoKlaroAutoSetup');
      if (nonce) el.nonce = nonce;
      // once it has run, its element goes: a part leaves nothing in the page (a vendor part's name is no vendor script)
      el.onload = () => {
        el.remove();
        if (name in registry()) resolve(registry()[name]);
        else reject(new Error(`consent-gate: ${url} loaded but did not register "${name}"`));
      };
      el.onerror = () => {
        el.remove();
        reject(new Error(`consent-gate: could not load ${url}`));
      };
      document.head.appendChild(el);
    });
    found.catch(() => loading.delete(name));
    loading.set(name, found);
  }
  return found as Promise<T>;
}

/** A configured catalog vendor's file (data and adapter). */
const vendorPart = (id: string, nonce: string | undefined) => part<Vendor>(`vendor-${id}`, nonce);

function chunksFor(raw: { bannerUrl?: unknown; nonce?: unknown } | undefined, vendors: readonly Vendor[]): Chunks {
  const nonce = typeof raw?.nonce === 'string' ? raw.nonce : undefined;
  return {
    // the banner is an ES module (src/entries/banner.ts): import() fetches it with this script's nonce, and its language files from beside it
    banner: () =>
      import(
        /* webpackIgnore: true */ new URL(
          typeof raw?.bannerUrl === 'string' ? raw.bannerUrl : beside('consent-gate-banner.js'),
          document.baseURI,
        ).href
      ) as Promise<BannerModule>,
    chat: () => part('chat', nonce),
    audit: () => part('audit', nonce),
    adapter: () => part('adapter', nonce),
    receipts: () => part('receipts', nonce),
    embed: () => part('embed', nonce),
    chatTexts: (language) => part(`chat-${language}`, nonce),
    vendor(id) {
      const inside = vendors.find((v) => v.id === id);
      return inside ? Promise.resolve(inside) : vendorPart(id, nonce);
    },
  };
}

function start(catalog: CompiledRules, vendors: readonly Vendor[], declare?: DeclarationReader): void {
  const queued: Queued[] = Array.isArray(w.consentGate) ? w.consentGate : Array.isArray(w.consentGate?.q) ? w.consentGate.q : [];
  const raw = w.consentGateConfig as { bannerUrl?: unknown; nonce?: unknown } | undefined;
  // the queue stub becomes the gate, so a reference the page took to it stays good
  const target: Stub = w.consentGate && !Array.isArray(w.consentGate) ? w.consentGate : {};
  let gate: ReturnType<typeof assembleGate> | undefined;
  try {
    gate = assembleGate(raw, {
      rules: catalog,
      vendors,
      chunks: chunksFor(raw, vendors),
      target,
      launchersLater: true,
      ...(declare ? { declare } : {}),
    });
  } catch (error) {
    // Fail closed: vendors stay blocked by the guard, the page goes on.
    console.error(error);
    return;
  }
  w.consentGate = target;
  target.q = undefined;
  for (const [method, ...args] of queued) {
    const fn = (gate as unknown as Record<string, unknown>)[method];
    try {
      if (typeof fn !== 'function') throw new TypeError(`consent-gate: queued call to unknown method ${JSON.stringify(method)}`);
      (fn as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      console.error(error);
    }
  }
  dispatchEvent(new Event('consent-gate:ready'));
}

/**
 * Start the drop-in runtime. `bundled`: vendors built into this file (the
 * runtime for a site with one chat vendor carries it, so its file is not
 * fetched).
 *
 * A config is checked whole before anything starts (fail closed: one wrong
 * option and the runtime does not start; the head guard keeps every vendor
 * held back but what the visitor's record allows). A vendor's options are
 * checked against its own file, so this runtime first fetches the file of
 * every configured catalog vendor it does not carry: the page's load event
 * waits for them, so the gate is there when the page has loaded. The runtime
 * `consent-gate bundle` writes for a site carries its vendors and starts at once.
 */
export function startDropin(bundled: readonly Vendor[] = []): void {
  const raw = w.consentGateConfig as { vendors?: unknown; nonce?: unknown } | undefined;
  const nonce = typeof raw?.nonce === 'string' ? raw.nonce : undefined;
  const named = raw && typeof raw.vendors === 'object' && raw.vendors ? Object.keys(raw.vendors) : [];
  const withRules = (catalog: CompiledRules): void => {
    const known = catalog.v.map((row) => row[0]);
    const wanted = known.filter((id) => named.includes(id) && !bundled.some((v) => v.id === id));
    // the site's own declared services are read by a part of their own, fetched only for a config that has one
    const declares = named.some((id) => !known.includes(id) && isDeclaration((raw!.vendors as Record<string, unknown>)[id]));
    if (!wanted.length && !declares) return start(catalog, bundled);
    const reader = declares
      ? part<{ declaredService: DeclarationReader }>('declare', nonce).then((mod) => mod.declaredService)
      : Promise.resolve(undefined);
    Promise.all([reader, ...wanted.map((id) => vendorPart(id, nonce))]).then(
      ([declare, ...fetched]) => start(catalog, [...bundled, ...(fetched as Vendor[])], declare as DeclarationReader | undefined),
      (error) => console.error(error),
    );
  };
  const rules = findGuard()?.rules;
  if (rules) withRules(rules);
  else part<CompiledRules>('catalog', nonce).then(withRules, (error) => console.error(error));
}
