import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:faults`): real processes killed at random points, parallel
 * writers, inputs of hundreds of megabytes. Slower than the unit suite, so kept apart from it; CI
 * runs both.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.faults.ts'],
    globalSetup: ['src/faults/test-support/build-once.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    // One file at a time: each spawns many processes of its own.
    fileParallelism: false,
  },
});
