/**
 * The contextual prompt: asked at the moment a visitor wants the vendor
 * (which vendor, why, which cookies and for how long, the vendor's privacy
 * policy), with "Allow and start chat" and "Not now". Outside business hours
 * it is the away prompt: when the team is back, the site's fallback link,
 * and, when the vendor takes messages while away, "Allow and leave a
 * message". The texts are built by pure functions from the catalog data and
 * the text table (./texts.ts), so they are unit-tested.
 *
 * A non-modal dialog with an accessible name: focus moves to its first
 * button; Escape and "Not now" close it and give focus back to what opened
 * it; it closes too when focus leaves it for something else on the page.
 */
import type { VendorData } from '../types.js';
import { policyLink } from '../dom.js';
import { chatButton } from './launcher.js';
import { fallbackLink } from './panels.js';
import { durationInWords } from '../contract/time.js';
import { fill, panelTexts, purposeWord, type PanelTexts } from './texts.js';

export interface PromptTexts {
  title: string;
  body: string;
  cookies: string[];
  policy: string;
  allow: string;
  notNow: string;
}

/** A lifetime in seconds in words for a visitor: 0 → "until you close the browser", 1800 → "30 minutes", 15778800 → "6 months" (in `lang`, a BCP 47 tag, when given). */
export function lifetimeText(seconds: number, texts: PanelTexts = panelTexts.en, lang?: string): string {
  return seconds <= 0 ? texts.sessionLifetime : durationInWords(seconds, 'round', lang);
}

export function promptTexts(vendor: VendorData, texts: PanelTexts = panelTexts.en, lang?: string): PromptTexts {
  const cookies = vendor.cookies
    .filter((c) => c.purpose === vendor.purpose)
    .map((c) => `${c.name}${c.match === 'prefix' ? '…' : ''} (${lifetimeText(c.lifetime, texts, lang)})`);
  const storage = vendor.storage
    .filter((s) => s.purpose === vendor.purpose)
    .map((s) => `${s.key} (${s.storage === 'local' ? texts.storageLocal : texts.storageSession})`);
  const values = { vendor: vendor.title, summary: vendor.summary, provider: vendor.provider, purpose: purposeWord(texts, vendor.purpose) };
  return {
    title: fill(texts.promptTitle, values),
    body: fill(texts.promptBody, values),
    cookies: [...cookies, ...storage],
    policy: fill(texts.policy, values),
    allow: texts.allow,
    notNow: texts.notNow,
  };
}

/** Outside business hours: what the away prompt says. */
interface AwayContent {
  /** The site's away message, or the table's. */
  message: string;
  /** "We're back tomorrow at 9:00 AM.", or null when business hours never begin again. */
  back: string | null;
  /** Whether the visitor may leave a message (the vendor takes messages while away). */
  leave: boolean;
}

export interface PromptContent {
  vendor: VendorData;
  texts: PanelTexts;
  /** The language of `texts` as a BCP 47 tag, for lifetimes in words (English without it). */
  lang?: string;
  /** Whether the vendor is allowed already (the prompt is then only the away prompt). */
  allowed: boolean;
  away?: AwayContent;
  /** The site's reply-time text, during business hours. */
  replyTime?: string;
  /** The site's fallback link, offered in the away prompt. */
  fallback?: { url: string; label: string };
}

export interface PromptHandlers {
  onAllow(): void;
  /** The visitor said no (Escape, "Not now", "Close"): focus goes back to what opened the prompt. */
  onDismiss(): void;
  /** Focus moved elsewhere on the page: the prompt closes and focus stays where the visitor put it. */
  onLeave(): void;
}

let counter = 0;

function paragraph(doc: Document, text: string, className = ''): HTMLParagraphElement {
  const p = doc.createElement('p');
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

/** Build the prompt element (a non-modal dialog). The caller places it and moves focus to its first button. */
export function buildPrompt(doc: Document, content: PromptContent, handlers: PromptHandlers): HTMLElement {
  const { vendor, texts, away } = content;
  const t = promptTexts(vendor, texts, content.lang);
  const values = { provider: vendor.provider, purpose: purposeWord(texts, vendor.purpose) };
  const id = `cg-chat-prompt-${++counter}`;
  const box = doc.createElement('div');
  box.className = 'cg-chat-panel cg-chat-prompt';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-labelledby', `${id}-title`);
  box.setAttribute('aria-describedby', `${id}-body`);
  box.setAttribute('data-consent-gate-prompt', vendor.id);
  if (away) box.setAttribute('data-consent-gate-away', '');

  const title = doc.createElement('h2');
  title.id = `${id}-title`;
  title.className = 'cg-chat-title';
  title.textContent = away ? texts.awayTitle : t.title;
  const body = doc.createElement('div');
  body.id = `${id}-body`;
  box.append(title, body);
  if (away) {
    body.appendChild(paragraph(doc, away.message));
    if (away.back) body.appendChild(paragraph(doc, away.back, 'cg-chat-back'));
  } else {
    body.appendChild(paragraph(doc, t.body));
    if (content.replyTime) body.appendChild(paragraph(doc, content.replyTime, 'cg-chat-reply'));
  }

  // what the vendor stores, when consent is asked for
  const asks = !content.allowed && (!away || away.leave);
  if (asks) {
    if (away) body.appendChild(paragraph(doc, fill(texts.leaveConsent, values)));
    if (t.cookies.length) {
      box.appendChild(paragraph(doc, texts.stored, 'cg-chat-small'));
      const list = doc.createElement('ul');
      list.className = 'cg-chat-small';
      for (const line of t.cookies) {
        const li = doc.createElement('li');
        li.textContent = line;
        list.appendChild(li);
      }
      box.appendChild(list);
    }
    box.appendChild(policyLink(doc, vendor.privacyPolicyUrl, 'cg-chat-small cg-chat-link', t.policy));
  }

  const buttons = doc.createElement('div');
  buttons.className = 'cg-chat-buttons';
  if (!away) buttons.appendChild(chatButton(doc, 'allow', t.allow, () => handlers.onAllow()));
  else if (away.leave)
    buttons.appendChild(chatButton(doc, 'allow', content.allowed ? texts.leave : texts.allowLeave, () => handlers.onAllow()));
  if (away && content.fallback) buttons.appendChild(fallbackLink(doc, content.fallback.url, content.fallback.label));
  buttons.appendChild(chatButton(doc, 'notnow', away ? texts.close : t.notNow, () => handlers.onDismiss()));
  box.appendChild(buttons);

  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      handlers.onDismiss();
    }
  });
  // Focus leaving for another part of the page closes it; the window losing focus (another tab, the policy opened in one) does not.
  box.addEventListener('focusout', () => {
    setTimeout(() => {
      const active = doc.activeElement;
      if (box.isConnected && doc.hasFocus() && !(active && box.contains(active))) handlers.onLeave();
    });
  });
  return box;
}
