/**
 * Route changes of a single-page site: `history.pushState`,
 * `history.replaceState` and the `popstate` event (back and forward). The
 * two methods are wrapped once per window, whatever number of listeners; a
 * listener runs after the URL has changed, in a microtask of its own, so a
 * router's call never waits for it or sees its errors.
 */
type Listener = () => void;

const listeners = new WeakMap<Window, Set<Listener>>();

function tell(win: Window): void {
  for (const fn of listeners.get(win) ?? []) {
    queueMicrotask(() => {
      try {
        fn();
      } catch (error) {
        console.error(error);
      }
    });
  }
}

/** Call `fn` after every history navigation of `win`. */
export function onNavigate(win: Window, fn: Listener): void {
  let set = listeners.get(win);
  if (!set) {
    listeners.set(win, (set = new Set()));
    const history = win.history;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name];
      if (typeof original !== 'function') continue;
      history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args);
        tell(win);
        return result;
      };
    }
    win.addEventListener('popstate', () => tell(win));
  }
  set.add(fn);
}
