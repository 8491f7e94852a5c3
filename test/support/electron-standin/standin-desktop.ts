// The desktop the stand-in Electron runs on (Electron cannot run here): platform, Linux session kind and desktop name,
// and whether a macOS bundle is signed. Each way real Electron 45 differs between desktops cites its source; the
// full list with sources is /work/shared/reference/electron-platform-notes.md (kept in shared/reference).

/** One desktop the stand-in plays. */
export interface StandInDesktop {
  platform: NodeJS.Platform;
  /** Linux only: whether Electron runs as a native Wayland client. */
  wayland: boolean;
  /** macOS only: an unsigned bundle's notifications are dropped. */
  signedBundle: boolean;
}

/**
 * The desktop from the stand-in's environment. On Linux, Electron 38+ runs as a native Wayland client whenever the
 * session is Wayland (electron/electron PR #48301 made `--ozone-platform-hint=auto` the default; Chromium's auto
 * picks Wayland when WAYLAND_DISPLAY is set). CTM_STANDIN_SIGNED=0 plays an unsigned macOS bundle.
 */
export function desktopFromEnv(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): StandInDesktop {
  return {
    platform,
    wayland: platform === 'linux' && Boolean(env.WAYLAND_DISPLAY),
    signedBundle: env.CTM_STANDIN_SIGNED !== '0',
  };
}

/**
 * What Electron's own start-up (lib/browser/init.ts) does to the environment before the app's code runs: on Linux it
 * keeps the original XDG_CURRENT_DESKTOP in ORIGINAL_XDG_CURRENT_DESKTOP and rewrites Ubuntu's and Pop!_OS's GNOME
 * sessions to "Unity", so Chromium uses the AppIndicator tray there (Electron docs, environment-variables:
 * "ORIGINAL_XDG_CURRENT_DESKTOP ... Electron sometimes modifies the value of XDG_CURRENT_DESKTOP").
 */
export function electronInitEnvironment(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): void {
  if (platform !== 'linux') return;
  const original = env.XDG_CURRENT_DESKTOP;
  if (original === undefined) return;
  env.ORIGINAL_XDG_CURRENT_DESKTOP = original;
  if (/^(ubuntu|pop):GNOME$/i.test(original)) env.XDG_CURRENT_DESKTOP = 'Unity';
}
