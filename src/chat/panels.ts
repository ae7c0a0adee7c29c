/**
 * The chat's panels, fetched with the chat's lazy file: the contextual
 * prompt (./prompt.ts) and the failure panel, and the stylesheet they share.
 */
import { injectStyle } from '../dom.js';
import { chatButton } from './launcher.js';
import type { FailReason } from './state.js';
import type { PanelTexts } from './texts.js';

const STYLE_ID = 'consent-gate-chat-panels';

/**
 * (the launcher's own styles, with `cg-left`/`cg-right`, are in ./launcher.ts)
 *
 * Contrast on the white panel: text #1a1a1a (17:1), links and button
 * borders #1b4f9c (8.6:1); buttons 36 px high at least (WCAG 2.5.8 asks 24);
 * the focus ring is white inside dark (#0b0c0c), at least 3:1 next to any
 * colour. Focusable parts keep clear of the banner when scrolled to
 * (`scroll-margin-bottom` by the banner's inset, WCAG 2.4.11).
 */
const CSS = `
.cg-chat-panel{box-sizing:border-box;background:#fff;color:#1a1a1a;font:14px/1.45 system-ui,-apple-system,sans-serif;text-align:left;border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.25);padding:16px}
.cg-chat-panel.cg-floating{position:fixed;bottom:92px;z-index:2147483001;width:min(340px,calc(100vw - 40px))}
.cg-chat-panel.cg-left{bottom:max(92px,calc(var(--consent-gate-banner-inset,0px) + 84px))}
.cg-chat-panel.cg-anchored{position:absolute;z-index:2147483001;width:min(340px,calc(100vw - 16px))}
.cg-chat-panel p,.cg-chat-panel ul{margin:0 0 .6em}.cg-chat-panel ul{padding-left:1.2em}
.cg-chat-title{font-size:16px;font-weight:600;margin:0 0 .5em}
.cg-chat-small{font-size:13px}
.cg-chat-link{color:#1b4f9c;text-decoration:underline;display:inline-block;min-height:24px;line-height:24px;margin-bottom:.6em}
.cg-chat-buttons{display:flex;gap:8px;flex-wrap:wrap}
.cg-chat-btn{min-height:36px;min-width:44px;padding:6px 14px;border-radius:4px;font:600 14px system-ui,sans-serif;cursor:pointer;border:2px solid #1b4f9c;background:#fff;color:#1b4f9c}
.cg-chat-btn.cg-chat-allow,.cg-chat-btn.cg-chat-retry,.cg-chat-btn.cg-chat-start{background:#1b4f9c;color:#fff}
.cg-chat-btn:focus-visible,.cg-chat-link:focus-visible{outline:3px solid #0b0c0c;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.cg-chat-btn,.cg-chat-link{scroll-margin-bottom:calc(var(--consent-gate-banner-inset,0px) + 16px)}
.cg-chat-reply{font-style:italic}
.cg-chat-inline{box-sizing:border-box;width:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px;padding:16px;border:1px solid #d0d5dd;border-radius:8px;background:#f7f8fa;color:#1a1a1a;font:14px/1.45 system-ui,sans-serif;overflow:auto}
.cg-chat-inline .cg-chat-panel{box-shadow:none;border:1px solid #d0d5dd;max-width:360px}
`;

/** The panels' stylesheet, once per page (with the config's nonce). */
export const injectPanelStyles = (doc: Document, nonce: string | undefined): void => injectStyle(doc, STYLE_ID, CSS, nonce);

const FAILURE_TEXT: Record<FailReason, keyof PanelTexts> = {
  error: 'failError',
  timeout: 'failTimeout',
  offline: 'failOffline',
  hidden: 'failHidden',
};

export interface FailureHandlers {
  retry(): void;
  close(): void;
}

/** The site's fallback link (`fallbackUrl`), looking like a button. */
export function fallbackLink(doc: Document, url: string, label: string): HTMLAnchorElement {
  const link = doc.createElement('a');
  link.className = 'cg-chat-btn cg-chat-fallback';
  link.href = url;
  link.textContent = label;
  return link;
}

/**
 * The failure panel: what went wrong, "Try again" (not when the vendor
 * chose to show nothing: trying again would not change its mind), the site's
 * fallback link when configured, and "Close" (Escape too).
 */
export function failurePanel(
  doc: Document,
  texts: PanelTexts,
  reason: FailReason,
  fallback: { url: string | undefined; label: string | undefined },
  handlers: FailureHandlers,
): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'cg-chat-panel cg-chat-failure';
  box.setAttribute('role', 'alert');
  box.setAttribute('data-consent-gate-failure', reason);
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    handlers.close();
  });
  const text = doc.createElement('p');
  text.textContent = texts[FAILURE_TEXT[reason]];
  const buttons = doc.createElement('div');
  buttons.className = 'cg-chat-buttons';
  if (reason !== 'hidden') buttons.appendChild(chatButton(doc, 'retry', texts.retry, handlers.retry));
  if (fallback.url) buttons.appendChild(fallbackLink(doc, fallback.url, fallback.label ?? texts.fallback));
  buttons.appendChild(chatButton(doc, 'dismiss', texts.close, handlers.close));
  box.append(text, buttons);
  return box;
}
