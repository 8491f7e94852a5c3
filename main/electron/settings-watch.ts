import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { DEFAULT_SETTINGS, type AppSettings } from '../core/settings/app-settings.ts';
import { parseSettingsFile } from '../core/settings/settings-file.ts';
import { decodeText } from '../core/profiles/profile-store.ts';

/** A watch that can be stopped. */
export interface SettingsWatch {
  close(): void;
}

/**
 * Hears settings.json written by another process (`ctm settings`, `ctm profile default`, a hand edit) and hands over
 * each version that parses, once the file has been quiet for `quietMs`. Its folder is watched, since writes replace
 * the file (atomic rename). A file that does not parse (an edit half done, a mistake) changes nothing and is left
 * where it is: the app keeps what it applied (the store reports the mistake at the next start); a removed file means
 * the defaults. Nothing is watched where the platform cannot (Node's fs.watch: "not 100% consistent across platforms").
 */
export function watchSettingsFile(
  path: string,
  onSettings: (settings: AppSettings) => void,
  quietMs = 200,
  onIgnored: (why: string) => void = () => undefined,
): SettingsWatch {
  let timer: NodeJS.Timeout | undefined;
  const read = async (): Promise<void> => {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') onSettings({ ...DEFAULT_SETTINGS });
      else onIgnored(`settings.json could not be read (${code ?? 'read failed'})`);
      return;
    }
    let settings: AppSettings;
    try {
      settings = parseSettingsFile(decodeText(bytes));
    } catch (error) {
      onIgnored(`${basename(path)}: ${error instanceof Error ? error.message : 'not valid'}`);
      return;
    }
    onSettings(settings);
  };
  try {
    // The file name may be missing on some platforms (Node's fs.watch "filename argument"): then any change counts.
    const watcher = watch(dirname(path), { persistent: false }, (_event, name) => {
      if (name && name !== basename(path)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void read(), quietMs);
    });
    watcher.on('error', () => watcher.close());
    return { close: () => (clearTimeout(timer), watcher.close()) };
  } catch {
    return { close: () => undefined };
  }
}
