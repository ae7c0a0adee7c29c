/**
 * The head guard: holds back every vendor element, request, cookie and
 * storage key until its purpose is granted, in the page's window and in every
 * same-origin child window, and releases what the runtime grants. Decisions
 * are pure functions of rules.ts and the record codec; the files beside this
 * one wire them to the platform, one concern each:
 *
 *   decide.ts    the rules, the permission, the log: `deny`, the one question
 *   elements.ts  holding an element; URL properties and attribute setters
 *   markup.ts    markup strings, held before they are parsed
 *   network.ts   fetch, XMLHttpRequest, sockets, EventSource, workers, worklets,
 *                fonts loaded by script, beacons, fetchLater
 *   storage.ts   cookie writes, cookieStore, Web Storage
 *   frames.ts    what the page puts in Blobs (blob: frames and workers)
 *   realm.ts     a window and its documents: patches, observers, child windows
 *   release.ts   release in the order the page attempted, each once
 *   signals.ts   consent signals vendors read (Consent Mode, UET, HubSpot)
 *
 * What it holds back: every vendor of the compiled rule table it was built
 * with, and the services the site declares in `window.consentGateConfig`
 * (compiled here, rules.ts `guardSetup`). What it grants at first: the
 * record, read as the runtime reads it, under the Global Privacy Control
 * signal (`navigator.globalPrivacyControl`, read here, at once).
 *
 * Size: the guard with the HubSpot rules is held to a byte budget
 * (test/unit/size-budget.test.ts). What costs bytes after minification:
 * property and method names, strings, and calls. What costs nothing: local
 * names, comments, and module boundaries (Rollup joins the modules into one
 * function). Measure a change with `npm run build` (it prints every file's
 * min+gzip size) or `node test/fixtures/guard/bundle.mjs`, and its speed with
 * `node bench/guard-overhead.mjs`.
 */
import type { BlockedEntry } from '../types.js';
import { blocked, onBlocked, setAllows, start, type Allows } from './decide.js';
import { look, protect } from './realm.js';
import { release, releaseOnce } from './release.js';
import { guardAllows, guardSetup, type CompiledRules } from './rules.js';
import { signal } from './signals.js';
import { gpcSignal } from '../consent/codec.js';

/** The bridge the runtime talks to (`window.__consentGateGuard`); the same shape as `GuardBridge` in src/types.ts. Its methods need no `this`. */
export interface Guard {
  update(allows: Allows): void;
  blocked(): BlockedEntry[];
  onBlocked(fn: (entry: BlockedEntry) => void): void;
  release(element: Element): void;
}

export function installGuard(win: Window & { consentGateConfig?: unknown }, rules: CompiledRules): Guard {
  // the config read once: the rules to hold back with (the catalog's and the site's own), the record, GPC
  const setup = guardSetup(win.consentGateConfig, rules, gpcSignal(win.navigator));
  // the runtime's own reading of the record (decodeRecord, recordAllows), so the two grant the same
  start(setup?.[3] ?? rules, guardAllows(setup, win.document.cookie, Date.now()), setup?.[0]);
  protect(win);
  signal(win, 'default', setup?.[5]);
  return {
    update(fn) {
      // (a permission function that is not one throws in deny: everything stays held;
      // an error while releasing goes to the runtime, which catches it, and what is left stays held)
      setAllows(fn);
      signal(win, 'update');
      release();
    },
    blocked,
    onBlocked,
    release: (element) => releaseOnce(element, look),
  };
}
