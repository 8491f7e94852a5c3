import { runCtm } from './run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, TEST_POOL } from './seeds-inline.ts';

/**
 * Adds profile `name` for alice on the skeleton seed's public client (USER_PASSWORD_AUTH, at `endpoint`) and signs it
 * in, through `ctm` as a user would; throws with ctm's stderr when either step fails.
 */
export async function addSignedInAlice(name: string, endpoint: string, env: Record<string, string>): Promise<void> {
  const flags = ['--user-pool-id', TEST_POOL, '--client-id', PUBLIC_CLIENT, '--username', 'alice'];
  const flow = ['--auth-flow', 'USER_PASSWORD_AUTH', '--endpoint', endpoint];
  const add = await runCtm(['profile', 'add', name, ...flags, ...flow], env);
  if (add.code !== 0) throw new Error(`ctm profile add ${name} failed: ${add.stderr}`);
  const login = await runCtm(['login', name, '--password-stdin'], env, `${ALICE_PASSWORD}\n`);
  if (login.code !== 0) throw new Error(`ctm login ${name} failed: ${login.stderr}`);
}

/** The fields of profile `name` for alice on the skeleton seed's public client (USER_PASSWORD_AUTH), at `endpoint` (AWS's when none), for Core.addProfile. */
export function aliceProfile(name: string, endpoint?: string): Record<string, unknown> {
  return {
    name,
    region: 'us-east-1',
    userPoolId: TEST_POOL,
    clientId: PUBLIC_CLIENT,
    username: 'alice',
    authFlow: 'USER_PASSWORD_AUTH',
    ...(endpoint ? { endpoint } : {}),
  };
}
