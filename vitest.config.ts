import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // two cores: at most two test files (so two Chromiums) at once
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'jsdom',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits for what a page does in its own time (a chain of scripts loaded one after another,
          // a widget's state after its frame): 10 s before a poll fails, not the default 1 s, on a shared 2-core machine
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          // the receipts receiver in Node: PGlite always, PostgreSQL too when DATABASE_URL is set
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/server/global-setup.ts'],
          // a guard against hangs, not a speed limit: each CLI run starts PGlite (WebAssembly), slow on a busy machine
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
