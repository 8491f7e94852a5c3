import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../main/core/errors.ts';
import { srpPoolName } from '../../../main/core/srp/index.ts';

describe('srpPoolName', () => {
  it('takes the part after the underscore, as CognitoUserPool.getUserPoolName does', () => {
    expect(srpPoolName('eu-west-1_AbC123')).toBe('AbC123');
    expect(srpPoolName('a_b_c')).toBe('b');
  });

  it.each(['', 'eu-west-1', 'eu-west-1_', 'eu west-1_Ab', `eu-west-1_${'a'.repeat(50)}`])('refuses %j', (id) => {
    expect(() => srpPoolName(id)).toThrow(BadInputError);
  });
});
