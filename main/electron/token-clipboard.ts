import type { Clipboard, ClipboardItem } from 'electron';
import type { TokenClipboard } from '../ipc/handlers.ts';
import { concealedFormats } from './concealed-formats.ts';

/** The part of Electron's clipboard this adapter uses (Electron 45's promise-based API). */
export type ClipboardPort = Pick<Clipboard, 'write' | 'readText' | 'clear'>;

/** Builds one clipboard entry from MIME types and payloads: Electron's `new ClipboardItem(...)`. */
export type ClipboardItemFactory = (items: Record<string, string | Blob>) => ClipboardItem;

/**
 * Copies tokens in main, marked as concealed for clipboard managers and history, and clears them after the
 * configured time, or on quit, only if the clipboard still holds our copy (never someone else's later copy).
 */
export class ElectronTokenClipboard implements TokenClipboard {
  private readonly clipboard: ClipboardPort;
  private readonly makeItem: ClipboardItemFactory;
  private readonly platform: NodeJS.Platform;
  private clearAfterMs: number;
  private last: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(clipboard: ClipboardPort, makeItem: ClipboardItemFactory, options: { clearAfterMs?: number; platform?: NodeJS.Platform } = {}) {
    this.clipboard = clipboard;
    this.makeItem = makeItem;
    this.clearAfterMs = options.clearAfterMs ?? 60_000;
    this.platform = options.platform ?? process.platform;
  }

  /** Changes the clear time for the next copies (from the settings). */
  setClearAfter(ms: number): void {
    this.clearAfterMs = ms;
  }

  async copySecret(text: string): Promise<void> {
    const extra = Object.entries(concealedFormats(this.platform)).map(([type, value]) => [type, typeof value === 'string' ? value : new Blob([new Uint8Array(value)])]);
    await this.clipboard.write([this.makeItem({ 'text/plain': text, ...Object.fromEntries(extra) })]);
    this.last = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.clearIfOurs(), this.clearAfterMs);
    this.timer.unref?.();
  }

  /** Clears the clipboard if it still holds the last copied token (also called on quit). */
  async clearIfOurs(): Promise<void> {
    clearTimeout(this.timer);
    const ours = this.last;
    this.last = undefined;
    if (ours !== undefined && (await this.clipboard.readText()) === ours) this.clipboard.clear();
  }
}
