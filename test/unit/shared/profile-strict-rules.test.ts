import { describe, expect, it } from 'vitest';
import {
  CTM_WORDING,
  isCognitoRegion,
  newStrictProblems,
  strictProfileProblems,
  touchesProblem,
} from '../../../main/shared/profile-strict-rules.ts';
import { FORM_WORDING } from '../../../renderer/profile-validation.ts';

const base = { region: 'eu-west-1', userPoolId: 'us-east-1_Abc', authFlow: 'USER_SRP_AUTH' };

// One module (main/shared) holds the rules; ctm and the window's form differ only in how they name their controls.
describe('the strict profile rules, shared by main and the window', () => {
  it('says the same thing to ctm and to the form, each naming its own controls', () => {
    const [ctm] = strictProfileProblems(base, CTM_WORDING);
    const [form] = strictProfileProblems(base, FORM_WORDING);
    expect(ctm?.message).toBe(
      "user pool id: us-east-1_Abc belongs to region us-east-1, but the profile's region is eu-west-1; leave --region out (it defaults to the pool id's prefix) or fix the pool id",
    );
    expect(form?.sentence).toBe(
      "us-east-1_Abc belongs to region us-east-1, but the profile's region is eu-west-1; set Region to us-east-1 or fix the pool id",
    );
    expect({ ctm: ctm?.field, form: form?.field }).toEqual({ ctm: 'userPoolId', form: 'userPoolId' });
    const [region] = strictProfileProblems(
      { ...base, region: 'eu-nowhere-9', userPoolId: 'eu-nowhere-9_A' },
      FORM_WORDING,
    );
    expect(region?.sentence).toMatch(/^eu-nowhere-9 has no Cognito user pools .* needs a custom endpoint$/);
  });

  it('knows the regions with user pools, and only those', () => {
    expect(['us-east-1', 'eu-central-2', 'us-gov-west-1', 'ap-east-2'].map(isCognitoRegion)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['us-east-9', 'US-EAST-1', '', 'cn-north-1'].map(isCognitoRegion)).toEqual([false, false, false, false]);
  });

  it('holds an edit to a rule only when it changes a field the rule looks at', () => {
    const [problem] = strictProfileProblems(base);
    expect(touchesProblem(problem!, { ...base, authFlow: 'USER_PASSWORD_AUTH' }, base)).toBe(false);
    expect(touchesProblem(problem!, { ...base, region: 'eu-west-2' }, base)).toBe(true);
    expect(touchesProblem(problem!, base, undefined)).toBe(true);
    expect(newStrictProblems(base, base)).toEqual([]);
    expect(newStrictProblems(base, undefined)).toEqual([problem!.message]);
  });
});
