/** The pages that carry the size table, from the project's root. */
export const PAGES: readonly string[];
/** A file plus every relative module it imports statically, transitively. */
export function withStaticImports(path: string, seen?: Set<string>): string[];
/** The generated size section for the build in `dist` (default: the project's dist/). */
export function sizeSection(dist?: string): Promise<string>;
/** The section as one page needs it (its links relative to the page). */
export function sectionFor(page: string, section: string): string;
/** The generated section as it stands in `text` (null without both markers). */
export function sectionIn(text: string): string | null;
