/** The parts of Klaro's sources (node_modules/klaro/src) the banner builds on; rollup.banner.mjs compiles them. */
declare module 'klaro/src/components/app.jsx' {
  import type { ComponentType } from 'preact';
  /** Klaro's root component: the first layer, and the settings panel when `modal` is true. */
  const App: ComponentType<{
    t: (...args: unknown[]) => unknown;
    lang: string;
    manager: unknown;
    config: unknown;
    testing: boolean;
    modal: boolean;
    /** Grows with every call that should show the banner (Klaro's `show` counter). */
    show: number;
  }>;
  export default App;
}

declare module 'klaro/src/utils/i18n.js' {
  /** Klaro's lookup: `key` is a path, a leading `'!'` returns undefined instead of a "missing translation" text; params fill `{name}`. */
  export function t(translations: unknown, lang: string, fallbackLang: string, key: unknown, ...params: unknown[]): unknown;
}

/** The banner's stylesheet, compiled from SCSS by rollup.banner.mjs. */
declare module '*.scss' {
  const css: string;
  export default css;
}
