import type { Clipboard } from 'electron';
import type { TokenClipboard } from '../ipc/handlers.ts';

/** Copies tokens with Electron's clipboard and clears them after `clearAfterMs`, only if the clipboard still holds our copy. */
export class ElectronTokenClipboard implements TokenClipboard {
  private readonly clipboard: Clipboard;
  private readonly clearAfterMs: number;
  private last: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(clipboard: Clipboard, clearAfterMs = 60_000) {
    this.clipboard = clipboard;
    this.clearAfterMs = clearAfterMs;
  }

  async copySecret(text: string): Promise<void> {
    await this.clipboard.writeText(text);
    this.last = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.clearIfOurs(), this.clearAfterMs);
  }

  /** Clears the clipboard if it still holds the last copied token (also called on quit). */
  async clearIfOurs(): Promise<void> {
    clearTimeout(this.timer);
    const ours = this.last;
    this.last = undefined;
    if (ours !== undefined && (await this.clipboard.readText()) === ours) this.clipboard.clear();
  }
}
