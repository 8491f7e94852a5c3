import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'cognito-token-manager';

/** The folder that holds the profiles file: CTM_CONFIG_DIR, else the platform's usual config folder. */
export function configDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (env.CTM_CONFIG_DIR) return env.CTM_CONFIG_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER);
}

/** The app settings file in a config folder (SettingsStore's; the cached `ctm token` reads the default profile there). */
export function settingsPath(dir: string): string {
  return join(dir, 'settings.json');
}
