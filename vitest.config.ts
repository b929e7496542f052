import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A folder for the builds the end-to-end tests share (tests/support/shared.ts); it builds nothing itself.
    globalSetup: ['tests/support/global-setup.ts'],
    // Test files in one worker share loaded modules (vega, ExcelJS, the pipeline) and the shared builds:
    // each file otherwise spends about a second importing them again. No test relies on fresh module state.
    isolate: false,
    // Tests that build a whole report or start Chromium take seconds each.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The PDF tests each start a browser; two at a time suits a 2-core machine.
    maxWorkers: 2,
    experimental: {
      // The TypeScript transformed for the tests is kept in node_modules/.experimental-vitest-cache/, by each file's
      // content, between runs: a run whose sources did not change transforms nothing (about 1.5 core-seconds).
      fsModuleCache: true,
    },
  },
});
