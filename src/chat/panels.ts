/**
 * The chat's panels, fetched with the chat's lazy file: the contextual
 * prompt (./prompt.ts) and the failure panel, and the stylesheet they share.
 */
import { chatButton } from './launcher.js';
import type { FailReason } from './state.js';

const STYLE_ID = 'consent-gate-chat-panels';

/** (the launcher's own styles, with `cg-left`/`cg-right`, are in ./launcher.ts) */
const CSS = `
.cg-chat-panel{box-sizing:border-box;background:#fff;color:#1a1a1a;font:14px/1.45 system-ui,-apple-system,sans-serif;text-align:left;border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.25);padding:16px}
.cg-chat-panel.cg-floating{position:fixed;bottom:92px;z-index:2147483001;width:min(340px,calc(100vw - 40px))}
.cg-chat-panel.cg-left{bottom:max(92px,calc(var(--consent-gate-banner-inset,0px) + 84px))}
.cg-chat-panel.cg-anchored{position:absolute;z-index:2147483001;width:min(340px,calc(100vw - 16px))}
.cg-chat-panel p,.cg-chat-panel ul{margin:0 0 .6em}.cg-chat-panel ul{padding-left:1.2em}
.cg-chat-title{font-size:16px;font-weight:600;margin:0 0 .5em}
.cg-chat-small{font-size:13px}
.cg-chat-link{color:#1b4f9c;text-decoration:underline;display:inline-block;margin-bottom:.8em}
.cg-chat-buttons{display:flex;gap:8px;flex-wrap:wrap}
.cg-chat-btn{min-height:36px;min-width:44px;padding:6px 14px;border-radius:4px;font:600 14px system-ui,sans-serif;cursor:pointer;border:2px solid #1b4f9c;background:#fff;color:#1b4f9c}
.cg-chat-btn.cg-chat-allow,.cg-chat-btn.cg-chat-retry,.cg-chat-btn.cg-chat-start{background:#1b4f9c;color:#fff}
.cg-chat-btn:focus-visible,.cg-chat-link:focus-visible{outline:3px solid #ffbf47;outline-offset:3px}
.cg-chat-inline{box-sizing:border-box;width:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px;padding:16px;border:1px solid #d0d5dd;border-radius:8px;background:#f7f8fa;color:#1a1a1a;font:14px/1.45 system-ui,sans-serif;overflow:auto}
.cg-chat-inline .cg-chat-panel{box-shadow:none;border:1px solid #d0d5dd;max-width:360px}
`;

/** The panels' stylesheet, once per page (with the config's nonce). */
export function injectPanelStyles(doc: Document, nonce: string | undefined): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  if (nonce) style.nonce = nonce;
  style.textContent = CSS;
  doc.head.appendChild(style);
}

const FAILURE_TEXT: Record<FailReason, string> = {
  error: 'The chat could not be loaded.',
  timeout: 'The chat is taking too long to load.',
  offline: 'You seem to be offline, so the chat cannot load.',
};

export interface FailureHandlers {
  retry(): void;
  close(): void;
}

/** The failure panel: what went wrong, "Try again", the site's fallback link when configured, and "Close" (Escape too). */
export function failurePanel(doc: Document, reason: FailReason, fallback: { url: string | undefined; label: string }, handlers: FailureHandlers): HTMLElement {
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
  text.textContent = FAILURE_TEXT[reason];
  const buttons = doc.createElement('div');
  buttons.className = 'cg-chat-buttons';
  buttons.appendChild(chatButton(doc, 'retry', 'Try again', handlers.retry));
  if (fallback.url) {
    const link = doc.createElement('a');
    link.className = 'cg-chat-btn cg-chat-fallback';
    link.href = fallback.url;
    link.textContent = fallback.label;
    buttons.appendChild(link);
  }
  buttons.appendChild(chatButton(doc, 'dismiss', 'Close', handlers.close));
  box.append(text, buttons);
  return box;
}
