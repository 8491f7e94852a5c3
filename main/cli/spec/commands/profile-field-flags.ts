/** The auth flows `--auth-flow` offers (main/core/profiles/profile.ts AUTH_FLOWS without the administrator ones). */
export const OFFERED_AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'CUSTOM_AUTH',
  'USER_AUTH',
  'MANAGED_LOGIN',
  'CLIENT_CREDENTIALS',
  'ADMIN_USER_PASSWORD_AUTH',
] as const;

/**
 * The flags that set a profile's fields, shared by `profile add` and `profile edit`. The fixed values mirror
 * main/core/profiles/profile.ts (not imported: completion must not load zod); the spec test checks they agree.
 */
export const PROFILE_FIELD_FLAGS = {
  region: { type: 'string', value: 'REGION', description: "AWS region (default: the user pool id's prefix)" },
  'user-pool-id': { type: 'string', value: 'ID', description: 'user pool id, such as us-east-1_AbCdEf123' },
  'client-id': { type: 'string', value: 'ID', description: 'app client id' },
  'client-secret-stdin': {
    type: 'boolean',
    description: "read the app client's secret from stdin (kept in the OS keychain only)",
  },
  username: {
    type: 'string',
    value: 'USER',
    description: 'user to sign in as (asked at the first login, then kept, when left out)',
  },
  'auth-flow': {
    type: 'string',
    choices: OFFERED_AUTH_FLOWS,
    refused: {
      ADMIN_NO_SRP_AUTH:
        'Cognito replaced it with ADMIN_USER_PASSWORD_AUTH (or use USER_PASSWORD_AUTH / USER_SRP_AUTH).',
    },
    description:
      'how to sign in: SRP (default), password, custom, choice-based, managed login in the browser, a machine client, or the administrator API (signed with your AWS credentials)',
  },
  domain: {
    type: 'string',
    value: 'URL',
    description:
      'MANAGED_LOGIN, CLIENT_CREDENTIALS: https://<prefix>.auth.<region>.amazoncognito.com or a custom domain',
  },
  scope: {
    type: 'string',
    multiple: true,
    value: 'SCOPE',
    description: "OAuth scope to ask for (repeatable; default: all the app client's allowed scopes)",
  },
  'identity-provider': {
    type: 'string',
    value: 'NAME',
    description: 'MANAGED_LOGIN: go straight to this provider (Google, a SAML or OIDC provider)',
  },
  'idp-identifier': {
    type: 'string',
    value: 'ID',
    description: 'MANAGED_LOGIN: go straight to the provider registered under this identifier',
  },
  'callback-port': {
    type: 'string',
    value: 'PORT',
    description: 'MANAGED_LOGIN: receive the redirect on http://127.0.0.1:PORT/callback (default: a free port)',
  },
  'preferred-challenge': {
    type: 'string',
    clearable: true,
    choices: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'],
    description: 'USER_AUTH: the first factor to ask for (else Cognito offers a choice)',
  },
  'refresh-method': {
    type: 'string',
    choices: ['auto', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'GetTokensFromRefreshToken'],
    description:
      'how to renew: auto (GetTokensFromRefreshToken, REFRESH_TOKEN_AUTH where the endpoint lacks it) or one forced',
  },
  endpoint: {
    type: 'string',
    value: 'URL',
    description: 'Cognito endpoint (a local emulator, or a proxy in front of Cognito)',
  },
  fips: {
    type: 'boolean',
    negatable: true,
    description: "use Cognito's FIPS endpoint (us-east-1/2, us-west-1/2; GovCloud always does)",
  },
  'client-metadata': {
    type: 'string',
    multiple: true,
    value: 'KEY=VALUE',
    description: "ClientMetadata sent to the pool's Lambda triggers (repeatable)",
  },
  'analytics-endpoint-id': {
    type: 'string',
    value: 'ID',
    description: 'Pinpoint endpoint id sent as AnalyticsMetadata',
  },
  'user-context-data': {
    type: 'string',
    value: 'DATA',
    description: 'encoded data for advanced security (UserContextData)',
  },
  'identity-pool-id': {
    type: 'string',
    value: 'ID',
    description:
      'Cognito identity pool (<region>:<guid>) whose AWS credentials ctm aws-credentials and ctm exec --aws give',
  },
  'identity-endpoint': {
    type: 'string',
    value: 'URL',
    description: "cognito-identity endpoint (default: --endpoint when set, else AWS's for the pool's region)",
  },
  'role-arn': {
    type: 'string',
    value: 'ARN',
    description: 'with token-based role mapping: the role to ask for (CustomRoleArn)',
  },
  'aws-profile': {
    type: 'string',
    value: 'NAME',
    description:
      'ADMIN_USER_PASSWORD_AUTH: the AWS CLI profile whose credentials sign AdminInitiateAuth (default: the standard chain); never stored',
  },
  'auto-refresh': {
    type: 'boolean',
    negatable: true,
    description: 'renew the tokens in the background while the app runs (default); --no-auto-refresh stops it',
  },
} as const;
