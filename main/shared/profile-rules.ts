// The rules of a profile's fields, once: main validates with them (main/core/profiles/profile.ts, in zod) and the
// renderer checks them as the user types (renderer/profile-validation.ts). Pure, so both projects compile it.

/** A field's rule: the pattern, and what it expects in words ("use 1 to 64 letters…"), which each side phrases. */
export interface ProfileFieldRule {
  pattern: RegExp;
  expects: string;
}

/** The rules of the fields a person types into the profile form and `ctm profile add`. */
export const PROFILE_FIELD_RULES = {
  name: {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    expects: 'use 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  },
  region: { pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, expects: 'expected an AWS region such as us-east-1' },
  // Emulators name pools `<anything>_<id>` (cognito-local `local_abc123`, LocalStack, moto): accepted with a custom endpoint.
  userPoolId: { pattern: /^[\w-]+_[0-9A-Za-z]+$/, expects: 'expected <region>_<id>, such as us-east-1_AbCdEf123' },
  clientId: { pattern: /^[\w+]{1,128}$/, expects: 'expected 1 to 128 letters, digits, "_" or "+"' },
} as const satisfies Record<string, ProfileFieldRule>;

/** An AWS user pool id: `<region>_<id>`. Any other shape needs a custom endpoint. */
export const AWS_USER_POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d{1,2}_[0-9A-Za-z]+$/;

/** A rule's words as a sentence for the form: "Use 1 to 64 letters…." */
export function ruleSentence(rule: ProfileFieldRule): string {
  return `${rule.expects.charAt(0).toUpperCase()}${rule.expects.slice(1)}.`;
}
