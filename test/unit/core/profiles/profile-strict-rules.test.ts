import { newProfileId } from '../../../../main/core/profiles/profile-id.ts';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProfileFields, type Profile } from '../../../../main/core/profiles/profile.ts';
import { ProfileStore } from '../../../../main/core/profiles/profile-store.ts';
import { COGNITO_USER_POOL_REGIONS } from '../../../../main/shared/profile-strict-rules.ts';
import { parseProfileImport } from '../../../../main/core/profiles/profile-import.ts';
import { serializeConfigFile } from '../../../../main/core/profiles/config-file.ts';

const base = { name: 'p', region: 'eu-west-1', userPoolId: 'eu-west-1_Abc123', clientId: 'c1' };

describe('strict rules at add, edit and import: regions, pool ids, flows, flags', () => {
  it('refuses a region without Cognito user pools unless --endpoint is given', () => {
    expect(() => parseProfileFields({ ...base, region: 'eu-nowhere-9', userPoolId: 'eu-nowhere-9_Abc' })).toThrow(
      /region: eu-nowhere-9 has no Cognito user pools \(known: us-east-1, .*\); a newer region or an emulator needs --endpoint/,
    );
    const local = { ...base, region: 'eu-nowhere-9', userPoolId: 'local_abc', endpoint: 'http://127.0.0.1:9229/' };
    expect(parseProfileFields(local).region).toBe('eu-nowhere-9');
    for (const region of COGNITO_USER_POOL_REGIONS)
      expect(parseProfileFields({ ...base, region, userPoolId: `${region}_Abc` }).region).toBe(region);
  });

  it("takes the regions botocore's endpoint table lists for cognito-idp and refuses AWS China saying why", () => {
    // botocore/data/endpoints.json (2026-08-07): Asia Pacific (Taipei) and (New Zealand) serve user pools.
    for (const region of ['ap-east-2', 'ap-southeast-6'])
      expect(parseProfileFields({ ...base, region, userPoolId: `${region}_Abc` }).region).toBe(region);
    // AWS China has identity pools only (docs.amazonaws.cn, "Amazon Cognito"); the aws-cn partition has no cognito-idp.
    expect(() => parseProfileFields({ ...base, region: 'cn-north-1', userPoolId: 'cn-north-1_Abc' })).toThrow(
      /region: cn-north-1 has no Cognito user pools \(AWS China offers Cognito identity pools, not user pools\)/,
    );
  });

  it('names a pool id of the wrong shape once, without a region line for the prefix the region was taken from', () => {
    // ctm profile add --user-pool-id bad: the region defaults to the pool id's prefix, "bad".
    let problems: string[] = [];
    try {
      parseProfileFields({ ...base, region: 'bad', userPoolId: 'bad' });
    } catch (error) {
      problems = (error as { problems: string[] }).problems;
    }
    expect(problems).toEqual([
      'user pool id: expected <region>_<id>, such as us-east-1_AbCdEf123 (other shapes need a custom --endpoint)',
    ]);
    // A region given apart from the pool id is still checked on its own.
    expect(() => parseProfileFields({ ...base, region: 'nowhere' })).toThrow(/region: expected an AWS region/);
  });

  it('takes a replica (another region with user pools), refuses a prefix that is no such region; a custom endpoint takes any <prefix>_<id>', () => {
    // "Amazon Cognito creates separate user pools with a shared user pool ID" (developer guide, multi-Region replication).
    expect(parseProfileFields({ ...base, userPoolId: 'us-east-1_Abc' }).userPoolId).toBe('us-east-1_Abc');
    expect(() => parseProfileFields({ ...base, userPoolId: 'xx-east-1_Abc' })).toThrow(
      /user pool id: xx-east-1_Abc names region xx-east-1, which has no Cognito user pools; check the pool id: it starts with the region the pool was created in/,
    );
    const viaProxy = { ...base, userPoolId: 'us-east-1_Abc', endpoint: 'https://cognito.example.com/' };
    expect(parseProfileFields(viaProxy).userPoolId).toBe('us-east-1_Abc');
  });

  it('matches flow names in any case and stores them as Cognito spells them', () => {
    expect(parseProfileFields({ ...base, authFlow: 'user_password_auth' }).authFlow).toBe('USER_PASSWORD_AUTH');
    expect(
      parseProfileFields({ ...base, authFlow: 'Managed_Login', domain: 'https://x.auth.eu-west-1.amazoncognito.com' })
        .authFlow,
    ).toBe('MANAGED_LOGIN');
    expect(() => parseProfileFields({ ...base, authFlow: 'srp' })).toThrow(/auth flow: expected one of USER_SRP_AUTH/);
  });

  it.each([
    [
      { domain: 'https://x.auth.eu-west-1.amazoncognito.com' },
      /--domain: not used by USER_SRP_AUTH: only the OAuth 2.0 flows/,
    ],
    [{ scopes: ['openid'] }, /--scope: not used by USER_SRP_AUTH: only the OAuth 2.0 flows ask for scopes/],
    [{ preferredChallenge: 'EMAIL_OTP' }, /--preferred-challenge: not used by USER_SRP_AUTH: only choice-based/],
    [{ awsProfile: 'admin' }, /--aws-profile: not used by USER_SRP_AUTH: only the administrator sign-in/],
  ])('refuses a flag the flow does not use, saying why: %j', (extra, message) => {
    expect(() => parseProfileFields({ ...base, ...extra })).toThrow(message);
  });

  it('applies them to an import too', () => {
    const text = JSON.stringify({
      auth: { aws_region: 'eu-west-1', user_pool_id: 'xx-east-1_Abc', user_pool_client_id: 'c1' },
    });
    expect(() => parseProfileImport('amplify_outputs.json', text)).toThrow(/xx-east-1_Abc names region xx-east-1/);
  });
});

describe('a profiles.json saved before the strict rules still loads, and stays editable', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ctm-strict-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const old: Profile = {
    id: newProfileId(),
    name: 'old',
    region: 'eu-west-1',
    userPoolId: 'xx-east-1_Abc',
    clientId: 'c1',
    hasClientSecret: false,
    authFlow: 'USER_SRP_AUTH',
    domain: 'https://x.auth.eu-west-1.amazoncognito.com',
    refreshMethod: 'auto',
    autoRefresh: true,
  };

  it('loads a profile that breaks new rules, edits its other fields, refuses an edit that breaks them anew', async () => {
    const text = serializeConfigFile([old]);
    await writeFile(join(dir, 'profiles.json'), text);
    const store = new ProfileStore(dir);
    expect(await store.list()).toEqual([old]);
    expect(store.lastRecovery).toBeUndefined();
    const renamed = await store.update(old.id, { username: 'alice' });
    expect(renamed).toEqual({ ...old, username: 'alice' });
    await expect(store.update(old.id, { region: 'eu-nowhere-9' })).rejects.toThrow(
      /eu-nowhere-9 has no Cognito user pools/,
    );
    await expect(store.update(old.id, { preferredChallenge: 'EMAIL_OTP' })).rejects.toThrow(
      /--preferred-challenge: not used/,
    );
    expect(JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')).profiles).toEqual([
      { ...old, username: 'alice' },
    ]);
    // An edit of the region touches the pool id's rule, which it still breaks; fixing the pool id goes through.
    await expect(store.update(old.id, { region: 'us-east-1' })).rejects.toThrow(/xx-east-1_Abc names region xx-east-1/);
    expect((await store.update(old.id, { userPoolId: 'eu-west-1_Abc' })).userPoolId).toBe('eu-west-1_Abc');
  });
});
