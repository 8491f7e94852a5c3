import { describe, expect, it } from 'vitest';
import { browserCommand, splitCommand } from '../../../main/cli/browser-opener.ts';

const URL_ = 'https://a.example/oauth2/authorize?x=1&y=2';

describe('which browser ctm login opens', () => {
  it('splits $BROWSER like a command line, quotes included', () => {
    expect(splitCommand(`"/opt/My Browser/bin" --new-window 'a b'`)).toEqual([
      '/opt/My Browser/bin',
      '--new-window',
      'a b',
    ]);
  });

  it('uses the first entry of $BROWSER, appending the URL or putting it where %s is', () => {
    expect(browserCommand(URL_, { BROWSER: 'firefox -P work:chromium' }, 'linux')).toEqual({
      command: 'firefox',
      args: ['-P', 'work', URL_],
    });
    expect(browserCommand(URL_, { BROWSER: 'w3m %s -o x' }, 'linux')).toEqual({
      command: 'w3m',
      args: [URL_, '-o', 'x'],
    });
  });

  it('falls back to the platform opener', () => {
    expect(browserCommand(URL_, {}, 'linux')).toEqual({ command: 'xdg-open', args: [URL_] });
    expect(browserCommand(URL_, { BROWSER: '' }, 'darwin')).toEqual({ command: 'open', args: [URL_] });
    expect(browserCommand(URL_, {}, 'win32')).toEqual({
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', URL_],
    });
  });
});
