/** Types of the tag emulators' shared helpers (_kit.mjs). */
export const DEFAULT_BASE: string;
export function js(body: string): { body: string; contentType: string; headers: Record<string, string> };
export function gif(): { body: Buffer; contentType: string; headers: Record<string, string> };
export function empty(): { status: number; body: string; contentType: string };
export function pageScript(main: (cfg: any, kit: any) => void, cfg?: unknown): string;
export function handlersFor(
  hosts: readonly string[],
  answer: (url: URL) => unknown,
  requests: string[],
): Record<string, (url: URL) => Promise<any>>;
