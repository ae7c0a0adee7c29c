/**
 * Elements: how one is held, and the URL properties and attribute setters
 * through which code gives an element its URL.
 *
 * An element is held by never setting its vendor URL attribute: the value
 * waits in `data-cg-<name>`. An element without its URL fetches nothing, so
 * clones and copies of a held element are inert too. Release (release.ts)
 * puts the attribute back.
 */
import { deny, urlMatch } from './decide.js';
import { keep, once } from './held.js';
import { getter, unless, wrap, type Any } from './patch.js';

/** Attributes through which an element fetches (`srcdoc`: a frame's whole document; `background`: of a body, table or cell). */
export const ATTRIBUTES = ['src', 'srcset', 'href', 'data', 'poster', 'srcdoc', 'imagesrcset', 'background'];
/** Where a held attribute's value waits. */
export const HOLD = 'data-cg-';
/**
 * The markup form: `<script type="text/plain" data-consent-gate="vendor-id" data-src="…">`
 * (or inline code), and any other element marked so with its URL attributes
 * written as `data-<name>` (`<iframe data-consent-gate="youtube" data-src="…">`,
 * `<img data-consent-gate="…" data-srcset="…">`).
 */
export const MARK = 'data-consent-gate';
/** Elements whose URL attribute fetches nothing: links and the base URL. */
const LINKS = 'a,area,base';

/** The element each `attributes` map and SVG `href` handed out belongs to. */
const owners = new WeakMap<object, Element>();

/** Frames and shadow roots met while scanning, for realm.ts to protect and observe. */
export const frames: Element[] = [];
export const roots: ShadowRoot[] = [];

/**
 * Hold back attribute `name` of `element` if `value` is a vendor URL whose
 * purposes are not granted; true when held. A held script also has a type no
 * browser runs, its own waiting in `data-cg-type`: without its URL it would
 * run the code between its tags, which a script with a URL never runs, and
 * then never run its URL.
 */
function hold(element: Element, name: string, value: unknown): boolean {
  const text = String(value);
  if (element !== once && deny(urlMatch(text, name), element.localName, text)) {
    // (through the patched setAttribute, which passes every name but the URL attributes)
    element.setAttribute(HOLD + name, text);
    if (element.localName === 'script' && !element.hasAttribute(HOLD + 'type')) {
      element.setAttribute(HOLD + 'type', element.getAttribute('type') ?? '');
      element.setAttribute('type', 'text/plain');
    }
    keep(element, true);
    return true;
  }
  // a new URL that may load replaces one held before (most elements had none: one look, the cheap path)
  if (element.hasAttribute(HOLD + name)) {
    element.removeAttribute(HOLD + name);
    ownType(element);
  }
  return false;
}

/** A held script's own type back (an empty one for none: a classic script either way); nothing for another element. */
export function ownType(element: Element): void {
  const type = element.getAttribute(HOLD + 'type');
  if (type !== null) {
    element.removeAttribute(HOLD + 'type');
    element.setAttribute('type', type);
  }
}

/** The markup form, not yet released (release takes a script's `text/plain` type away, another element's `data-<name>` attributes). */
export const isMarkupForm = (element: Element): boolean =>
  element.hasAttribute(MARK) &&
  (element.localName === 'script'
    ? (element as HTMLScriptElement).type === 'text/plain'
    : ATTRIBUTES.some((name) => element.hasAttribute('data-' + name)));

/** Look at one element: hold its vendor URLs, note what is held already, and the frames and shadow roots it brings. */
export function visit(element: Element, attempt?: boolean): void {
  if (element.shadowRoot) roots.push(element.shadowRoot);
  // an element without attributes fetches nothing: most elements skip this
  if (element.hasAttributes())
    for (const name of element.getAttributeNames()) {
      if (ATTRIBUTES.includes(name) && !element.matches(LINKS)) {
        if (hold(element, name, element.getAttribute(name))) element.removeAttribute(name);
        // one held already (a copy of a held element, markup parsed after holding)
      } else if (name.startsWith(HOLD) || (name === MARK && isMarkupForm(element))) keep(element, attempt);
    }
  // (<iframe>, <frame>, <object>: the elements with a child window; looked at after holding, which may take the URL away)
  if ('contentWindow' in element && !elsewhere(element as Any)) frames.push(element);
}

/**
 * A frame whose document comes from another origin (an http(s) URL that
 * parses, no `srcdoc`): its window is never the page's to use, but for its first empty
 * document until that navigation commits. Making a window's script context
 * costs the browser 10 to 20 ms, so that one is protected when code reaches
 * it (realm.ts: `contentWindow`, `contentDocument`, `frames`, `length`,
 * `open`), not when the frame is inserted.
 */
function elsewhere(frame: Any): boolean {
  // (every window the guard protects is of the page's origin; `src` is resolved, or as written when it is no URL,
  // which leaves the frame empty; `<object>` has none: protected at once)
  const url = frame.src;
  return /^https?:/.test(url) && !url.startsWith(location.origin + '/') && !frame.hasAttribute('srcdoc') && URL.canParse(url);
}

/** Look at a node and everything under it (anything else, such as a string, is let be). */
export function scan(node: Any, attempt?: boolean): void {
  if (node?.querySelectorAll) {
    if (node.matches) visit(node, attempt);
    if (node.firstElementChild)
      node.querySelectorAll('*').forEach((element: Element) => {
        visit(element, attempt);
      });
  }
}

/**
 * The URL properties (`src`, `srcset`, `href`, `data`, `poster`, `srcdoc`,
 * `imageSrcset`, `background`) of the element types that fetch through them,
 * and the attribute setters.
 */
export function patchElements(win: Any): void {
  // (Named, not found by walking window: touching every HTML*Element interface makes the browser build each one, about 10 ms.
  // <frame> loads only inside a frameset, which has no place for a tag.)
  for (const type of 'Script IFrame Image Source Link Embed Object Media Video Track Input Body'.split(' ')) {
    for (const name of ATTRIBUTES) {
      unless(win['HTML' + type + 'Element']?.prototype, name, (element, args) => hold(element, name, args[0]));
    }
  }
  // an attribute `name` (`xlink:href` is `href`) given `value` on `element` (none: not one of an element)
  const check = (element: Element | undefined | null, name: unknown, value: unknown): boolean => {
    const plain = String(name).replace(/^.*:/, '').toLowerCase();
    return !!element && ATTRIBUTES.includes(plain) && !element.matches(LINKS) && hold(element, plain, value);
  };
  const proto = win.Element.prototype;
  // setAttribute(name, value) and setAttributeNS(namespace, name, value)
  unless(proto, 'setAttribute', (element, args) => check(element, args[0], args[1]));
  unless(proto, 'setAttributeNS', (element, args) => check(element, args[1], args[2]));
  // attribute nodes: given to an element or to its `attributes`, or given a value while they belong to one
  for (const ns of ['', 'NS']) {
    unless(proto, 'setAttributeNode' + ns, (element, [attr]) => check(element, attr?.name, attr?.value));
    unless(win.NamedNodeMap?.prototype, 'setNamedItem' + ns, (map, [attr]) => check(owners.get(map), attr?.name, attr?.value));
  }
  unless(win.Attr?.prototype, 'value', (attr, [value]) => check(attr.ownerElement, attr.name, value));
  // SVG's `href` as an animated string (`href.baseVal = url`)
  unless(win.SVGAnimatedString?.prototype, 'baseVal', (animated, [value]) => check(owners.get(animated), 'href', value));
  // (whose map and whose animated string it is: known only from the getter that handed it out)
  const note = (element: Element, result: object) => owners.set(result, element);
  getter(proto, 'attributes', note);
  for (const type of 'Script Image FEImage Use'.split(' ')) getter(win['SVG' + type + 'Element']?.prototype, 'href', note);
  // `new Audio(url)`: its URL is looked at before the element selects a resource to fetch
  wrap(
    win,
    'Audio',
    () => {},
    (audio) => visit(audio, true),
  );
}
