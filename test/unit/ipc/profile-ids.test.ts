import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CognitoTransport } from '../../../main/core/cognito/transport.ts';
import { Core } from '../../../main/core/core.ts';
import { createApi, createIpcHandlers } from '../../../main/ipc/handlers.ts';
import { MemorySecretStore } from '../../support/fakes/memory-secret-store.ts';

/** A core on an in-memory keychain whose transport records every request (none may be sent here). */
function setup() {
  const sent: string[] = [];
  const transport: CognitoTransport = {
    async post(url) {
      sent.push(url);
      throw new Error('no request may be sent');
    },
  };
  const core = new Core({
    configDir: mkdtempSync(join(tmpdir(), 'ctm-ipc-ids-')),
    secretStore: new MemorySecretStore(),
    transport,
  });
  const copies: string[] = [];
  const handlers = createIpcHandlers(createApi(core, { copySecret: async (text) => void copies.push(text) }));
  return { core, handlers, sent, copies };
}

const fields = { name: 'dev', region: 'us-east-1', userPoolId: 'us-east-1_Abc', clientId: 'client1' };

describe('the window names profiles by id only (in-memory keychain, no network)', () => {
  it('refuses a profile name where the contract takes an id, before any request or copy', async () => {
    const { core, handlers, sent, copies } = setup();
    await core.addProfile(fields);
    const byName = [
      await handlers.signIn('dev', { username: 'alice', password: 'pw' }),
      await handlers.refreshNow('dev'),
      await handlers.copyToken('dev', 'access', 'raw'),
      await handlers.copyEndpointSecret('dev'),
      await handlers.removeProfile('dev'),
    ];
    for (const answer of byName) expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(sent).toEqual([]);
    expect(copies).toEqual([]);
    expect((await core.listProfiles()).map((p) => p.name)).toEqual(['dev']);
  });

  it('acts on the profile its id names', async () => {
    const { core, handlers } = setup();
    const dev = await core.addProfile(fields);
    expect(await handlers.endpointCredentials(dev.id)).toMatchObject({ ok: true, value: { clientId: 'dev' } });
    expect(await handlers.removeProfile(dev.id)).toEqual({ ok: true, value: undefined });
    expect(await core.listProfiles()).toEqual([]);
  });
});
