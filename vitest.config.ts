import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests that build the whole report or start Chromium take seconds each.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The PDF tests each start a browser; two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
});
