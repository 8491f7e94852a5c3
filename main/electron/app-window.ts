import { bringBack, keepInTray, type CloseBehaviour, type TrayKeptWindow } from './main-window.ts';

/** The app's window as the app drives it (Electron's BrowserWindow, or the stand-in in tests). */
export interface PageWindow extends TrayKeptWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  loadFile(path: string): Promise<void>;
  webContents: {
    send(channel: string, ...args: unknown[]): void;
    isLoading(): boolean;
    once(event: 'did-finish-load', listener: () => void): unknown;
  };
}

/** What the window needs: how to create it (hardened options, mainWindowOptions), its page, and where close sends it. */
export interface AppWindowParts<W extends PageWindow> {
  create: () => W;
  page: string;
  closeBehaviour: CloseBehaviour;
}

/**
 * The one window: created on first use and again after it was destroyed, brought back otherwise; closing it hides it
 * to the tray (or minimises it) until the app quits. Requests to its page (open a sign-in, the quick-copy palette)
 * wait for the page to load.
 */
export class AppWindow<W extends PageWindow> {
  private readonly parts: AppWindowParts<W>;
  private window: W | undefined;
  private quitting = false;

  constructor(parts: AppWindowParts<W>) {
    this.parts = parts;
  }

  /** From 'before-quit' on, closing the window closes it (the app is going). */
  followQuit(app: { on(event: 'before-quit', listener: () => void): unknown }): void {
    app.on('before-quit', () => {
      this.quitting = true;
    });
  }

  /** Shows the window, creating it if there is none. */
  show(): W {
    if (!this.window || this.window.isDestroyed()) {
      const window = this.parts.create();
      this.window = window;
      keepInTray(window, () => this.quitting, this.parts.closeBehaviour);
      void window.loadFile(this.parts.page);
      return window;
    }
    bringBack(this.window);
    return this.window;
  }

  /** Sends to the page if there is a window (nothing otherwise: a page created later asks for what it needs). */
  send(channel: string, ...args: unknown[]): void {
    if (this.window && !this.window.isDestroyed()) this.window.webContents.send(channel, ...args);
  }

  /** Shows the window and asks its page: a freshly created page hears it once loaded, an open one now. */
  ask(channel: string, ...args: unknown[]): void {
    const shown = this.show();
    if (shown.webContents.isLoading()) shown.webContents.once('did-finish-load', () => this.send(channel, ...args));
    else this.send(channel, ...args);
  }
}
