/**
 * What the guard holds back, in the order the page attempted it (a Set keeps
 * the order things were added), for release.ts.
 */
export const held = new Set<Element>();
/** Hold `element` for release; `attempt` (the page inserted it or set its URL just now) moves it to the end of the line. */
export function keep(element: Element, attempt?: boolean): void {
  if (attempt) held.delete(element);
  held.add(element);
}

/** The element `release(element)` is letting load once, whatever the permission (then its copy), while it does; else null. */
export let once: Element | null = null;
export function letOnce(element: Element | null): void {
  once = element;
}
