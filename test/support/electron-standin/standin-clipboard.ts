/** A stand-in for one Electron ClipboardItem (Electron cannot run here): the MIME types and payloads it was built with. */
export class StandInClipboardItem {
  readonly items: Record<string, string | Blob>;
  readonly types: string[];
  constructor(items: Record<string, string | Blob>) {
    this.items = items;
    this.types = Object.keys(items);
  }
}

/** A stand-in for Electron's promise-based clipboard: keeps the last write, and lets a test copy "from another app". */
export class StandInClipboard {
  written: StandInClipboardItem[] = [];
  text = '';
  clears = 0;

  async write(items: StandInClipboardItem[]): Promise<void> {
    this.written = items;
    const plain = items[0]?.items['text/plain'];
    this.text = typeof plain === 'string' ? plain : '';
  }

  async readText(): Promise<string> {
    return this.text;
  }

  clear(): void {
    this.clears += 1;
    this.written = [];
    this.text = '';
  }

  /** What another application copying text would do. */
  copyFromAnotherApp(text: string): void {
    this.written = [new StandInClipboardItem({ 'text/plain': text })];
    this.text = text;
  }
}
