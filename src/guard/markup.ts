/**
 * Markup strings: held before they are parsed. Markup that names a vendor
 * host is parsed into an inert template first, every vendor URL attribute in
 * it held, and handed on as markup again.
 */
import { rules } from './decide.js';
import { scan } from './elements.js';
import { mentionedHost } from './rules.js';

const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;

/** A fragment and the documents of its templates (a `<template shadowrootmode>` becomes a shadow root when set with setHTMLUnsafe). */
function scanDeep(fragment: DocumentFragment): void {
  scan(fragment);
  fragment.querySelectorAll('template').forEach((template) => {
    scanDeep(template.content);
  });
}

/** Markup with every vendor URL attribute held (parsed only when it names a ruled host); anything else as it is. */
export function sanitize(markup: unknown): unknown {
  if (typeof markup !== 'string' || !mentionedHost(rules, markup)) return markup;
  const template = document.createElement('template');
  innerHTML.set!.call(template, markup);
  scanDeep(template.content);
  return innerHTML.get!.call(template);
}
