import { defineConfig } from 'vitest/config';

/** One run for unit, integration and end-to-end tests; system suites check for their components themselves. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/electron needs the Electron binary: run with npm run test:electron where it exists.
    exclude: ['test/electron/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
