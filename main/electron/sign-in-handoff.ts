/** The switch that asks the app to open its window's sign-in for one profile, by name: `--ctm-sign-in=<name>`. */
export const SIGN_IN_SWITCH = '--ctm-sign-in';

/**
 * The profile whose `ctm login` the installed app's CLI mode hands to the window, or undefined to run it here. On
 * Windows the app is a GUI executable, whose stdin ends at once (electron/electron #21705, #4218): no prompt can be
 * answered, so a `login NAME` that would prompt goes to the app's window instead. Piped input (`--password-stdin`)
 * works on Windows too and stays in the command line.
 */
export function signInHandOff(
  args: readonly string[],
  platform: NodeJS.Platform,
  stdinIsTTY: boolean,
): string | undefined {
  if (platform !== 'win32' || stdinIsTTY || args[0] !== 'login') return undefined;
  const name = args[1];
  if (
    name === undefined ||
    name.startsWith('-') ||
    args.includes('--password-stdin') ||
    args.includes('--help') ||
    args.includes('-h')
  )
    return undefined;
  return name;
}

/**
 * The profile name a launch asks to sign in, from its command line (the first launch's process.argv, or the argv of
 * 'second-instance', whose order Chromium may change: the name travels inside its one `--ctm-sign-in=` argument).
 */
export function signInRequestFrom(argv: readonly string[]): string | undefined {
  const prefix = `${SIGN_IN_SWITCH}=`;
  const found = argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  return found ? found : undefined;
}

/**
 * Opens the window's sign-in for the profile a launch names (`ctm login NAME` handed over on Windows): the first
 * launch's argv or a second instance's. A name no profile has, or profiles that cannot be read, open nothing.
 */
export async function openNamedSignIn(
  argv: readonly string[],
  listProfiles: () => Promise<readonly { id: string; name: string }[]>,
  openSignIn: (profileId: string) => void,
): Promise<void> {
  const name = signInRequestFrom(argv);
  if (name === undefined) return;
  const profiles = await listProfiles().catch(() => []);
  const profile = profiles.find((p) => p.name === name);
  if (profile) openSignIn(profile.id);
}
