// min+gzip size of a JavaScript file: minified with terser, gzipped at level 9.
// Deterministic for the same input, so byte budgets can be tests.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';

export async function minGzipSize(file) {
  const code = await readFile(file, 'utf8');
  const min = await minify(code, { compress: true, mangle: true, module: file.endsWith('.mjs') });
  const minified = min.code ?? code;
  return { raw: Buffer.byteLength(code), min: Buffer.byteLength(minified), gzip: gzipSync(minified, { level: 9 }).length };
}

/** gzip size (level 9) of any file as is, e.g. a stylesheet. */
export async function gzipSize(file) {
  const data = await readFile(file);
  return { raw: data.length, min: data.length, gzip: gzipSync(data, { level: 9 }).length };
}
