import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { adminKey, awsSeed, callerIdentity, identityCredentials, readOnlyKey } from './aws-test-kit.ts';
import { start } from './emulator-test-kit.ts';

let emulator: Emulator;
beforeEach(async () => {
  emulator = await start(awsSeed());
});
afterEach(() => emulator.close());

describe("STS GetCallerIdentity and SigV4 (signed by AWS's own @smithy/signature-v4)", () => {
  it('names the IAM user behind a seeded access key, whatever its policy allows', async () => {
    expect(await callerIdentity(emulator, adminKey)).toMatchObject({
      status: 200,
      arn: 'arn:aws:iam::123456789012:user/ctm-admin',
      account: '123456789012',
    });
    expect(await callerIdentity(emulator, readOnlyKey)).toMatchObject({
      status: 200,
      arn: 'arn:aws:iam::123456789012:user/reader',
    });
  });

  it('refuses an access key it does not know: InvalidClientTokenId', async () => {
    const answer = await callerIdentity(emulator, {
      accessKeyId: 'AKIANOBODYKNOWSTHIS1',
      secretAccessKey: adminKey.secretAccessKey,
    });
    expect(answer).toMatchObject({
      status: 403,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('refuses the right key id with the wrong secret: SignatureDoesNotMatch', async () => {
    const answer = await callerIdentity(emulator, {
      accessKeyId: adminKey.accessKeyId,
      secretAccessKey: readOnlyKey.secretAccessKey,
    });
    expect(answer).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(answer.message).toMatch(/^The request signature we calculated does not match the signature you provided\./);
  });

  it('refuses a body changed after signing, and a signature replaced by another', async () => {
    const changedBody = await callerIdentity(emulator, adminKey, {
      tamper: () => 'Action=GetCallerIdentity&Version=2011-06-15&X=1',
    });
    const changedSignature = await callerIdentity(emulator, adminKey, {
      tamper: (headers) => {
        headers.authorization = String(headers.authorization).replace(
          /Signature=([0-9a-f])/,
          (_, c: string) => `Signature=${c === '0' ? '1' : '0'}`,
        );
        return undefined;
      },
    });
    expect(changedBody.code).toBe('SignatureDoesNotMatch');
    expect(changedSignature.code).toBe('SignatureDoesNotMatch');
  });

  it('refuses an unsigned request, a signature for another service and one made 20 minutes ago', async () => {
    const unsigned = await fetch(emulator.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(await callerIdentity(emulator, adminKey, { service: 'cognito-idp' })).toMatchObject({
      code: 'SignatureDoesNotMatch',
      message: "Credential should be scoped to correct service: 'sts'. ",
    });
    const stale = await callerIdentity(emulator, adminKey, { signedAt: new Date(emulator.now() - 20 * 60_000) });
    expect(stale.code).toBe('SignatureDoesNotMatch');
    expect(stale.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
  });

  it('refuses a session token added to a long-term key, and temporary credentials without their token', async () => {
    const withToken = await callerIdentity(emulator, { ...adminKey, sessionToken: 'IQoJb3JpZ2luX2VjEFORGED' });
    expect(withToken.code).toBe('InvalidClientTokenId');
    const credentials = await identityCredentials(emulator);
    const withoutToken = await callerIdentity(emulator, {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
    });
    const otherToken = await callerIdentity(emulator, {
      ...credentials,
      sessionToken: `${credentials.sessionToken.slice(0, -4)}AAAA`,
    });
    expect(withoutToken.code).toBe('InvalidClientTokenId');
    expect(otherToken.code).toBe('InvalidClientTokenId');
    expect((await callerIdentity(emulator, credentials)).status).toBe(200);
  });
});
