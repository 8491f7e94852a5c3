import { describe, expect, it } from 'vitest';
import { parseAgentReply, parseAgentRequest } from '../../../../main/core/agent/agent-protocol.ts';

const aws = {
  profileId: 'p1',
  profileName: 'dev',
  accessKeyId: 'ASIAEXAMPLEKEY000001',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE/+=',
  expiresAt: 2_000,
  issuedAt: 1_000,
  identityId: 'us-east-1:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
  region: 'us-east-1',
};

describe('the agent protocol for ctm aws-credentials', () => {
  it('takes an aws-credentials request only with a profile', () => {
    expect(parseAgentRequest('{"v":1,"op":"aws-credentials","profile":"dev"}')).toEqual({
      v: 1,
      op: 'aws-credentials',
      profile: 'dev',
    });
    expect(parseAgentRequest('{"v":1,"op":"aws-credentials"}')).toBe('The profile must be a name or id.');
    expect(parseAgentRequest(`{"v":1,"op":"aws-credentials","profile":"${'x'.repeat(257)}"}`)).toBe(
      'The profile must be a name or id.',
    );
  });

  it('takes credentials of visible ASCII, and refuses a reply a shell or terminal would choke on', () => {
    expect(parseAgentReply(JSON.stringify({ v: 1, ok: true, aws }))).toEqual({ v: 1, ok: true, aws });
    for (const bad of [
      { ...aws, sessionToken: 'abc\n export EVIL=1' },
      { ...aws, accessKeyId: 'ASIA\u001b[2J' },
      { ...aws, secretAccessKey: '' },
      { ...aws, profileName: 'dev\u0007' },
      { ...aws, expiresAt: 'soon' },
      { ...aws, sessionToken: 'x'.repeat(8193) },
      { ...aws, region: undefined },
    ])
      expect(parseAgentReply(JSON.stringify({ v: 1, ok: true, aws: bad }))).toBeUndefined();
  });
});
