/** Types of the docs generator (facts.mjs). */
export const START: string;
export const END: string;
export function factsSection(vendor: unknown, purposeSource: string, declarationEntries: (input: never) => unknown): string;
export function withFacts(page: string, section: string): string;
