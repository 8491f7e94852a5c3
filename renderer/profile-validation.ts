// The same rules main applies (main/shared/profile-rules.ts for each field's shape, main/shared/profile-strict-rules.ts
// for regions, pool ids and flows), checked as the user types so mistakes show at the field; main still validates
// everything on save, and its message is shown too.

import { ENVIRONMENT_NAME } from '../main/shared/environments.ts';
import { fipsProblem } from '../main/shared/fips.ts';
import {
  AWS_USER_POOL_ID,
  PROFILE_FIELD_RULES,
  ruleSentence,
  type ProfileFieldRule,
} from '../main/shared/profile-rules.ts';
import {
  replicaNote,
  strictProfileProblems,
  touchesProblem,
  type RuleWording,
  type StrictFields,
} from '../main/shared/profile-strict-rules.ts';

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

/** The strict rules' sentences with the form's words: its Custom endpoint field, its Region field's suggestions. */
export const FORM_WORDING: RuleWording = {
  endpoint: 'a custom endpoint',
  knownRegions: 'the Region field suggests the known ones',
};

/** Said after a rule an edited profile broke before the rule existed: it may stay, but not be changed into breaking it. */
export const SAVED_BEFORE_THE_RULE = 'Saved before this rule, so it may stay as it is; a change must follow the rule.';

/** What the form says of a field: the message ("" when fine), and whether it keeps the form from being saved. */
export interface FieldCheck {
  message: string;
  blocks: boolean;
}

/** The form's values as the strict rules read them. */
function strictFields(fields: Record<string, string>): StrictFields {
  return {
    region: fields.region ?? '',
    userPoolId: fields.userPoolId ?? '',
    authFlow: fields.authFlow ?? 'USER_SRP_AUTH',
    endpoint: fields.endpoint || undefined,
  };
}

/**
 * Checks a field's value (empty optional fields are fine) against its shape, then, for region and pool id, against
 * the strict rules. `before` holds an edited profile's stored values: a strict rule it already broke, on fields left
 * as they were, is said but does not block the save (as main allows).
 */
export function fieldCheck(
  name: string,
  value: string,
  fields: Record<string, string> = {},
  before?: Record<string, string>,
): FieldCheck {
  const refuse = (message: string): FieldCheck => ({ message, blocks: message !== '' });
  if (name === 'fips') return refuse(value === '' ? '' : fipsSentence(fields));
  const rule = PROFILE_RULES[name];
  if (!rule || value === '') return refuse('');
  if (!rule.pattern.test(value)) return refuse(rule.message);
  // Emulators' pool ids (cognito-local's local_abc123) need a custom endpoint.
  if (name === 'userPoolId' && !fields.endpoint && !AWS_USER_POOL_ID.test(value))
    return refuse('Expected <region>_<id>, such as us-east-1_AbCdEf123 (other shapes need a custom endpoint).');
  if (name !== 'region' && name !== 'userPoolId') return refuse('');
  // Another region's pool id is only worth saying once both fields have their shape.
  if (name === 'userPoolId' && !PROFILE_RULES.region?.pattern.test(fields.region ?? '')) return refuse('');
  const after = strictFields({ ...fields, [name]: value });
  const problem = strictProfileProblems(after, FORM_WORDING).find((p) => p.field === name);
  // Another region with user pools: right for a multi-Region replica, so said under the pool id, never refused.
  const note = name === 'userPoolId' ? replicaNote(after) : undefined;
  if (!problem) return { message: note ? `${note}.` : '', blocks: false };
  const message = `${problem.sentence}.`;
  if (before === undefined || touchesProblem(problem, after, strictFields(before))) return refuse(message);
  return { message: `${message} ${SAVED_BEFORE_THE_RULE}`, blocks: false };
}

/** The message for a field's value, or "" when it is fine (empty optional fields are fine). */
export function fieldProblem(
  name: string,
  value: string,
  fields: Record<string, string> = {},
  before?: Record<string, string>,
): string {
  return fieldCheck(name, value, fields, before).message;
}

const FORM_LABELS: Partial<Record<keyof StrictFields, string>> = { domain: 'Domain', scopes: 'Scopes' };

/**
 * What a flow leaves out of the profile, with the strict rules' reasons: the OAuth fields kept from before (or typed
 * under another flow) that this flow does not use. The form says so under the flow, since saving drops them.
 */
export function leftOutByFlow(authFlow: string, kept: { domain?: string; scopes?: readonly string[] }): string[] {
  return strictProfileProblems({ region: '', userPoolId: '', authFlow, ...kept }, FORM_WORDING)
    .filter((problem) => FORM_LABELS[problem.field] !== undefined)
    .map((problem) => `${FORM_LABELS[problem.field] ?? ''}: ${problem.sentence}; saving leaves it out.`);
}

/** The FIPS box is ticked: main's rule (main/shared/fips.ts) as a sentence for the form, or "" where the region has a FIPS endpoint. */
function fipsSentence(fields: Record<string, string>): string {
  const problem = fipsProblem(fields.region ?? '', true, fields.endpoint || undefined);
  return problem ? `${problem.replace(/^fips: /, '').replace(/^./, (c) => c.toUpperCase())}.` : '';
}
