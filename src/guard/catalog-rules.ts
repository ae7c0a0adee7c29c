/**
 * The rules of the whole catalog. In tests and development they are compiled
 * here; the guard build replaces this module with the compiled table as a JSON
 * literal (see the `guard-rules` plugin in rollup.config.mjs), so the guard
 * file carries no descriptions, sources or adapter code.
 */
import { catalog } from '../../vendors/index.js';
import { compileRules, type CompiledRules } from './rules.js';

export const rules: CompiledRules = compileRules(catalog);
