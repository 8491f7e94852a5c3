import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS, COMMANDS, SUBCOMMANDS } from '../../../main/cli/completion/completion-spec.ts';
import { runCli } from '../../../main/cli/run-cli.ts';
import type { Terminal } from '../../../main/cli/terminal.ts';
import { PassThrough } from 'node:stream';

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (out += d.toString()));
  const terminal: Terminal = { stdin: new PassThrough(), stdout, stderr };
  const code = await runCli(argv, () => {
    throw new Error('help must not build the core');
  }, terminal);
  return { code, out };
}

describe('completion spec matches what each command accepts and documents (no drift)', () => {
  it.each(Object.entries(COMMAND_SPECS))('ctm %s accepts every flag completion offers', async (command, spec) => {
    for (const [flag, value] of Object.entries(spec.flags)) {
      const args = [...command.split(' '), `--${flag}`, ...(value === 'switch' ? [] : ['x']), '--help'];
      const result = await run(args);
      expect({ flag, ...result }).toMatchObject({ flag, code: 0 });
    }
  });

  it.each(Object.keys(COMMAND_SPECS))('completion offers every flag the help of ctm %s shows', async (command) => {
    const { out } = await run([...command.split(' '), '--help']);
    const documented = new Set([...out.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1] ?? ''));
    documented.delete('help');
    for (const flag of documented) expect(Object.keys(COMMAND_SPECS[command]?.flags ?? {}), `--${flag}`).toContain(flag);
  });

  it('lists every command of the overview and every subcommand (profile, agent)', async () => {
    const { out } = await run(['--help']);
    const listed = new Set([...out.matchAll(/^(?:Usage:)?\s+ctm ([a-z][\w-]*)/gm)].map((m) => m[1]));
    for (const command of listed) expect(COMMANDS as readonly (string | undefined)[]).toContain(command);
    for (const [command, subs] of Object.entries(SUBCOMMANDS)) for (const sub of subs) expect(COMMAND_SPECS[`${command} ${sub}`]).toBeDefined();
  });
});
