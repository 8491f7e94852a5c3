import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith('no-restricted-imports')).length;
}

describe('the lint rule that keeps imports one way', () => {
  it('refuses electron in main/core', async () => {
    expect(
      await restrictedImportErrors("import { app } from 'electron';\nexport const a = app;\n", 'main/core/probe.ts'),
    ).toBe(1);
  });

  it('refuses main/ipc or main/electron in main/core', async () => {
    expect(
      await restrictedImportErrors(
        "import { toView } from '../ipc/handlers.ts';\nexport const a = toView;\n",
        'main/core/probe.ts',
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        "import { appPaths } from '../electron/app-paths.ts';\nexport const a = appPaths;\n",
        'main/core/probe.ts',
      ),
    ).toBe(1);
  });

  it('lets the renderer import only types of the contract', async () => {
    expect(
      await restrictedImportErrors(
        "import type { Api } from '../main/ipc/contract.ts';\nexport type A = Api;\n",
        'renderer/probe.ts',
      ),
    ).toBe(0);
    expect(
      await restrictedImportErrors(
        "import { API_METHODS } from '../main/ipc/contract.ts';\nexport const a = API_METHODS;\n",
        'renderer/probe.ts',
      ),
    ).toBeGreaterThan(0);
    expect(
      await restrictedImportErrors(
        "import { Core } from '../main/core/core.ts';\nexport const a = Core;\n",
        'renderer/probe.ts',
      ),
    ).toBeGreaterThan(0);
  });

  it('lets the renderer and every part of main import main/shared, which imports nothing', async () => {
    expect(
      await restrictedImportErrors(
        "import { formatDuration } from '../main/shared/duration.ts';\nexport const a = formatDuration;\n",
        'renderer/probe.ts',
      ),
    ).toBe(0);
    expect(
      await restrictedImportErrors(
        "import { formatDuration } from '../../shared/duration.ts';\nexport const a = formatDuration;\n",
        'main/cli/commands/probe.ts',
      ),
    ).toBe(0);
    expect(
      await restrictedImportErrors(
        "import { formatDuration } from '../shared/duration.ts';\nexport const a = formatDuration;\n",
        'main/electron/probe.ts',
      ),
    ).toBe(0);
    expect(
      await restrictedImportErrors(
        "import { readFile } from 'node:fs';\nexport const a = readFile;\n",
        'main/shared/probe.ts',
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        "import { Core } from '../core/core.ts';\nexport const a = Core;\n",
        'main/shared/probe.ts',
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        "import { formatDuration } from './duration.ts';\nexport const a = formatDuration;\n",
        'main/shared/probe.ts',
      ),
    ).toBe(0);
  });

  it('lets the IPC contract import only main/shared, which the renderer compiles too', async () => {
    expect(
      await restrictedImportErrors(
        "import type { ProfileStatus } from '../core/sessions/session-state.ts';\nexport type A = ProfileStatus;\n",
        'main/ipc/contract.ts',
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        "import type { z } from 'zod';\nexport type A = z.ZodType;\n",
        'main/ipc/contract.ts',
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        "import type { AppSettings } from '../shared/app-settings.ts';\nexport type A = AppSettings;\n",
        'main/ipc/contract.ts',
      ),
    ).toBe(0);
  });

  it('lets main/electron build on core', async () => {
    expect(
      await restrictedImportErrors(
        "import { Core } from '../core/core.ts';\nexport const a = Core;\n",
        'main/electron/probe.ts',
      ),
    ).toBe(0);
  });
});
