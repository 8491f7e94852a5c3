// The app's settings, declared once: main/core/settings/app-settings.ts validates them with a schema typed by this
// interface, and the window reads and changes them through the IPC contract (as SettingsView).

/** App settings (never a secret): how long copied tokens stay, start at login, the global shortcuts and their profile. */
export interface AppSettings {
  /** Seconds after which a copied token is cleared from the clipboard (if it is still there). */
  clipboardClearSeconds: number;
  startAtLogin: boolean;
  /** An Electron accelerator ("CommandOrControl+Shift+T") that copies the default profile's access token, or "" for none. */
  globalShortcut: string;
  /** The profile the global shortcut copies from, or "" for none. */
  defaultProfileId: string;
  /** An accelerator that opens the quick-copy palette from anywhere (as 1Password's Quick Access), or "" for none. */
  quickCopyShortcut: string;
}
