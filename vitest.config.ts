import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One test command for the whole workspace (the README's `npm test`). Browser tests live in e2e/ and run
// separately because they need a built web app and Chromium.
export default defineConfig({
  test: {
    // An in-memory PGlite costs a few hundred MB: never more workers than cores.
    maxWorkers: Math.max(1, Math.min(2, availableParallelism())),
    projects: [
      { test: { name: 'core', root: 'packages/core', include: ['src/**/*.test.ts'] } },
      { test: { name: 'web', root: 'packages/web', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          root: 'packages/server',
          include: ['src/**/*.test.ts'],
          globalSetup: ['src/platform/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
