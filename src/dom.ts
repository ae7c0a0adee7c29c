/** The page's life cycle, for features that start once the DOM is there. */

/** Run `fn` once the document has been parsed: at once when it has, else at DOMContentLoaded. */
export function onReady(doc: Document, fn: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}
