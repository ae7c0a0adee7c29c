/**
 * Every language but English (which is inside the banner file) is its own
 * small module, fetched only when a page asks for it.
 */
import type { Language, Texts } from '../texts.js';

export const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<{ default: Texts }>> = {
  ca: () => import('./ca.js'),
  cs: () => import('./cs.js'),
  da: () => import('./da.js'),
  de: () => import('./de.js'),
  el: () => import('./el.js'),
  es: () => import('./es.js'),
  fi: () => import('./fi.js'),
  fr: () => import('./fr.js'),
  gl: () => import('./gl.js'),
  hr: () => import('./hr.js'),
  hu: () => import('./hu.js'),
  it: () => import('./it.js'),
  nl: () => import('./nl.js'),
  no: () => import('./no.js'),
  oc: () => import('./oc.js'),
  pl: () => import('./pl.js'),
  pt: () => import('./pt.js'),
  ro: () => import('./ro.js'),
  ru: () => import('./ru.js'),
  sr: () => import('./sr.js'),
  sr_cyrl: () => import('./sr_cyrl.js'),
  sv: () => import('./sv.js'),
  tr: () => import('./tr.js'),
  zh: () => import('./zh.js'),
};
