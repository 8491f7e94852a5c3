import { describe, expect, it } from 'vitest';
import { defaultProfileIn } from '../../../../main/core/profiles/default-choice.ts';

const profiles = [
  { id: 'a1', name: 'dev' },
  { id: 'b2', name: 'prod' },
];

describe('the default profile (one rule for the full path, ctm settings and the cached ctm token)', () => {
  it("is the profile whose id settings.json's defaultProfileId holds", () => {
    expect(defaultProfileIn({ defaultProfileId: 'b2' }, profiles)?.name).toBe('prod');
  });

  it('is none when none is set, or when that profile was removed (never another one, never matched by name)', () => {
    expect(defaultProfileIn({ defaultProfileId: '' }, profiles)).toBeUndefined();
    expect(defaultProfileIn({ defaultProfileId: 'c3' }, profiles)).toBeUndefined();
    expect(defaultProfileIn({ defaultProfileId: 'dev' }, profiles)).toBeUndefined();
    expect(defaultProfileIn({ defaultProfileId: '' }, [{ id: '', name: 'blank' }])).toBeUndefined();
  });
});
