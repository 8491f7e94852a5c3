/** A stand-in for one Electron ClipboardItem (Electron cannot run here): the MIME types and payloads it was built with. */
export class StandInClipboardItem {
  readonly items: Record<string, string | Blob>;
  readonly types: string[];
  constructor(items: Record<string, string | Blob>) {
    this.items = items;
    this.types = Object.keys(items);
  }
}

/** Where the clipboard stand-in runs: a Wayland session drops some writes; `focused` says whether a window of the app has focus. */
export interface ClipboardSession {
  wayland: boolean;
  focused: () => boolean;
  record?: (api: string, ...args: unknown[]) => void;
}

/**
 * A stand-in for Electron's promise-based clipboard: keeps the system's clipboard (what another app would paste) and
 * lets a test copy "from another app". On a Wayland session Electron is a native Wayland client (Electron 38+,
 * electron/electron PR #48301), and the compositor takes a selection only from a client with keyboard focus: a write
 * made while none of the app's windows has focus is dropped, and readText() then answers Chromium's own cached copy,
 * not the system's clipboard (reported by apps that copy from a tray or a shortcut: TranscriptionSuite #174,
 * doctly/switchboard #54).
 */
export class StandInClipboard {
  written: StandInClipboardItem[] = [];
  /** What another application pasting now would get. */
  text = '';
  clears = 0;
  /** Writes the compositor dropped (Wayland, no focused window). */
  dropped = 0;
  private cached: string | undefined;
  private readonly session: ClipboardSession;

  constructor(session: ClipboardSession = { wayland: false, focused: () => true }) {
    this.session = session;
  }

  async write(items: StandInClipboardItem[]): Promise<void> {
    const plain = items[0]?.items['text/plain'];
    const text = typeof plain === 'string' ? plain : '';
    this.cached = text;
    if (this.session.wayland && !this.session.focused()) {
      this.dropped += 1;
      this.session.record?.('clipboard.write dropped (Wayland, no focused window)');
      return;
    }
    this.written = items;
    this.text = text;
  }

  async readText(): Promise<string> {
    return this.session.wayland && this.cached !== undefined ? this.cached : this.text;
  }

  clear(): void {
    this.clears += 1;
    this.cached = undefined;
    if (this.session.wayland && !this.session.focused()) return;
    this.written = [];
    this.text = '';
  }

  /** What another application copying text would do. */
  copyFromAnotherApp(text: string): void {
    this.written = [new StandInClipboardItem({ 'text/plain': text })];
    this.text = text;
  }
}
