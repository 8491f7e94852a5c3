/** The switch the `ctm` launchers (build/bin) pass to the app's own binary to run the command line instead of the app. */
export const CLI_SWITCH = '--ctm-cli';

/**
 * The `ctm` arguments when the app was started by a launcher as `<app> [switches] --ctm-cli -- <args>`, else undefined.
 * The `--` stops Chromium from reading the user's arguments as its own switches; everything after it is ctm's.
 * The switch counts only as a switch (before any `--`) and only with its `--`, so an app command line that merely
 * carries the word as an argument starts the app.
 */
export function cliArgsFromLauncher(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf(CLI_SWITCH);
  const separator = argv.indexOf('--');
  if (at < 1 || separator !== at + 1) return undefined;
  return argv.slice(at + 2);
}
