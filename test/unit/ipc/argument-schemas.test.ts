import { describe, expect, it } from 'vitest';
import { ARGUMENT_SCHEMAS } from '../../../main/ipc/argument-schemas.ts';
import { API_METHODS } from '../../../main/ipc/contract.ts';

describe('IPC argument schemas', () => {
  it('has a schema for every contract method', () => {
    expect(Object.keys(ARGUMENT_SCHEMAS).sort()).toEqual([...API_METHODS].sort());
  });

  it('refuses extra keys, wrong types, extra arguments and oversized text', () => {
    expect(ARGUMENT_SCHEMAS.copyToken.safeParse(['p', 'access', 'raw']).success).toBe(true);
    expect(ARGUMENT_SCHEMAS.copyToken.safeParse(['p', 'refresh', 'raw']).success).toBe(false);
    expect(ARGUMENT_SCHEMAS.listProfiles.safeParse([1]).success).toBe(false);
    expect(ARGUMENT_SCHEMAS.signIn.safeParse(['p', { password: 'x', admin: true }]).success).toBe(false);
    expect(ARGUMENT_SCHEMAS.importProfiles.safeParse(['a.json', 'x'.repeat(1_000_001)]).success).toBe(false);
    expect(ARGUMENT_SCHEMAS.updateSettings.safeParse([{ clipboardClearSeconds: '60' }]).success).toBe(false);
  });
});
