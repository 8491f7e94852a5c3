import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../main/core/settings/app-settings.ts';
import { readValidatedJson } from '../../../../main/core/profiles/validated-marker.ts';
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
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({
      version: 1,
      settings: { ...DEFAULT_SETTINGS, clipboardClearSeconds: 30, globalShortcut: 'CommandOrControl+Shift+T' },
    });
    expect(await store.get()).toMatchObject({ clipboardClearSeconds: 30 });
    expect(heard).toEqual([30]);
  });

  it('refuses bad values with a message per field, leaving the file as it was', async () => {
    const store = fresh();
    await expect(store.update({ clipboardClearSeconds: 1, globalShortcut: 'hello' })).rejects.toThrow(
      /at least 5 seconds; global shortcut: expected modifiers and a key/,
    );
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a broken file as the defaults, and refuses to overwrite a newer one', async () => {
    const store = fresh();
    writeFileSync(store.path, '{ not json');
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    writeFileSync(store.path, JSON.stringify({ version: 9, settings: {} }));
    await expect(store.update({ startAtLogin: true })).rejects.toThrow(/newer version/);
  });

  it('reads a hand edit as profiles.json is read: the settings given, the rest defaults', async () => {
    const store = fresh();
    writeFileSync(store.path, '{ "version": 1, "settings": { "clipboardClearSeconds": 20 } }');
    expect(await store.read()).toEqual({ settings: { ...DEFAULT_SETTINGS, clipboardClearSeconds: 20 }, keep: false });
  });

  it.each([
    [
      'a JSON syntax error, by line and column',
      '{\n  "version": 1,\n  "settings": { "clipboardClearSeconds": 20, }\n}',
      /settings\.json line 3 column 46: .*\(not valid JSON\)\. Fix it in a text editor \(it was left as it is/,
    ],
    [
      'a value out of range, by its path',
      '{ "version": 1, "settings": { "clipboardClearSeconds": 1 } }',
      /settings\.json settings\.clipboardClearSeconds: clipboard clear time: at least 5 seconds\. Fix it/,
    ],
    [
      'a setting that does not exist',
      '{ "version": 1, "settings": { "clipboardSeconds": 30 } }',
      /settings: Unrecognized key: "clipboardSeconds" \(known: clipboardClearSeconds, startAtLogin/,
    ],
    [
      'the settings outside "settings"',
      '{ "clipboardClearSeconds": 30 }',
      /expected \{"version": 1, "settings": \{"clipboardClearSeconds": 60, \.\.\.\}\}/,
    ],
  ])('reports %s, leaves the file in place and refuses to write over it', async (_what, text, problem) => {
    const store = fresh();
    writeFileSync(store.path, text);
    const reading = await store.read();
    expect(reading).toMatchObject({ settings: DEFAULT_SETTINGS, keep: true });
    expect(reading.problem).toMatch(problem);
    await expect(store.update({ startAtLogin: true })).rejects.toThrow(problem);
    expect(readFileSync(store.path, 'utf8')).toBe(text);
  });

  it('moves aside only a file no editor can repair (empty, binary), saying where', async () => {
    const store = fresh();
    writeFileSync(store.path, Buffer.from([0, 1, 2, 255]));
    const reading = await store.read();
    expect(reading.problem).toMatch(
      /settings\.json was unreadable \(it is not UTF-8 text\); it was moved to .*settings\.json\.broken-/,
    );
    expect(existsSync(store.path)).toBe(false);
    expect(readdirSync(join(store.path, '..')).some((name) => name.startsWith('settings.json.broken-'))).toBe(true);
    expect(await store.update({ clipboardClearSeconds: 30 })).toMatchObject({ clipboardClearSeconds: 30 });
  });

  it('vouches (settings.json.validated) only for a text it accepted, read or written: the cached ctm token trusts that', async () => {
    const store = fresh();
    const id = '6f1c2d3e-4b5a-4789-8abc-def012345678';
    await store.update({ defaultProfileId: id });
    expect(await readValidatedJson(store.path)).toEqual({
      version: 1,
      settings: { ...DEFAULT_SETTINGS, defaultProfileId: id },
    });
    const handEdited = `{"version":1,"settings":{"defaultProfileId":"${id}"}}`;
    writeFileSync(store.path, handEdited);
    expect(await readValidatedJson(store.path)).toBeUndefined();
    await store.read();
    expect(await readValidatedJson(store.path)).toEqual(JSON.parse(handEdited));
    for (const refused of [
      `{"version":1,"settings":{"defaultProfileId":"${id}",}}`,
      `{"version":1,"settings":{"defaultProfileId":"${id}","clipboardClearSeconds":1}}`,
      `{"version":2,"settings":{"defaultProfileId":"${id}"}}`,
    ]) {
      writeFileSync(store.path, refused);
      await store.read();
      expect(await readValidatedJson(store.path), refused).toBeUndefined();
    }
  });
});
