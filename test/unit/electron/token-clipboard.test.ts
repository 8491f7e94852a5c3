import type { ClipboardItem } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { concealedFormats, osFormat } from '../../../main/electron/concealed-formats.ts';
import { ElectronTokenClipboard, type ClipboardPort } from '../../../main/electron/token-clipboard.ts';
import { StandInClipboard, StandInClipboardItem } from '../../support/electron-standin/standin-clipboard.ts';

function adapter(platform: NodeJS.Platform, clearAfterMs = 60_000) {
  const clipboard = new StandInClipboard();
  const tokens = new ElectronTokenClipboard(clipboard as unknown as ClipboardPort, (items) => new StandInClipboardItem(items) as unknown as ClipboardItem, { platform, clearAfterMs });
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
    expect(osFormat('x-kde-passwordManagerHint')).toBe('electron application/osclipboard;format="x-kde-passwordManagerHint"');
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
    for (const name of ['ExcludeClipboardContentFromMonitorProcessing', 'CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard']) {
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
