/**
 * The chat's words in every language but English (which is in src/chat/texts.ts),
 * each a module of its own, for the npm entry (src/chunks-local.ts): a bundler
 * makes each a file a page fetches only in its language. The drop-in has each as
 * a part of its own (dist/consent-gate-chat-<lang>.js, written by rollup.config.mjs).
 */
import type { Language } from '../ui/texts.js';
import type { ChatTexts } from '../chat/texts.js';

export const CHAT_LANGUAGES: Record<Exclude<Language, 'en'>, () => Promise<ChatTexts>> = {
  ca: () => import('./ca.js').then((m) => m.default),
  cs: () => import('./cs.js').then((m) => m.default),
  da: () => import('./da.js').then((m) => m.default),
  de: () => import('./de.js').then((m) => m.default),
  el: () => import('./el.js').then((m) => m.default),
  es: () => import('./es.js').then((m) => m.default),
  fi: () => import('./fi.js').then((m) => m.default),
  fr: () => import('./fr.js').then((m) => m.default),
  gl: () => import('./gl.js').then((m) => m.default),
  hr: () => import('./hr.js').then((m) => m.default),
  hu: () => import('./hu.js').then((m) => m.default),
  it: () => import('./it.js').then((m) => m.default),
  nl: () => import('./nl.js').then((m) => m.default),
  no: () => import('./no.js').then((m) => m.default),
  oc: () => import('./oc.js').then((m) => m.default),
  pl: () => import('./pl.js').then((m) => m.default),
  pt: () => import('./pt.js').then((m) => m.default),
  ro: () => import('./ro.js').then((m) => m.default),
  ru: () => import('./ru.js').then((m) => m.default),
  sr: () => import('./sr.js').then((m) => m.default),
  sr_cyrl: () => import('./sr_cyrl.js').then((m) => m.default),
  sv: () => import('./sv.js').then((m) => m.default),
  tr: () => import('./tr.js').then((m) => m.default),
  zh: () => import('./zh.js').then((m) => m.default),
};
