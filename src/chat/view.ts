/**
 * A chat's view once its lazy part has arrived: the launcher the page
 * already shows (./launcher.ts), plus where panels go (next to the element
 * that asked, in the inline placeholder, or floating by the launcher), the
 * inline placeholder in the element the vendor embeds into (only where the
 * chat shows), and where focus goes once the vendor's chat is open.
 */
import { chatButton, CHAT_ATTRIBUTE, type Launcher } from './launcher.js';
import type { ChatState } from './state.js';
import type { PanelTexts } from './texts.js';

export interface ChatView {
  readonly launcher: Launcher;
  render(state: ChatState): void;
  /** Show (or, with null, remove) a panel. */
  setPanel(panel: HTMLElement | null): void;
  /** The panel showing now, if any. */
  panel(): HTMLElement | null;
  /** Give focus back to the element that asked for the chat (or the launcher). */
  returnFocus(): void;
  /** Embed an inline placeholder in `selector` (the vendor's inline container) in place of the floating launcher. */
  placeInline(selector: string, summary: string): void;
  /** The chat opened at the visitor's request: move focus into the vendor's widget (`ui`: what it added to the page), else keep it on what asked. */
  focusChat(ui: readonly Element[]): void;
  /** The `show` settings were decided again: the placeholder and panels go where the chat does not show, and come back with it. */
  showingChanged(): void;
}

/** Whether an element is rendered (it has a box) and not hidden from everyone. */
function visible(el: Element): boolean {
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** Where focus goes in a vendor's widget: its message field, else its frame, else its first control. */
const FOCUS_ORDER = ['textarea,input:not([type=hidden])', 'iframe', 'button,a[href],[tabindex]:not([tabindex="-1"])'];

export function chatView(launcher: Launcher, doc: Document, texts: PanelTexts): ChatView {
  let placeholder: HTMLElement | null = null;
  let inline: { selector: string; summary: string } | null = null;
  let current: HTMLElement | null = null;
  const o = launcher.options;

  function buildPlaceholder(summary: string): HTMLElement {
    const box = doc.createElement('div');
    box.className = 'cg-chat-inline';
    box.setAttribute('data-consent-gate-placeholder', launcher.vendorId);
    box.style.height = `${o.placeholderHeight}px`;
    const title = doc.createElement('p');
    title.className = 'cg-chat-title';
    title.textContent = launcher.label;
    const text = doc.createElement('p');
    text.textContent = summary;
    const start = chatButton(doc, 'start', texts.start);
    start.setAttribute(CHAT_ATTRIBUTE, launcher.vendorId);
    const live = doc.createElement('p');
    live.className = 'cg-chat-small';
    live.setAttribute('role', 'status');
    box.append(title, text, start, live);
    return box;
  }

  function ensureInline(): void {
    if (!inline || placeholder?.isConnected || !launcher.showing.shown) return;
    let target: Element | null = null;
    try {
      target = doc.querySelector(inline.selector);
    } catch {
      target = null;
    }
    if (!target) return;
    placeholder = buildPlaceholder(inline.summary);
    target.appendChild(placeholder);
    // the placeholder is where the chat will be: no floating launcher besides
    launcher.button?.remove();
    launcher.status?.remove();
    launcher.button = launcher.status = null;
    launcher.status = placeholder.querySelector('[role="status"]');
  }

  /** Position a panel (absolutely, in document coordinates) below its trigger, or above when there is no room below. */
  function placeNear(box: HTMLElement, trigger: HTMLElement): void {
    const view = doc.defaultView;
    if (!view) return;
    const r = trigger.getBoundingClientRect();
    const left = Math.max(8, Math.min(r.left, view.innerWidth - box.offsetWidth - 8));
    const below = r.bottom + 8;
    const top = below + box.offsetHeight <= view.innerHeight || r.top - 8 - box.offsetHeight < 0 ? below : r.top - 8 - box.offsetHeight;
    box.style.left = `${Math.round(left + view.scrollX)}px`;
    box.style.top = `${Math.round(top + view.scrollY)}px`;
  }

  const view: ChatView = {
    launcher,
    render(state) {
      if (state === 'ready') {
        view.setPanel(null);
        launcher.render(state);
        placeholder?.remove();
        placeholder = null;
        launcher.status = null;
        return;
      }
      ensureInline();
      launcher.render(state);
      if (state === 'idle' || state === 'loading') view.setPanel(null);
    },
    setPanel(next) {
      current?.remove();
      current = next;
      launcher.button?.setAttribute('aria-expanded', next ? 'true' : 'false');
      if (!next) return;
      if (placeholder?.isConnected) {
        placeholder.appendChild(next);
        return;
      }
      const anchor = launcher.trigger && launcher.trigger !== launcher.button && launcher.trigger.isConnected ? launcher.trigger : null;
      if (anchor) {
        // next to the site's own button that asked for it
        next.classList.add('cg-anchored');
        doc.body.appendChild(next);
        placeNear(next, anchor);
        return;
      }
      next.classList.add('cg-floating', launcher.side);
      // right after the launcher: Tab goes from it into the panel, Shift+Tab from the panel back to it
      if (launcher.button?.isConnected) launcher.button.after(next);
      else doc.body.appendChild(next);
    },
    panel: () => current,
    returnFocus() {
      const { trigger, button } = launcher;
      const target = trigger?.isConnected && !trigger.hidden ? trigger : button && !button.hidden ? button : null;
      target?.focus();
    },
    placeInline(selector, summary) {
      inline = { selector, summary };
      ensureInline();
    },
    showingChanged() {
      if (launcher.showing.shown) return ensureInline();
      view.setPanel(null);
      placeholder?.remove();
      placeholder = null;
    },
    focusChat(ui) {
      const active = doc.activeElement;
      // the vendor took focus itself, or the visitor went on elsewhere: leave it there
      const ours =
        !active ||
        active === doc.body ||
        !active.isConnected ||
        (active as HTMLElement).hidden ||
        active === launcher.trigger ||
        active.closest('[class^="cg-chat"],[class*=" cg-chat"]');
      if (!ours) return;
      for (const selector of FOCUS_ORDER) {
        for (const root of ui) {
          const found = [root, ...root.querySelectorAll(selector)].find((el) => el.matches(selector) && visible(el)) as
            | HTMLElement
            | undefined;
          if (found) return found.focus();
        }
      }
      view.returnFocus();
    },
  };
  return view;
}
