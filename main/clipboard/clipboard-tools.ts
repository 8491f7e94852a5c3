import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';
import { NotFoundError } from '../core/errors.ts';
import {
  MAC_COPY_SCRIPT,
  MAC_CLEAR_SCRIPT,
  WINDOWS_CLEAR_SCRIPT,
  WINDOWS_COPY_SCRIPT,
  WINDOWS_READ_SCRIPT,
} from './clipboard-scripts.ts';

/** One program run: its name and arguments. The copied text always goes on stdin, never here. */
export interface ToolRun {
  command: string;
  args: string[];
}

/** How to copy to, read and clear this machine's clipboard, and whether the copy is marked as a secret. */
export interface ClipboardTools {
  copy: ToolRun;
  read: ToolRun;
  clear: ToolRun;
  /** False where the tool can offer only the text (xclip, wl-copy before 2.3), so history managers may keep it. */
  concealed: boolean;
}

/** What the tool choice may look at: the environment and whether a program is on PATH. */
export interface ToolProbe {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  hasCommand: (command: string) => boolean;
  /** Whether this wl-copy takes --sensitive (wl-clipboard 2.3.0 and later); asked only on Wayland. */
  wlCopyIsSensitive: () => boolean;
}

// PowerShell's clipboard needs a single-threaded apartment; -NoProfile keeps the user's profile out of it.
const powershell = (script: string): ToolRun => ({
  command: 'powershell.exe',
  args: ['-NoProfile', '-NonInteractive', '-STA', '-Command', script],
});
const osascript = (script: string): ToolRun => ({ command: 'osascript', args: ['-l', 'JavaScript', '-e', script] });

/**
 * The clipboard programs for this platform. macOS and Windows use what every install has (osascript, PowerShell);
 * Linux uses wl-copy on Wayland and xclip on X11, and a missing one is a NotFoundError (exit 2) naming what to install.
 */
export function clipboardTools(probe: ToolProbe): ClipboardTools {
  if (probe.platform === 'darwin')
    return {
      copy: osascript(MAC_COPY_SCRIPT),
      read: { command: 'pbpaste', args: [] },
      clear: osascript(MAC_CLEAR_SCRIPT),
      concealed: true,
    };
  if (probe.platform === 'win32')
    return {
      copy: powershell(WINDOWS_COPY_SCRIPT),
      read: powershell(WINDOWS_READ_SCRIPT),
      clear: powershell(WINDOWS_CLEAR_SCRIPT),
      concealed: true,
    };
  if (probe.env.WAYLAND_DISPLAY && probe.hasCommand('wl-copy') && probe.hasCommand('wl-paste')) {
    // wl-copy offers one MIME type per process; only --sensitive (2.3.0+) adds x-kde-passwordManagerHint beside the text.
    const sensitive = probe.wlCopyIsSensitive();
    return {
      copy: { command: 'wl-copy', args: sensitive ? ['--sensitive'] : [] },
      read: { command: 'wl-paste', args: ['--no-newline'] },
      clear: { command: 'wl-copy', args: ['--clear'] },
      concealed: sensitive,
    };
  }
  if (probe.env.DISPLAY && probe.hasCommand('xclip')) {
    // xclip serves one target per process, so the text goes without the x-kde-passwordManagerHint beside it.
    return {
      copy: { command: 'xclip', args: ['-selection', 'clipboard', '-in'] },
      read: { command: 'xclip', args: ['-selection', 'clipboard', '-out'] },
      clear: { command: 'xclip', args: ['-selection', 'clipboard', '-in'] },
      concealed: false,
    };
  }
  const session = probe.env.WAYLAND_DISPLAY ? 'Wayland' : probe.env.DISPLAY ? 'X11' : undefined;
  if (!session)
    throw new NotFoundError(
      '--clip needs a graphical session (neither WAYLAND_DISPLAY nor DISPLAY is set); print the token instead.',
    );
  const install = session === 'Wayland' ? 'wl-clipboard (wl-copy, wl-paste)' : 'xclip';
  throw new NotFoundError(
    `--clip on ${session} needs ${install}: install it (e.g. apt-get install ${session === 'Wayland' ? 'wl-clipboard' : 'xclip'}) or print the token instead.`,
  );
}

/** True when `command` is an executable file in one of PATH's folders (no shell, no child process). */
export function onPath(command: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}
