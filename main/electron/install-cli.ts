/** Where the macOS menu action puts the `ctm` command: a folder on every shell's default PATH. */
export const MAC_CLI_LINK = '/usr/local/bin/ctm';

/**
 * The osascript call that links `ctm` into /usr/local/bin with the administrator prompt (as VS Code's "Install
 * 'code' command in PATH"): a link, not a copy, so an app update updates the command too. Single quotes in the
 * launcher's path are escaped for the shell, backslashes and double quotes for AppleScript.
 */
export function macCliInstallArgs(launcher: string, link = MAC_CLI_LINK): string[] {
  const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
  const command = `mkdir -p ${shellQuote(link.replace(/\/[^/]+$/, ''))} && ln -sf ${shellQuote(launcher)} ${shellQuote(link)}`;
  const appleScript = `do shell script "${command.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" with administrator privileges`;
  return ['-e', appleScript];
}
