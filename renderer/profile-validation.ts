// The same rules main applies (main/core/profiles/profile.ts), checked as the user types so mistakes show at
// the field; main still validates everything, and its message is shown too.

/** A field's rule: a pattern and the message to show when the value does not match. */
export interface FieldRule {
  pattern: RegExp;
  message: string;
}

/** Rules of the profile form's fields, by field name. */
export const PROFILE_RULES: Record<string, FieldRule> = {
  name: { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: 'Use 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit.' },
  region: { pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, message: 'Expected an AWS region such as us-east-1.' },
  userPoolId: { pattern: /^[\w-]+_[0-9A-Za-z]+$/, message: 'Expected <region>_<id>, such as us-east-1_AbCdEf123.' },
  clientId: { pattern: /^[\w+]{1,128}$/, message: 'Expected 1 to 128 letters, digits, "_" or "+".' },
  endpoint: { pattern: /^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/, message: 'Expected an http:// or https:// URL, such as http://localhost:9229/.' },
  domain: { pattern: /^(https:\/\/[^\s/?#@]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)\/?$/, message: 'Expected https://<prefix>.auth.<region>.amazoncognito.com or a custom https domain, without a path.' },
  scopes: { pattern: /^[\x21\x23-\x5b\x5d-\x7e]{1,256}(\s+[\x21\x23-\x5b\x5d-\x7e]{1,256})*$/, message: 'Scopes are separated by spaces, such as "openid email orders-api/read".' },
};

const AWS_POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d{1,2}_[0-9A-Za-z]+$/;

/** The message for a field's value, or "" when it is fine (empty optional fields are fine). */
export function fieldProblem(name: string, value: string, fields: Record<string, string> = {}): string {
  const rule = PROFILE_RULES[name];
  if (!rule || value === '') return '';
  if (!rule.pattern.test(value)) return rule.message;
  // Emulators' pool ids (cognito-local's local_abc123) need a custom endpoint; another region's prefix is a replica, not an error.
  if (name === 'userPoolId' && !fields.endpoint && !AWS_POOL_ID.test(value)) return 'Expected <region>_<id>, such as us-east-1_AbCdEf123 (other shapes need a custom endpoint).';
  return '';
}
