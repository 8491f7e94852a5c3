import { z } from 'zod';
import { endpointProblem, FIPS_REGIONS, fipsProblem } from '../cognito/endpoint.ts';
import { BadInputError } from '../errors.ts';
import { AWS_USER_POOL_ID, PROFILE_FIELD_RULES } from '../../shared/profile-rules.ts';
import { domainProblem, SCOPE } from '../oauth/oauth-domain.ts';
import { ENVIRONMENT_FIELDS } from './profile-environment.ts';
import { IDENTITY_POOL_ID, ROLE_ARN } from '../aws/identity-pool.ts';
import { profileIdSchema } from './profile-id.ts';
import { newStrictProblems, replicaNote } from '../../shared/profile-strict-rules.ts';

/** The sign-in flows a profile can use (REFRESH_TOKEN_AUTH is how a session is renewed, not how it starts). */
export const SIGN_IN_FLOWS = [
  'USER_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'CUSTOM_AUTH',
  'USER_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'ADMIN_NO_SRP_AUTH',
] as const;
/** A sign-in flow name. */
export type SignInFlow = (typeof SIGN_IN_FLOWS)[number];

/** Sign-in through Cognito's OAuth 2.0 endpoints: managed login in the browser (code + PKCE), or client credentials. */
export const OAUTH_FLOWS = ['MANAGED_LOGIN', 'CLIENT_CREDENTIALS'] as const;
/** Every value `authFlow` takes: an InitiateAuth flow or an OAuth one. */
export const AUTH_FLOWS = [...SIGN_IN_FLOWS, ...OAUTH_FLOWS] as const;

/** The first factors a USER_AUTH (choice-based) sign-in can ask for with PREFERRED_CHALLENGE. */
export const USER_AUTH_CHALLENGES = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const;

/**
 * How a session is renewed: `auto` (GetTokensFromRefreshToken, which AWS serves with rotation on or off, falling back to
 * REFRESH_TOKEN_AUTH only on an endpoint that does not know the operation), or one method forced.
 */
export const REFRESH_METHODS = ['auto', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'GetTokensFromRefreshToken'] as const;
/** A refresh method name. */
export type RefreshMethod = (typeof REFRESH_METHODS)[number];

// The field rules the renderer's form checks too: one set, in main/shared.
const RULES = PROFILE_FIELD_RULES;
const USER_POOL_ID = AWS_USER_POOL_ID;

const profileFieldsObject = z
  .object({
    name: z.string().regex(RULES.name.pattern, `name: ${RULES.name.expects}`),
    region: z.string().regex(RULES.region.pattern, `region: ${RULES.region.expects}`),
    userPoolId: z.string().max(55).regex(RULES.userPoolId.pattern, `user pool id: ${RULES.userPoolId.expects}`),
    clientId: z.string().regex(RULES.clientId.pattern, `client id: ${RULES.clientId.expects}`),
    hasClientSecret: z.boolean().default(false),
    username: z.string().min(1).max(128).optional(),
    authFlow: z
      .enum(AUTH_FLOWS, { error: `auth flow: expected one of ${AUTH_FLOWS.join(', ')}` })
      .default('USER_SRP_AUTH'),
    domain: z.string().optional(),
    scopes: z.array(z.string().regex(SCOPE, 'scope: expected 1 to 256 printable characters without spaces')).optional(),
    identityProvider: z.string().min(1).max(128).optional(),
    idpIdentifier: z.string().min(1).max(128).optional(),
    callbackPort: z
      .number({ error: 'callback port: expected a number' })
      .int()
      .min(1024, 'callback port: expected 1024 to 65535')
      .max(65535, 'callback port: expected 1024 to 65535')
      .optional(),
    preferredChallenge: z
      .enum(USER_AUTH_CHALLENGES, { error: `preferred challenge: expected one of ${USER_AUTH_CHALLENGES.join(', ')}` })
      .optional(),
    refreshMethod: z
      .enum(REFRESH_METHODS, { error: `refresh method: expected one of ${REFRESH_METHODS.join(', ')}` })
      .default('auto'),
    /** Learned by `auto`: this endpoint answered that it does not know GetTokensFromRefreshToken (emulators), so REFRESH_TOKEN_AUTH is used there. */
    refreshFallbackEndpoint: z.string().optional(),
    /** Use Cognito's FIPS endpoint (where one exists; GovCloud always does). */
    fips: z.boolean().optional(),
    endpoint: z
      .url({ protocol: /^https?$/, error: 'endpoint: expected an http:// or https:// URL' })
      // Plain http only on loopback (security, issue 19): a password, refresh token or client secret travels there.
      .superRefine((url, ctx) => {
        const problem = endpointProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: `endpoint: ${problem}` });
      })
      .optional(),
    clientMetadata: z.record(z.string(), z.string()).optional(),
    analyticsEndpointId: z.string().min(1).optional(),
    userContextData: z.string().min(1).optional(),
    autoRefresh: z.boolean().default(true),
    /** A Cognito identity pool (`<region>:<guid>`) that exchanges the ID token for AWS credentials (ctm aws-credentials). */
    identityPoolId: z
      .string()
      .max(55)
      .regex(IDENTITY_POOL_ID, 'identity pool id: expected <region>:<guid>, such as us-east-1:0f1e2d3c-...')
      .optional(),
    /** Where cognito-identity calls go when not --endpoint's (LocalStack, moto and the emulator serve both on one). */
    // The ID token travels there: plain http only on loopback, as for --endpoint.
    identityEndpoint: z
      .url({ protocol: /^https?$/, error: 'identity endpoint: expected an http:// or https:// URL' })
      .superRefine((url, ctx) => {
        const problem = endpointProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: `identity endpoint: ${problem}` });
      })
      .optional(),
    /** CustomRoleArn for identity pools with token-based role mapping. */
    roleArn: z.string().regex(ROLE_ARN, 'role arn: expected arn:aws:iam::<account>:role/<name>').optional(),
    /** The AWS CLI profile whose credentials sign the administrator sign-in (else the standard chain); ctm never stores them. */
    awsProfile: z
      .string()
      .regex(/^[\w+=,.@/:-]{1,128}$/, 'aws profile: expected the name of a profile in ~/.aws/config')
      .optional(),
    ...ENVIRONMENT_FIELDS,
  })
  .strict();

type PoolFields = { region: string; userPoolId: string; endpoint?: string | undefined; fips?: boolean | undefined };
/** Without a custom endpoint the pool id must be AWS-shaped (`<region>_<id>`); any region prefix is allowed (replicas). */
const poolIdFitsEndpoint = (p: PoolFields): boolean => Boolean(p.endpoint) || USER_POOL_ID.test(p.userPoolId);
const poolIdNotAws = {
  message: 'user pool id: expected <region>_<id>, such as us-east-1_AbCdEf123 (other shapes need a custom --endpoint)',
  path: ['userPoolId'],
};
const fipsAvailable = (p: PoolFields): boolean => fipsProblem(p.region, p.fips, p.endpoint) === undefined;
const fipsUnavailable = {
  message: `fips: Cognito has FIPS endpoints only in ${FIPS_REGIONS.join(', ')} and GovCloud`,
  path: ['fips'],
};

/** The OAuth kinds need a domain (and client credentials a secret); the domain must be a Cognito or custom https domain. */
function oauthProblems(
  p: {
    authFlow: string;
    domain?: string | undefined;
    hasClientSecret: boolean;
    callbackPort?: number | undefined;
    identityProvider?: string | undefined;
    idpIdentifier?: string | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  const oauth = (OAUTH_FLOWS as readonly string[]).includes(p.authFlow);
  const add = (message: string): void => ctx.addIssue({ code: 'custom', message });
  if (oauth && p.domain === undefined)
    add(
      `domain: ${p.authFlow} needs the user pool's domain (--domain https://<prefix>.auth.<region>.amazoncognito.com or a custom domain)`,
    );
  if (p.domain !== undefined) {
    const problem = domainProblem(p.domain);
    if (problem) add(`domain: ${problem}`);
  }
  if (p.authFlow === 'CLIENT_CREDENTIALS' && !p.hasClientSecret)
    add("client secret: CLIENT_CREDENTIALS needs the app client's secret (--client-secret-stdin)");
  if (p.authFlow !== 'MANAGED_LOGIN' && p.callbackPort !== undefined)
    add('callback port: only MANAGED_LOGIN profiles receive a browser redirect');
  if (p.authFlow !== 'MANAGED_LOGIN' && (p.identityProvider !== undefined || p.idpIdentifier !== undefined))
    add('identity provider: only MANAGED_LOGIN profiles sign in through an identity provider');
  if (p.identityProvider !== undefined && p.idpIdentifier !== undefined)
    add('identity provider: give either --identity-provider or --idp-identifier, not both');
}

/** The fields a person supplies, with defaults filled in. */
export const profileFieldsSchema = profileFieldsObject
  .refine(poolIdFitsEndpoint, poolIdNotAws)
  .refine(fipsAvailable, fipsUnavailable)
  .superRefine(oauthProblems);

/** A stored profile: the typed fields plus a stable id (keychain entries are keyed by it, so renames keep them). */
export const profileSchema = profileFieldsObject
  .extend({ id: profileIdSchema })
  .refine(poolIdFitsEndpoint, poolIdNotAws)
  .refine(fipsAvailable, fipsUnavailable)
  .superRefine(oauthProblems);

/**
 * Sentences about a valid profile that may still be a mistake: a pool id of another region is a multi-Region replica
 * (same id, served in another region) or a typo, so it is said, not refused (replicaNote, shared with the window).
 */
export function profileWarnings(p: PoolFields): string[] {
  const note = replicaNote(p);
  return note ? [`${note}.`] : [];
}

/** One app-client profile. It never holds a secret: the client secret lives in the keychain. */
export type Profile = z.infer<typeof profileSchema>;
/** What a person supplies to create a profile. */
export type ProfileFields = z.input<typeof profileFieldsSchema>;

/** `authFlow` as typed in any case ("user_srp_auth") spelled as Cognito spells it; other values are left as they are. */
function canonicalFlow(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('authFlow' in input) || typeof input.authFlow !== 'string')
    return input;
  const typed = input.authFlow;
  const known = AUTH_FLOWS.find((flow) => flow.toLowerCase() === typed.toLowerCase());
  return known ? { ...input, authFlow: known } : input;
}

/**
 * Validates fields a person gave (add, edit, import), throwing one message that lists every problem. On top of the
 * schema (which is all a stored profile must meet) come the stricter rules of profile-strict-rules.ts; `before` is the
 * profile being edited: a strict rule broken only by fields the edit leaves alone does not block it.
 */
export function parseProfileFields(
  input: unknown,
  before?: z.infer<typeof profileFieldsSchema>,
): z.infer<typeof profileFieldsSchema> {
  const result = profileFieldsSchema.safeParse(canonicalFlow(input));
  if (!result.success) throw new ProfileValidationError(problemLines(result.error.issues, input));
  const problems = newStrictProblems(result.data, before);
  if (problems.length > 0) throw new ProfileValidationError(problems);
  return result.data;
}

/**
 * One line per field: a pool id of the wrong shape breaks its pattern and the AWS shape, said once (the last, which
 * says more); and no region line when the region is only the bad pool id's prefix (ctm profile add and imports
 * default the region to it), so the one thing to fix is named once.
 */
function problemLines(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  const byField = new Map<string, string>();
  // Problems of the whole profile (no field path) are each kept.
  issues.forEach((issue, i) => byField.set(issue.path.length > 0 ? String(issue.path[0]) : `#${i}`, issue.message));
  const fields =
    typeof input === 'object' && input !== null ? (input as { region?: unknown; userPoolId?: unknown }) : {};
  const poolPrefix = typeof fields.userPoolId === 'string' ? fields.userPoolId.split('_')[0] : undefined;
  if (byField.has('userPoolId') && fields.region === poolPrefix) byField.delete('region');
  return [...byField.values()];
}

/** A profile's fields did not validate; `problems` holds one line per field. */
export class ProfileValidationError extends BadInputError {
  override readonly name: string = 'ProfileValidationError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid profile: ${problems.join('; ')}`);
    this.problems = problems;
  }
}
