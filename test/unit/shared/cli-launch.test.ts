import { describe, expect, it } from 'vitest';
import { cliArgsFromLauncher } from '../../../main/shared/cli-launch.ts';

describe('cliArgsFromLauncher: the app binary serving ctm', () => {
  it("takes everything after the launcher's `--ctm-cli --`, switch-like arguments included", () => {
    expect(
      cliArgsFromLauncher(['/opt/app/cognito-token-manager', '--ctm-cli', '--', 'token', 'dev', '--format', 'header']),
    ).toEqual(['token', 'dev', '--format', 'header']);
    expect(cliArgsFromLauncher(['/opt/app/cognito-token-manager', '--ctm-cli', '--'])).toEqual([]);
    // A development run: electron <app folder> --ctm-cli -- ...
    expect(cliArgsFromLauncher(['electron', '.', '--ctm-cli', '--', '--help'])).toEqual(['--help']);
    expect(
      cliArgsFromLauncher(['electron', '--no-sandbox', '.', '--ctm-cli', '--', 'status', '--ctm-cli', '--']),
    ).toEqual(['status', '--ctm-cli', '--']);
  });

  it('starts the app for anything else: no switch, no separator, or the switch as an argument after a `--`', () => {
    expect(cliArgsFromLauncher(['/opt/app/cognito-token-manager'])).toBeUndefined();
    expect(cliArgsFromLauncher(['/opt/app/cognito-token-manager', '--ctm-cli', 'token'])).toBeUndefined();
    expect(cliArgsFromLauncher(['/opt/app/cognito-token-manager', '--', 'x', '--ctm-cli', '--'])).toBeUndefined();
  });
});
