// Prints the min+gzip size of every dist file (run by `npm run build`).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { minGzipSize } from './size.mjs';

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else if (/\.(m|c)?js$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

const rows = [];
for (const file of await files('dist')) rows.push([file, await minGzipSize(file)]);
const width = Math.max(...rows.map(([f]) => f.length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(8)}  ${'min'.padStart(8)}  ${'min+gzip'.padStart(8)}`);
for (const [file, s] of rows)
  console.log(`${file.padEnd(width)}  ${String(s.raw).padStart(8)}  ${String(s.min).padStart(8)}  ${String(s.gzip).padStart(8)}`);
