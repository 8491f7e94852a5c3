import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainText } from '../shared/plain-text.ts';
import { signInHandOff, SIGN_IN_SWITCH } from './sign-in-handoff.ts';

/** The part of Electron's app that `ctm` run by the installed app uses. */
export interface CliModeApp {
  readonly dock?: { hide(): void } | undefined;
  relaunch(options: { execPath: string; args: string[] }): void;
  exit(code: number): void;
  setPath(name: 'userData', path: string): void;
  disableHardwareAcceleration(): void;
}

/** What the installed app's CLI mode needs: Electron's app, the process it runs in, and ctm itself (runCli). */
export interface CliModeParts {
  app: CliModeApp;
  platform: NodeJS.Platform;
  execPath: string;
  stdin: { isTTY?: boolean };
  stdout: { write(text: string, done: () => void): unknown };
  stderr: { write(text: string): unknown };
  /** Runs ctm with these arguments on this process's terminal; answers its exit code. */
  run: (args: string[]) => Promise<number>;
  /** Where its throwaway Chromium data goes (the system's temporary folder). */
  tempDir?: string;
}

/**
 * `ctm` from an installed app (build/bin launchers): the CLI in this process, then exit; no window, tray or lock.
 * Windows gives this GUI executable no console input (electron/electron #21705): a `ctm login NAME` that would prompt
 * continues in the app's window, started (or reached through the single-instance lock) once this process has exited.
 * Otherwise ctm runs with its own Chromium data, never the running app's (sharing it moves the app's caches and prints
 * about it), removed at exit, and no GPU process; on Linux the launcher also starts it headless, without a display.
 * Settles once the process is told to exit.
 */
export async function runInstalledCli(args: string[], parts: CliModeParts): Promise<void> {
  const { app } = parts;
  app.dock?.hide();
  const handOff = signInHandOff(args, parts.platform, parts.stdin.isTTY === true);
  if (handOff !== undefined) {
    parts.stderr.write(
      `ctm: the installed app cannot read this console on Windows; signing in to "${plainText(handOff, 80)}" continues in the Cognito Token Manager window.\n`,
    );
    app.relaunch({ execPath: parts.execPath, args: [`${SIGN_IN_SWITCH}=${handOff}`] });
    app.exit(0);
    return;
  }
  const chromiumData = mkdtempSync(join(parts.tempDir ?? tmpdir(), 'ctm-cli-'));
  app.setPath('userData', chromiumData);
  app.disableHardwareAcceleration();
  const code = await parts.run(args).catch(() => (parts.stderr.write('ctm: unexpected failure\n'), 1));
  // Everything ctm printed reaches the terminal before the process goes.
  await new Promise<void>((resolve) => parts.stdout.write('', resolve));
  rmSync(chromiumData, { recursive: true, force: true });
  app.exit(code);
}
