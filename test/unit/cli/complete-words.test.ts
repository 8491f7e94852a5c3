import { describe, expect, it } from 'vitest';
import { completeWords } from '../../../main/cli/completion/complete-words.ts';

const names = () => ['dev', 'prod', 'staging'];
const complete = (...words: string[]) => completeWords(words, names);

describe('completeWords (the one completion logic behind every shell)', () => {
  it('offers the commands, filtered by what is typed, and --help/--version for a dash', () => {
    expect(complete('')).toEqual([
      'login',
      'token',
      'exec',
      'aws-credentials',
      'inspect',
      'status',
      'logout',
      'profile',
      'settings',
      'agent',
      'endpoint',
      'proxy',
      'completion',
      'help',
    ]);
    expect(complete('lo')).toEqual(['login', 'logout']);
    expect(complete('--')).toEqual(['--help', '--version', '--debug']);
  });

  it('offers profile names where a command takes one, and only once', () => {
    expect(complete('token', '')).toEqual(['dev', 'prod', 'staging']);
    expect(complete('exec', 'p')).toEqual(['prod']);
    expect(complete('profile', 'edit', 's')).toEqual(['staging']);
    expect(complete('token', 'dev', '')).toEqual([]);
    expect(complete('token', '--type', 'id', '')).toEqual(['dev', 'prod', 'staging']);
    expect(complete('profile', 'export', 'dev', '')).toEqual(['prod', 'staging']);
  });

  it("offers a command's flags, and a flag's fixed values", () => {
    expect(complete('token', '--')).toEqual(['--type', '--min-ttl', '--format', '--json', '--clip', '--help']);
    expect(complete('token', '--format', '')).toEqual(['raw', 'header', 'env', 'powershell', 'fish', 'json', 'curl']);
    expect(complete('exec', 'dev', '--type', 'a')).toEqual(['access']);
    expect(complete('token', '--min-ttl', '')).toEqual([]);
    expect(complete('profile', 'add', 'x', '--au')).toEqual(
      ['--auth-flow', '--auto-refresh', '--no-auto-refresh'].filter((f) => f.startsWith('--au')),
    );
    expect(complete('profile', 'add', 'x', '--auth-flow', '')).toEqual([
      'USER_SRP_AUTH',
      'USER_PASSWORD_AUTH',
      'CUSTOM_AUTH',
      'USER_AUTH',
      'MANAGED_LOGIN',
      'CLIENT_CREDENTIALS',
      'ADMIN_USER_PASSWORD_AUTH',
    ]);
    expect(complete('profile', 'edit', 'dev', '--refresh-method', 'get')).toEqual(['GetTokensFromRefreshToken']);
    expect(complete('profile', 'add', 'x', '--preferred-challenge', 'PASSWORD')).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    expect(complete('login', 'dev', '--no')).toEqual(['--no-browser']);
    expect(complete('--debug', 'token', '--t')).toEqual(['--type']);
  });

  it('offers commands and subcommands after help', () => {
    expect(complete('help', 'to')).toEqual(['token']);
    expect(complete('help', 'profile', 'a')).toEqual(['add']);
    expect(complete('help', 'token', '')).toEqual([]);
  });

  it('offers subcommands of profile and agent and shells of completion, and leaves the command after exec -- to the shell', () => {
    expect(complete('profile', 'e')).toEqual(['edit', 'export']);
    expect(complete('agent', '')).toEqual(['start', 'stop', 'status', 'run']);
    expect(complete('agent', 'st')).toEqual(['start', 'stop', 'status']);
    expect(complete('agent', 'status', '--')).toEqual(['--json', '--help']);
    expect(complete('agent', 'start', '')).toEqual([]);
    expect(complete('agent', 'start', '--')).toEqual(['--quiet', '--help']);
    expect(complete('completion', '')).toEqual(['bash', 'zsh', 'fish', 'powershell']);
    expect(complete('exec', 'dev', '--', '')).toEqual([]);
    expect(complete('nope', '')).toEqual([]);
  });

  it('reads profile names only when one can come next', () => {
    let reads = 0;
    completeWords(['status', '--'], () => (reads++, []));
    completeWords(['token', '--format', ''], () => (reads++, []));
    expect(reads).toBe(0);
  });
});
