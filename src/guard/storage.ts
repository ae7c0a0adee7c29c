/** Cookie writes (document.cookie, cookieStore) and Web Storage keys of vendors, dropped until granted. */
import { deny, recordName, rules } from './decide.js';
import { unless, type Any } from './patch.js';
import { cookieName, matchCookieWrite, matchKey } from './rules.js';

export function patchStorage(win: Any): void {
  /** Whether a cookie write is dropped (most are the site's own: matchCookieWrite asks the cookie rules first). */
  const drop = (kind: string, write: string): boolean => {
    const match = matchCookieWrite(rules, write, recordName!);
    return deny(match, kind, match && cookieName(write));
  };
  unless(win.Document.prototype, 'cookie', (_, args) => drop('cookie', String(args[0])));
  // set(name, value) or set({ name, value, expires, … }); an expiry in the past deletes; a dropped one resolves
  unless(
    win.CookieStore?.prototype,
    'set',
    (_, [options]) => drop('cookieStore', `${options?.name ?? options}=${options?.expires < Date.now() ? ';max-age=0' : ''}`),
    Promise.resolve(),
  );
  unless(win.Storage?.prototype, 'setItem', (storage, args) => {
    const kind = storage === win.localStorage ? 'localStorage' : 'sessionStorage';
    return deny(matchKey(rules, String(args[0]), kind[0]!), kind, args[0]);
  });
}
