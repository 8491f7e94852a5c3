import { describe, expect, it } from 'vitest';
import { privateFolderProblem } from '../../../../main/core/agent/agent-trust.ts';
import { describeAccount } from '../../../../main/core/agent/local-account.ts';

// Pure rule on stat fields; the real second-account cases are in test/integration/security/planted-agent.test.ts.
describe("privateFolderProblem: the one rule for the agent's folder, applied by the agent and by ctm", () => {
  it('accepts a folder of this account that no one else can open', () => {
    expect(privateFolderProblem('/f', { uid: 1000, mode: 0o40700 }, 1000)).toBeUndefined();
  });

  it('names the account that owns a folder that is not ours, rather than suggesting chmod', () => {
    expect(privateFolderProblem('/f', { uid: 0, mode: 0o40700 }, 1000)).toBe(
      `the config folder /f belongs to account ${describeAccount(0)}, not to you (${describeAccount(1000)}); use a folder of your own (set CTM_CONFIG_DIR)`,
    );
    expect(describeAccount(0)).toBe('root (uid 0)');
  });

  it('tells a folder others can change from one they can only open', () => {
    expect(privateFolderProblem('/f', { uid: 1000, mode: 0o40777 }, 1000)).toBe(
      "the config folder /f can be changed by other accounts; run: chmod 700 '/f'",
    );
    expect(privateFolderProblem('/f', { uid: 1000, mode: 0o40755 }, 1000)).toBe(
      "the config folder /f can be opened by other accounts; run: chmod 700 '/f'",
    );
  });
});
