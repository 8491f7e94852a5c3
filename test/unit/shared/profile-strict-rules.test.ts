import { describe, expect, it } from 'vitest';
import {
  CTM_WORDING,
  isCognitoRegion,
  newStrictProblems,
  replicaNote,
  strictProfileProblems,
  touchesProblem,
} from '../../../main/shared/profile-strict-rules.ts';
import { FORM_WORDING } from '../../../renderer/profile-validation.ts';

const base = { region: 'eu-west-1', userPoolId: 'xx-east-1_Abc', authFlow: 'USER_SRP_AUTH' };

// One module (main/shared) holds the rules; ctm and the window's form differ only in how they name their controls.
describe('the strict profile rules, shared by main and the window', () => {
  it('says the same thing to ctm and to the form, each naming its own controls', () => {
    const [ctm] = strictProfileProblems(base, CTM_WORDING);
    const [form] = strictProfileProblems(base, FORM_WORDING);
    const sentence =
      'xx-east-1_Abc names region xx-east-1, which has no Cognito user pools; check the pool id: it starts with the region the pool was created in, such as us-east-1_AbCdEf123';
    expect(ctm?.message).toBe(`user pool id: ${sentence}`);
    expect(form?.sentence).toBe(sentence);
    expect({ ctm: ctm?.field, form: form?.field }).toEqual({ ctm: 'userPoolId', form: 'userPoolId' });
    const [region] = strictProfileProblems(
      { ...base, region: 'eu-nowhere-9', userPoolId: 'eu-nowhere-9_A' },
      FORM_WORDING,
    );
    expect(region?.sentence).toMatch(/^eu-nowhere-9 has no Cognito user pools .* needs a custom endpoint$/);
  });

  it('takes a pool id of another region with user pools (a multi-Region replica shares its id) with a note, not a refusal', () => {
    const replica = { ...base, userPoolId: 'us-east-1_Abc' };
    expect(strictProfileProblems(replica)).toEqual([]);
    expect(replicaNote(replica)).toBe(
      'The user pool id us-east-1_Abc was created in us-east-1, and the profile uses eu-west-1: right for its multi-Region replica there, otherwise check the region',
    );
    expect(replicaNote({ region: 'us-east-1', userPoolId: 'us-east-1_Abc' })).toBeUndefined();
    expect(replicaNote({ ...replica, endpoint: 'http://127.0.0.1:9229/' })).toBeUndefined();
    expect(replicaNote(base)).toBeUndefined(); // xx-east-1 has no pools: refused instead
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
