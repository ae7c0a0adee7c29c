/**
 * Which elements of a page are embeds, of which configured embed vendor,
 * and the URL the site wrote for each, from the markup a site owner already
 * writes:
 *
 *   <iframe data-consent-gate="youtube" data-src="https://www.youtube-nocookie.com/embed/ID">  the markup form
 *   <iframe src="https://www.youtube-nocookie.com/embed/ID">  held by the head guard: its URL waits in data-cg-src
 *   <div data-consent-gate-embed="vimeo" data-src="https://player.vimeo.com/video/ID">  a box consent-gate fills with the frame
 *
 * A frame's vendor is the one its markup names, else the configured embed
 * vendor whose adapter recognises its URL (`embedUrl`). No DOM beyond reading
 * attributes: unit-tested in jsdom.
 */
import type { Vendor, VendorContext } from '../contract/types.js';
import { matchHost } from '../audit/match.js';

/** The markup form's vendor attribute (as the head guard reads it, src/guard/elements.ts). */
export const MARK = 'data-consent-gate';
/** Where a held attribute's value waits (as the head guard writes it, src/guard/elements.ts). */
export const HELD_SRC = 'data-cg-src';
/** A box the site gives for an embed, named by its vendor (or found by its `data-src`). */
export const BOX = 'data-consent-gate-embed';
/** Elements that may be embeds. */
export const SELECTOR = `iframe,[${BOX}]`;
/** The attributes whose change may make an element an embed, or give an embed a new URL. */
export const WATCHED = ['src', HELD_SRC, 'data-src', MARK, BOX];

/** A configured embed vendor with its options. */
export interface EmbedVendor {
  vendor: Vendor;
  ctx: VendorContext;
}

export interface Found {
  el: Element;
  vendor: EmbedVendor;
  /** The URL the site wrote, absolute. */
  url: string;
  /** `true`: the element is the frame; `false`: a box consent-gate fills with a frame. */
  frame: boolean;
}

/** `url` resolved against `base`, or null when it does not parse. */
function absolute(url: string | null, base: string): string | null {
  if (!url) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** A frame URL that loads nothing. */
export const isBlank = (url: string | null): boolean => !url || url === 'about:blank';

/** The configured embed vendor whose adapter recognises `url` as one of its embeds. */
function vendorOfUrl(url: string, vendors: readonly EmbedVendor[]): EmbedVendor | null {
  return vendors.find((v) => v.vendor.adapter.embedUrl?.(v.ctx, url, false) != null) ?? null;
}

/** The element as an embed of a configured embed vendor, or null. */
export function findEmbed(el: Element, vendors: readonly EmbedVendor[], base: string): Found | null {
  const frame = el.localName === 'iframe';
  const named = el.getAttribute(frame ? MARK : BOX);
  const src = frame && !el.hasAttribute(MARK) ? (el.getAttribute(HELD_SRC) ?? el.getAttribute('src')) : el.getAttribute('data-src');
  if (frame && named === null && isBlank(src)) return null;
  if (!frame && named === null) return null;
  const url = absolute(src, base);
  if (!url) return null;
  const vendor = named ? (vendors.find((v) => v.vendor.id === named) ?? null) : vendorOfUrl(url, vendors);
  // a frame of another kind of vendor (the markup form of a tag, say) is not ours
  if (!vendor || vendor.vendor.adapter.embedUrl?.(vendor.ctx, url, false) == null) return null;
  return { el, vendor, url, frame };
}

/**
 * The site's own poster image for an embed (`data-poster`), absolute; null
 * when there is none, or when it is on a host of a configured embed vendor
 * (a thumbnail from i.ytimg.com would tell Google of the visit before any
 * click).
 */
export function posterOf(el: Element, vendors: readonly EmbedVendor[], base: string): string | null {
  const url = absolute(el.getAttribute('data-poster'), base);
  if (!url || !/^(https?|data):/.test(url)) return null;
  return matchHost(
    url,
    vendors.map((v) => v.vendor),
  )
    ? null
    : url;
}
