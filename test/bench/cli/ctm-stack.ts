// A signed-in `ctm` profile on the real keyring and the emulator, for timing `ctm token` as a user runs it.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startEmulator, type Emulator } from '../../support/emulator/index.ts';
import { startKeyringSession, type KeyringSession } from '../../support/keyring-session.ts';
import { CTM } from '../../support/run-ctm.ts';
import { awsSkeletonSeed, IDENTITY_POOL } from '../../support/aws-seed.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, TEST_POOL } from '../../support/seeds-inline.ts';
import { failureLine, timeProcess } from './timed-process.ts';

/** The running pieces and the environment a `ctm` child needs to use them. */
export interface CtmStack {
  emulator: Emulator;
  keyring: KeyringSession;
  /** The `ctm` bin to time: a copy of the built out/main/cli.cjs and its bundle, so a rebuild meanwhile cannot pull it away. */
  ctm: string;
  /** Environment for `node <ctm>` (private D-Bus/keyring, temporary CTM_CONFIG_DIR). */
  env: Record<string, string>;
  profile: string;
  clientId: string;
  username: string;
  password: string;
  close(): Promise<void>;
}

/** Starts a keyring and the emulator (tokens live an hour), adds a USER_PASSWORD_AUTH profile with an identity pool, signs it in with `ctm login`, caches its AWS credentials and starts `ctm agent`. */
export async function startCtmStack(): Promise<CtmStack> {
  const ctm = snapshotCtm();
  const keyring = await startKeyringSession();
  const emulator = await startEmulator({ seed: awsSkeletonSeed(3600) });
  const configDir = mkdtempSync(join(tmpdir(), 'ctm-bench-config-'));
  const env = { ...keyring.env, CTM_CONFIG_DIR: configDir };
  const close = async (): Promise<void> => {
    await timeProcess(process.execPath, [ctm, 'agent', 'stop'], env);
    await emulator.close();
    await keyring.stop();
    rmSync(configDir, { recursive: true, force: true });
    rmSync(dirname(ctm), { recursive: true, force: true });
  };
  const profile = 'bench';
  const steps: [string[], string][] = [
    [
      [
        'profile',
        'add',
        profile,
        '--region',
        'us-east-1',
        '--user-pool-id',
        TEST_POOL,
        '--client-id',
        PUBLIC_CLIENT,
        '--username',
        'alice',
        '--auth-flow',
        'USER_PASSWORD_AUTH',
        '--endpoint',
        emulator.endpoint,
        '--identity-pool-id',
        IDENTITY_POOL,
      ],
      '',
    ],
    [['login', profile, '--password-stdin'], `${ALICE_PASSWORD}\n`],
    // The default profile, for the row of `ctm token` without NAME.
    [['profile', 'default', profile], ''],
    // The identity pool's credentials, cached for the `ctm aws-credentials` rows.
    [['aws-credentials', profile], ''],
    // The token agent the app runs while it is open (here `ctm agent start`): rows without it set CTM_NO_AGENT=1.
    [['agent', 'start'], ''],
  ];
  for (const [args, stdin] of steps) {
    const run = await timeProcess(process.execPath, [ctm, ...args], env, stdin);
    if (run.code !== 0) {
      await close();
      throw new Error(`setting up the ctm profile failed (ctm ${args[0]}): ${failureLine(run)}`);
    }
  }
  return {
    emulator,
    keyring,
    ctm,
    env,
    profile,
    clientId: PUBLIC_CLIENT,
    username: 'alice',
    password: ALICE_PASSWORD,
    close,
  };
}

/** Copies the built bin and its bundle under out/bench (inside the checkout, so `keytar` still resolves from node_modules). */
function snapshotCtm(): string {
  const built = dirname(CTM);
  if (!existsSync(join(built, 'cli-main.cjs')))
    throw new Error('out/main/cli-main.cjs is missing: run "npm run build" first (npm run bench does).');
  const parent = join(built, '../bench');
  mkdirSync(parent, { recursive: true });
  const copy = mkdtempSync(join(parent, 'ctm-'));
  for (const file of ['cli.cjs', 'cli-fast.cjs', 'cli-main.cjs']) copyFileSync(join(built, file), join(copy, file));
  return join(copy, 'cli.cjs');
}
