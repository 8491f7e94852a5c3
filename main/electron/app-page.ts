import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether a URL is the app's own page: a file: URL naming the same file, compared as paths rather than strings,
 * since Chromium may report a URL that differs only in spelling (a lower-case drive letter, `%` escapes of
 * spaces or other characters, `.` segments) from the one the page was loaded with. Query and fragment are ignored.
 */
export function appPageMatcher(
  pagePath: string,
  platform: NodeJS.Platform = process.platform,
): (url: string) => boolean {
  const windows = platform === 'win32';
  const normal = (path: string): string => (windows ? win32.normalize(path).toLowerCase() : posix.normalize(path));
  const page = normal(pagePath);
  return (url: string): boolean => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
    parsed.search = '';
    parsed.hash = '';
    try {
      return normal(fileURLToPath(parsed, { windows })) === page;
    } catch {
      return false; // an encoded slash or a bad escape names no file of ours
    }
  };
}
