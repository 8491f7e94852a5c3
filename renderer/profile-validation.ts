// The same rules main applies (main/core/profiles/profile.ts), checked as the user types so mistakes show at
// the field; main still validates everything, and its message is shown too.

import { ENVIRONMENT_NAME } from '../main/shared/environments.ts';
import { fipsProblem } from '../main/shared/fips.ts';
import {
  AWS_USER_POOL_ID,
  PROFILE_FIELD_RULES,
  ruleSentence,
  type ProfileFieldRule,
} from '../main/shared/profile-rules.ts';

/** A field's rule: a pattern and the message to show when the value does not match. */
export interface FieldRule {
  pattern: RegExp;
  message: string;
}

const shared = (rule: ProfileFieldRule): FieldRule => ({ pattern: rule.pattern, message: ruleSentence(rule) });

/** Rules of the profile form's fields, by field name: main's own (main/shared/profile-rules.ts), plus the endpoint's shape. */
export const PROFILE_RULES: Record<string, FieldRule> = {
  name: shared(PROFILE_FIELD_RULES.name),
  region: shared(PROFILE_FIELD_RULES.region),
  userPoolId: shared(PROFILE_FIELD_RULES.userPoolId),
  clientId: shared(PROFILE_FIELD_RULES.clientId),
  // main checks it as a URL (zod's z.url); this is the same shape, for the form.
  endpoint: {
    pattern: /^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/,
    message: 'Expected an http:// or https:// URL, such as http://localhost:9229/.',
  },
  domain: {
    pattern: /^(https:\/\/[^\s/?#@]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)\/?$/,
    message: 'Expected https://<prefix>.auth.<region>.amazoncognito.com or a custom https domain, without a path.',
  },
  environment: {
    pattern: ENVIRONMENT_NAME,
    message: 'Use 1 to 24 lower-case letters, digits or "-", such as dev, staging, prod or qa.',
  },
  scopes: {
    pattern: /^[\x21\x23-\x5b\x5d-\x7e]{1,256}(\s+[\x21\x23-\x5b\x5d-\x7e]{1,256})*$/,
    message: 'Scopes are separated by spaces, such as "openid email orders-api/read".',
  },
};

/** The message for a field's value, or "" when it is fine (empty optional fields are fine). */
export function fieldProblem(name: string, value: string, fields: Record<string, string> = {}): string {
  if (name === 'fips') return value === '' ? '' : fipsSentence(fields);
  const rule = PROFILE_RULES[name];
  if (!rule || value === '') return '';
  if (!rule.pattern.test(value)) return rule.message;
  // Emulators' pool ids (cognito-local's local_abc123) need a custom endpoint; another region's prefix is a replica, not an error.
  if (name === 'userPoolId' && !fields.endpoint && !AWS_USER_POOL_ID.test(value))
    return 'Expected <region>_<id>, such as us-east-1_AbCdEf123 (other shapes need a custom endpoint).';
  return '';
}

/** The FIPS box is ticked: main's rule (main/shared/fips.ts) as a sentence for the form, or "" where the region has a FIPS endpoint. */
function fipsSentence(fields: Record<string, string>): string {
  const problem = fipsProblem(fields.region ?? '', true, fields.endpoint || undefined);
  return problem ? `${problem.replace(/^fips: /, '').replace(/^./, (c) => c.toUpperCase())}.` : '';
}
