import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli.ts';
import type { Terminal } from '../../../main/cli/terminal.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { totpCode } from '../../support/emulator/index.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { flowsSeed, mainPool, PASSWORD } from './flows-seed.ts';

/** A terminal stood in by streams that say they are a TTY; `reply` answers each new prompt seen on stderr. */
function scriptedTty(reply: (prompt: string, shown: string) => string | undefined): Terminal & { shown: () => string } {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let shown = '';
  stderr.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    const answer = reply(chunk.toString(), shown);
    if (answer !== undefined) setImmediate(() => stdin.write(`${answer}\n`));
  });
  return { stdin, stdout, stderr, shown: () => shown };
}

describe.skipIf(!HAS_KEYRING)(
  'ctm login prompts on a terminal (terminal stood in by TTY-flagged streams; emulator, real keyring)',
  () => {
    let app: AppFixture;
    beforeAll(async () => {
      app = await startAppFixture(flowsSeed());
    });
    afterAll(async () => app?.close());

    it('MFA_SETUP: prompts for the password, prints the TOTP secret, otpauth URI and a QR code, then asks for the first code', async () => {
      await app.core.addProfile(mainPool(app.emulator.endpoint, { name: 'setup', username: 'setupuser' }));
      const terminal = scriptedTty((prompt, shown) => {
        if (prompt.startsWith('Password:')) return PASSWORD;
        const secret = /secret: ([A-Z2-7]+)/.exec(shown)?.[1];
        if (prompt.startsWith('First code') && secret) return totpCode(secret, app.emulator.now());
        return undefined;
      });
      const code = await runCli(['login', 'setup'], () => app.core, terminal);
      expect(terminal.shown()).toMatch(
        /secret: [A-Z2-7]{16,}\n {2}URI: {4}otpauth:\/\/totp\/Cognito%20setup:setupuser\?secret=/,
      );
      expect(terminal.shown()).toMatch(/[\u2580\u2584\u2588]/);
      expect(code).toBe(0);
    });

    it('a custom challenge shows its parameters and asks for each answer; a mistyped TOTP code is asked for again', async () => {
      await app.core.addProfile(
        mainPool(app.emulator.endpoint, { name: 'quiz', username: 'quizuser', authFlow: 'CUSTOM_AUTH' }),
      );
      await app.core.addProfile(mainPool(app.emulator.endpoint, { name: 'totp', username: 'totpuser' }));
      const quiz = scriptedTty((prompt, shown) =>
        prompt.startsWith('Answer') && shown.includes('question: 2+2?') ? '4' : undefined,
      );
      expect(await runCli(['login', 'quiz'], () => app.core, quiz)).toBe(0);
      expect(quiz.shown()).toMatch(/custom challenge:\n {2}question: 2\+2\?\nAnswer/);
      let tries = 0;
      const totp = scriptedTty((prompt) => {
        if (prompt.startsWith('Password:')) return PASSWORD;
        if (prompt.startsWith('Code from your authenticator app'))
          return ++tries === 1 ? 'nope12' : totpCode('JBSWY3DPEHPK3PXP', app.emulator.now());
        return undefined;
      });
      expect(await runCli(['login', 'totp'], () => app.core, totp)).toBe(0);
      expect(totp.shown()).toMatch(/CodeMismatchException/);
      expect(tries).toBe(2);
    });
  },
);
