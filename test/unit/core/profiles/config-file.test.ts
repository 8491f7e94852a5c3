import { newProfileId } from '../../../../main/core/profiles/profile-id.ts';
import { describe, expect, it } from 'vitest';
import {
  parseConfigFile,
  parseConfigFileInSlices,
  serializeConfigFile,
  UnreadableConfigError,
} from '../../../../main/core/profiles/config-file.ts';
import type { Profile } from '../../../../main/core/profiles/profile.ts';

const many = (count: number): Profile[] =>
  Array.from({ length: count }, (_, i) => ({
    id: newProfileId(),
    name: `p${i}`,
    region: 'us-east-1',
    userPoolId: 'us-east-1_Abc',
    clientId: 'c1',
    hasClientSecret: false,
    authFlow: 'USER_PASSWORD_AUTH',
    refreshMethod: 'REFRESH_TOKEN_AUTH',
    autoRefresh: true,
  }));

describe('parseConfigFileInSlices (the event-loop friendly parse the store uses)', () => {
  it('reads 1,000 profiles exactly as the one-pass parse does', async () => {
    const text = serializeConfigFile(many(1000));
    expect(await parseConfigFileInSlices(text)).toEqual(parseConfigFile(text));
  });

  it('refuses a hand-broken profile deep in the list, saying which one', async () => {
    const profiles = many(300);
    const text = serializeConfigFile(profiles).replace(`"name": "p250"`, `"name": "bad name!"`);
    await expect(parseConfigFileInSlices(text)).rejects.toThrow(UnreadableConfigError);
    await expect(parseConfigFileInSlices(text)).rejects.toThrow(/profiles\.250\.name/);
  });

  it('migrates a version-0 file and refuses duplicates and unknown top-level fields, like the one-pass parse', async () => {
    const [a] = many(1);
    expect((await parseConfigFileInSlices(JSON.stringify([a]))).profiles).toEqual([{ ...a, refreshMethod: 'auto' }]);
    await expect(
      parseConfigFileInSlices(JSON.stringify({ version: 1, profiles: [a, { ...a, id: newProfileId() }] })),
    ).rejects.toThrow(/two profiles are named/);
    await expect(parseConfigFileInSlices(JSON.stringify({ version: 1, profiles: [], extra: 1 }))).rejects.toThrow(
      UnreadableConfigError,
    );
  });

  it('moves 0.1.0 profiles off the REFRESH_TOKEN_AUTH it wrote as the default (rotation clients refuse it), keeping other choices', async () => {
    const [a, b, c] = many(3) as [Profile, Profile, Profile];
    const v1 = JSON.stringify({
      version: 1,
      profiles: [a, { ...b, refreshMethod: 'GetTokensFromRefreshToken' }, { ...c, refreshMethod: 'REFRESH_TOKEN' }],
    });
    for (const parsed of [parseConfigFile(v1), await parseConfigFileInSlices(v1)]) {
      expect(parsed.version).toBe(2);
      expect(parsed.profiles.map((p) => p.refreshMethod)).toEqual([
        'auto',
        'GetTokensFromRefreshToken',
        'REFRESH_TOKEN',
      ]);
    }
    // A choice made with this version is kept as it is.
    expect(parseConfigFile(serializeConfigFile([a])).profiles[0]?.refreshMethod).toBe('REFRESH_TOKEN_AUTH');
  });
});
