import { describe, expect, it } from 'vitest';
import { clipboardTools, type ToolProbe } from '../../../main/clipboard/clipboard-tools.ts';
import { parseTokenRequest } from '../../../main/cli/commands/token-request.ts';
import { clipClearCommand } from '../../../main/cli/commands/clip-clear-command.ts';
import { cachedToken } from '../../../main/cli/cached-token.ts';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { CtmError } from '../../../main/core/errors.ts';
import { Readable, Writable } from 'node:stream';

// macOS and Windows cannot run here: these check the command lines and scripts ctm would run there.
const probe = (over: Partial<ToolProbe>): ToolProbe => ({
  platform: 'linux',
  env: {},
  hasCommand: () => true,
  wlCopyIsSensitive: () => false,
  ...over,
});
const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

describe('clipboardTools: the programs --clip runs per platform (the copied text goes on stdin, never in arguments)', () => {
  it('Windows: PowerShell in STA with a DataObject kept out of history, the cloud clipboard and monitors', () => {
    const tools = clipboardTools(probe({ platform: 'win32' }));
    expect(tools.copy.command).toBe('powershell.exe');
    expect(tools.copy.args.slice(0, 4)).toEqual(['-NoProfile', '-NonInteractive', '-STA', '-Command']);
    const script = tools.copy.args[4] ?? '';
    expect(script).toContain('[Console]::In.ReadToEnd()');
    expect(script).toContain('New-Object System.Windows.Forms.DataObject');
    for (const format of [
      'ExcludeClipboardContentFromMonitorProcessing',
      'CanIncludeInClipboardHistory',
      'CanUploadToCloudClipboard',
    ])
      expect(script).toContain(`'${format}'`);
    expect(script).toContain('[byte[]](0, 0, 0, 0)');
    expect(script).toContain('[System.Windows.Forms.Clipboard]::SetDataObject($data, $true)');
    expect(tools.read.args[4]).toContain('Clipboard]::GetText()');
    expect(tools.clear.args[4]).toContain('Clipboard]::Clear()');
    expect(tools.concealed).toBe(true);
  });

  it('macOS: JXA writes the text with org.nspasteboard.ConcealedType beside it, reading the text from stdin', () => {
    const tools = clipboardTools(probe({ platform: 'darwin' }));
    expect(tools.copy.command).toBe('osascript');
    expect(tools.copy.args.slice(0, 3)).toEqual(['-l', 'JavaScript', '-e']);
    const script = tools.copy.args[3] ?? '';
    expect(script).toContain('fileHandleWithStandardInput.readDataToEndOfFile');
    expect(script).toContain("setStringForType(text, 'public.utf8-plain-text')");
    expect(script).toContain("setStringForType('', 'org.nspasteboard.ConcealedType')");
    expect(tools.read).toEqual({ command: 'pbpaste', args: [] });
    expect(tools.clear.args[3]).toContain('generalPasteboard.clearContents');
  });

  it('Wayland: wl-copy, with --sensitive (x-kde-passwordManagerHint) only where wl-copy has it', () => {
    const sensitive = clipboardTools(
      probe({ env: { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, wlCopyIsSensitive: () => true }),
    );
    expect(sensitive).toMatchObject({
      copy: { command: 'wl-copy', args: ['--sensitive'] },
      read: { command: 'wl-paste', args: ['--no-newline'] },
      clear: { command: 'wl-copy', args: ['--clear'] },
      concealed: true,
    });
    const older = clipboardTools(probe({ env: { WAYLAND_DISPLAY: 'wayland-0' } }));
    expect(older).toMatchObject({ copy: { command: 'wl-copy', args: [] }, concealed: false });
  });

  it('X11: xclip on the CLIPBOARD selection, text only (one target per process), also on Wayland without wl-clipboard', () => {
    expect(clipboardTools(probe({ env: { DISPLAY: ':0' } }))).toMatchObject({
      copy: { command: 'xclip', args: ['-selection', 'clipboard', '-in'] },
      concealed: false,
    });
    const xwayland = clipboardTools(
      probe({ env: { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, hasCommand: (c) => c === 'xclip' }),
    );
    expect(xwayland.copy.command).toBe('xclip');
  });

  it('names what to install, as a not-found error (exit 2), when no tool or no session is there', () => {
    const failure = (over: Partial<ToolProbe>): CtmError => {
      try {
        clipboardTools(probe({ hasCommand: () => false, ...over }));
      } catch (error) {
        return error as CtmError;
      }
      throw new Error('expected an error');
    };
    expect(failure({ env: { WAYLAND_DISPLAY: 'wayland-0' } })).toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('apt-get install wl-clipboard'),
    });
    expect(failure({ env: { DISPLAY: ':1' } })).toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('apt-get install xclip'),
    });
    expect(failure({ env: {} }).message).toContain('needs a graphical session');
  });
});

describe('ctm token --clip: parsing, the cached path and the clearer', () => {
  it('parses --clip, and the cached path leaves it to the full CLI', async () => {
    expect(parseTokenRequest(['dev', '--clip']).clip).toBe(true);
    expect(parseTokenRequest(['dev']).clip).toBe(false);
    const terminal = { stdin: Readable.from([]), stdout: sink(), stderr: sink() };
    expect(await cachedToken(['token', 'dev', '--clip'], terminal, { CTM_CONFIG_DIR: '/nonexistent' })).toBeUndefined();
  });

  it('the clearer refuses anything but a delay, and a SHA-256 and an id on stdin,, before touching the clipboard', async () => {
    const run = (args: string[], stdin: string): Promise<number> =>
      clipClearCommand(args, { stdin: Readable.from([stdin]), stdout: sink(), stderr: sink() }, {});
    expect(await run(['5'], 'not-a-fingerprint')).toBe(EXIT.usage);
    expect(await run(['soon'], `${'a'.repeat(64)}\nid\n`)).toBe(EXIT.usage);
    expect(await run(['5'], 'a'.repeat(64))).toBe(EXIT.usage);
  });
});
