import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { NotFoundError } from '../../../../main/core/errors.ts';
import {
  newProfileId,
  profileIdFrom,
  profileRef,
  type ProfileId,
  type ProfileRef,
} from '../../../../main/core/profiles/profile-id.ts';
import { ProfileStore } from '../../../../main/core/profiles/profile-store.ts';

const fields = { name: 'dev', region: 'us-east-1', userPoolId: 'us-east-1_Abc', clientId: 'client1' };

describe('a profile id is not what a person typed (ProfileId, ProfileRef)', () => {
  it('keeps the two apart at compile time: neither a typed reference nor a plain string is an id (tsc)', () => {
    expectTypeOf<ProfileRef>().not.toExtend<ProfileId>();
    expectTypeOf<string>().not.toExtend<ProfileId>();
    expectTypeOf<ProfileId>().not.toExtend<ProfileRef>();
    expectTypeOf<ProfileId>().toExtend<string>();
  });

  it('the IPC edge takes an id and refuses a name, an empty string or path-like text as an unknown profile', () => {
    const id = newProfileId();
    expect(profileIdFrom(id)).toBe(id);
    for (const typed of ['dev', '', '../profiles.json', `${id} `])
      expect(() => profileIdFrom(typed)).toThrow(NotFoundError);
  });

  it('resolves what a person typed by name first, then by id; looks ids up by id only', async () => {
    const store = new ProfileStore(mkdtempSync(join(tmpdir(), 'ctm-profile-id-')));
    const dev = await store.add(fields);
    // A profile named as another's id: the name is what the person meant.
    const named = await store.add({ ...fields, name: dev.id });
    expect((await store.resolve(profileRef('dev'))).id).toBe(dev.id);
    expect((await store.resolve(profileRef(dev.id))).id).toBe(named.id);
    expect((await store.resolve(profileRef(named.id))).id).toBe(named.id);
    expect((await store.byId(dev.id)).name).toBe('dev');
    await expect(store.byId(profileIdFrom(newProfileId()))).rejects.toThrow(NotFoundError);
    await expect(store.resolve(profileRef('nope'))).rejects.toThrow(/No profile named "nope"/);
  });
});
