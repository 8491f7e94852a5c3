import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CtmError } from '../core/errors.ts';
import { writeFileAtomic } from '../core/profiles/atomic-write.ts';
import { SettingsStore } from '../core/settings/settings-store.ts';
import { localClipboardTools } from './local-tools.ts';
import { copyVerified } from './verified-copy.ts';
import { selfEnvironment, selfInvocation, type Invocation } from '../cli/self-invocation.ts';

/** The hidden command the detached clearer runs (`ctm __clip-clear SECONDS`; on stdin the copy's SHA-256 and its clearer id). */
export const CLIP_CLEAR_COMMAND = '__clip-clear';

/** What a copy did: when the clipboard clears, and whether history managers were told it is a secret. */
export interface ClipResult {
  clearSeconds: number;
  concealed: boolean;
}

/**
 * The file naming the latest copy's clearer (a random id, never a secret), next to settings.json. Only that clearer
 * clears: copying the same token again must restart the wait, not be cut short by the first copy's clearer.
 */
export function clearerFile(configDir: string): string {
  return join(configDir, 'clipboard-clearer');
}

/** True while `id` is the latest copy's clearer. */
export async function isLatestClearer(configDir: string, id: string): Promise<boolean> {
  return (await readFile(clearerFile(configDir), 'utf8').catch(() => '')) === id;
}

/** A fingerprint of the copied text: what the clearer compares against, so the text itself never leaves ctm. */
export function clipFingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Copies `text` (on the program's stdin, never its command line), checks the clipboard holds it, and starts a detached `ctm __clip-clear` that empties
 * the clipboard after the app's clipboard time (settings.json, as the tray) if it still holds this copy.
 */
export async function clipWithClear(
  text: string,
  configDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ClipResult> {
  const tools = localClipboardTools(env);
  const clearer = selfInvocation([CLIP_CLEAR_COMMAND]);
  // Without its own script ctm could not start the clearer: refuse before copying rather than leave the token there.
  if (clearer === undefined)
    throw new CtmError('internal', '--clip cannot start the clipboard clearer here; print the token instead.');
  // The clearer's time and id are settled first: a failure there must not leave a copy that nothing clears.
  const { clipboardClearSeconds } = await new SettingsStore(configDir).get();
  const id = randomUUID();
  await writeFileAtomic(clearerFile(configDir), id);
  await copyVerified(tools, text, env);
  startClearer(
    { ...clearer, args: [...clearer.args, String(clipboardClearSeconds)] },
    `${clipFingerprint(text)}\n${id}\n`,
    env,
  );
  return { clearSeconds: clipboardClearSeconds, concealed: tools.concealed };
}

// The clearer is this same ctm, in its own session so closing the terminal does not end it.
function startClearer(clearer: Invocation, stdin: string, env: NodeJS.ProcessEnv): void {
  const child = spawn(clearer.command, clearer.args, {
    env: selfEnvironment(env),
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    windowsHide: true,
  });
  child.on('error', () => undefined);
  child.stdin.on('error', () => undefined);
  child.stdin.end(stdin);
  child.unref();
}
