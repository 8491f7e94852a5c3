import type { Clipboard, ClipboardItem } from 'electron';
import { ClipboardError } from '../clipboard/clipboard-error.ts';
import { clearWithTools, copyVerified, holdsText } from '../clipboard/verified-copy.ts';
import type { TokenClipboard } from '../ipc/handlers.ts';
import { refusedCopy, type CopyRoute } from './clipboard-route.ts';
import { concealedFormats } from './concealed-formats.ts';

/** The part of Electron's clipboard this adapter uses (Electron 45's promise-based API). */
export type ClipboardPort = Pick<Clipboard, 'write' | 'readText' | 'clear'>;

/** Builds one clipboard entry from MIME types and payloads: Electron's `new ClipboardItem(...)`. */
export type ClipboardItemFactory = (items: Record<string, string | Blob>) => ClipboardItem;

/** Where the adapter runs: the platform, how copies reach the clipboard, and whether a window of the app has focus. */
export interface TokenClipboardOptions {
  clearAfterMs?: number;
  platform?: NodeJS.Platform;
  route?: CopyRoute;
  hasFocusedWindow?: () => boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Copies tokens in main, marked as concealed for clipboard managers and history, checks the clipboard took the copy,
 * and clears it after the configured time, or on quit, only if the clipboard still holds our copy (never someone
 * else's later copy). On Wayland the copy goes through wl-copy (clipboard-route.ts); a copy that cannot land throws.
 */
export class ElectronTokenClipboard implements TokenClipboard {
  private readonly clipboard: ClipboardPort;
  private readonly makeItem: ClipboardItemFactory;
  private readonly platform: NodeJS.Platform;
  private readonly route: CopyRoute;
  private readonly hasFocusedWindow: () => boolean;
  private readonly env: NodeJS.ProcessEnv;
  private clearAfterMs: number;
  private last: { text: string; through: 'electron' | 'tools' } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(clipboard: ClipboardPort, makeItem: ClipboardItemFactory, options: TokenClipboardOptions = {}) {
    this.clipboard = clipboard;
    this.makeItem = makeItem;
    this.clearAfterMs = options.clearAfterMs ?? 60_000;
    this.platform = options.platform ?? process.platform;
    this.route = options.route ?? { kind: 'electron' };
    this.hasFocusedWindow = options.hasFocusedWindow ?? (() => true);
    this.env = options.env ?? process.env;
  }

  /** Changes the clear time for the next copies (from the settings). */
  setClearAfter(ms: number): void {
    this.clearAfterMs = ms;
  }

  async copySecret(text: string): Promise<void> {
    const route = this.route;
    if (route.kind === 'tools') {
      await copyVerified(route.tools, text, this.env);
      this.remember(text, 'tools');
      return;
    }
    if (route.kind === 'focused-only' && !this.hasFocusedWindow()) throw refusedCopy(route);
    const extra = Object.entries(concealedFormats(this.platform)).map(([type, value]) => [
      type,
      typeof value === 'string' ? value : new Blob([new Uint8Array(value)]),
    ]);
    await this.clipboard.write([this.makeItem({ 'text/plain': text, ...Object.fromEntries(extra) })]);
    if ((await this.clipboard.readText()) !== text)
      throw new ClipboardError('The clipboard did not take the copy; nothing was copied. Try again.');
    this.remember(text, 'electron');
  }

  /** Clears the clipboard if it still holds the last copied token (also called on quit). */
  async clearIfOurs(): Promise<void> {
    clearTimeout(this.timer);
    const ours = this.last;
    this.last = undefined;
    if (ours === undefined) return;
    if (ours.through === 'tools' && this.route.kind === 'tools') {
      if (await holdsText(this.route.tools, ours.text, this.env)) await clearWithTools(this.route.tools, this.env);
    } else if ((await this.clipboard.readText()) === ours.text) this.clipboard.clear();
  }

  private remember(text: string, through: 'electron' | 'tools'): void {
    this.last = { text, through };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.clearIfOurs(), this.clearAfterMs);
    this.timer.unref?.();
  }
}
