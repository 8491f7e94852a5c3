/** Electron's name for a raw platform clipboard format written next to the text (see Electron's clipboard docs). */
export function osFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`;
}

/** A Windows clipboard DWORD of 0, as the clipboard-history and cloud-clipboard formats expect. */
const DWORD_ZERO = new Uint8Array([0, 0, 0, 0]);

/**
 * The extra formats that tell clipboard managers and history a copy is a secret, per platform:
 * Linux (KDE Klipper and others) `x-kde-passwordManagerHint: secret`; macOS `org.nspasteboard.ConcealedType`
 * (nspasteboard.org); Windows `ExcludeClipboardContentFromMonitorProcessing` plus `CanIncludeInClipboardHistory`
 * and `CanUploadToCloudClipboard` set to 0 (Microsoft's clipboard-history documentation).
 */
export function concealedFormats(platform: NodeJS.Platform): Record<string, string | Uint8Array> {
  switch (platform) {
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return { [osFormat('x-kde-passwordManagerHint')]: 'secret' };
    case 'darwin':
      return { [osFormat('org.nspasteboard.ConcealedType')]: '' };
    case 'win32':
      return {
        [osFormat('ExcludeClipboardContentFromMonitorProcessing')]: DWORD_ZERO,
        [osFormat('CanIncludeInClipboardHistory')]: DWORD_ZERO,
        [osFormat('CanUploadToCloudClipboard')]: DWORD_ZERO,
      };
    default:
      return {};
  }
}
