/**
 * The media type a file is served with, by its extension: one table for the
 * scanner's routed hosts, the demo server, the benchmarks' pages and the
 * tests' pages. Text types carry their charset.
 */
import { extname } from 'node:path';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

/** The media type of `path`, or `fallback` for an extension the table does not know. */
export function contentTypeOf(path, fallback = 'application/octet-stream') {
  return TYPES[extname(path)] ?? fallback;
}
