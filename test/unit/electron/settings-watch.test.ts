import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../main/core/settings/app-settings.ts';
import { SettingsStore } from '../../../main/core/settings/settings-store.ts';
import { watchSettingsFile, type SettingsWatch } from '../../../main/electron/settings-watch.ts';

const file = (settings: Record<string, unknown>): string => JSON.stringify({ version: 1, settings });

describe('settings.json written by another process while the app runs (real files, real fs.watch)', () => {
  let watching: SettingsWatch | undefined;
  afterEach(() => watching?.close());

  /** Watches a fresh folder's settings.json; every version heard and every one ignored (with why) is kept, in order. */
  function watched() {
    const dir = mkdtempSync(join(tmpdir(), 'ctm-settings-watch-'));
    const heard: AppSettings[] = [];
    const ignored: string[] = [];
    const path = join(dir, 'settings.json');
    watching = watchSettingsFile(
      path,
      (settings) => void heard.push(settings),
      20,
      (why) => void ignored.push(why),
    );
    /** Writes the file and waits until the watch has read it (heard or ignored), so no two writes are read as one. */
    const write = async (content: string | Buffer): Promise<void> => {
      const seen = heard.length + ignored.length;
      writeFileSync(path, content);
      await expect.poll(() => heard.length + ignored.length).toBeGreaterThan(seen);
    };
    return { dir, heard, ignored, path, write };
  }

  it('hears what `ctm settings` writes (the same store, another instance: an atomic replace of the file)', async () => {
    const { dir, heard } = watched();
    await new SettingsStore(dir).update({ globalShortcut: 'Alt+F9' });
    await expect.poll(() => heard.at(-1)?.globalShortcut).toBe('Alt+F9');
  });

  it('a hand edit with a mistake changes nothing and stays where it is; its fix is heard', async () => {
    const { dir, heard, ignored, write } = watched();
    await write(file({ globalShortcut: 'Alt+F9' }));
    await write('{ "version": 1, "settings": { "globalShortcut": "Alt+F10", } }');
    await write(file({ clipboardClearSeconds: 1 }));
    await write(file({ globalShortcut: 'Alt+F10' }));
    expect(heard.map((s) => s.globalShortcut)).toEqual(['Alt+F9', 'Alt+F10']);
    expect(ignored).toEqual([expect.stringMatching(/line 1/), expect.stringMatching(/clipboard clear time/)]);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('a hostile file (a __proto__ key, a profile id that is a path, binary) is ignored, never moved or applied', async () => {
    const { dir, heard, ignored, write } = watched();
    await write('{"version":1,"settings":{"__proto__":{"globalShortcut":"Alt+F1"}}}');
    await write(file({ defaultProfileId: '../../etc/passwd' }));
    await write(Buffer.from([0xff, 0x00, 0xfe]));
    expect(heard).toEqual([]);
    expect(ignored).toHaveLength(3);
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(({} as Record<string, unknown>).globalShortcut).toBeUndefined();
  });

  it('a removed settings.json means the defaults', async () => {
    const { heard, ignored, path, write } = watched();
    await write(file({ globalShortcut: 'Alt+F9' }));
    rmSync(path);
    await expect.poll(() => heard.length).toBe(2);
    expect(heard[1]).toEqual(DEFAULT_SETTINGS);
    expect(ignored).toEqual([]);
    expect(existsSync(path)).toBe(false);
  });

  it('a folder that cannot be watched (gone) watches nothing and does not throw', () => {
    expect(() => watchSettingsFile('/nonexistent/ctm/settings.json', () => undefined).close()).not.toThrow();
  });
});
