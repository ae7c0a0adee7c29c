/**
 * Pages and helpers the embed tests share: per vendor, a blog page with one
 * embed in each form a site owner writes (the markup form, a pasted
 * `<iframe src>` the head guard holds, a `data-consent-gate-embed` box), the
 * vendor's emulator under its real host names, and what the page observed
 * (frame loads reported by the emulators, placeholders ever shown).
 */
import type { Page } from 'playwright-core';
import { dropInHead, html, openSite, type LaunchedBrowser, type Site } from './harness';
import { PNG } from '../../emulators/_embed/index.mjs';
import { youtubeEmulator } from '../../emulators/youtube/index.mjs';
import { vimeoEmulator } from '../../emulators/vimeo/index.mjs';
import { mapsEmulator } from '../../emulators/google-maps/index.mjs';
import youtube from '../../vendors/youtube';
import vimeo from '../../vendors/vimeo';
import googleMaps from '../../vendors/google-maps';
import type { VendorData } from '../../src/types';

export interface EmbedCase {
  vendor: VendorData;
  emulator: () => { handlers: Record<string, (url: URL) => unknown> };
  /** Every host of the vendor (its catalog hosts and the emulator's). */
  hosts: RegExp;
  /** Domains its cookies live on. */
  cookieDomain: RegExp;
  media: 'video' | 'map';
  /** The three forms, each with an id. */
  markup: string;
  pasted: string;
  box: string;
  /** A URL of one more embed, inserted by a script. */
  another: string;
  /** The id the emulator reports for the markup-form embed (a video id, or the map's mode). */
  markupId: string;
  /** What every frame URL it loads must look like. */
  frameUrl: RegExp;
}

export const CASES: EmbedCase[] = [
  {
    vendor: youtube,
    emulator: () => youtubeEmulator(),
    hosts: /(^|\.)(youtube-nocookie\.com|youtube\.com|ytimg\.com|googlevideo\.com)$/,
    cookieDomain: /youtube/,
    media: 'video',
    markup:
      '<iframe id="markup" data-consent-gate="youtube" data-src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE" width="560" height="315" title="Our workshop" data-poster="/poster.png" allow="encrypted-media" allowfullscreen></iframe>',
    pasted:
      '<iframe id="pasted" src="https://www.youtube.com/embed/aqz-KE-bpKQ" width="560" height="315" title="Pasted video" allowfullscreen></iframe>',
    box: '<div id="box" data-consent-gate-embed="youtube" data-src="https://www.youtube-nocookie.com/embed/jNQXAC9IVRw" data-title="Box video" style="width:480px;height:270px"><a href="https://www.youtube.com/watch?v=jNQXAC9IVRw">Watch on YouTube</a></div>',
    another: 'https://www.youtube-nocookie.com/embed/ScMzIvxBSi4',
    markupId: 'M7lc1UVf-VE',
    frameUrl: /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]+(\?|$)/,
  },
  {
    vendor: vimeo,
    emulator: () => vimeoEmulator(),
    hosts: /(^|\.)(vimeo\.com|vimeocdn\.com)$/,
    cookieDomain: /vimeo/,
    media: 'video',
    markup:
      '<iframe id="markup" data-consent-gate="vimeo" data-src="https://player.vimeo.com/video/76979871" width="640" height="360" title="Our talk" data-poster="/poster.png" allowfullscreen></iframe>',
    pasted: '<iframe id="pasted" src="https://player.vimeo.com/video/22439234" width="640" height="360" title="Pasted video"></iframe>',
    box: '<div id="box" data-consent-gate-embed="vimeo" data-src="https://player.vimeo.com/video/1084537" data-title="Box video" style="width:480px;height:270px"></div>',
    another: 'https://player.vimeo.com/video/148751763',
    markupId: '76979871',
    frameUrl: /^https:\/\/player\.vimeo\.com\/video\/\d+\?(.*&)?dnt=1(&|$)/,
  },
  {
    vendor: googleMaps,
    emulator: () => mapsEmulator(),
    hosts: /^(www\.google\.com|maps\.googleapis\.com|maps\.gstatic\.com)$/,
    cookieDomain: /google/,
    media: 'map',
    markup:
      '<iframe id="markup" data-consent-gate="google-maps" data-src="https://www.google.com/maps/embed/v1/place?key=KEY&q=Space+Needle,Seattle+WA" width="450" height="250" title="Our shop on the map" data-poster="/poster.png" referrerpolicy="no-referrer-when-downgrade"></iframe>',
    pasted:
      '<iframe id="pasted" src="https://www.google.com/maps/embed?pb=!1m18!1m12" width="400" height="300" title="Pasted map"></iframe>',
    box: '<div id="box" data-consent-gate-embed="google-maps" data-src="https://www.google.com/maps/embed/v1/view?key=KEY&center=47.62,-122.35&zoom=15" data-title="Box map" style="width:400px;height:300px"></div>',
    another: 'https://www.google.com/maps/embed/v1/search?key=KEY&q=coffee',
    markupId: 'place',
    frameUrl: /^https:\/\/www\.google\.com\/maps\/embed(\/v1\/\w+)?\?/,
  },
];

/** What the page observes: frame loads the emulators report, and every placeholder ever shown. */
export const OBSERVE = `<script>
window.__loads = [];
addEventListener('message', function (e) { if (e.data && e.data.emulator && e.data.event === 'load') __loads.push(e.data); });
window.__shown = 0;
new MutationObserver(function (rs) { rs.forEach(function (r) { r.addedNodes.forEach(function (n) { if (n.nodeType === 1 && n.matches('.cg-embed')) __shown++; }); }); }).observe(document.documentElement, { childList: true, subtree: true });
</script>`;

/** A blog page with the vendor's three embeds, behind the guard (or, `guard: false`, the runtime alone). */
function blogPage(c: EmbedCase, options: { guard?: boolean; config?: Record<string, unknown> } = {}): string {
  // (without the guard a frame a script inserts with its src loads at once: such a page has the other two forms only)
  const config = { vendors: { [c.vendor.id]: true }, policyVersion: 'embeds-1', ...options.config };
  const head =
    options.guard === false
      ? `<script>window.consentGateConfig = ${JSON.stringify(config)};</script><script src="/dist/consent-gate.js" defer></script>`
      : dropInHead(config);
  // the pasted frame is inserted by a script of the site as the page is parsed (a CMS block, a consent plugin's
  // leftovers): the guard holds it before it is parsed. A frame written with src in the HTML itself is requested by
  // the parser before any script can act (embed.test.ts, limits).
  const pasted = `<script>document.currentScript.insertAdjacentHTML('afterend', ${JSON.stringify(c.pasted).replace(/</g, '\\u003c')});</script>`;
  return html(
    `<main><h1>Blog</h1><p>Intro.</p>${c.markup}<p>Between.</p>${options.guard === false ? '' : pasted}${c.box}<p id="after">After.</p></main>${OBSERVE}`,
    head,
  );
}

export async function openBlog(
  browser: LaunchedBrowser,
  c: EmbedCase,
  options: { guard?: boolean; config?: Record<string, unknown>; paths?: string[] } = {},
): Promise<Site> {
  const page = blogPage(c, options);
  const paths = options.paths ?? ['/blog/', '/blog/next/'];
  const site = await openSite(browser, {
    pages: { ...Object.fromEntries(paths.map((p) => [p, page])), '/poster.png': { body: PNG, contentType: 'image/png' } },
    hosts: c.emulator().handlers as never,
  });
  await site.page.goto(site.url(paths[0]));
  await ready(site.page);
  return site;
}

/** The drop-in has replaced its pre-load queue with the running gate. */
export const ready = (page: Page) =>
  page.waitForFunction(() => typeof window.consentGate?.decisions === 'function', undefined, { timeout: 15_000 });

/**
 * Let the page settle before counting requests that should not exist: its
 * load event (frames and images included), then two frames and a short
 * grace for anything a timer would start.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 250)))));
}

/** Wait until `n` placeholders are on the page. */
export const placeholders = (page: Page, n: number) =>
  page.waitForFunction((count) => document.querySelectorAll('.cg-embed').length === count, n, { timeout: 15_000 });

/** Wait until the emulators reported `n` frame loads. */
export const loads = (page: Page, n: number) =>
  page.waitForFunction((count) => (window as any).__loads.length >= count, n, { timeout: 15_000 });

export const loadsOf = (page: Page) =>
  page.evaluate(() => (window as any).__loads as { emulator: string; id: string; autoplay: boolean; url: string }[]);

/** Every request to the vendor's hosts so far, as host + path. */
export const vendorRequests = (site: Site, c: EmbedCase) =>
  site.requests.filter((r) => c.hosts.test(r.host)).map((r) => `${r.resourceType} ${r.url}`);

/** The vendor's cookies, wherever they live. */
export async function vendorCookies(site: Site, c: EmbedCase): Promise<string[]> {
  return (await site.context.cookies())
    .filter((k) => c.cookieDomain.test(k.domain) || c.vendor.thirdParty?.some((t) => t.name === k.name))
    .map((k) => `${k.name}@${k.domain}`);
}

/** The frames of the page now showing one of the vendor's pages. */
export const vendorFrames = (page: Page, c: EmbedCase) =>
  page
    .frames()
    .filter((f) => f !== page.mainFrame() && /^https?:/.test(f.url()) && c.hosts.test(new URL(f.url()).host))
    .map((f) => f.url());

/** The placeholder of the embed whose frame or box has `id`. */
export const placeholderOf = (page: Page, id: string) => page.locator(`#${id} > .cg-embed, .cg-embed:has(+ #${id})`);
