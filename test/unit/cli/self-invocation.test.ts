import { describe, expect, it } from 'vitest';
import { selfEnvironment, selfInvocation } from '../../../main/cli/self-invocation.ts';

describe('selfInvocation: starting this same ctm again (clipboard clearer, background agent)', () => {
  it('from npm: node with its own flags and the ctm script', () => {
    expect(
      selfInvocation(
        ['agent', 'run'],
        ['/usr/bin/node', '/usr/lib/node_modules/ctm/out/main/cli.cjs', 'agent', 'start'],
        ['--no-warnings'],
        '/usr/bin/node',
      ),
    ).toEqual({
      command: '/usr/bin/node',
      args: ['--no-warnings', '/usr/lib/node_modules/ctm/out/main/cli.cjs', 'agent', 'run'],
    });
  });

  it("from the installed app: the app's binary in command-line mode, never the app itself", () => {
    const app = '/opt/Cognito Token Manager/cognito-token-manager';
    expect(selfInvocation(['__clip-clear', '60'], [app, '--ctm-cli', '--', 'token', 'dev', '--clip'], [], app)).toEqual(
      { command: app, args: ['--ctm-cli', '--', '__clip-clear', '60'] },
    );
    // A development run keeps the app folder argument before the switch.
    expect(
      selfInvocation(['agent', 'run'], ['electron', '.', '--ctm-cli', '--', 'agent', 'start'], [], '/x/electron'),
    ).toEqual({ command: '/x/electron', args: ['.', '--ctm-cli', '--', 'agent', 'run'] });
  });

  it('is undefined without a script to run', () => {
    expect(selfInvocation(['agent', 'run'], ['/usr/bin/node'], [], '/usr/bin/node')).toBeUndefined();
  });
});

describe('selfEnvironment: what a self-invocation starts with', () => {
  it('leaves out the tokens of a surrounding ctm exec, and keeps the rest', () => {
    const env = {
      PATH: '/bin',
      CTM_ACCESS_TOKEN: 'a',
      CTM_ID_TOKEN: 'i',
      CTM_AUTHORIZATION: 'Bearer a',
      CTM_ACCESS_TOKEN_EXPIRES_AT: 'x',
      CTM_PROFILE: 'dev',
      CTM_CONFIG_DIR: '/c',
    };
    expect(selfEnvironment(env)).toEqual({ PATH: '/bin', CTM_PROFILE: 'dev', CTM_CONFIG_DIR: '/c' });
    expect(env.CTM_ACCESS_TOKEN).toBe('a'); // its own environment is not changed
  });
});
