import { spawn } from 'node:child_process';

/** The command that opens a URL in the person's browser: $BROWSER first, else the platform's opener. */
export interface BrowserCommand {
  command: string;
  args: string[];
}

/** Splits one command line into words, honouring single and double quotes (no other shell syntax). */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else word = (word ?? '') + char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + char;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * How to open `url`. $BROWSER follows the convention of xdg-utils and Python's webbrowser: a ":"-separated list
 * of commands, of which the first is used; "%s" in it stands for the URL, else the URL is appended. Without it:
 * xdg-open, macOS's open, or Windows' URL handler (rundll32, which, unlike "cmd /c start", does not parse "&").
 */
export function browserCommand(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): BrowserCommand {
  const first = (env.BROWSER ?? '').split(':').find((entry) => entry.trim() !== '');
  if (first) {
    const words = splitCommand(first);
    const withUrl = words.some((word) => word.includes('%s'))
      ? words.map((word) => word.replaceAll('%s', url))
      : [...words, url];
    const [command = '', ...args] = withUrl;
    return { command, args };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Starts the browser without waiting for it; resolves false when the command could not be started. */
export function openBrowser(command: BrowserCommand): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command.command, command.args, { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
