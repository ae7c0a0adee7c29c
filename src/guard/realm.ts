/**
 * A window (a realm: its own prototypes) and its documents, protected: every
 * patch installed on its prototypes, its document and shadow roots observed
 * for what the parser (or any path not patched) puts in, and each same-origin
 * child window it gets (frames the page or the parser creates, `srcdoc`,
 * `blob:`, `javascript:` and `document.write` documents, nested frames)
 * protected in turn, as soon as it exists: when its frame is inserted, when
 * the parser's frame is seen, when a frame loads, when `open()` returns one;
 * and a same-origin window the page opens with `window.open()`.
 * A frame's first document keeps the window the frame was created with, so
 * that document's scripts run in a window that is protected already.
 */
import { held } from './held.js';
import { ATTRIBUTES, frames, roots, scan, visit, patchElements } from './elements.js';
import { sanitize } from './markup.js';
import { patchNetwork } from './network.js';
import { patchStorage } from './storage.js';
import { patchBlobs } from './frames.js';
import { release } from './release.js';
import { getter, wrap, type Any } from './patch.js';

/** Realms (by their Element interface) and documents already protected. */
const seen = new WeakSet<object>();
/**
 * Nodes an insertion method looked at just before inserting them, since the
 * observer last handed over its records: what it reports of them is not
 * looked at a second time (nothing reaches a node's subtree or attributes
 * unobserved between the two).
 */
const inserted = new Set<Node>();

/**
 * Look at what mutation records say was added (or given a URL), then release
 * what is kept and granted already, in a task of its own (Chromium does not
 * navigate a frame the parser has just inserted when its `src` is set before
 * the parser's task ends).
 */
function handle(records: MutationRecord[]): void {
  for (const record of records) {
    if (record.type === 'attributes') visit(record.target as Element);
    else
      record.addedNodes.forEach((node) => {
        if (!inserted.has(node)) scan(node);
      });
  }
  inserted.clear();
  settle();
  if (held.size) setTimeout(release);
}

// everything the parser (or any path not patched) puts in a document
const observer = new MutationObserver((records) => {
  try {
    handle(records);
  } catch {
    // never into the page
  }
});

/** Look now at what the observer has noted and not yet handed over. */
export const look = (): void => handle(observer.takeRecords());

/** Protect the frames and observe the shadow roots that scanning met. */
function settle(): void {
  // (most insertions bring neither: no arrays made for them)
  if (frames.length)
    frames.splice(0).forEach((frame: Any) => {
      protect(frame.contentWindow);
    });
  if (roots.length) roots.splice(0).forEach(observe);
}

/** Watch a document or shadow root: what is in it now, what the parser adds, and the frames in it that load. */
function observe(root: Document | ShadowRoot): void {
  if (seen.has(root)) return;
  seen.add(root);
  observer.observe(root, { childList: true, subtree: true, attributeFilter: ATTRIBUTES });
  // (a frame's load event reaches its document in the capture phase; a frame navigated again has a new window)
  root.addEventListener('load', (event: Any) => protect(event.target.contentWindow), true);
  scan(root);
  settle();
}

/** Protect a window and its same-origin child windows; a cross-origin one (its own site's business) is let be. */
export function protect(win: Any): void {
  try {
    // (reading a cross-origin window's Element throws)
    if (!seen.has(win.Element)) {
      seen.add(win.Element);
      patchRealm(win);
    }
    observe(win.document);
    for (let i = 0; i < win.length; i++) protect(win[i]);
  } catch {
    // not ours to protect
  }
}

function patchRealm(win: Any): void {
  patchElements(win);
  patchNetwork(win);
  patchStorage(win);
  patchBlobs(win);
  // a same-origin window the page opens (`open('')`, or `document.open` with three arguments, then written into)
  // is a realm of its own too (a document `document.open` returns is no window: protect lets it be)
  for (const target of [win, win.Document.prototype]) wrap(target, 'open', () => {}, protect);
  // a frame left unprotected at insertion (its document another origin's, elements.ts `elsewhere`), when code reaches its window
  for (const type of 'IFrame Frame Object'.split(' ')) {
    const proto = win['HTML' + type + 'Element']?.prototype;
    getter(proto, 'contentWindow', (_, child) => protect(child));
    getter(proto, 'contentDocument', (_, doc) => doc && protect(doc.defaultView));
  }
  // (`length` counts the child windows, then reached by index; `frames` is the window itself, reached through its `length`)
  getter(win, 'length', (self, count) => {
    for (let i = 0; i < count; i++) protect(self[i]);
  });
  getter(win, 'frames', (self) => self.length);
  // (a table's `tHead`, `tFoot` and `caption` setters insert the element they are given)
  const prototypes = 'Node Element Document DocumentFragment ShadowRoot CharacterData Range HTMLTableElement'
    .split(' ')
    .map((name) => win[name]?.prototype);
  for (const proto of prototypes) {
    // Insertion: look at what is inserted before the platform does (a script fetches as it is inserted),
    // then protect the frames it brought.
    for (const name of 'appendChild insertBefore replaceChild replaceChildren append prepend before after replaceWith insertAdjacentElement adoptNode importNode insertNode surroundContents moveBefore tHead tFoot caption'.split(
      ' ',
    )) {
      wrap(
        proto,
        name,
        (args) => {
          for (const node of args) {
            scan(node, true);
            // (a fragment's children are what the observer reports)
            if (node?.nodeType === 11)
              node.childNodes.forEach((child: Node) => {
                inserted.add(child);
              });
            else inserted.add(node);
          }
        },
        settle,
      );
    }
    // Markup strings: held before they are parsed; then what they inserted is looked at at once (an image
    // whose URL is taken away before the end of the task fetches nothing), and a fragment made of them.
    for (const name of 'innerHTML outerHTML insertAdjacentHTML setHTMLUnsafe write writeln createContextualFragment execCommand'.split(
      ' ',
    )) {
      wrap(
        proto,
        name,
        (args) => {
          for (let i = 0; i < args.length; i++) args[i] = sanitize(args[i]);
        },
        (result) => {
          handle(observer.takeRecords());
          scan(result);
        },
      );
    }
  }
}
