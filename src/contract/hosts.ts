/**
 * Where a vendor's host names are reached. In production a vendor's URLs are
 * `https://{host}/…`; tests and the offline demo point them at a local server
 * with the vendor option `hostBase` (a URL containing `{host}`).
 */
import type { OptionSpec } from './types.js';

const DEFAULT_HOST_BASE = 'https://{host}';

/** The option spec every vendor with `hostBase` shares. */
export const hostBaseOption: OptionSpec = {
  type: 'string',
  pattern: /^(https?:\/\/|\/).*\{host\}/,
  expected: 'a URL containing {host}, such as "http://localhost:4173/vendor/{host}"',
};

/** The URL of `path` on `host`, reached through `hostBase` (default `https://{host}`). */
export function hostUrl(hostBase: string | undefined, host: string, path = ''): string {
  return (hostBase ?? DEFAULT_HOST_BASE).replace('{host}', host) + path;
}
