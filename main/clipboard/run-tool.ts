import { spawn } from 'node:child_process';
import { CtmError } from '../core/errors.ts';
import type { ToolRun } from './clipboard-tools.ts';

/** What a clipboard program printed, if it succeeded. */
export interface ToolResult {
  ok: boolean;
  stdout: string;
}

/**
 * Runs a clipboard program with `input` on stdin. A writer (copy, clear) is done when it exits: xclip and wl-copy fork
 * a child that keeps serving the clipboard and holds the pipes, so their closing would never come. A reader is done
 * when its output is closed, so nothing it printed is lost.
 */
export function runTool(
  run: ToolRun,
  input: string,
  role: 'writer' | 'reader',
  env: NodeJS.ProcessEnv = process.env,
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, run.args, { env, stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new CtmError('internal', `Could not run ${run.command}: ${error.code ?? 'failed'}.`, { cause: error })),
    );
    child.on(role === 'writer' ? 'exit' : 'close', (code: number | null) => {
      child.stdout.destroy();
      resolve({ ok: code === 0, stdout });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
