import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../../main/cli/command-table.ts';
import { EXIT, EXIT_CODE_MEANINGS } from '../../../main/cli/exit-codes.ts';
import { completeWords } from '../../../main/cli/completion/complete-words.ts';
import { runCli } from '../../../main/cli/run-cli.ts';
import { ALL_SPECS, GROUPS } from '../../../main/cli/spec/all-specs.ts';
import { OFFERED_AUTH_FLOWS, PROFILE_FIELD_FLAGS } from '../../../main/cli/spec/commands/profile-field-flags.ts';
import { commandHelp, flagLabel } from '../../../main/cli/spec/render-help.ts';
import type { Terminal } from '../../../main/cli/terminal.ts';
import { AUTH_FLOWS, REFRESH_METHODS, USER_AUTH_CHALLENGES } from '../../../main/core/profiles/profile.ts';
import { readmeWithTable } from '../../support/readme-commands.ts';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let [out, err] = ['', ''];
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const terminal: Terminal = { stdin: new PassThrough(), stdout, stderr };
  const code = await runCli(
    argv,
    () => {
      throw new Error('help must not build the core');
    },
    terminal,
  );
  return { code, stdout: out, stderr: err };
}

const shown = ALL_SPECS.filter((s) => !s.hidden);
const words = (spec: { name: string }): string[] => spec.name.split(' ');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('one spec per command: parser, help, completion, README and handlers cannot drift', () => {
  it('every spec has exactly one handler and every handler a listed spec (help is run-cli.ts itself)', () => {
    const handled = COMMAND_TABLE.map((c) => c.spec.name);
    expect(new Set(handled).size).toBe(handled.length);
    expect(handled.sort()).toEqual(
      shown
        .map((s) => s.name)
        .filter((n) => n !== 'help')
        .sort(),
    );
    for (const command of COMMAND_TABLE) expect(ALL_SPECS).toContain(command.spec);
  });

  it.each(shown.map((s) => [s.name, s] as const))(
    'ctm %s --help and ctm help %s print the spec: every flag, its values, an example, related commands',
    async (_name, spec) => {
      const viaFlag = await run([...words(spec), '--help']);
      expect(viaFlag).toMatchObject({ code: 0, stdout: commandHelp(spec), stderr: '' });
      expect((await run(['help', ...words(spec)])).stdout).toBe(viaFlag.stdout);
      for (const [name, flag] of Object.entries(spec.flags)) {
        expect(viaFlag.stdout).toContain(flagLabel(name, flag));
        expect(viaFlag.stdout).toContain(flag.description);
      }
      expect(spec.examples.length).toBeGreaterThan(0);
      for (const example of spec.examples)
        expect(example.run.startsWith('ctm ') || example.run.includes('ctm ')).toBe(true);
      for (const related of spec.related)
        expect(ALL_SPECS.some((s) => s.name === related) || Object.hasOwn(GROUPS, related), related).toBe(true);
    },
  );

  it.each(shown.map((s) => [s.name, s] as const))(
    'completion of ctm %s offers every flag, every --no- form and every fixed value',
    (_name, spec) => {
      const offered = completeWords([...words(spec), '--'], () => []);
      for (const [name, flag] of Object.entries(spec.flags)) {
        expect(offered).toContain(`--${name}`);
        if (flag.negatable) expect(offered).toContain(`--no-${name}`);
        if (flag.choices) expect(completeWords([...words(spec), `--${name}`, ''], () => [])).toEqual([...flag.choices]);
      }
      expect(offered.filter((w) => w !== '--help' && w !== '--').length).toBe(
        Object.values(spec.flags).reduce((n, f) => n + (f.negatable ? 2 : 1), 0),
      );
    },
  );

  it('the overview lists every command; group help lists its subcommands', async () => {
    const overview = await run(['--help']);
    for (const spec of shown)
      expect(overview.stdout).toMatch(
        new RegExp(`^ {2}${spec.name} +${spec.summary.replace(/[()|.?*+[\]]/g, '\\$&')}$`, 'm'),
      );
    for (const group of Object.keys(GROUPS)) {
      const help = await run([group, '--help']);
      for (const spec of shown.filter((s) => s.name.startsWith(`${group} `))) expect(help.stdout).toContain(spec.name);
    }
  });

  it('every exit code is explained in ctm --help and in the README', async () => {
    const overview = (await run(['--help'])).stdout;
    expect(EXIT_CODE_MEANINGS.map(([code]) => code).sort((a, b) => a - b)).toEqual(
      Object.values(EXIT).sort((a, b) => a - b),
    );
    const readme = readFileSync('README.md', 'utf8');
    for (const [code, meaning] of EXIT_CODE_MEANINGS) {
      expect(overview).toMatch(new RegExp(`^ {2}${code} +${meaning.replace(/[()']/g, '\\$&')}$`, 'm'));
      expect(readme).toMatch(new RegExp(`\`${code}\` `));
    }
  });

  it('the README command table is the one made from the specs (node test/support/readme-commands.ts rewrites it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readmeWithTable(readme)).toBe(readme);
  });

  it('every --flag that ctm names in a message or help text is a flag of some command', () => {
    const known = new Set([
      'help',
      'debug',
      'version',
      ...ALL_SPECS.flatMap((s) =>
        Object.entries(s.flags).flatMap(([n, f]) => [n, ...(f.negatable ? [`no-${n}`] : [])]),
      ),
    ]);
    const named = sourceFiles('main/cli')
      .concat(sourceFiles('main/core'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/['"`][^'"`\n]*?(?<![\w-])--([a-z][a-z-]*[a-z])(?![\w-])/g)].map(
          (m) => `${m[1] ?? ''} (${file})`,
        ),
      );
    // Flags of other programs that ctm's texts quote.
    const foreign = new Set([
      'sensitive',
      'no-newline',
      'clear',
      'session',
      'print-reply',
      'dest',
      'profile',
      'ecs-server',
    ]);
    const unknown = named.filter(
      (entry) => !known.has(entry.split(' ')[0] ?? '') && !foreign.has(entry.split(' ')[0] ?? ''),
    );
    expect(unknown).toEqual([]);
  });

  it("the profile flags' fixed values are the core's (auth flows without the refused administrator ones)", () => {
    const flow = PROFILE_FIELD_FLAGS['auth-flow'];
    expect([...OFFERED_AUTH_FLOWS, ...Object.keys(flow.refused)].sort()).toEqual([...AUTH_FLOWS].sort());
    expect(PROFILE_FIELD_FLAGS['refresh-method'].choices).toEqual(REFRESH_METHODS);
    expect(PROFILE_FIELD_FLAGS['preferred-challenge'].choices).toEqual(USER_AUTH_CHALLENGES);
  });
});
