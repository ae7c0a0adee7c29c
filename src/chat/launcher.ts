/**
 * What a chat costs the page before anyone asks for it: a launcher button
 * (fixed in a corner, so it never shifts layout) or the site's own elements
 * marked `data-consent-gate-chat="<vendor id>"`. No vendor request, no vendor
 * code: the prompt, the failure panel, the inline placeholder and the vendor
 * itself come with the chat's lazy part (./chunk.ts, ./view.ts), fetched when
 * the visitor shows intent.
 */
import type { ResolvedChatOptions } from '../contract/chat-options.js';
import { injectStyle } from '../dom.js';
import type { ChatState } from './state.js';
import type { Showing } from './show.js';
import type { LauncherTexts } from './texts.js';

export const CHAT_ATTRIBUTE = 'data-consent-gate-chat';
const STYLE_ID = 'consent-gate-chat-styles';

/**
 * The launcher keeps out of the banner's way through a CSS custom property
 * the banner sets while its notice shows: `--consent-gate-banner-inset`, the
 * distance from the bottom of the viewport to the notice's top edge.
 *
 * The focus ring is two rings, white inside dark (#0b0c0c), so it keeps a
 * contrast of at least 3:1 (WCAG 1.4.11) next to any page or button colour.
 */
const CSS = `.cg-chat-launcher{position:fixed;bottom:20px;z-index:2147483000;width:60px;height:60px;margin:0;padding:0;border:0;border-radius:50%;background:var(--cg-chat-bg,#1b4f9c);color:var(--cg-chat-fg,#fff);box-shadow:0 2px 12px rgba(0,0,0,.28);cursor:pointer;display:flex;align-items:center;justify-content:center}
.cg-right{right:20px}.cg-left{left:20px}.cg-chat-launcher.cg-left{bottom:max(20px,calc(var(--consent-gate-banner-inset,0px) + 12px))}
.cg-chat-launcher[hidden]{display:none}
.cg-chat-launcher:focus-visible{outline:3px solid #0b0c0c;outline-offset:2px;box-shadow:0 0 0 2px #fff,0 2px 12px rgba(0,0,0,.28)}
.cg-chat-launcher svg{width:30px;height:30px}
.cg-chat-launcher[aria-busy=true]::after{content:"";position:absolute;inset:-4px;border-radius:50%;border:3px solid transparent;border-top-color:var(--cg-chat-bg,#1b4f9c);animation:cg-spin 1s linear infinite}
@keyframes cg-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.cg-chat-launcher[aria-busy=true]::after{animation:none;border-color:var(--cg-chat-bg,#1b4f9c)}}
.cg-chat-status{position:fixed;bottom:36px;z-index:2147483000;background:#1a1a1a;color:#fff;font:13px/1.4 system-ui,sans-serif;padding:4px 10px;border-radius:12px;white-space:nowrap}
.cg-chat-status.cg-right{right:90px}.cg-chat-status.cg-left{left:90px;bottom:max(36px,calc(var(--consent-gate-banner-inset,0px) + 28px))}
.cg-chat-status:empty{display:none}`;

const ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 3C6.5 3 2 6.6 2 11c0 2.4 1.3 4.5 3.4 6L4.5 21l4.3-2.3c1 .3 2.1.4 3.2.4 5.5 0 10-3.6 10-8s-4.5-8-10-8z"/></svg>';

/** What the launcher reports to the chat feature. */
export interface LauncherActions {
  /** The visitor asked for the chat (a click on the launcher or a marked element). */
  activate(): void;
  /** Hover, focus or pointer-down: the visitor may be about to click. */
  intent(): void;
}

/** One chat vendor's presence on the page before its own UI. */
export interface Launcher {
  readonly vendorId: string;
  readonly options: ResolvedChatOptions;
  /** `cg-left` or `cg-right`: the corner it sits in. */
  readonly side: string;
  /** The floating button, unless the site marks its own elements (or an inline placeholder took its place). */
  button: HTMLButtonElement | null;
  /** The status text next to the button (read out by screen readers). */
  status: HTMLElement | null;
  /** The element the visitor last used to ask for the chat. */
  trigger: HTMLElement | null;
  /** The words of the launcher in the page's language. */
  readonly texts: LauncherTexts;
  /** The accessible name: the config's `label`, else the launcher's own. */
  readonly label: string;
  /** Whether the chat shows here and now (its `show` settings), as last decided. */
  showing: Showing;
  /** Apply a new decision of the `show` settings: no launcher (and the site's marked elements hidden) where the chat would not appear. */
  setShowing(showing: Showing): void;
  /** Told after `setShowing` (the chat's lazy part, for its placeholder and panels). */
  onShowing: (() => void) | null;
  /** Show a state on the button and the site's marked elements: busy while loading, gone once the vendor's own UI is up. */
  render(state: ChatState): void;
  /** The site's elements marked for this vendor. */
  marked(): HTMLElement[];
}

/** A button of the chat UI: `cg-chat-btn cg-chat-<name>`, type button. */
export function chatButton(doc: Document, name: string, text: string, onClick?: () => void): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `cg-chat-btn cg-chat-${name}`;
  button.textContent = text;
  if (onClick) button.addEventListener('click', onClick);
  return button;
}

/** Marks a site's element the launcher hid because the chat does not show here (so only those are shown again). */
const HID = 'data-consent-gate-hid';

/** `texts`: the launcher's words in the page's language (./feature.ts finds them). */
export function createLauncher(
  vendorId: string,
  options: ResolvedChatOptions,
  doc: Document,
  nonce: string | undefined,
  texts: LauncherTexts,
  actions: LauncherActions,
): Launcher {
  injectStyle(doc, STYLE_ID, CSS, nonce);
  const attribute = `[${CHAT_ATTRIBUTE}="${vendorId.replace(/["\\]/g, '\\$&')}"]`;
  let state: ChatState = 'idle';
  const launcher: Launcher = {
    vendorId,
    options,
    side: options.position === 'bottom-left' ? 'cg-left' : 'cg-right',
    button: null,
    status: null,
    trigger: null,
    texts,
    label: options.label ?? texts.label,
    showing: { shown: true, away: false, next: null },
    marked: () => [...doc.querySelectorAll<HTMLElement>(attribute)],
    render(next) {
      state = next;
      const shown = launcher.showing.shown;
      for (const el of launcher.marked()) {
        el.setAttribute('data-consent-gate-chat-state', shown ? state : 'unavailable');
        if (state === 'loading') el.setAttribute('aria-busy', 'true');
        else el.removeAttribute('aria-busy');
        // the site's own button for the chat goes where the chat does not appear, and comes back with it
        if (!shown && !el.hidden) {
          el.hidden = true;
          el.setAttribute(HID, '');
        } else if (shown && el.hasAttribute(HID)) {
          el.hidden = false;
          el.removeAttribute(HID);
        }
      }
      const { button, status } = launcher;
      if (button) {
        button.hidden = state === 'ready' || !shown;
        if (state === 'loading') button.setAttribute('aria-busy', 'true');
        else button.removeAttribute('aria-busy');
      }
      if (status) status.textContent = state === 'loading' ? texts.loading : '';
    },
    setShowing(showing) {
      launcher.showing = showing;
      launcher.render(state);
      launcher.onShowing?.();
    },
    onShowing: null,
  };

  if (options.launcher ?? launcher.marked().length === 0) {
    const button = (launcher.button = doc.createElement('button'));
    button.type = 'button';
    button.className = `cg-chat-launcher ${launcher.side}`;
    button.setAttribute('aria-label', launcher.label);
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute(CHAT_ATTRIBUTE, vendorId);
    button.setAttribute('data-consent-gate-launcher', '');
    button.style.setProperty('--cg-chat-bg', options.color);
    button.style.setProperty('--cg-chat-fg', options.textColor);
    button.innerHTML = ICON;
    const status = (launcher.status = doc.createElement('span'));
    status.className = `cg-chat-status ${launcher.side}`;
    status.setAttribute('role', 'status');
    doc.body.append(status, button);
  }

  // One delegated listener each serves the launcher, an inline placeholder and the site's own elements.
  const own = (event: Event): HTMLElement | null => {
    const el = (event.target as Element | null)?.closest?.(attribute) as HTMLElement | null;
    return el;
  };
  doc.addEventListener('click', (event) => {
    const el = own(event);
    if (!el) return;
    event.preventDefault();
    launcher.trigger = el;
    actions.activate();
  });
  for (const type of ['pointerover', 'pointerdown', 'focusin']) doc.addEventListener(type, (event) => own(event) && actions.intent());
  return launcher;
}
