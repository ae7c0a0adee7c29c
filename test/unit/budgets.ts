/**
 * The byte budgets (min+gzip, terser then gzip level 9, as bench/size.mjs
 * measures) that test/unit/size-budget.test.ts holds the build to, in a module
 * of their own so that test/unit/docs.test.ts can hold the docs to the same
 * numbers without running the budget tests a second time.
 */
/** What one chat vendor's file may add to the runtime in the one-vendor drop-in (dist/consent-gate-<id>.js). */
export const PER_VENDOR = 1_800;
/** Budgets in bytes (1 KB = 1,000 bytes). */
export const BUDGETS = {
  /**
   * the head guard with the HubSpot rules (dist/consent-gate-guard-hubspot-conversations.js).
   * The target is 3,300: the leak classes, run-time compiled site
   * declarations (229 B), consent signals (325 B), the claim of shared rows by the
   * configured vendor, GPC, markup forms and release(element) took it past that; then
   * the URL fast path and the single look at inserted nodes (about 110 B: an inserted
   * image's URL is no longer parsed three times; bench/guard-overhead.mjs), text read as the URL
   * parser reads it (UTF-8 escapes, fullwidth letters: 60 B) and two more insertion
   * methods held (Range.surroundContents, moveBefore); a release that no longer waits
   * for a script the browser never fetches (40 B); a held script given a type no
   * browser runs, so that the code between its tags stays unrun (60 B); windows the page
   * opens, `new Audio(url)`, URL objects given to the network constructors, `background`
   * images (47 B); attribute nodes and SVG's `href.baseVal` on elements in the page, through
   * which an empty script ran a vendor URL (189 B); a table's tHead, tFoot and caption setters (19 B); fetchLater,
   * worklet modules, fonts loaded by script, WebSocketStream and WebTransport, each of which reached a vendor (119 B).
   * 5,788 as built. Until the guard is split by need, this holds it where it is.
   */
  guardHubSpot: 5_975,
  /** the head guard with the rules of the whole catalog (16 vendors): 6,736 as built */
  guard: 6_925,
  /**
   * the drop-in runtime's core, which every page runs (config, record, API, chat
   * launchers and show settings, revocation, the sweep of what a record refuses);
   * vendors and features are parts fetched when a page needs them. 12,759 as
   * built; the target for a returning visitor is 8,000 with the guard.
   */
  runtime: 12_800,
  /** the lazy banner file (Klaro's UI from its sources, Preact, the stylesheet and English inside): 14.2 KB as built */
  banner: 15_000,
  /** each other language of the banner (dist/consent-gate-banner-<lang>.js): at most 1.0 KB as built */
  bannerLanguage: 1_200,
  /**
   * the npm ESM entry with the chunks it imports, without the lazy banner
   * chunk and without vendor code: the catalog's vendor modules (each held to
   * `vendor`) and the chunks only they share (dist/vendors/_<name>-<hash>.mjs)
   */
  npmEntry: 18_800, // 18,396 as built
  /**
   * each vendor entry (dist/vendors/<id>.mjs) with the chunks it imports (the contract helpers and, for tags, the tag toolkit).
   * The largest, HubSpot Conversations: 7,479 as built, 1,341 of it the HubSpot rows and consent signal it shares with
   * hubspot-tracking (dist/vendors/_hubspot-<hash>.mjs: measured apart, they compress apart; one copy for a site with both).
   */
  vendor: 7_600,
} as const;
