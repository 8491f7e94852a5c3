import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core.ts';
import { createApi, createIpcHandlers } from '../../../main/ipc/handlers.ts';
import { SIGN_IN_ENDED } from '../../../main/ipc/contract.ts';
import { MemorySecretStore } from '../../support/fakes/memory-secret-store.ts';

describe('the window reads error codes, not words (in-memory keychain, no network)', () => {
  it('an answer to a sign-in that is over comes back with the code sign-in-ended, its message kept', async () => {
    const core = new Core({
      configDir: mkdtempSync(join(tmpdir(), 'ctm-ended-')),
      secretStore: new MemorySecretStore(),
    });
    const handlers = createIpcHandlers(createApi(core, { copySecret: async () => undefined }));
    const answer = await handlers.answerChallenge('no-such-conversation', { code: '123456' });
    expect(answer).toEqual({
      ok: false,
      error: { code: SIGN_IN_ENDED, message: 'This sign-in has expired or is already finished; start it again.' },
    });
  });

  it('other failures keep their kind as the code', async () => {
    const core = new Core({
      configDir: mkdtempSync(join(tmpdir(), 'ctm-ended-')),
      secretStore: new MemorySecretStore(),
    });
    const handlers = createIpcHandlers(createApi(core, { copySecret: async () => undefined }));
    expect(await handlers.refreshNow('no-such-profile')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
