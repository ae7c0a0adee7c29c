/**
 * Requests code makes: fetch, fetchLater, XMLHttpRequest, WebSocket,
 * WebSocketStream, WebTransport, EventSource, workers, worklets, fonts,
 * sendBeacon. A refused one fails as the platform's own network error, and
 * no request leaves.
 */
import { deny, rules, urlMatch } from './decide.js';
import { unless, wrap, type Any } from './patch.js';
import { mentionedHost } from './rules.js';

export function patchNetwork(win: Any): void {
  // (a URL given as a string, a URL object or a Request)
  const refuse = (kind: string, given: Any, url = given?.url || given): boolean => deny(urlMatch(url), kind, url);
  // A same-origin blob URL that does not exist: the platform's own network error (fetch rejects with
  // a TypeError, XMLHttpRequest and the others fire `error`), and no request leaves.
  // A WebSocket (or WebSocketStream; a WebTransport, which takes https only) goes to port 1 of 0.0.0.0, which
  // browsers refuse to connect to: `error`, then `close` 1006 (the stream's and the transport's promises reject).
  const redirect = (target: object, name: string, at = 0, kind = name, to = 'blob:' + win.origin): void =>
    wrap(target, name, (args) => {
      if (refuse(kind, args[at])) args[at] = to;
    });
  for (const name of 'fetch EventSource Worker SharedWorker'.split(' ')) redirect(win, name);
  redirect(win.XMLHttpRequest?.prototype, 'open', 1, 'xhr');
  // a worklet's module (CSS.paintWorklet, audioWorklet): addModule rejects as for a module that cannot load
  redirect(win.Worklet?.prototype, 'addModule', 0, 'worklet');
  // a font loaded by script: its source is CSS text (`url(…) format(…)`), matched by the hosts it names; load() rejects
  wrap(win, 'FontFace', (args) => {
    if (deny(mentionedHost(rules, String(args[1])), 'font', args[1])) args[1] = `url(blob:${win.origin})`;
  });
  for (const name of ['WebSocket', 'WebSocketStream']) redirect(win, name, 0, name, 'ws://0:1');
  redirect(win, 'WebTransport', 0, 'WebTransport', 'https://0:1');
  unless(win.Navigator?.prototype, 'sendBeacon', (_, args) => refuse('beacon', args[0]), false);
  // a request sent when the page goes (it takes https only): never scheduled, its result never activated
  unless(win, 'fetchLater', (_, args) => refuse('fetchLater', args[0]), { activated: false });
}
