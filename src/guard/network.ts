/**
 * Requests code makes: fetch, XMLHttpRequest, WebSocket, EventSource,
 * workers, fetchLater, sendBeacon. A refused one fails as the platform's own
 * network error, and no request leaves.
 */
import { deny, urlMatch } from './decide.js';
import { unless, wrap, type Any } from './patch.js';

export function patchNetwork(win: Any): void {
  const refuse = (kind: string, url: unknown): boolean => deny(urlMatch(url), kind, url);
  // A same-origin blob URL that does not exist: the platform's own network error (fetch rejects with
  // a TypeError, XMLHttpRequest and the others fire `error`), and no request leaves.
  // A WebSocket goes to port 1 of 0.0.0.0, which browsers refuse to connect to: `error`, then `close` 1006.
  const redirect = (target: object, name: string, at = 0, kind = name, to = 'blob:' + win.origin): void =>
    wrap(target, name, (args) => {
      if (refuse(kind, args[at]?.url || args[at])) args[at] = to;
    });
  for (const name of 'fetch EventSource Worker SharedWorker'.split(' ')) redirect(win, name);
  redirect(win.XMLHttpRequest?.prototype, 'open', 1, 'xhr');
  redirect(win, 'WebSocket', 0, 'WebSocket', 'ws://0:1');
  unless(win.Navigator?.prototype, 'sendBeacon', (_, args) => refuse('beacon', args[0]), false);
}
