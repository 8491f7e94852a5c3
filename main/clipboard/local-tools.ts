import { spawnSync } from 'node:child_process';
import { clipboardTools, onPath, type ClipboardTools } from './clipboard-tools.ts';

/** This machine's clipboard programs (Linux: wl-copy on Wayland, xclip on X11), for ctm and for the app on Wayland. */
export function localClipboardTools(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): ClipboardTools {
  return clipboardTools({
    platform,
    env,
    hasCommand: (command) => onPath(command, env),
    wlCopyIsSensitive: () =>
      (spawnSync('wl-copy', ['--help'], { env, encoding: 'utf8' }).stdout ?? '').includes('--sensitive'),
  });
}
