import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../main/core/settings/app-settings.ts';
import { SettingsStore } from '../../../../main/core/settings/settings-store.ts';

const fresh = () => new SettingsStore(mkdtempSync(join(tmpdir(), 'ctm-settings-')));

describe('SettingsStore (settings.json next to profiles.json)', () => {
  it('starts with the defaults: the clipboard is cleared after 60 s', async () => {
    expect(await fresh().get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.clipboardClearSeconds).toBe(60);
  });

  it('stores changes in a versioned file and tells listeners', async () => {
    const store = fresh();
    const heard: number[] = [];
    store.onChange((s) => heard.push(s.clipboardClearSeconds));
    await store.update({ clipboardClearSeconds: 30, globalShortcut: 'CommandOrControl+Shift+T' });
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({ version: 1, settings: { ...DEFAULT_SETTINGS, clipboardClearSeconds: 30, globalShortcut: 'CommandOrControl+Shift+T' } });
    expect(await store.get()).toMatchObject({ clipboardClearSeconds: 30 });
    expect(heard).toEqual([30]);
  });

  it('refuses bad values with a message per field, leaving the file as it was', async () => {
    const store = fresh();
    await expect(store.update({ clipboardClearSeconds: 1, globalShortcut: 'hello' })).rejects.toThrow(/at least 5 seconds; global shortcut: expected modifiers and a key/);
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a broken file as the defaults, and refuses to overwrite a newer one', async () => {
    const store = fresh();
    writeFileSync(store.path, '{ not json');
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    writeFileSync(store.path, JSON.stringify({ version: 9, settings: {} }));
    await expect(store.update({ startAtLogin: true })).rejects.toThrow(/newer version/);
  });
});
