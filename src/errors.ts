/**
 * The one error type of consent-gate's public surface. Its message names the
 * config path that is wrong and what was expected there.
 */
export class ConsentGateConfigError extends Error {
  readonly path: string;
  readonly expected: string;
  readonly received: unknown;

  constructor(path: string, expected: string, received: unknown) {
    super(`consent-gate config: ${path} ${describe(received)}; expected ${expected}`);
    this.name = 'ConsentGateConfigError';
    this.path = path;
    this.expected = expected;
    this.received = received;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'is missing';
  let shown: string;
  try {
    shown =
      typeof value === 'string'
        ? JSON.stringify(value)
        : typeof value === 'function'
          ? 'a function'
          : (JSON.stringify(value) ?? String(value));
  } catch {
    shown = String(value);
  }
  if (shown.length > 60) shown = shown.slice(0, 57) + '...';
  return `is ${shown}`;
}
