/**
 * The embeds' lazy part (dist/consent-gate-embed.js for the drop-in, a
 * dynamic import for npm), fetched only by a page whose config names an
 * embed vendor (YouTube, Vimeo, Google Maps).
 *
 * Every embed of a configured embed vendor (see ./find.ts) shows a
 * placeholder of its size (./box.ts, ./view.ts) until the visitor loads it,
 * and loads at once when its vendor is allowed:
 *
 * - "Load": this embed, this time, starting at once where the vendor allows
 *   (its adapter's `embedUrl`). Nothing is recorded; under the head guard
 *   the frame gets a one-time pass (`__consentGateGuard.release(frame)`).
 * - "Always allow <vendor>": records the vendor's purpose (decision source
 *   `placeholder`); every embed of a vendor now allowed loads.
 * - Embeds the site's scripts insert later are followed (a MutationObserver).
 * - Withdrawal (here or in another tab: the core's `revoked` event) turns the
 *   vendor's loaded embeds back into placeholders: the frame loses its URL
 *   (it unloads to about:blank) and is written back in the markup form.
 *
 * An embed waiting for the visitor is always in the markup form
 * (`data-consent-gate` + `data-src` on the frame, no `src`): the head
 * guard's held URL (`data-cg-src`) is moved there, so only this part decides
 * when and with which URL (the vendor's privacy-preserving form) it loads.
 */
import type { ResolvedConfig } from '../config.js';
import type { GateCore } from '../consent/gate.js';
import type { Parts } from '../parts.js';
import type { Vendor, VendorContext } from '../contract/types.js';
import { safe } from '../contract/values.js';
import { boxStyle, measure } from './box.js';
import { BOX, HELD_SRC, MARK, SELECTOR, WATCHED, findEmbed, isBlank, posterOf, type EmbedVendor, type Found } from './find.js';
import { embedTexts } from './texts.js';
import { pageLanguage } from '../ui/texts.js';
import { buildPlaceholder, injectEmbedStyles } from './view.js';

export { embedTexts, EMBED_TEXTS } from './texts.js';

/** One embed on the page. */
interface Embed extends Found {
  placeholder: HTMLElement | null;
  /** The frame loads (or has loaded) the vendor's page. */
  loaded: boolean;
  /** The visitor asked for this one: when its vendor becomes allowed, it starts at once. */
  start: boolean;
  /** The frame consent-gate made inside a box (`data-consent-gate-embed`). */
  made: HTMLIFrameElement | null;
}

/** What the embeds' part offers the page's tests and code. */
export interface EmbedController {
  /** Look at the page again now (the observer does this by itself). */
  scan(): void;
  /** Stop following the page. */
  stop(): void;
}

/** A frame's inline `display` before it was hidden behind its placeholder. */
const hiddenDisplay = new WeakMap<HTMLElement, [value: string, priority: string]>();

function hide(el: HTMLElement): void {
  if (!hiddenDisplay.has(el)) hiddenDisplay.set(el, [el.style.getPropertyValue('display'), el.style.getPropertyPriority('display')]);
  el.style.setProperty('display', 'none', 'important');
}

function unhide(el: HTMLElement): void {
  const before = hiddenDisplay.get(el);
  if (!before) return;
  hiddenDisplay.delete(el);
  if (before[0]) el.style.setProperty('display', before[0], before[1]);
  else el.style.removeProperty('display');
}

/** Add `feature` to a frame's `allow` list when it is not there. */
function allowFeature(frame: Element, feature: string): void {
  const allow = frame.getAttribute('allow') ?? '';
  if (!allow.split(';').some((f) => f.trim().split(/\s/)[0] === feature))
    frame.setAttribute('allow', allow.trim() ? `${allow.trim().replace(/;$/, '')}; ${feature}` : feature);
}

export async function startEmbeds(core: GateCore<ResolvedConfig>, parts: Parts): Promise<EmbedController | null> {
  const doc = document;
  const win = window as Window & typeof globalThis;
  const configured = core.config.vendors.filter((v) => v.kind === 'embed');
  // a vendor whose file or options fail stays held back, without a placeholder (the error is logged once)
  const found = await Promise.all(
    configured.map((c) =>
      parts.vendor(c.id).then(
        (vendor: Vendor) => ({ vendor, ctx: { vendor, options: c.options, window: win, document: doc } as unknown as VendorContext }),
        () => null,
      ),
    ),
  );
  const vendors = found.filter((v): v is EmbedVendor => v !== null);
  if (!vendors.length) return null;
  injectEmbedStyles(doc, core.config.nonce);

  const embeds = new Map<Element, Embed>();
  /** Frames made here inside a box: the box is the embed, never the frame. */
  const made = new WeakSet<Element>();
  const allowed = (e: Embed) => core.allows(e.vendor.vendor.id, e.vendor.vendor.purpose);
  const base = () => doc.baseURI;

  /** The site's frame back in the markup form, waiting: its URL in `data-src`, none in `src` or the guard's `data-cg-src`. */
  function toMarkupForm(e: Embed): void {
    e.el.setAttribute(MARK, e.vendor.vendor.id);
    e.el.setAttribute('data-src', e.url);
    e.el.removeAttribute(HELD_SRC);
  }

  function show(e: Embed): void {
    if (e.placeholder?.isConnected) return;
    const vendor = e.vendor.vendor;
    const texts = embedTexts(vendor, pageLanguage(core.config.lang), e.el.getAttribute('title') ?? e.el.getAttribute('data-title'));
    const input = { vendorId: vendor.id, texts, privacyPolicyUrl: vendor.privacyPolicyUrl, poster: posterOf(e.el, vendors, base()) };
    const handlers = { onLoad: () => load(e, true, true), onAlways: () => always(e) };
    const ratio = vendor.embed?.ratio ?? 16 / 9;
    if (e.frame) {
      const el = e.el as HTMLElement;
      // measured while the frame still takes its place, so the placeholder takes exactly that
      const style = boxStyle(measure(el), ratio);
      e.placeholder = buildPlaceholder(doc, { ...input, style }, handlers);
      hide(el);
      el.before(e.placeholder);
    } else {
      e.made?.remove();
      e.made = null;
      // the site's own content of the box (a fallback link, say) gives way to the placeholder
      e.el.replaceChildren();
      const sized = (e.el as HTMLElement).clientHeight > 0;
      e.placeholder = buildPlaceholder(
        doc,
        {
          ...input,
          style: sized
            ? { display: 'block', width: '100%', height: '100%' }
            : { display: 'block', width: '100%', 'aspect-ratio': String(ratio) },
        },
        handlers,
      );
      e.el.appendChild(e.placeholder);
    }
  }

  /**
   * Load an embed. `start`: the visitor asked for this one (it starts at
   * once where the vendor allows). `once`: "Load" without consent, the head
   * guard's one-time pass.
   */
  function load(e: Embed, start: boolean, once: boolean): void {
    const guard = core.guard;
    if (once && allowed(e)) once = false;
    if (once && guard && typeof guard.release !== 'function') {
      // the page's head guard predates the one-time pass: the frame would stay held; keep the placeholder
      console.error('consent-gate: this head guard cannot let one embed through (it has no release()); use the guard file of this version');
      return;
    }
    const vendor = e.vendor.vendor;
    const url = safe(() => vendor.adapter.embedUrl?.(e.vendor.ctx, e.url, start)) ?? e.url;
    const hadFocus = !!e.placeholder?.contains(doc.activeElement);
    let frame: HTMLIFrameElement;
    if (e.frame) {
      frame = e.el as HTMLIFrameElement;
      frame.removeAttribute(MARK);
      frame.removeAttribute('data-src');
      e.placeholder?.remove();
      unhide(frame);
    } else {
      frame = doc.createElement('iframe');
      frame.className = 'cg-embed-frame';
      frame.setAttribute('allow', vendor.embed?.allow ?? '');
      frame.allowFullscreen = true;
      e.placeholder?.remove();
      e.made = frame;
      made.add(frame);
      // inserted before it has a URL: the guard looks at what is inserted, and the pass is for the frame as it is
      e.el.appendChild(frame);
    }
    e.placeholder = null;
    e.loaded = true;
    e.start = false;
    if (!frame.title)
      frame.title = embedTexts(vendor, pageLanguage(core.config.lang), e.el.getAttribute('title') ?? e.el.getAttribute('data-title')).name;
    // a frame may autoplay only when the page delegates it (Permissions Policy); the click is the visitor's intent
    if (start) allowFeature(frame, 'autoplay');
    frame.removeAttribute(HELD_SRC);
    // through the guard's URL property: allowed, it passes; "Load" without consent, the guard holds it and lets this one frame through
    frame.src = url;
    if (once && guard) guard.release!(frame);
    if (hadFocus) frame.focus();
  }

  /** Back to a placeholder (withdrawal, or a site's script giving a frame its URL without the guard). */
  function revert(e: Embed): void {
    if (e.frame) {
      const frame = e.el as HTMLIFrameElement;
      // the frame unloads to about:blank (an iframe whose src is removed navigates there)
      frame.removeAttribute('src');
      toMarkupForm(e);
    }
    e.loaded = false;
    show(e);
  }

  /** "Always allow": the vendor's purpose, recorded like the chat prompt does (a visitor's own "no" to this vendor alone is lifted too). */
  function always(e: Embed): void {
    const vendor = e.vendor.vendor;
    e.start = true;
    const own = core.decisions().overrides[vendor.id] === false ? { vendors: { [vendor.id]: true } } : {};
    core.decide({ purposes: { [vendor.purpose]: true }, ...own }, 'placeholder');
    // (the change event loads it; a vendor still not allowed keeps its placeholder)
  }

  /** Where an embed stands now: loaded if allowed, else a placeholder. */
  function settle(e: Embed): void {
    if (e.frame) {
      const src = e.el.getAttribute('src');
      if (!isBlank(src) && !e.el.hasAttribute(MARK)) {
        // loading already: allowed (the guard let it through), or there is no guard
        if (allowed(e)) e.loaded = true;
        else revert(e);
        return;
      }
      toMarkupForm(e);
    }
    if (allowed(e)) load(e, e.start, false);
    else show(e);
  }

  function consider(el: Element): void {
    if (made.has(el)) return;
    const known = embeds.get(el);
    if (known) {
      if (known.loaded || !known.frame) return;
      // a waiting frame given a URL by the site's script: held by the guard (a new data-cg-src), or loading without it
      const held = el.getAttribute(HELD_SRC);
      const src = el.getAttribute('src');
      if (held) known.url = held;
      if (held || !isBlank(src)) {
        if (!held && src) known.url = src;
        settle(known);
      }
      return;
    }
    const e = findEmbed(el, vendors, base());
    if (!e) return;
    const embed: Embed = { ...e, placeholder: null, loaded: false, start: false, made: null };
    embeds.set(el, embed);
    settle(embed);
  }

  function scan(root: ParentNode = doc): void {
    if (root instanceof Element && root.matches(SELECTOR)) consider(root);
    root.querySelectorAll(SELECTOR).forEach(consider);
  }

  const observer = new MutationObserver((records) => {
    try {
      for (const r of records) {
        if (r.type === 'attributes') consider(r.target as Element);
        else
          r.addedNodes.forEach((node) => {
            if (node.nodeType === 1) scan(node as Element);
          });
      }
    } catch (error) {
      console.error(error);
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED });

  const onChange = () => {
    for (const [el, e] of embeds) {
      if (!el.isConnected) embeds.delete(el);
      else if (!e.loaded && allowed(e)) load(e, e.start, false);
    }
  };
  const onRevoked = (event: { vendor: string }) => {
    for (const e of embeds.values()) if (e.vendor.vendor.id === event.vendor && e.loaded && !allowed(e)) revert(e);
  };
  core.events.on('change', onChange);
  core.events.on('revoked', onRevoked);
  scan();

  return {
    scan: () => scan(),
    stop() {
      observer.disconnect();
      core.events.off('change', onChange);
      core.events.off('revoked', onRevoked);
    },
  };
}

export { BOX, MARK };
