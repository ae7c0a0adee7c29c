/**
 * The contextual prompt: asked at the moment a visitor wants the vendor
 * (which vendor, why, which cookies and for how long, the vendor's privacy
 * policy), with "Allow and start chat" and "Not now". The texts are built by
 * pure functions from the catalog data, so they are unit-tested.
 */
import type { VendorData } from '../types.js';
import { chatButton } from './launcher.js';
import { durationInWords } from '../contract/time.js';

export interface PromptTexts {
  title: string;
  body: string;
  cookies: string[];
  policy: string;
  allow: string;
  notNow: string;
}

/** A lifetime in seconds in words for a visitor: 0 → "until you close the browser", 1800 → "30 minutes", 15778800 → "6 months". */
export function lifetimeText(seconds: number): string {
  return seconds <= 0 ? 'until you close the browser' : durationInWords(seconds, 'round');
}

export function promptTexts(vendor: VendorData): PromptTexts {
  const cookies = vendor.cookies
    .filter((c) => c.purpose === vendor.purpose)
    .map((c) => `${c.name}${c.match === 'prefix' ? '…' : ''} (${lifetimeText(c.lifetime)})`);
  const storage = vendor.storage.filter((s) => s.purpose === vendor.purpose).map((s) => `${s.key} (${s.storage === 'local' ? 'local storage' : 'session storage'})`);
  return {
    title: `Start a chat with ${vendor.title}?`,
    body: `${vendor.summary} The chat is provided by ${vendor.provider} and needs your consent to ${vendor.purpose} cookies.`,
    cookies: [...cookies, ...storage],
    policy: `${vendor.provider} privacy policy`,
    allow: 'Allow and start chat',
    notNow: 'Not now',
  };
}

export interface PromptHandlers {
  onAllow(): void;
  onDismiss(): void;
}

let counter = 0;

/** Build the prompt element (a non-modal dialog). The caller places it and moves focus. */
export function buildPrompt(doc: Document, vendor: VendorData, handlers: PromptHandlers): HTMLElement {
  const t = promptTexts(vendor);
  const id = `cg-chat-prompt-${++counter}`;
  const box = doc.createElement('div');
  box.className = 'cg-chat-panel cg-chat-prompt';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-labelledby', `${id}-title`);
  box.setAttribute('aria-describedby', `${id}-body`);
  box.setAttribute('data-consent-gate-prompt', vendor.id);

  const title = doc.createElement('h2');
  title.id = `${id}-title`;
  title.className = 'cg-chat-title';
  title.textContent = t.title;
  const body = doc.createElement('p');
  body.id = `${id}-body`;
  body.textContent = t.body;
  box.append(title, body);

  if (t.cookies.length) {
    const label = doc.createElement('p');
    label.className = 'cg-chat-small';
    label.textContent = 'Stored on your device:';
    const list = doc.createElement('ul');
    list.className = 'cg-chat-small';
    for (const line of t.cookies) {
      const li = doc.createElement('li');
      li.textContent = line;
      list.appendChild(li);
    }
    box.append(label, list);
  }

  const policy = doc.createElement('a');
  policy.href = vendor.privacyPolicyUrl;
  policy.target = '_blank';
  policy.rel = 'noopener noreferrer';
  policy.className = 'cg-chat-small cg-chat-link';
  policy.textContent = t.policy;
  box.appendChild(policy);

  const buttons = doc.createElement('div');
  buttons.className = 'cg-chat-buttons';
  const allow = chatButton(doc, 'allow', t.allow, () => handlers.onAllow());
  const notNow = chatButton(doc, 'notnow', t.notNow, () => handlers.onDismiss());
  buttons.append(allow, notNow);
  box.appendChild(buttons);

  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      handlers.onDismiss();
    }
  });
  return box;
}
