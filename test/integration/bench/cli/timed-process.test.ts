import { describe, expect, it } from 'vitest';
import { failureLine, timeProcess } from '../../../bench/cli/timed-process.ts';

describe('timing a command as a terminal user waits for it', () => {
  it('returns what the process printed, its exit code and a positive duration', async () => {
    const run = await timeProcess(
      process.execPath,
      ['-e', 'process.stdin.pipe(process.stdout); process.exitCode = 3'],
      { PATH: process.env.PATH ?? '' },
      'echoed',
    );
    expect(run).toMatchObject({ code: 3, stdout: 'echoed', stderr: '' });
    expect(run.ms).toBeGreaterThan(0);
  });

  it('describes a failure from stderr only, so a token on stdout never reaches a table note', () => {
    expect(
      failureLine({ ms: 1, code: 4, stdout: 'eyJ.secret.token', stderr: 'ctm: Could not reach the endpoint\nmore' }),
    ).toBe('exit 4: ctm: Could not reach the endpoint');
    expect(
      failureLine({
        ms: 1,
        code: 1,
        stdout: '',
        stderr: "node:internal/modules/cjs/loader:1433\n  throw err;\n\nError: Cannot find module 'x'\n    at y",
      }),
    ).toBe("exit 1: Error: Cannot find module 'x'");
  });
});
