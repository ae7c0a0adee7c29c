/** Small value helpers every room uses. Pure, no DOM. */

/** A plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Run code that may throw (a vendor's API, a page's listener) without
 * letting the exception reach the page. Returns what it returned, or
 * undefined when it threw.
 */
export function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Values for an error message: `"a", "b"`. */
export function list(values: readonly (string | number)[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}
