/** Shared by the commands: loading the built library and reading a consent-gate config. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './errors.mjs';

export async function loadLibrary() {
  const file = new URL('../dist/audit.mjs', import.meta.url);
  if (!existsSync(file)) throw new UsageError(`consent-gate is not built: ${file.pathname} is missing (run \`npm run build\`)`);
  return import(file.href);
}

/** Read a consent-gate config: a .json file, or a .js/.mjs module whose default export is the config. */
export async function readConfig(path) {
  const file = resolve(path);
  if (!existsSync(file)) throw new UsageError(`--config: file not found: ${path}`);
  if (/\.(mjs|js)$/.test(file)) {
    const mod = await import(pathToFileURL(file).href);
    return mod.default ?? mod.config;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--config: ${path} is not valid JSON (${error.message})`);
  }
}

/** Resolve --config and --vendor into the vendors to declare and the consent record settings. */
export async function vendorsFor(lib, { config: configPath, vendor: ids = [] }) {
  let resolved = null;
  if (configPath) {
    const raw = await readConfig(configPath);
    try {
      resolved = lib.resolveConfig(raw, lib.catalog);
    } catch (error) {
      throw new UsageError(`--config ${configPath}: ${error.message}`);
    }
  }
  let vendors = resolved ? resolved.vendors.map((v) => v.vendor) : [...lib.catalog];
  if (ids.length) {
    const known = lib.catalog.map((v) => v.id);
    for (const id of ids)
      if (!known.includes(id))
        throw new UsageError(`--vendor ${JSON.stringify(id)} is not in the catalog; expected one of: ${known.join(', ')}`);
    vendors = lib.catalog.filter((v) => ids.includes(v.id));
  }
  return { vendors, resolved };
}
