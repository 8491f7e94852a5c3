import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The test projects, by what their tests need; a file's folder decides its project. Listed in the order they start
 * (slow first, so the longest files do not end the run alone).
 */
export const TEST_PROJECTS = {
  /** Long single files: the SRP comparison against amazon-cognito-identity-js, IPC fuzzing, packaging, the security scan. */
  slow: ['test/slow'],
  /** The page in Debian's Chromium (playwright-core), wired to the real main-process handlers. */
  browser: ['test/e2e'],
  /** The real keyring, processes (ctm, the app on the Electron stand-in, the demo) and HTTP (the emulator). */
  system: ['test/integration', 'test/support/emulator', 'test/demo'],
  /** In-process only: no process, no socket (test/support/unit-guard.ts fails a test that starts one). */
  unit: ['test/unit'],
} as const satisfies Record<string, readonly string[]>;

/** A project's name. */
export type TestProjectName = keyof typeof TEST_PROJECTS;

/** Folders outside `npm test`: test/electron needs the Electron binary (npm run test:electron). */
const OUTSIDE = ['test/electron'];

/** The include globs of a project. */
export function includeOf(name: TestProjectName): string[] {
  return TEST_PROJECTS[name].map((folder) => `${folder}/**/*.test.ts`);
}

/** Test files under test/ that no project runs: a file added in a folder of its own would otherwise never run. */
export function filesInNoProject(root: string): string[] {
  const folders = [...Object.values(TEST_PROJECTS).flat(), ...OUTSIDE];
  return readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
    .map((file) => `test/${file.split('\\').join('/')}`)
    .filter((file) => file.endsWith('.test.ts') && !file.includes('/node_modules/'))
    .filter((file) => !folders.some((folder) => file.startsWith(`${folder}/`)));
}
