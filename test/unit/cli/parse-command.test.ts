import { describe, expect, it } from 'vitest';
import { EXEC_SPEC } from '../../../main/cli/spec/commands/exec-spec.ts';
import { LOGIN_SPEC } from '../../../main/cli/spec/commands/login-spec.ts';
import {
  PROFILE_ADD_SPEC,
  PROFILE_EDIT_SPEC,
  PROFILE_EXPORT_SPEC,
} from '../../../main/cli/spec/commands/profile-specs.ts';
import { TOKEN_SPEC } from '../../../main/cli/spec/commands/token-spec.ts';
import { AGENT_START_SPEC } from '../../../main/cli/spec/commands/agent-specs.ts';
import { editDistance, nearest } from '../../../main/cli/spec/nearest.ts';
import { parseCommand } from '../../../main/cli/spec/parse-command.ts';

const parse = parseCommand;
const message = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a usage error');
};

describe("parseCommand: flags from the spec, with ctm's own messages", () => {
  it('parses switches, values (both spellings), repeats and arguments', () => {
    expect(
      parse(LOGIN_SPEC, ['dev', '--username', 'alice', '--mfa-code=1', '--mfa-code', '2', '--remember-device']),
    ).toEqual({
      values: { username: 'alice', 'mfa-code': ['1', '2'], 'remember-device': true },
      args: ['dev'],
      passThrough: [],
    });
  });

  it('suggests the nearest flag for an unknown one, and names the command', () => {
    expect(message(() => parse(TOKEN_SPEC, ['dev', '--formt', 'json']))).toBe(
      'Unknown flag --formt. Did you mean --format? See: ctm token --help',
    );
    expect(message(() => parse(TOKEN_SPEC, ['--min']))).toMatch(/Did you mean --min-ttl\?/);
    expect(message(() => parse(TOKEN_SPEC, ['--zzzzzz']))).toBe('Unknown flag --zzzzzz. See: ctm token --help');
    expect(message(() => parse(TOKEN_SPEC, ['-x']))).toMatch(/^Unknown flag -x\./);
  });

  it('names a flag whose value is missing, and does not take the next flag as its value', () => {
    expect(message(() => parse(TOKEN_SPEC, ['dev', '--min-ttl']))).toBe(
      '--min-ttl needs a value (SECONDS). See: ctm token --help',
    );
    expect(message(() => parse(LOGIN_SPEC, ['dev', '--username', '--password-stdin']))).toMatch(
      /^--username needs a value \(USER\), but "--password-stdin" is another flag; if the value starts with a dash, write --username=VALUE/,
    );
    // A value that only looks like a flag is a value (Node's parser called this ambiguous).
    expect(parse(TOKEN_SPEC, ['--min-ttl', '-5'])).toMatchObject({ values: { 'min-ttl': '-5' } });
  });

  it("matches fixed values in any case and hands on the spec's spelling; a wrong one lists them and suggests", () => {
    expect(parse(PROFILE_ADD_SPEC, ['x', '--auth-flow', 'managed_login'])).toMatchObject({
      values: { 'auth-flow': 'MANAGED_LOGIN' },
    });
    expect(parse(PROFILE_ADD_SPEC, ['x', '--refresh-method', 'AUTO'])).toMatchObject({
      values: { 'refresh-method': 'auto' },
    });
    expect(message(() => parse(TOKEN_SPEC, ['--format', 'jsno']))).toBe(
      '--format takes raw, header, env, powershell, fish, json, curl (got "jsno"). Did you mean json? See: ctm token --help',
    );
    expect(message(() => parse(PROFILE_ADD_SPEC, ['x', '--auth-flow', 'admin_no_srp_auth']))).toMatch(
      /^--auth-flow ADMIN_NO_SRP_AUTH: Cognito replaced it with ADMIN_USER_PASSWORD_AUTH/,
    );
    expect(parse(PROFILE_EDIT_SPEC, ['x', '--preferred-challenge', ''])).toMatchObject({
      values: { 'preferred-challenge': '' },
    });
    expect(message(() => parse(TOKEN_SPEC, ['--type', '']))).toMatch(/--type takes access, id \(got ""\)/);
  });

  it('takes --no- only for a negatable switch, and no value for a switch', () => {
    expect(parse(LOGIN_SPEC, ['dev', '--no-browser'])).toMatchObject({ values: { browser: false } });
    expect(parse(PROFILE_ADD_SPEC, ['x', '--no-fips'])).toMatchObject({ values: { fips: false } });
    expect(message(() => parse(TOKEN_SPEC, ['--no-json']))).toMatch(/^Unknown flag --no-json\. Did you mean --json\?/);
    expect(message(() => parse(TOKEN_SPEC, ['--json=yes']))).toBe(
      '--json takes no value (got "--json=yes"). See: ctm token --help',
    );
  });

  it('checks the number of arguments against the spec', () => {
    expect(message(() => parse(TOKEN_SPEC, ['dev', 'prod']))).toBe(
      'Unexpected argument "prod": ctm token takes [NAME]. See: ctm token --help',
    );
    expect(message(() => parse(LOGIN_SPEC, []))).toBe('Missing profile name (NAME). See: ctm login --help');
    expect(parse(PROFILE_EXPORT_SPEC, ['a', 'b', 'c', '-o', 'f'])).toMatchObject({
      args: ['a', 'b', 'c'],
      values: { output: 'f' },
    });
    expect(parse(AGENT_START_SPEC, ['-q'])).toMatchObject({ values: { quiet: true } });
  });

  it('hands on what follows -- to a pass-through command only, and lets --help win before it', () => {
    expect(parse(EXEC_SPEC, ['dev', '--type', 'id', '--', 'sh', '--help'])).toEqual({
      values: { type: 'id' },
      args: ['dev'],
      passThrough: ['sh', '--help'],
    });
    expect(parse(EXEC_SPEC, ['dev', '--bogus', '--help'])).toEqual({ help: true });
    expect(parse(TOKEN_SPEC, ['-h'])).toEqual({ help: true });
  });
});

describe('nearest', () => {
  it('finds a typo or an unambiguous start, and nothing that is merely different', () => {
    expect(editDistance('fromat', 'format')).toBe(1);
    expect(nearest('--fromat', ['--format', '--json'])).toBe('--format');
    expect(nearest('tok', ['token', 'login'])).toBe('token');
    expect(nearest('st', ['status', 'start'])).toBeUndefined();
    expect(nearest('banana', ['token', 'login'])).toBeUndefined();
  });
});
