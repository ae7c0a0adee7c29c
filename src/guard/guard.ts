/**
 * The thin layer of the head guard that patches the page: element URL
 * attributes, insertion and markup-string methods, network constructors and
 * functions, cookie and storage writes. Every decision is a pure function of
 * `rules.ts`; this file only wires them to the platform. Size matters here
 * (the guard with the HubSpot rules is held to 3,000 bytes min+gzip, with
 * almost nothing to spare), so the code is terse: a change pays for its bytes.
 *
 * How an element is held: its vendor URL attribute (`src`, `srcset`, `href`,
 * `data`, `poster`) is never set; the value waits in `data-cg-<name>`. An
 * element without its URL fetches nothing, so clones and copies of a held
 * element are inert too. Release puts the attribute back (a script is
 * replaced by a copy, because a script element runs at most once).
 */
import { cookieValue, peekRecord } from '../consent/codec.js';
import type { BlockedEntry, OptionalPurpose, Purpose } from '../types.js';
import { configure, cookieName, matchAttribute, matchCookie, isDeletion, matchKey, matchUrl, mentionsHost, type CompiledRules, type Match } from './rules.js';

export type Allows = (vendorId: string, purpose: Purpose) => boolean;

/** The bridge the runtime talks to (`window.__consentGateGuard`); the same shape as `GuardBridge` in src/consent/gate.ts. Its methods need no `this`. */
export interface Guard {
  update(allows: Allows): void;
  blocked(): BlockedEntry[];
  onBlocked(fn: (entry: BlockedEntry) => void): void;
}

type Win = Window & typeof globalThis & { consentGateConfig?: unknown };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** URL attributes that make an element fetch. */
const ATTRS = ['src', 'srcset', 'href', 'data', 'poster'];
/** Where a held attribute's value waits. */
const HOLD = 'data-cg-';
/** Elements that may fetch through one of them, or hold one back already (and scripts, for the markup form). */
const TAGS = `script,[${ATTRS.join('],[')}],[${HOLD}${ATTRS.join(`],[${HOLD}`)}]`;
/** Elements whose URL attribute fetches nothing: links and the base URL. */
const LINKS = 'a,area,base';
/** The markup form: `<script type="text/plain" data-consent-gate="vendor-id" data-src="…">`. */
const MARK = 'data-consent-gate';

export function installGuard(w: Win, all: CompiledRules): Guard {
  const d = document;
  const setup = configure(w.consentGateConfig, all);
  const E = Element.prototype;
  const P = (name: string): Any => (w as Any)[name]?.prototype;

  const record = setup && peekRecord(cookieValue(d.cookie, setup[0]), setup[1]);
  // recordAllows without its `necessary` case: no rule, and no catalog vendor's main purpose, is necessary
  let allows: Allows = (v, p) => (record?.o[v] ?? record?.d[p as OptionalPurpose]) === true;
  const log: BlockedEntry[] = [];
  // the runtime is the one listener
  let listener = (_entry: BlockedEntry): void => {};
  const held = new Set<Any>();

  /** Whether `m` is a match whose purpose is not granted; noted in the log when a `kind` is given. */
  const deny = (m: Match | null, kind?: string, target?: unknown): boolean => {
    try {
      if (!m || allows(m.v, m.p) === true) return false;
    } catch {
      // a failing permission function never opens anything
    }
    if (kind) {
      const entry: BlockedEntry = { time: performance.now(), kind, target: String(target), vendor: m!.v, purpose: m!.p };
      if (log.length < 500) log.push(entry);
      // (the listener is the runtime's emitter, which never throws: it hands a listener's error to the page apart)
      listener(entry);
    }
    return true;
  };
  const refuse = (kind: string, url: unknown): boolean => deny(matchUrl(all, url as string, d.baseURI), kind, url);
  const attrMatch = (value: string): Match | null => matchAttribute(all, value, d.baseURI);
  /** Hold back one URL attribute if its purpose is not granted; true when held. */
  const hold = (el: Any, name: string, value: unknown): boolean => {
    const v = String(value);
    if (!deny(attrMatch(v), el.localName, v)) return el.removeAttribute(HOLD + name), false;
    // (through the patched setAttribute, which passes every name but the URL attributes)
    el.setAttribute(HOLD + name, v);
    held.add(el);
    return true;
  };
  /** The markup form, not yet released. */
  const isForm = (el: Any): boolean => el.localName === 'script' && el.type === 'text/plain' && el.hasAttribute(MARK);
  const visit = (el: Any): void => {
    if (isForm(el)) held.add(el);
    if (el.matches(TAGS) && !el.matches(LINKS)) {
      for (const a of ATTRS) {
        const v = el.getAttribute(a);
        if (v !== null && hold(el, a, v)) el.removeAttribute(a);
        // one held already (a copy of a held element, markup parsed after holding)
        else if (el.hasAttribute(HOLD + a)) held.add(el);
      }
    }
  };
  const scan = (node: Any): void => {
    if (node?.querySelectorAll) {
      if (node.matches) visit(node);
      node.querySelectorAll(TAGS).forEach(visit);
    }
  };
  const innerHTML = Object.getOwnPropertyDescriptor(E, 'innerHTML')!;
  /** Markup with every vendor URL attribute held (parsed only when it mentions a ruled host). */
  const sanitize = (html: unknown): unknown => {
    if (typeof html !== 'string' || !mentionsHost(all, html)) return html;
    const t = d.createElement('template');
    innerHTML.set!.call(t, html);
    scan(t.content);
    return innerHTML.get!.call(t);
  };

  /** Release every held element whose purposes are now granted, in document order, each once. */
  const release = (): void => {
    const ready = [...held]
      .filter((el) => {
        const v = el.getAttribute(MARK);
        // rules.ts `mainPurpose`, written out: calling it costs bytes the 3 KB does not have
        const p = all.v.find((r) => r[0] === v)?.[1];
        // granted (the markup form's vendor by its main purpose, an unknown one never; every held URL)
        // and so taken out of `held` at once
        return !(isForm(el) && (!p || deny({ v, p }))) && !ATTRS.some((a) => deny(attrMatch(el.getAttribute(HOLD + a) ?? ''))) && held.delete(el);
      })
      .sort((a, b) => (a.compareDocumentPosition(b) & 2) - 1);
    const next = (): void => {
      const el = ready.shift();
      if (!el) return;
      const form = isForm(el);
      // A script element runs at most once: a copy (attributes, nonce, text) takes its place.
      const s = el.localName === 'script' && el.isConnected ? el.cloneNode(true) : el;
      for (const a of ATTRS) {
        // (the markup form keeps its URL in data-src, a held element in data-cg-src)
        const value = s.getAttribute((form ? 'data-' : HOLD) + a);
        s.removeAttribute(HOLD + a);
        if (value !== null) s.setAttribute(a, value);
      }
      // (an empty type is a classic script)
      if (form) s.type = el.getAttribute('data-type') ?? '';
      if (s === el) return next();
      if (!el.hasAttribute('async')) s.async = false;
      el.replaceWith(s);
      // one after another: a script without async waits for the one before it, as in the page
      if (s.src && !s.async) s.addEventListener('load', next), s.addEventListener('error', next);
      else next();
    };
    next();
  };

  // --- patches (each on its own: one that fails leaves the others in place) ---
  /** Replace a method (`make(orig)`) or, for an accessor, its setter (`make(origSetter)`). */
  const patch = (obj: Any, name: string, make: (orig: Any) => Any): void => {
    try {
      // (most names are not on most objects: no exception for those, they are many)
      const desc = Object.getOwnPropertyDescriptor(obj, name);
      if (desc) {
        if (desc.set) desc.set = make(desc.set);
        else desc.value = make(desc.value);
        Object.defineProperty(obj, name, desc);
      }
    } catch {
      // leave this one as the platform made it
    }
  };
  // URL properties of the element types that fetch: each of `src`, `srcset`, `href`, `data`, `poster`
  // a type has as its own. (Named, not found by walking window: touching every HTML*Element
  // interface makes the browser build each one, about 10 ms.)
  // (<frame> loads only inside a frameset, which has no place for a tag)
  for (const type of 'Script IFrame Image Source Link Embed Object Media Video Track Input'.split(' ')) {
    for (const name of ATTRS) {
      patch(P('HTML' + type + 'Element'), name, (set) => function (this: Any, value: unknown) {
        if (!hold(this, name, value)) set.call(this, value);
      });
    }
  }
  const attr = (at: number) => (orig: Any) =>
    function (this: Any, ...args: Any[]) {
      const name = String(args[at]).replace(/^.*:/, '').toLowerCase();
      if (!(ATTRS.includes(name) && !this.matches(LINKS) && hold(this, name, args[at + 1]))) return orig.apply(this, args);
    };
  patch(E, 'setAttribute', attr(0));
  patch(E, 'setAttributeNS', attr(1));
  // Insertion: look at what is inserted before the platform does, at what is copied in right after.
  // Markup strings: held before they are parsed. Each name is patched where a prototype has it as its own.
  for (const proto of ['Node', 'Element', 'Document', 'DocumentFragment', 'ShadowRoot', 'CharacterData', 'Range']) {
    for (const name of 'appendChild insertBefore replaceChild replaceChildren append prepend before after replaceWith insertAdjacentElement adoptNode importNode insertNode createContextualFragment innerHTML outerHTML insertAdjacentHTML setHTMLUnsafe write writeln'.split(' ')) {
      // one wrapper for both: markup strings are held by sanitize, nodes by scan (each lets the other kind pass)
      patch(P(proto), name, (orig) => function (this: unknown, ...args: unknown[]) {
        args = args.map(sanitize);
        args.forEach(scan);
        const result = orig.apply(this, args);
        scan(result);
        return result;
      });
    }
  }

  // network
  // A same-origin blob URL that does not exist: the platform's own network error (fetch rejects with
  // a TypeError, XMLHttpRequest and the others fire `error`), and no request leaves.
  // A WebSocket goes to port 1 of 0.0.0.0, which browsers refuse to connect to: `error`, then `close` 1006.
  const nowhere = 'blob:' + origin;
  /** Point argument `at` of a function or constructor at `to` when its URL is refused. */
  const net = (obj: Any, name: string, at: number, kind = name, to = nowhere): void =>
    patch(obj, name, (orig) => {
      const guarded = function (this: unknown, ...args: Any[]) {
        if (refuse(kind, args[at]?.url || args[at])) args[at] = to;
        return new.target ? Reflect.construct(orig, args, new.target) : orig.apply(this, args);
      };
      // a constructor keeps its prototype and static members (WebSocket.OPEN)
      guarded.prototype = orig.prototype;
      return Object.setPrototypeOf(guarded, orig);
    });
  net(w, 'fetch', 0);
  net(P('XMLHttpRequest'), 'open', 1, 'xhr');
  net(w, 'WebSocket', 0, 'WebSocket', 'ws://0:1');
  for (const name of ['EventSource', 'Worker', 'SharedWorker']) net(w, name, 0);
  patch(P('Navigator'), 'sendBeacon', (orig) => function (this: unknown, ...args: unknown[]) {
    return !refuse('beacon', args[0]) && orig.apply(this, args);
  });

  // cookies and storage
  /**
   * Whether a write of cookie `name` is held back: rules.ts `matchCookieWrite` (tested there), written out for
   * document.cookie and cookieStore alike (never a deletion; the record's name is no vendor's: config sees to it).
   */
  const dropCookie = (kind: string, name: string, deletes: boolean): boolean => deny(deletes ? null : matchCookie(all, name), kind, name);
  patch(P('Document'), 'cookie', (set) => function (this: unknown, value: unknown) {
    const write = String(value);
    if (!dropCookie('cookie', cookieName(write), isDeletion(write))) set.call(this, value);
  });
  patch(P('CookieStore'), 'set', (orig) => function (this: unknown, ...args: Any[]) {
    // set(name, value) or set({ name, value, expires, … })
    const o = args[0];
    return dropCookie('cookieStore', String(o?.name ?? o), o?.expires < Date.now()) ? Promise.resolve() : orig.apply(this, args);
  });
  patch(P('Storage'), 'setItem', (orig) => function (this: Storage, ...args: unknown[]) {
    // (reading localStorage cannot throw here: a page that has a Storage object has storage)
    const kind = this === localStorage ? 'localStorage' : 'sessionStorage';
    if (!deny(matchKey(all, String(args[0]), kind[0]!), kind, args[0])) orig.apply(this, args);
  });

  // everything the parser (or any path not patched above) puts in the document
  new MutationObserver((records) => {
    try {
      for (const r of records) r.type[0] === 'a' ? visit(r.target) : r.addedNodes.forEach(scan);
      release();
    } catch {
      // never into the page
    }
  }).observe(d, { childList: true, subtree: true, attributeFilter: ATTRS });

  return {
    update(fn) {
      // (a permission function that is not one throws in deny: everything stays held;
      // an error while releasing goes to the runtime, which catches it, and what is left stays held)
      allows = fn;
      release();
    },
    blocked: () => log.slice(),
    onBlocked(fn) {
      listener = fn;
    },
  };
}
