/** Cookie writes (document.cookie, cookieStore) and Web Storage keys of vendors, dropped until granted. */
import { deny, recordName, rules } from './decide.js';
import { patch, type Any } from './patch.js';
import { cookieName, matchCookieWrite, matchKey } from './rules.js';

export function patchStorage(win: Any): void {
  /** Whether a cookie write is dropped (most are the site's own: matchCookieWrite asks the cookie rules first). */
  const drop = (kind: string, write: string): boolean => {
    const match = matchCookieWrite(rules, write, recordName!);
    return deny(match, kind, match && cookieName(write));
  };
  patch(win.Document.prototype, 'cookie', (set) => function (this: Document, value: unknown) {
    if (!drop('cookie', String(value))) set.call(this, value);
  });
  patch(win.CookieStore?.prototype, 'set', (original) => function (this: unknown, ...args: Any[]) {
    // set(name, value) or set({ name, value, expires, … }); an expiry in the past deletes
    const options = args[0];
    return drop('cookieStore', `${options?.name ?? options}=${options?.expires < Date.now() ? ';max-age=0' : ''}`) ? Promise.resolve() : original.apply(this, args);
  });
  patch(win.Storage?.prototype, 'setItem', (original) => function (this: Storage, ...args: unknown[]) {
    const kind = this === win.localStorage ? 'localStorage' : 'sessionStorage';
    if (!deny(matchKey(rules, String(args[0]), kind[0]!), kind, args[0])) original.apply(this, args);
  });
}
