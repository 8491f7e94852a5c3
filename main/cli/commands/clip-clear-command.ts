import { setTimeout as sleep } from 'node:timers/promises';
import { configDir } from '../../core/profiles/config-dir.ts';
import { clipFingerprint, isLatestClearer } from '../../clipboard/clip-token.ts';
import { localClipboardTools } from '../../clipboard/local-tools.ts';
import { runTool } from '../../clipboard/run-tool.ts';
import { EXIT } from '../exit-codes.ts';
import { readStdinLines, type Terminal } from '../terminal.ts';

/**
 * `ctm __clip-clear SECONDS` (hidden; started detached by `ctm token --clip`): waits, then empties the clipboard only if
 * it still holds the copy whose SHA-256 came on stdin, so whatever the user copied since is left alone, and only if no
 * later --clip has taken over the clearing.
 */
export async function clipClearCommand(
  args: string[],
  terminal: Terminal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const seconds = Number(args[0]);
  const [fingerprint = '', id = ''] = await readStdinLines(terminal);
  if (!Number.isFinite(seconds) || seconds < 0 || !/^[0-9a-f]{64}$/.test(fingerprint) || id === '') return EXIT.usage;
  await sleep(seconds * 1000);
  // A newer copy (even of the same token) has its own clearer and its own, later, time.
  if (!(await isLatestClearer(configDir(env), id))) return EXIT.ok;
  const tools = localClipboardTools(env);
  const now = await runTool(tools.read, '', 'reader', env);
  if (now.ok && clipFingerprint(now.stdout) === fingerprint) await runTool(tools.clear, '', 'writer', env);
  return EXIT.ok;
}
