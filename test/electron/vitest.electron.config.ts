import { defineConfig } from 'vitest/config';

/** `npm run test:electron`: the built app in the real Electron binary through Playwright's _electron (not in the main run). */
export default defineConfig({
  test: {
    include: ['test/electron/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
