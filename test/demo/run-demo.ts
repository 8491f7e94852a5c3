// `npm run demo`: a Cognito emulator with a seeded pool, demo profiles in a temporary config folder (a user's
// real profiles are never touched), and the app opened on them; where Electron cannot start, the `ctm`
// commands that show the same things. Runs until Ctrl-C, then removes everything it created.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from '../support/emulator/index.ts';
import { launchApp } from './demo-app.ts';
import { demoKeychain } from './demo-keychain.ts';
import { demoCommands, envBlock } from './demo-guide.ts';
import { DEMO_CLIENT_SECRET, DEMO_POOL, DEMO_PROFILES } from './demo-profiles.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'out/main/cli.cjs');
const say = (line = ''): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, 'no-app': { type: 'boolean' } } });
  if (!existsSync(cli))
    throw new Error('out/main/cli.cjs is missing: run "npm run demo" (it builds first) or "npm run build".');
  const configDir = mkdtempSync(join(tmpdir(), 'ctm-demo-'));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(configDir, { recursive: true, force: true })];
  const stop = async (code: number): Promise<never> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  try {
    const keychain = await demoKeychain(cli);
    cleanups.push(() => keychain.stop());
    const emulator = await startEmulator({ seed: join(root, 'test/demo/demo-seed.json'), port: Number(values.port) });
    cleanups.push(() => emulator.close());
    const env = { CTM_CONFIG_DIR: configDir, ...keychain.env };
    // Profiles go through the same Core the app uses, with this process pointed at the demo's config and keychain.
    Object.assign(process.env, env);
    const { Core } = await import('../../main/core/core.ts');
    const { KeytarSecretStore } = await import('../../main/core/keychain/keytar-secret-store.ts');
    const core = new Core({ configDir, secretStore: new KeytarSecretStore() });
    cleanups.push(async () => {
      for (const profile of await core.listProfiles()) await core.removeProfile(profile.id);
    });
    // A token agent serving the demo's folder (`ctm agent start` typed from the printed commands, or the app's) would be
    // left serving a deleted folder: stop it, through that folder's own socket, so no other agent (the user's own, on
    // their real config folder) is ever asked to stop.
    cleanups.push(async () => void stopFolderAgent(configDir));
    for (const p of DEMO_PROFILES) {
      const fields = {
        name: p.name,
        region: 'us-east-1',
        userPoolId: DEMO_POOL,
        clientId: p.clientId,
        username: p.username,
        authFlow: p.authFlow,
        endpoint: emulator.endpoint,
      };
      await core.addProfile(fields, p.confidential ? DEMO_CLIENT_SECRET : undefined);
    }
    say('Cognito Token Manager demo');
    say(
      `Emulator: ${emulator.endpoint} (pool ${DEMO_POOL}; access and ID tokens live 2 minutes, so renewal is visible)`,
    );
    say(`Config folder: ${configDir} (temporary; your own profiles are not touched)`);
    say(`Keychain: ${keychain.description}`);
    say();
    say('Profiles (user / password):');
    for (const p of DEMO_PROFILES) say(`  ${p.name.padEnd(18)} ${p.username} / ${p.password}  ${p.shows}`);
    say();
    const app = values['no-app']
      ? { started: false as const, reason: '--no-app was given' }
      : launchApp(root, env, () => say('The app closed; the emulator keeps running until Ctrl-C.'));
    if (app.started) {
      say('Opened the app on the demo profiles. Sign in from its window or tray.');
      cleanups.push(async () => void app.child.kill());
    } else {
      say(`The app cannot start here: ${app.reason}. These ctm commands show the same things:`);
    }
    say();
    say('In another terminal, set up the environment:');
    for (const line of envBlock(cli, env)) say(`  ${line}`);
    say('Then try:');
    for (const line of demoCommands(join(root, 'test/demo/totp-code.ts'))) say(`  ${line}`);
    say();
    say(
      'Ready. Press Ctrl-C to stop the demo (it removes the demo profiles, their keychain entries and the emulator).',
    );
  } catch (error) {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    await stop(1);
  }
}

/** Asks the agent of `configDir` (if one answers on its socket) to stop, and waits until it has. */
function stopFolderAgent(configDir: string): void {
  spawnSync(process.execPath, [cli, 'agent', 'stop'], {
    env: { ...process.env, CTM_CONFIG_DIR: configDir },
    stdio: 'ignore',
    timeout: 15_000,
  });
}

void main();
