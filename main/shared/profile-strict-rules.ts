// Rules applied when a person adds, edits or imports a profile, never when profiles.json is read: a profile saved
// before a rule existed still loads (and keeps working); it is refused only if an edit would newly break a rule.
// Pure, in main/shared: main applies them on save (main/core/profiles/profile.ts) and the window's form shows them
// as the user types (renderer/profile-validation.ts), each side naming its own controls (RuleWording).

/**
 * The AWS regions that serve Cognito user pools: the regions of service "cognito-idp" in botocore's endpoint table
 * (https://github.com/boto/botocore/blob/develop/botocore/data/endpoints.json, partitions "aws" and "aws-us-gov", as of
 * commit 0e6e2404 of 2026-08-07; its "fips-*" keys are FIPS aliases, not regions), checked against the "Amazon Cognito
 * User Pools" table of the AWS General Reference, https://docs.aws.amazon.com/general/latest/gr/cognito_identity.html.
 * Not listed: AWS China (cn-north-1, cn-northwest-1): "Amazon Cognito User Pools are not currently available in the
 * Beijing Region" (https://docs.amazonaws.cn/en_us/aws/latest/userguide/cognito.html; botocore's "aws-cn" partition
 * has no cognito-idp); the European Sovereign Cloud (eusc-de-east-1, partition "aws-eusc" under amazonaws.eu), whose
 * host names main/core/cognito/endpoint.ts does not build (nor does the region shape take it).
 */
export const COGNITO_USER_POOL_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-gov-east-1',
  'us-gov-west-1',
] as const;

/** Why a region ctm knows of has no user pools, said instead of the list (the source is cited above). */
function regionWithoutPools(region: string): string | undefined {
  if (region.startsWith('cn-')) return 'AWS China offers Cognito identity pools, not user pools';
  return undefined;
}

/** The fields the strict rules look at. */
export interface StrictFields {
  region: string;
  userPoolId: string;
  authFlow: string;
  endpoint?: string | undefined;
  domain?: string | undefined;
  scopes?: readonly string[] | undefined;
  preferredChallenge?: string | undefined;
  awsProfile?: string | undefined;
}

const OAUTH = ['MANAGED_LOGIN', 'CLIENT_CREDENTIALS'];

/** Flags that only some flows use: the flag, which flows, and why. */
const FLOW_ONLY: readonly { field: keyof StrictFields; flag: string; flows: readonly string[]; why: string }[] = [
  { field: 'domain', flag: '--domain', flows: OAUTH, why: "only the OAuth 2.0 flows go through the pool's domain" },
  { field: 'scopes', flag: '--scope', flows: OAUTH, why: 'only the OAuth 2.0 flows ask for scopes' },
  {
    field: 'preferredChallenge',
    flag: '--preferred-challenge',
    flows: ['USER_AUTH'],
    why: 'only choice-based sign-in (USER_AUTH) offers a first factor',
  },
  {
    field: 'awsProfile',
    flag: '--aws-profile',
    flows: ['ADMIN_USER_PASSWORD_AUTH'],
    why: 'only the administrator sign-in is signed with AWS credentials',
  },
];

/** Whether a region serves Cognito user pools (COGNITO_USER_POOL_REGIONS). */
export function isCognitoRegion(region: string): boolean {
  return (COGNITO_USER_POOL_REGIONS as readonly string[]).includes(region);
}

/** The region a pool id names: its prefix, before the "_". */
function poolIdRegion(userPoolId: string): string {
  return userPoolId.slice(0, Math.max(0, userPoolId.indexOf('_')));
}

/**
 * What to say of a pool id created in another region with user pools than the profile's: right for a multi-Region
 * replica, whose pools share the primary's pool id ("Amazon Cognito creates separate user pools with a shared user
 * pool ID": https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-multi-region.html), else a mistake.
 * A note, never a refusal; undefined when there is nothing to say (same region, a custom endpoint, an unknown prefix).
 */
export function replicaNote(p: Pick<StrictFields, 'region' | 'userPoolId' | 'endpoint'>): string | undefined {
  const prefix = poolIdRegion(p.userPoolId);
  if (p.endpoint || prefix === p.region || !isCognitoRegion(prefix) || !isCognitoRegion(p.region)) return undefined;
  return `The user pool id ${p.userPoolId} was created in ${prefix}, and the profile uses ${p.region}: right for its multi-Region replica there, otherwise check the region`;
}

/** How one side names what the rules' sentences point to: ctm's flags, or the window form's fields. */
export interface RuleWording {
  /** The custom endpoint: "--endpoint" or "a custom endpoint". */
  endpoint: string;
  /** Where the known regions are listed: the list itself, or the field that suggests them. */
  knownRegions: string;
}

/** ctm's words (also what Core says when it refuses a save, in the window too). */
export const CTM_WORDING: RuleWording = {
  endpoint: '--endpoint',
  knownRegions: `known: ${COGNITO_USER_POOL_REGIONS.join(', ')}`,
};

/** A broken strict rule: ctm's message, the field it is about with its sentence, and the fields it looks at. */
export interface StrictProblem {
  /** ctm's line, "region: …" or "--domain: …". */
  message: string;
  /** The field the sentence is about (where the form shows it). */
  field: keyof StrictFields;
  /** The message without its field prefix. */
  sentence: string;
  /** Every field the rule looks at: an edit that leaves them all alone is not blocked by it. */
  fields: readonly (keyof StrictFields)[];
}

/** Every strict rule the fields break (empty when none), worded for ctm unless told otherwise. */
export function strictProfileProblems(p: StrictFields, wording: RuleWording = CTM_WORDING): StrictProblem[] {
  const problems: StrictProblem[] = [];
  const add = (label: string, field: keyof StrictFields, sentence: string, fields: StrictProblem['fields']): void => {
    problems.push({ message: `${label}: ${sentence}`, field, sentence, fields });
  };
  if (!p.endpoint) {
    if (!isCognitoRegion(p.region))
      add(
        'region',
        'region',
        `${p.region} has no Cognito user pools (${regionWithoutPools(p.region) ?? wording.knownRegions}); a newer region or an emulator needs ${wording.endpoint}`,
        ['region', 'endpoint'],
      );
    // A pool id starts with the region the pool was created in. Another region with user pools is fine: a
    // multi-Region replica keeps the pool id (replicaNote); a prefix that is no such region is a mistyped id.
    const prefix = poolIdRegion(p.userPoolId);
    if (prefix !== p.region && !isCognitoRegion(prefix))
      add(
        'user pool id',
        'userPoolId',
        `${p.userPoolId} names region ${prefix}, which has no Cognito user pools; check the pool id: it starts with the region the pool was created in, such as us-east-1_AbCdEf123`,
        ['userPoolId', 'region', 'endpoint'],
      );
  }
  return [...problems, ...unusedByFlow(p)];
}

/**
 * The fields set that the flow does not use, each with why (--domain on an SRP profile): refused at add, and left out
 * when an edit changes the flow (ctm profile edit and the window's form both drop them, and say so).
 */
export function unusedByFlow(p: StrictFields): StrictProblem[] {
  return FLOW_ONLY.filter((rule) => p[rule.field] !== undefined && !rule.flows.includes(p.authFlow)).map((rule) => {
    const sentence = `not used by ${p.authFlow}: ${rule.why} (${rule.flows.join(', ')})`;
    return { message: `${rule.flag}: ${sentence}`, field: rule.field, sentence, fields: [rule.field] };
  });
}

/** Whether an edit of `before` changed a field the problem looks at (no `before`: a new profile, always). */
export function touchesProblem(problem: StrictProblem, after: StrictFields, before: StrictFields | undefined): boolean {
  return (
    before === undefined ||
    problem.fields.some((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
  );
}

/**
 * The strict problems of `after` an edit of `before` must fix: those touching a field the edit changed. A profile
 * saved before a rule existed stays editable in its other fields (ctm itself updates the username it learns).
 */
export function newStrictProblems(after: StrictFields, before: StrictFields | undefined): string[] {
  return strictProfileProblems(after)
    .filter((problem) => touchesProblem(problem, after, before))
    .map((problem) => problem.message);
}
