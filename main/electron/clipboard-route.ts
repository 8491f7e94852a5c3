import { ClipboardError } from '../clipboard/clipboard-error.ts';
import type { ClipboardTools } from '../clipboard/clipboard-tools.ts';
import { localClipboardTools } from '../clipboard/local-tools.ts';

/** How the app's copies reach the system clipboard on this desktop. */
export type CopyRoute =
  /** Electron's clipboard: X11, macOS and Windows take a write from any process. */
  | { kind: 'electron' }
  /** The clipboard program (wl-copy, as `ctm token --clip`): Wayland, where a write only counts from a focused client. */
  | { kind: 'tools'; tools: ClipboardTools }
  /** Wayland without wl-clipboard: Electron's clipboard while a window has focus; the tray and shortcut cannot copy. */
  | { kind: 'focused-only'; refusal: string };

/** What a tray or shortcut copy on Wayland without wl-clipboard says, instead of a "copied" that copied nothing. */
export const WAYLAND_NEEDS_WL_CLIPBOARD =
  'On Wayland the app can copy from the tray or the shortcut only through wl-clipboard: install it (e.g. apt-get install wl-clipboard) or copy from the window; nothing was copied.';

/**
 * Picks the route once at start. Since Electron 38 the app is a native Wayland client on a Wayland session
 * (electron/electron PR #48301), and the compositor drops a clipboard write from a client without keyboard focus
 * (TranscriptionSuite #174, doctly/switchboard #54): tray and shortcut copies happen without one. wl-copy writes from
 * any process, so Wayland copies go through it (marked --sensitive where wl-clipboard 2.3+ allows); only Wayland's
 * own wl-copy counts there (xclip on XWayland reaches X clients, not the Wayland clipboard).
 */
export function clipboardRoute(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  tools: (env: NodeJS.ProcessEnv) => ClipboardTools = localClipboardTools,
): CopyRoute {
  if (platform !== 'linux' || !env.WAYLAND_DISPLAY) return { kind: 'electron' };
  try {
    return { kind: 'tools', tools: tools({ ...env, DISPLAY: '' }) };
  } catch {
    return { kind: 'focused-only', refusal: WAYLAND_NEEDS_WL_CLIPBOARD };
  }
}

/** The error a copy that cannot land on this route raises. */
export function refusedCopy(route: Extract<CopyRoute, { kind: 'focused-only' }>): ClipboardError {
  return new ClipboardError(route.refusal);
}
