import type { ClipboardItem } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clipboardRoute, WAYLAND_NEEDS_WL_CLIPBOARD } from '../../../main/electron/clipboard-route.ts';
import { concealedFormats, osFormat } from '../../../main/electron/concealed-formats.ts';
import { ElectronTokenClipboard, type ClipboardPort } from '../../../main/electron/token-clipboard.ts';
import { StandInClipboard, StandInClipboardItem } from '../../support/electron-standin/standin-clipboard.ts';

function adapter(platform: NodeJS.Platform, clearAfterMs = 60_000) {
  const clipboard = new StandInClipboard();
  const tokens = new ElectronTokenClipboard(
    clipboard as unknown as ClipboardPort,
    (items) => new StandInClipboardItem(items) as unknown as ClipboardItem,
    { platform, clearAfterMs },
  );
  return { clipboard, tokens };
}

describe('ElectronTokenClipboard with a stand-in clipboard (Electron stood in) and a fake clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the token as text/plain, marked concealed for Linux clipboard managers', async () => {
    const { clipboard, tokens } = adapter('linux');
    await tokens.copySecret('token-1');
    const [item] = clipboard.written;
    expect(item?.items['text/plain']).toBe('token-1');
    expect(item?.items[osFormat('x-kde-passwordManagerHint')]).toBe('secret');
    expect(osFormat('x-kde-passwordManagerHint')).toBe(
      'electron application/osclipboard;format="x-kde-passwordManagerHint"',
    );
  });

  it('marks copies concealed on macOS (org.nspasteboard.ConcealedType)', async () => {
    const { clipboard, tokens } = adapter('darwin');
    await tokens.copySecret('token-1');
    expect(clipboard.written[0]?.types).toEqual(['text/plain', osFormat('org.nspasteboard.ConcealedType')]);
  });

  it('keeps copies out of Windows clipboard history, cloud clipboard and monitors (DWORD 0)', async () => {
    const { clipboard, tokens } = adapter('win32');
    await tokens.copySecret('token-1');
    const item = clipboard.written[0]!;
    for (const name of [
      'ExcludeClipboardContentFromMonitorProcessing',
      'CanIncludeInClipboardHistory',
      'CanUploadToCloudClipboard',
    ]) {
      const payload = item.items[osFormat(name)];
      expect(payload).toBeInstanceOf(Blob);
      expect([...new Uint8Array(await (payload as Blob).arrayBuffer())]).toEqual([0, 0, 0, 0]);
    }
    expect(Object.keys(concealedFormats('win32'))).toHaveLength(3);
  });

  it('clears the clipboard after the configured time while it still holds our copy', async () => {
    const { clipboard, tokens } = adapter('linux', 30_000);
    await tokens.copySecret('token-1');
    await vi.advanceTimersByTimeAsync(29_000);
    expect(clipboard.text).toBe('token-1');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(clipboard.text).toBe('');
    expect(clipboard.clears).toBe(1);
  });

  it('leaves a later copy of another application alone', async () => {
    const { clipboard, tokens } = adapter('linux');
    await tokens.copySecret('token-1');
    clipboard.copyFromAnotherApp('my notes');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard.text).toBe('my notes');
    expect(clipboard.clears).toBe(0);
  });

  it('clears on quit (clearIfOurs), and only once', async () => {
    const { clipboard, tokens } = adapter('linux');
    await tokens.copySecret('token-1');
    await tokens.clearIfOurs();
    expect(clipboard.text).toBe('');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard.clears).toBe(1);
  });

  it('uses a changed clear time for the next copy, and restarts the timer on each copy', async () => {
    const { clipboard, tokens } = adapter('linux');
    tokens.setClearAfter(10_000);
    await tokens.copySecret('token-1');
    await vi.advanceTimersByTimeAsync(8_000);
    await tokens.copySecret('token-2');
    await vi.advanceTimersByTimeAsync(8_000);
    expect(clipboard.text).toBe('token-2');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(clipboard.text).toBe('');
  });
});

describe('ElectronTokenClipboard on a Wayland session, stand-in clipboard that drops writes without a focused window (Electron stood in)', () => {
  const wayland = (focused: { now: boolean }) => {
    const clipboard = new StandInClipboard({ wayland: true, focused: () => focused.now });
    const make = (items: Record<string, string | Blob>) => new StandInClipboardItem(items) as unknown as ClipboardItem;
    return { clipboard, make };
  };

  it("the stand-in plays the fault: an unfocused write is dropped while readText() answers Chromium's cached copy", async () => {
    const focused = { now: false };
    const { clipboard, make } = wayland(focused);
    clipboard.copyFromAnotherApp('notes');
    await clipboard.write([make({ 'text/plain': 'token-1' }) as unknown as StandInClipboardItem]);
    expect(clipboard.text).toBe('notes');
    expect(await clipboard.readText()).toBe('token-1');
  });

  it('without wl-clipboard: a copy with no focused window says it cannot land and writes nothing; from the focused window it copies', async () => {
    const focused = { now: false };
    const { clipboard, make } = wayland(focused);
    clipboard.copyFromAnotherApp('notes');
    const tokens = new ElectronTokenClipboard(clipboard as unknown as ClipboardPort, make, {
      platform: 'linux',
      route: clipboardRoute('linux', { WAYLAND_DISPLAY: 'wayland-0' }, () => {
        throw new Error('no wl-copy');
      }),
      hasFocusedWindow: () => focused.now,
    });
    await expect(tokens.copySecret('token-1')).rejects.toThrow(WAYLAND_NEEDS_WL_CLIPBOARD);
    expect(clipboard.text).toBe('notes');
    focused.now = true;
    await tokens.copySecret('token-1');
    expect(clipboard.text).toBe('token-1');
  });

  it('the Electron route checks the copy landed (a clipboard that keeps the old text is an error, not "copied")', async () => {
    const stuck = { write: async () => undefined, readText: async () => 'old', clear: () => undefined };
    const tokens = new ElectronTokenClipboard(
      stuck as unknown as ClipboardPort,
      (items) => new StandInClipboardItem(items) as unknown as ClipboardItem,
      { platform: 'linux' },
    );
    await expect(tokens.copySecret('token-1')).rejects.toThrow(/did not take the copy/);
  });

  it('picks wl-copy on Wayland (never xclip through XWayland), Electron elsewhere', () => {
    const seen: NodeJS.ProcessEnv[] = [];
    const tools = (env: NodeJS.ProcessEnv) => (
      seen.push(env),
      {
        copy: { command: 'wl-copy', args: [] },
        read: { command: 'wl-paste', args: [] },
        clear: { command: 'wl-copy', args: ['--clear'] },
        concealed: true,
      }
    );
    expect(clipboardRoute('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, tools).kind).toBe('tools');
    expect(seen[0]?.DISPLAY).toBe('');
    expect(clipboardRoute('linux', { DISPLAY: ':0' }, tools).kind).toBe('electron');
    expect(clipboardRoute('darwin', { WAYLAND_DISPLAY: 'x' }, tools).kind).toBe('electron');
  });
});
