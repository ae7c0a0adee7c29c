/**
 * The chat facade: a cheap, honest placeholder that costs no vendor request.
 * Either a launcher button (fixed in a corner, so it never shifts layout),
 * an inline placeholder inside the element the vendor embeds into, or the
 * site's own elements marked `data-consent-gate-chat="<vendor id>"`.
 * It shows the prompt, progress, and the failure state with retry and a
 * fallback; once the vendor's UI is up it steps aside.
 */
import { buildPrompt, chatButton } from './prompt.js';
import { BANNER_ELEMENT_ID } from '../ui/klaro-config.js';
import type { ChatState, FailReason, VendorRuntime } from './runtime.js';

export const CHAT_ATTRIBUTE = 'data-consent-gate-chat';
const STYLE_ID = 'consent-gate-chat-styles';

const CSS = `
.cg-chat-launcher{position:fixed;bottom:20px;z-index:2147483000;width:60px;height:60px;margin:0;padding:0;border:0;border-radius:50%;background:var(--cg-chat-bg,#1b4f9c);color:var(--cg-chat-fg,#fff);box-shadow:0 2px 12px rgba(0,0,0,.28);cursor:pointer;display:flex;align-items:center;justify-content:center}
.cg-chat-launcher.cg-right{right:20px}.cg-chat-launcher.cg-left{left:20px}
.cg-chat-launcher[hidden]{display:none}
.cg-chat-launcher:focus-visible,.cg-chat-btn:focus-visible,.cg-chat-link:focus-visible{outline:3px solid #ffbf47;outline-offset:3px}
.cg-chat-launcher svg{width:30px;height:30px;display:block}
.cg-chat-launcher[aria-busy=true]::after{content:"";position:absolute;inset:-4px;border-radius:50%;border:3px solid transparent;border-top-color:var(--cg-chat-bg,#1b4f9c);animation:cg-chat-spin 1s linear infinite}
@keyframes cg-chat-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.cg-chat-launcher[aria-busy=true]::after{animation:none;border-color:var(--cg-chat-bg,#1b4f9c)}}
.cg-chat-status{position:fixed;bottom:36px;z-index:2147483000;background:#1a1a1a;color:#fff;font:13px/1.4 system-ui,sans-serif;padding:4px 10px;border-radius:12px;white-space:nowrap}
.cg-chat-status.cg-right{right:90px}.cg-chat-status.cg-left{left:90px}
.cg-chat-status:empty{display:none}
.cg-chat-panel{box-sizing:border-box;background:#fff;color:#1a1a1a;font:14px/1.45 system-ui,-apple-system,sans-serif;text-align:left;border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.25);padding:16px}
.cg-chat-panel.cg-floating{position:fixed;bottom:92px;z-index:2147483001;width:min(340px,calc(100vw - 40px))}
.cg-chat-panel.cg-right{right:20px}.cg-chat-panel.cg-left{left:20px}
.cg-chat-panel.cg-anchored{position:absolute;z-index:2147483001;width:min(340px,calc(100vw - 16px))}
.cg-chat-panel p,.cg-chat-panel ul{margin:0 0 .6em}.cg-chat-panel ul{padding-left:1.2em}
.cg-chat-title{font-size:16px;font-weight:600;margin:0 0 .5em}
.cg-chat-small{font-size:13px}
.cg-chat-link{color:#1b4f9c;text-decoration:underline;display:inline-block;margin-bottom:.8em}
.cg-chat-buttons{display:flex;gap:8px;flex-wrap:wrap}
.cg-chat-btn{min-height:36px;min-width:44px;padding:6px 14px;border-radius:4px;font:600 14px system-ui,sans-serif;cursor:pointer;border:2px solid #1b4f9c;background:#fff;color:#1b4f9c}
.cg-chat-btn.cg-chat-allow,.cg-chat-btn.cg-chat-retry,.cg-chat-btn.cg-chat-start{background:#1b4f9c;color:#fff}
.cg-chat-inline{box-sizing:border-box;width:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px;padding:16px;border:1px solid #d0d5dd;border-radius:8px;background:#f7f8fa;color:#1a1a1a;font:14px/1.45 system-ui,sans-serif;overflow:auto}
.cg-chat-inline .cg-chat-panel{box-shadow:none;border:1px solid #d0d5dd;max-width:360px}
`;

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 3C6.5 3 2 6.6 2 11c0 2.4 1.3 4.5 3.4 6L4.5 21l4.3-2.3c1 .3 2.1.4 3.2.4 5.5 0 10-3.6 10-8s-4.5-8-10-8z"/></svg>';

export interface FacadeActions {
  /** The visitor asked for the chat (click on a launcher, the placeholder, or a marked element). */
  activate(trigger: HTMLElement | null): void;
  retry(trigger: HTMLElement | null): void;
  /** Hover or focus: a hint the visitor may click. */
  intent(): void;
}

export interface Facade {
  render(state: ChatState, reason?: FailReason): void;
  showPrompt(onAllow: () => void, onDismiss: () => void): void;
  hidePrompt(): void;
}

const FAILURE_TEXT: Record<FailReason, string> = {
  error: 'The chat could not be loaded.',
  timeout: 'The chat is taking too long to load.',
  offline: 'You seem to be offline, so the chat cannot load.',
};

function injectStyles(doc: Document, nonce: string | undefined): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  if (nonce) style.nonce = nonce;
  style.textContent = CSS;
  doc.head.appendChild(style);
}

export function createFacade(runtime: VendorRuntime, doc: Document, nonce: string | undefined, actions: FacadeActions): Facade {
  injectStyles(doc, nonce);
  const o = runtime.options;
  const side = o.position === 'bottom-left' ? 'cg-left' : 'cg-right';
  const id = runtime.vendor.id;
  const inlineSelector = runtime.inlineTarget();
  const marked = () => [...doc.querySelectorAll<HTMLElement>(`[${CHAT_ATTRIBUTE}="${cssEscape(id)}"]`)];
  const wantLauncher = !inlineSelector && (o.launcher ?? marked().length === 0);

  let launcher: HTMLButtonElement | null = null;
  let status: HTMLElement | null = null;
  let placeholder: HTMLElement | null = null;
  let panel: HTMLElement | null = null;
  let lastTrigger: HTMLElement | null = null;

  if (wantLauncher) {
    launcher = doc.createElement('button');
    launcher.type = 'button';
    launcher.className = `cg-chat-launcher ${side}`;
    launcher.setAttribute('aria-label', o.label);
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute(CHAT_ATTRIBUTE, id);
    launcher.setAttribute('data-consent-gate-launcher', '');
    launcher.style.setProperty('--cg-chat-bg', o.color);
    launcher.style.setProperty('--cg-chat-fg', o.textColor);
    launcher.innerHTML = ICON;
    status = doc.createElement('span');
    status.className = `cg-chat-status ${side}`;
    status.setAttribute('role', 'status');
    doc.body.append(status, launcher);
  }

  // The banner sits bottom left. A launcher placed in that corner moves up
  // while the banner's notice shows, so the banner never covers it.
  const LIFT_GAP = 12;
  let lift = 0;
  function avoidBanner(): void {
    if (!launcher || side !== 'cg-left') return;
    const notice = doc.querySelector(`#${BANNER_ELEMENT_ID} .cookie-notice:not(.cookie-modal-notice)`);
    const rect = notice?.getBoundingClientRect();
    const view = doc.defaultView?.innerHeight ?? 0;
    const next = rect && rect.width > 0 && rect.height > 0 && rect.top < view ? Math.max(0, view - rect.top + LIFT_GAP - 20) : 0;
    if (next === lift) return;
    lift = next;
    launcher.style.bottom = `${20 + lift}px`;
    if (status) status.style.bottom = `${36 + lift}px`;
    if (panel?.classList.contains('cg-floating')) panel.style.bottom = `${92 + lift}px`;
  }
  if (launcher && side === 'cg-left' && typeof MutationObserver === 'function') {
    new MutationObserver(avoidBanner).observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style'] });
    doc.defaultView?.addEventListener('resize', avoidBanner);
    avoidBanner();
  }

  function buildPlaceholder(): HTMLElement {
    const box = doc.createElement('div');
    box.className = 'cg-chat-inline';
    box.setAttribute('data-consent-gate-placeholder', id);
    box.style.height = `${o.placeholderHeight}px`;
    const title = doc.createElement('p');
    title.className = 'cg-chat-title';
    title.textContent = o.label;
    const summary = doc.createElement('p');
    summary.textContent = runtime.vendor.summary;
    const start = chatButton(doc, 'start', 'Start chat');
    start.setAttribute(CHAT_ATTRIBUTE, id);
    const live = doc.createElement('p');
    live.className = 'cg-chat-small';
    live.setAttribute('role', 'status');
    box.append(title, summary, start, live);
    return box;
  }

  function placeInline(): void {
    if (!inlineSelector || placeholder?.isConnected) return;
    let target: Element | null = null;
    try {
      target = doc.querySelector(inlineSelector);
    } catch {
      target = null;
    }
    if (!target) return;
    placeholder = buildPlaceholder();
    target.appendChild(placeholder);
  }
  placeInline();

  // One delegated listener serves the launcher, the placeholder and the site's own elements.
  doc.addEventListener('click', (event) => {
    const el = (event.target as Element | null)?.closest?.(`[${CHAT_ATTRIBUTE}]`) as HTMLElement | null;
    if (!el || el.getAttribute(CHAT_ATTRIBUTE) !== id) return;
    event.preventDefault();
    lastTrigger = el;
    actions.activate(el);
  });
  const onIntent = (event: Event) => {
    const el = (event.target as Element | null)?.closest?.(`[${CHAT_ATTRIBUTE}]`);
    if (el && el.getAttribute(CHAT_ATTRIBUTE) === id) actions.intent();
  };
  doc.addEventListener('pointerover', onIntent);
  doc.addEventListener('focusin', onIntent);

  function panelHost(): { parent: Element; floating: boolean } {
    if (placeholder?.isConnected) return { parent: placeholder, floating: false };
    return { parent: doc.body, floating: true };
  }

  function setPanel(next: HTMLElement | null): void {
    panel?.remove();
    panel = next;
    launcher?.setAttribute('aria-expanded', next ? 'true' : 'false');
    if (!next) return;
    const host = panelHost();
    const anchor = host.floating && lastTrigger && lastTrigger !== launcher && lastTrigger.isConnected ? lastTrigger : null;
    if (anchor) {
      // next to the site's own button that asked for it
      next.classList.add('cg-anchored');
      host.parent.appendChild(next);
      placeNear(next, anchor);
      return;
    }
    if (host.floating) {
      next.classList.add('cg-floating', side);
      if (lift) next.style.bottom = `${92 + lift}px`;
    }
    host.parent.appendChild(next);
  }

  /** Position a panel (absolutely, in document coordinates) below its trigger, or above when there is no room below. */
  function placeNear(box: HTMLElement, trigger: HTMLElement): void {
    const view = doc.defaultView;
    if (!view) return;
    const r = trigger.getBoundingClientRect();
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    const left = Math.max(8, Math.min(r.left, view.innerWidth - width - 8));
    const below = r.bottom + 8;
    const top = below + height <= view.innerHeight || r.top - 8 - height < 0 ? below : r.top - 8 - height;
    box.style.left = `${Math.round(left + view.scrollX)}px`;
    box.style.top = `${Math.round(top + view.scrollY)}px`;
  }

  function setStatusText(text: string): void {
    if (status) status.textContent = text;
    const live = placeholder?.querySelector('[role="status"]');
    if (live) live.textContent = text;
  }

  function returnFocus(): void {
    const target = lastTrigger?.isConnected && !lastTrigger.hidden ? lastTrigger : launcher && !launcher.hidden ? launcher : null;
    target?.focus();
  }

  function failurePanel(reason: FailReason): HTMLElement {
    const box = doc.createElement('div');
    box.className = 'cg-chat-panel cg-chat-failure';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-consent-gate-failure', reason);
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      setPanel(null);
      returnFocus();
    });
    const text = doc.createElement('p');
    text.textContent = FAILURE_TEXT[reason];
    box.appendChild(text);
    const buttons = doc.createElement('div');
    buttons.className = 'cg-chat-buttons';
    const retry = chatButton(doc, 'retry', 'Try again', () => actions.retry(lastTrigger));
    buttons.appendChild(retry);
    if (o.fallbackUrl) {
      const link = doc.createElement('a');
      link.className = 'cg-chat-btn cg-chat-fallback';
      link.href = o.fallbackUrl;
      link.textContent = o.fallbackLabel;
      buttons.appendChild(link);
    }
    const dismiss = chatButton(doc, 'dismiss', 'Close', () => {
      setPanel(null);
      returnFocus();
    });
    buttons.appendChild(dismiss);
    box.appendChild(buttons);
    return box;
  }

  function mark(state: ChatState): void {
    for (const el of marked()) {
      el.setAttribute('data-consent-gate-chat-state', state);
      if (state === 'loading') el.setAttribute('aria-busy', 'true');
      else el.removeAttribute('aria-busy');
    }
  }

  return {
    render(state, reason) {
      mark(state);
      if (launcher) {
        launcher.hidden = state === 'ready';
        if (state === 'loading') launcher.setAttribute('aria-busy', 'true');
        else launcher.removeAttribute('aria-busy');
      }
      if (state === 'ready') {
        setPanel(null);
        setStatusText('');
        placeholder?.remove();
        placeholder = null;
        return;
      }
      placeInline();
      if (state === 'loading') {
        setPanel(null);
        setStatusText('Loading chat…');
      } else if (state === 'failed') {
        setStatusText('');
        const box = failurePanel(reason ?? 'error');
        setPanel(box);
        box.querySelector<HTMLElement>('.cg-chat-retry')?.focus();
      } else if (state === 'idle') {
        setStatusText('');
        setPanel(null);
      }
    },
    showPrompt(onAllow, onDismiss) {
      const box = buildPrompt(doc, runtime.vendor, {
        onAllow,
        onDismiss: () => {
          onDismiss();
          returnFocus();
        },
      });
      setPanel(box);
      box.querySelector<HTMLElement>('.cg-chat-allow')?.focus();
    },
    hidePrompt() {
      if (panel?.classList.contains('cg-chat-prompt')) setPanel(null);
    },
  };
}

function cssEscape(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
