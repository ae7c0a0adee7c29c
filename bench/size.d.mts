export interface Sizes {
  /** bytes as written */
  raw: number;
  /** bytes after terser */
  min: number;
  /** bytes after terser and gzip level 9 */
  gzip: number;
}
export function minGzipSize(file: string): Promise<Sizes>;
export function gzipSize(file: string): Promise<Sizes>;
