import { describe, expect, it } from 'vitest';
import { selfInvocation } from '../../../main/cli/self-invocation.ts';

describe('selfInvocation: starting this same ctm again (clipboard clearer, background agent)', () => {
  it('from npm: node with its own flags and the ctm script', () => {
    expect(selfInvocation(['agent', 'run'], ['/usr/bin/node', '/usr/lib/node_modules/ctm/out/main/cli.cjs', 'agent', 'start'], ['--no-warnings'], '/usr/bin/node'))
      .toEqual({ command: '/usr/bin/node', args: ['--no-warnings', '/usr/lib/node_modules/ctm/out/main/cli.cjs', 'agent', 'run'] });
  });

  it("from the installed app: the app's binary in command-line mode, never the app itself", () => {
    const app = '/opt/Cognito Token Manager/cognito-token-manager';
    expect(selfInvocation(['__clip-clear', '60'], [app, '--ctm-cli', '--', 'token', 'dev', '--clip'], [], app)).toEqual({ command: app, args: ['--ctm-cli', '--', '__clip-clear', '60'] });
    // A development run keeps the app folder argument before the switch.
    expect(selfInvocation(['agent', 'run'], ['electron', '.', '--ctm-cli', '--', 'agent', 'start'], [], '/x/electron')).toEqual({ command: '/x/electron', args: ['.', '--ctm-cli', '--', 'agent', 'run'] });
  });

  it('is undefined without a script to run', () => {
    expect(selfInvocation(['agent', 'run'], ['/usr/bin/node'], [], '/usr/bin/node')).toBeUndefined();
  });
});
