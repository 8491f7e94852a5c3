/** Where the macOS menu action puts the `ctm` command: a folder on every shell's default PATH. */
export const MAC_CLI_LINK = '/usr/local/bin/ctm';

/** The exit code of the install command when another `ctm` (not a link to an app's launcher) is in the way. */
export const MAC_CLI_TAKEN_EXIT = 3;

/**
 * The osascript call that links `ctm` into /usr/local/bin with the administrator prompt (as VS Code's "Install
 * 'code' command in PATH"): a link, not a copy, so an app update updates the command too. It runs as root, so:
 * `ln -sfh` replaces an existing link instead of following it (without -h, a planted link to a folder would make root
 * write the new link inside that folder, ln(1)); and whatever is there already stays unless it is a link to an app's
 * launcher (…/Contents/Resources/bin/ctm): a ctm installed otherwise is not replaced silently (exit 3).
 * Single quotes in paths are escaped for the shell, backslashes and double quotes for AppleScript.
 */
export function macCliInstallArgs(launcher: string, link = MAC_CLI_LINK): string[] {
  const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
  const at = shellQuote(link);
  const free = `{ { [ ! -e ${at} ] && [ ! -L ${at} ]; } || case "$(readlink ${at})" in */Contents/Resources/bin/ctm) true ;; *) echo "another ctm is already at ${link.replace(/["$`\\]/g, '')}" >&2; exit ${MAC_CLI_TAKEN_EXIT} ;; esac; }`;
  const command = `mkdir -p ${shellQuote(link.replace(/\/[^/]+$/, ''))} && ${free} && ln -sfh ${shellQuote(launcher)} ${at}`;
  const appleScript = `do shell script "${command.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" with administrator privileges`;
  return ['-e', appleScript];
}

/** The part of Electron's dialog that says the outcome. */
export interface MessageDialog {
  showMessageBox(options: { type: 'info' | 'error'; message: string; detail: string }): Promise<unknown>;
}

/** Node's execFile as the installer calls it (osascript). */
export type ExecFile = (file: string, args: string[], callback: (error: Error | null) => void) => unknown;

/**
 * The macOS menu's "Install 'ctm' Command in PATH…": links `launcher` with the administrator prompt (macCliInstallArgs)
 * and says how it went in a dialog, naming a ctm that was in the way. Settles once the dialog is shown.
 */
export function installCliFromMenu(
  execFile: ExecFile,
  dialog: MessageDialog,
  launcher: string,
  link = MAC_CLI_LINK,
): Promise<void> {
  return new Promise((resolve) => {
    execFile('osascript', macCliInstallArgs(launcher, link), (error) => {
      const taken = error !== null && /another ctm is already at/.test(error.message);
      const why = taken
        ? `Another 'ctm' is already at ${link}; it was left alone. Remove it first, then try again.`
        : 'The administrator prompt was cancelled or failed.';
      const shown = error
        ? dialog.showMessageBox({ type: 'error', message: "The 'ctm' command was not installed.", detail: why })
        : dialog.showMessageBox({
            type: 'info',
            message: `'ctm' is installed at ${link}.`,
            detail: 'Open a new terminal and run: ctm --help',
          });
      void shown.then(
        () => resolve(),
        () => resolve(),
      );
    });
  });
}
