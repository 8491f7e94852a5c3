/** The switch the `ctm` launchers (build/bin) pass to the app's own binary to run the command line instead of the app. */
export const CLI_SWITCH = '--ctm-cli';

/**
 * The `ctm` arguments when the app was started by a launcher as `<app> --ctm-cli -- <args>`, else undefined.
 * The `--` stops Chromium from reading the user's arguments as its own switches; everything after it is ctm's.
 * Only the launcher's exact form counts, so a stray `--ctm-cli` elsewhere on an app command line starts the app.
 */
export function cliArgsFromLauncher(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf(CLI_SWITCH);
  if (at < 1 || at > 2 || argv[at + 1] !== '--') return undefined;
  return argv.slice(at + 2);
}
