/** The media type of `path`, or `fallback` (default application/octet-stream) for an extension the table does not know. */
export function contentTypeOf(path: string, fallback?: string): string;
