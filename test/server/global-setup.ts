/**
 * One PGlite data directory made before the server tests (PostgreSQL's
 * initdb, in WebAssembly, takes seconds: far longer under load), closed
 * cleanly and copied for every test that needs a fresh one. Opening a copy
 * runs the same code as a receiver's first start, minus initdb.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../src/receipts-server/pglite';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'consent-gate-pglite-template-'));
  const dir = join(root, 'data');
  const sql = await openPglite(dir);
  await sql.close();
  project.provide('pgliteTemplate', dir);
  return () => rmSync(root, { recursive: true, force: true });
}
