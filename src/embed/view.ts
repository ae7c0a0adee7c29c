/**
 * The placeholder an embed shows until the visitor loads it: the site's own
 * poster image (never one from the vendor) or a plain box, the embed's name,
 * what the vendor is and keeps, "Load" and "Always allow <vendor>", and the
 * vendor's privacy policy. A group named by the embed's name; native buttons
 * and a link, so the keyboard reaches everything in order.
 */
import { injectStyle, policyLink } from '../dom.js';
import type { EmbedTexts } from './texts.js';

export interface PlaceholderHandlers {
  /** "Load": this embed, this time. */
  onLoad(): void;
  /** "Always allow <vendor>": record the vendor's purpose. */
  onAlways(): void;
}

export interface PlaceholderInput {
  vendorId: string;
  texts: EmbedTexts;
  privacyPolicyUrl: string;
  /** The site's own poster image (already checked not to be the vendor's), or null for the plain box. */
  poster: string | null;
  /** The box (see ./box.ts). */
  style: Record<string, string>;
}

let counter = 0;

/** The placeholder element (not yet placed). */
export function buildPlaceholder(doc: Document, input: PlaceholderInput, handlers: PlaceholderHandlers): HTMLElement {
  const id = `cg-embed-${++counter}`;
  const box = doc.createElement('div');
  box.className = 'cg-embed';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-labelledby', `${id}-name`);
  box.setAttribute('data-consent-gate-placeholder', input.vendorId);
  // (through CSSOM: a strict Content-Security-Policy refuses style attributes, not this)
  for (const [name, value] of Object.entries(input.style)) box.style.setProperty(name, value);

  if (input.poster) {
    const img = doc.createElement('img');
    img.className = 'cg-embed-poster';
    img.alt = '';
    img.decoding = 'async';
    img.src = input.poster;
    box.appendChild(img);
  }

  const panel = doc.createElement('div');
  panel.className = 'cg-embed-panel';
  const name = doc.createElement('p');
  name.className = 'cg-embed-name';
  name.id = `${id}-name`;
  name.textContent = input.texts.name;
  const about = doc.createElement('p');
  about.className = 'cg-embed-about';
  about.textContent = input.texts.about;

  const actions = doc.createElement('div');
  actions.className = 'cg-embed-actions';
  const load = button(doc, 'cg-embed-load', input.texts.load, handlers.onLoad);
  // the button says "Load video"; which video is its description
  load.setAttribute('aria-describedby', name.id);
  const always = button(doc, 'cg-embed-always', input.texts.always, handlers.onAlways);
  actions.append(load, always);

  panel.append(name, about, actions, policyLink(doc, input.privacyPolicyUrl, 'cg-embed-policy', input.texts.policy));
  box.appendChild(panel);
  return box;
}

function button(doc: Document, className: string, text: string, onClick: () => void): HTMLButtonElement {
  const el = doc.createElement('button');
  el.type = 'button';
  el.className = className;
  el.textContent = text;
  el.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });
  return el;
}

/**
 * Contrast: white on #1f2933 is 14.5:1; the panel over a poster is that
 * colour at 85% opacity. Targets are at least 32 px high (WCAG 2.5.8 asks 24).
 */
const EMBED_CSS = `.cg-embed{position:relative;box-sizing:border-box;overflow:hidden;background:#1f2933 linear-gradient(135deg,#1f2933,#323f4b);color:#fff;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;text-align:left;border-radius:4px}
.cg-embed-poster{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;margin:0;border:0;max-width:none}
.cg-embed-panel{position:absolute;inset:0;display:flex;flex-direction:column;justify-content:center;gap:8px;padding:12px 16px;overflow:auto;box-sizing:border-box}
.cg-embed-poster+.cg-embed-panel{background:rgba(31,41,51,.85)}
.cg-embed-name{margin:0;font-weight:700;font-size:16px;color:#fff}
.cg-embed-about{margin:0;color:#fff;max-width:46em}
.cg-embed-actions{display:flex;flex-wrap:wrap;gap:8px}
.cg-embed button{font:inherit;font-weight:600;min-height:32px;padding:4px 14px;border-radius:4px;border:2px solid #fff;cursor:pointer;margin:0}
.cg-embed-load{background:#fff;color:#1f2933}
.cg-embed-always{background:transparent;color:#fff}
.cg-embed-policy,.cg-embed-policy:visited{color:#fff;text-decoration:underline;align-self:flex-start}
.cg-embed button:focus-visible,.cg-embed-policy:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.cg-embed-frame{display:block;width:100%;height:100%;border:0}`;

/** The placeholder's stylesheet, once per document, with the config's nonce. */
export function injectEmbedStyles(doc: Document, nonce?: string): void {
  injectStyle(doc, 'consent-gate-embed-style', EMBED_CSS, nonce);
}
