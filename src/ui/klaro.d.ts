/** The parts of Klaro's library build that consent-gate uses. */
declare module 'klaro/dist/klaro-no-translations-no-css.js' {
  export interface KlaroManager {
    consents: Record<string, boolean>;
    savedConsents: Record<string, boolean>;
    confirmed: boolean;
    watch(watcher: { update(obj: unknown, name: string, data: unknown): void }): void;
    notify(name: string, data: unknown): void;
  }
  export function getManager(config: unknown): KlaroManager;
  export function render(config: unknown, opts?: { show?: boolean; modal?: boolean }): unknown;
  export function show(config: unknown, modal?: boolean): boolean;
}

declare module '*.css' {
  const css: string;
  export default css;
}
