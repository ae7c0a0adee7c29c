/** The page's life cycle, for features that start once the DOM is there. */

/** Run `fn` once the document has been parsed: at once when it has, else at DOMContentLoaded. */
export function onReady(doc: Document, fn: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}

/** A stylesheet in the document once (by its element id), with the config's nonce for a strict Content-Security-Policy. */
export function injectStyle(doc: Document, id: string, css: string, nonce?: string): void {
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  (doc.head || doc.documentElement).appendChild(style);
}

/** A link to a vendor's privacy policy: a new tab that gets no handle on this page. */
export function policyLink(doc: Document, href: string, className: string, text: string): HTMLAnchorElement {
  const link = doc.createElement('a');
  link.className = className;
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = text;
  return link;
}
