import type { TokenClipboard } from '../../main/ipc/handlers.ts';

/** Stand-in for Electron's clipboard (Electron cannot run here): records what main copied. */
export class RecordingClipboard implements TokenClipboard {
  readonly copies: string[] = [];
  async copySecret(text: string): Promise<void> {
    this.copies.push(text);
  }
}
