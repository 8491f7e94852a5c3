import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretHash } from '../../../../main/core/cognito/secret-hash.ts';

describe('secretHash', () => {
  it('is Base64(HMAC-SHA256(secret, username + clientId))', () => {
    const expected = createHmac('sha256', 'shh').update('aliceclient1').digest('base64');
    expect(secretHash('shh', 'alice', 'client1')).toBe(expected);
  });

  it('known answer', () => {
    expect(secretHash('secret', 'user', 'client')).toBe('wvW87lzZoI+qQCVGmWVBJLlucdJ65huAVP1z+0MgA6E=');
  });

  it('hashes non-ASCII usernames as UTF-8', () => {
    expect(secretHash('k', 'jos\u00e9', 'c')).toBe(
      createHmac('sha256', 'k').update(Buffer.from('jos\u00e9c', 'utf8')).digest('base64'),
    );
  });
});
