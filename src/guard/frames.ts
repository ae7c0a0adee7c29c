/**
 * What the page puts in a Blob, as text, so that a `blob:` URL (a frame's
 * document, a worker's script) is matched by the vendor hosts its content
 * names, as `data:` and `javascript:` URLs and `srcdoc` are (see rules.ts).
 */
import { blobTexts } from './decide.js';
import { wrap, type Any } from './patch.js';

const texts = new WeakMap<object, string>();

export function patchBlobs(win: Any): void {
  for (const name of ['Blob', 'File']) {
    wrap(
      win,
      name,
      () => {},
      (blob, args) => {
        // (string parts as they are, a Blob part by its own text)
        texts.set(blob, [...(args[0] || [])].map((part) => texts.get(part) ?? part).join(''));
      },
    );
  }
  wrap(
    win.URL,
    'createObjectURL',
    () => {},
    (url, args) => {
      blobTexts[url] = texts.get(args[0]);
    },
  );
}
