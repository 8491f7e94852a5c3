import { ClipboardError } from './clipboard-error.ts';
import type { ClipboardTools } from './clipboard-tools.ts';
import { runTool } from './run-tool.ts';

/**
 * Copies `text` with the clipboard program (on its stdin) and reads the clipboard back: a copy only counts once the
 * clipboard holds it. Throws a ClipboardError (naming the program, never the text) when it did not land.
 */
export async function copyVerified(
  tools: ClipboardTools,
  text: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (!(await runTool(tools.copy, text, 'writer', env)).ok)
    throw new ClipboardError(`${tools.copy.command} could not copy to the clipboard; nothing was copied.`);
  if (!(await holdsText(tools, text, env)))
    throw new ClipboardError(
      `The clipboard did not take the copy (${tools.copy.command} ran, ${tools.read.command} reads something else); nothing was copied.`,
    );
}

/** True while the clipboard holds exactly `text` (an empty or unreadable clipboard holds nothing of ours). */
export async function holdsText(
  tools: ClipboardTools,
  text: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const now = await runTool(tools.read, '', 'reader', env).catch(() => undefined);
  return now?.ok === true && now.stdout === text;
}

/** Empties the clipboard with the clipboard program; answers whether the program succeeded. */
export async function clearWithTools(tools: ClipboardTools, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return (await runTool(tools.clear, '', 'writer', env).catch(() => undefined))?.ok === true;
}
