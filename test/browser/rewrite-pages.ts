/**
 * Pages for the rewrite tests: one vendor tag of each element kind as a site
 * writes it, the vendor hosts answering each kind, and the page with or
 * without the head guard and runtime.
 */
import type { Browser } from 'playwright-core';
import { catalog } from '../../vendors/index';
import { compileRules } from '../../src/guard/rules';
import { rewriteHtml } from '../../src/audit/rewrite';
import { dropInHead, html, openSite, type HostHandler, type Served, type Site } from './harness';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>';
export const VENDOR = /(^|\.)(hubspot\.com|hs-scripts\.com|usemessages\.com|hs-analytics\.net)$/;

/** Every vendor host, answering with something of the kind asked for. */
const vendorAnswer: HostHandler = (url) => {
  const p = url.pathname;
  if (p.endsWith('.gif')) return { body: GIF, contentType: 'image/gif' };
  if (p.endsWith('.svg')) return { body: SVG, contentType: 'image/svg+xml' };
  if (p.endsWith('.css')) return { body: 'h1 { color: rgb(1, 2, 3); }', contentType: 'text/css' };
  if (p.endsWith('.mp4') || p.endsWith('.mp3') || p.endsWith('.vtt'))
    return { body: Buffer.alloc(64), contentType: p.endsWith('.mp3') ? 'audio/mpeg' : 'video/mp4' };
  if (p.startsWith('/conversations-visitor')) return { body: '<!doctype html><p>chat', contentType: 'text/html' };
  return { body: `(window.vendorRan = window.vendorRan || []).push(${JSON.stringify(url.href)});`, contentType: 'text/javascript' };
};
const vendorHosts = (): Record<string, HostHandler> =>
  Object.fromEntries(['js.hs-scripts.com', 'js.hubspot.com', 'track.hubspot.com', 'app.hubspot.com'].map((h) => [h, vendorAnswer]));

/** One vendor tag of each element kind, as a site writes it, with the URL it fetches. */
export const KINDS: Record<string, { tag: string; url: string }> = {
  'script (classic, async defer)': {
    tag: '<script src="https://js.hs-scripts.com/1234567.js" async defer id="hs-script-loader" nonce="n0nce"></script>',
    url: 'https://js.hs-scripts.com/1234567.js',
  },
  'script (module)': {
    tag: '<script type="module" src="https://js.hubspot.com/module.mjs"></script>',
    url: 'https://js.hubspot.com/module.mjs',
  },
  'link stylesheet': { tag: '<link rel="stylesheet" href="https://js.hubspot.com/embed.css">', url: 'https://js.hubspot.com/embed.css' },
  'link preload': {
    tag: '<link rel="preload" as="image" href="https://track.hubspot.com/preload.gif">',
    url: 'https://track.hubspot.com/preload.gif',
  },
  'img src': {
    tag: '<img src="https://track.hubspot.com/__ptq.gif" alt="" width="1" height="1">',
    url: 'https://track.hubspot.com/__ptq.gif',
  },
  'img srcset': {
    tag: '<img srcset="https://track.hubspot.com/srcset.gif 1x" alt="" width="1" height="1">',
    url: 'https://track.hubspot.com/srcset.gif',
  },
  'picture source srcset': {
    tag: '<picture><source srcset="https://track.hubspot.com/picture.gif"><img src="/own.gif" alt="" width="1" height="1"></picture>',
    url: 'https://track.hubspot.com/picture.gif',
  },
  iframe: {
    tag: '<iframe src="https://app.hubspot.com/conversations-visitor/1234567" title="chat"></iframe>',
    url: 'https://app.hubspot.com/conversations-visitor/1234567',
  },
  'video src': {
    tag: '<video src="https://js.hubspot.com/clip.mp4" preload="auto" muted></video>',
    url: 'https://js.hubspot.com/clip.mp4',
  },
  'video poster': {
    tag: '<video poster="https://track.hubspot.com/poster.gif" width="4" height="4"></video>',
    url: 'https://track.hubspot.com/poster.gif',
  },
  'video source src': {
    tag: '<video preload="auto" muted><source src="https://js.hubspot.com/source.mp4" type="video/mp4"></video>',
    url: 'https://js.hubspot.com/source.mp4',
  },
  'audio src': { tag: '<audio src="https://js.hubspot.com/sound.mp3" preload="auto"></audio>', url: 'https://js.hubspot.com/sound.mp3' },
  embed: {
    tag: '<embed src="https://js.hubspot.com/embed.svg" type="image/svg+xml" width="4" height="4">',
    url: 'https://js.hubspot.com/embed.svg',
  },
  object: {
    tag: '<object data="https://js.hubspot.com/object.svg" type="image/svg+xml" width="4" height="4"></object>',
    url: 'https://js.hubspot.com/object.svg',
  },
  'input type=image': {
    tag: '<input type="image" src="https://track.hubspot.com/input.gif" alt="go" width="1" height="1">',
    url: 'https://track.hubspot.com/input.gif',
  },
};
export const TAGS = Object.values(KINDS)
  .map((k) => k.tag)
  .join('\n');

const CONFIG = { vendors: { 'hubspot-conversations': { portalId: '1234567' } }, policyVersion: '1' };
export const rewritten = () => rewriteHtml(TAGS, compileRules(catalog)).html;

/** A page with the tags in its body (the guard and runtime in its head when `guarded`). */
export async function openPageIn(
  browser: Browser,
  body: string,
  guarded: boolean,
  extra: Record<string, string | Served> = {},
): Promise<Site> {
  const page = html(`<h1>Shop</h1>\n${body}\n<img src="/own.gif" id="own" alt="">`, guarded ? dropInHead(CONFIG) : '');
  const site = await openSite(browser, {
    pages: { '/': page, '/own.gif': { body: GIF, contentType: 'image/gif' }, ...extra },
    hosts: vendorHosts(),
  });
  await site.page.goto(site.url('/'));
  await site.page.waitForLoadState('load');
  return site;
}

/** Let anything late (media, frames) start: wait until the page's own last image has loaded and two frames have passed. */
export async function quiet(site: Site) {
  await site.page.waitForFunction(() => (document.getElementById('own') as HTMLImageElement).complete);
  await site.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await site.page.waitForTimeout(300);
}
