/**
 * Release: every held element whose purposes are now granted gets its URL
 * back, in the order the page attempted them, each once; so does the markup
 * form of a vendor whose main purpose is granted (an embed's excepted). A
 * held script runs once it has its URL back; the markup form's script element
 * has been looked at by the browser already, so a copy (attributes, nonce,
 * text) takes its place.
 * `releaseOnce` lets one element load whatever the permission (a
 * placeholder's "load this embed once").
 */
import { deny, rules, urlMatch } from './decide.js';
import { ATTRIBUTES, HOLD, MARK, isMarkupForm, ownType } from './elements.js';
import { held, letOnce, once } from './held.js';
import { mainPurpose, type CompiledRules } from './rules.js';
import type { Any } from './patch.js';

/**
 * Whether everything that holds `element` back is granted now: the markup
 * form's vendor (by its main purpose; an unknown vendor never, nor an embed's,
 * which its placeholder loads in the vendor's privacy form, src/embed/), every
 * held URL.
 */
function mayLoad(element: Element): boolean {
  const vendor = element.getAttribute(MARK);
  const purpose = mainPurpose(rules, vendor);
  if (
    isMarkupForm(element) &&
    (!purpose || deny({ v: vendor!, p: purpose }) || (rules as CompiledRules).k?.[rules.v.findIndex((row) => row[0] === vendor)] === 'e')
  )
    return false;
  return !ATTRIBUTES.some((name) => {
    const value = element.getAttribute(HOLD + name);
    return value !== null && deny(urlMatch(value, name));
  });
}

/** Release `ready` (default: every held element that may load now, taken out of `held` at once: released once), one after another. */
export function release(ready = [...held].filter((element) => mayLoad(element) && held.delete(element))): void {
  const next = (): void => {
    const element: Any = ready.shift();
    if (!element) return;
    const form = isMarkupForm(element);
    const tag = element.localName === 'script';
    const script = tag && element.isConnected;
    // a held script never started (it had no URL, no code): given its URL, it runs itself, with what the page attached to it
    // (the snippet's `onload`); the markup form's script has run its type check, so a copy takes its place
    const copy = form && script ? element.cloneNode(true) : element;
    // (release(element) lets the copy through too)
    if (element === once) letOnce(copy);
    // (before its URL: a script given one runs at once)
    if (script && !element.hasAttribute('async')) copy.async = false;
    // (its type before its URL: a script given a URL runs as the type it has then)
    ownType(copy);
    for (const name of ATTRIBUTES) {
      // (the markup form keeps its URL in data-src, a held element in data-cg-src; either moves to src)
      const from = (form ? 'data-' : HOLD) + name;
      const value = copy.getAttribute(from);
      copy.removeAttribute(from);
      if (value !== null) copy.setAttribute(name, value);
    }
    // (an empty type is a classic script)
    if (form && tag) copy.type = element.getAttribute('data-type') ?? '';
    // a media element chooses among its <source> children again (a <picture> does by itself)
    if (copy === element) element.localName === 'source' && element.parentNode?.load?.();
    else element.replaceWith(copy);
    // one after another: a script without async waits for the one before it, as in the page (one the browser
    // never fetches, nomodule or not JavaScript, sends no event to wait for)
    if (script && copy.src && !copy.async && !copy.noModule && /^(|module|\w+\/(x-)?(java|ecma)script)$/i.test(copy.type.trim())) {
      copy.addEventListener('load', next);
      copy.addEventListener('error', next);
    } else next();
  };
  next();
}

/**
 * Let one held element, or one in the markup form, load now whatever the
 * permission; the page's later attempts are held as before. (Its own purpose
 * is not granted by this: the vendor's code in a frame or script it loads is
 * held as any other.)
 */
export function releaseOnce(element: Element, look: () => void): void {
  if (held.delete(element) || isMarkupForm(element)) {
    letOnce(element);
    try {
      release([element]);
      // the guard's own observer looks at the URL it just set while the pass holds (`look`, realm.ts): later, it would hold it again
      look();
    } finally {
      letOnce(null);
    }
  }
}
