import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import ProjectOrder from './test/support/project-order.ts';
import { filesInNoProject, includeOf } from './test/support/test-projects.ts';

// A test file in a folder no project includes would silently never run: refuse to start instead.
const homeless = filesInNoProject(fileURLToPath(new URL('.', import.meta.url)));
if (homeless.length > 0)
  throw new Error(
    `test files in no test project (move them under a folder of test/support/test-projects.ts): ${homeless.join(', ')}`,
  );

// Files running at once. Most system and browser files wait (on processes, the keyring, Chromium, the emulator), so
// four keep two cores busy; CTM_TEST_WORKERS sets it for a machine with more or fewer.
const WORKERS = Number(process.env.CTM_TEST_WORKERS) || 4;
const KEYRINGS = 'test/support/worker-keyrings.ts';

/** One run, four projects by what the tests need (test/support/test-projects.ts); `vitest run --project unit` runs one. */
export default defineConfig(({ mode }) => ({
  test: {
    // `npm run screenshots` (--mode screenshots) is the one run that writes docs/screenshots (test/support/screenshots.ts).
    env: { CTM_WRITE_SCREENSHOTS: mode === 'screenshots' ? '1' : '' },
    pool: 'forks',
    maxWorkers: WORKERS,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for an event (a row's state, a file, a process) and gives up after this; vitest's 1 s default
    // fails on a loaded machine, where four files share two cores. A liveness bound, not a speed target.
    expect: { poll: { timeout: 15_000 } },
    sequence: { sequencer: ProjectOrder },
    // CTM_COUNT_ASSERTIONS=<file> appends each file's test and assertion counts (how "not one assertion fewer" is checked).
    setupFiles: ['test/support/assertion-count.ts'],
    projects: [
      { extends: true, test: { name: 'slow', include: includeOf('slow'), globalSetup: [KEYRINGS] } },
      { extends: true, test: { name: 'browser', include: includeOf('browser'), globalSetup: [KEYRINGS] } },
      { extends: true, test: { name: 'system', include: includeOf('system'), globalSetup: [KEYRINGS] } },
      { extends: true, test: { name: 'unit', include: includeOf('unit'), setupFiles: ['test/support/unit-guard.ts'] } },
    ],
  },
}));
