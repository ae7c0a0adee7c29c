/**
 * Release: every held element whose purposes are now granted gets its URL
 * back, in the order the page attempted them, each once. A script element
 * runs at most once, so a copy (attributes, nonce, text) takes its place.
 */
import { deny, rules, urlMatch } from './decide.js';
import { ATTRIBUTES, HOLD, MARK, isMarkupForm } from './elements.js';
import { held } from './held.js';
import { mainPurpose } from './rules.js';
import type { Any } from './patch.js';

/** Whether everything that holds `element` back is granted now: the markup form's vendor (by its main purpose; an unknown vendor never), every held URL. */
function mayLoad(element: Element): boolean {
  const vendor = element.getAttribute(MARK);
  const purpose = mainPurpose(rules, vendor);
  if (isMarkupForm(element) && (!purpose || deny({ v: vendor!, p: purpose }))) return false;
  return !ATTRIBUTES.some((name) => {
    const value = element.getAttribute(HOLD + name);
    return value !== null && deny(urlMatch(value, document.baseURI, name));
  });
}

export function release(): void {
  // (taken out of `held` at once: released once)
  const ready = [...held].filter((element) => mayLoad(element) && held.delete(element));
  const next = (): void => {
    const element: Any = ready.shift();
    if (!element) return;
    const form = isMarkupForm(element);
    const copy = element.localName === 'script' && element.isConnected ? element.cloneNode(true) : element;
    for (const name of ATTRIBUTES) {
      // (the markup form keeps its URL in data-src, a held element in data-cg-src)
      const value = copy.getAttribute((form ? 'data-' : HOLD) + name);
      copy.removeAttribute(HOLD + name);
      if (value !== null) copy.setAttribute(name, value);
    }
    // (an empty type is a classic script)
    if (form) copy.type = element.getAttribute('data-type') ?? '';
    if (copy === element) return next();
    if (!element.hasAttribute('async')) copy.async = false;
    element.replaceWith(copy);
    // one after another: a script without async waits for the one before it, as in the page
    if (copy.src && !copy.async) copy.addEventListener('load', next), copy.addEventListener('error', next);
    else next();
  };
  next();
}
