import { describe, expect, it } from 'vitest';
import { parseProfileFields } from '../../../main/core/profiles/profile.ts';
import { fieldProblem } from '../../../renderer/profile-validation.ts';

const base = { name: 'dev', region: 'us-east-1', userPoolId: 'us-east-1_Abc123', clientId: 'client1' };

/** What main says of one field's value: "" when it takes it, else its message. */
function mainProblem(field: string, value: string, others: Record<string, string> = {}): string {
  try {
    parseProfileFields({ ...base, ...others, [field]: value });
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

// One set of rules (main/shared/profile-rules.ts): main (zod) and the window's form (renderer) agree on every value.
describe('profile field rules shared by main and the renderer', () => {
  it.each([
    ['name', ['dev', 'a.b_c-1', 'x'.repeat(64)], ['-dev', 'has space', 'x'.repeat(65), 'dév']],
    ['region', ['us-east-1', 'ap-southeast-2', 'us-gov-west-1'], ['US-EAST-1', 'useast1', 'us-east']],
    ['clientId', ['client1', 'a+b_c'], ['has space', 'a-b', 'x'.repeat(129)]],
    ['userPoolId', ['us-east-1_Abc123'], ['us-east-1-Abc', 'no_under_score!']],
  ])('%s: the same values pass and fail on both sides, with the same words', (field, good, bad) => {
    // A pool id belongs to its region (main refuses another region's prefix): a good region gets a pool of its own.
    const others = (value: string): Record<string, string> =>
      field === 'region' ? { userPoolId: `${value}_Abc123` } : {};
    for (const value of good)
      expect({ value, main: mainProblem(field, value, others(value)), form: fieldProblem(field, value) }).toEqual({
        value,
        main: '',
        form: '',
      });
    for (const value of bad) {
      const form = fieldProblem(field, value);
      expect(form, value).not.toBe('');
      expect(mainProblem(field, value).toLowerCase(), value).toContain(form.replace(/\.$/, '').toLowerCase());
    }
  });
});
