import type { TokenClipboard } from '../../main/ipc/handlers.ts';

/** Stand-in for Electron's clipboard (Electron cannot run here): records what main copied. */
export class RecordingClipboard implements TokenClipboard {
  readonly copies: string[] = [];
  async copySecret(text: string): Promise<void> {
    this.copies.push(text);
  }
  /** How many times main was asked to clear the clipboard ("Clear now"). */
  cleared = 0;
  async clearIfOurs(): Promise<void> {
    this.cleared += 1;
  }
}
