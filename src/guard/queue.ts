/**
 * `window.consentGate` before the runtime has loaded: every public method
 * exists and queues its call as `[method, ...args]` in `consentGate.q`; the
 * runtime replays the queue in order when it starts. `blocked()` answers at
 * once from the guard's log (the runtime later puts its own methods on the
 * same object).
 */
const QUEUED_METHODS = 'grant revoke show on off openChat refresh'.split(' ');

export function installQueue(win: Window, guard: { blocked(): unknown[] }): void {
  const w = win as unknown as { consentGate?: Record<string, unknown> & { q?: unknown[] } };
  const stub = (w.consentGate ||= {});
  const q = (stub.q ||= []);
  // a method the page (or an earlier copy of this file) already put there stays
  for (const method of QUEUED_METHODS) stub[method] ||= (...args: unknown[]) => void q.push([method, ...args]);
  stub.blocked ||= guard.blocked;
}
