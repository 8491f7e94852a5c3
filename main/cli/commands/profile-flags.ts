import { BadInputError } from '../../core/errors.ts';

/** The flags that set a profile's fields, shared by `profile add` and `profile edit`. */
export const PROFILE_FIELD_FLAGS = {
  region: { type: 'string' },
  'user-pool-id': { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret-stdin': { type: 'boolean' },
  username: { type: 'string' },
  'auth-flow': { type: 'string' },
  'preferred-challenge': { type: 'string' },
  'refresh-method': { type: 'string' },
  endpoint: { type: 'string' },
  fips: { type: 'boolean' },
  'client-metadata': { type: 'string', multiple: true },
  'analytics-endpoint-id': { type: 'string' },
  'user-context-data': { type: 'string' },
  'auto-refresh': { type: 'boolean' },
  domain: { type: 'string' },
  scope: { type: 'string', multiple: true },
  'identity-provider': { type: 'string' },
  'idp-identifier': { type: 'string' },
  'callback-port': { type: 'string' },
  'identity-pool-id': { type: 'string' },
  'identity-endpoint': { type: 'string' },
  'role-arn': { type: 'string' },
  'aws-profile': { type: 'string' },
} as const;

/** What parseArgs gives back for PROFILE_FIELD_FLAGS. */
export interface ProfileFieldValues {
  region?: string | undefined;
  'user-pool-id'?: string | undefined;
  'client-id'?: string | undefined;
  username?: string | undefined;
  'auth-flow'?: string | undefined;
  'preferred-challenge'?: string | undefined;
  'refresh-method'?: string | undefined;
  endpoint?: string | undefined;
  fips?: boolean | undefined;
  'client-metadata'?: string[] | undefined;
  'analytics-endpoint-id'?: string | undefined;
  'user-context-data'?: string | undefined;
  'auto-refresh'?: boolean | undefined;
  domain?: string | undefined;
  scope?: string[] | undefined;
  'identity-provider'?: string | undefined;
  'idp-identifier'?: string | undefined;
  'callback-port'?: string | undefined;
  'identity-pool-id'?: string | undefined;
  'identity-endpoint'?: string | undefined;
  'role-arn'?: string | undefined;
  'aws-profile'?: string | undefined;
}

/** Help lines for the field flags. */
export const PROFILE_FIELD_HELP = `  --region R                   AWS region (default: the user pool id's prefix)
  --user-pool-id P             user pool id, such as us-east-1_AbCdEf123
  --client-id C                app client id
  --client-secret-stdin        read the app client's secret from stdin (stored in the OS keychain only)
  --username U                 user to sign in as (asked at login when left out)
  --auth-flow FLOW             USER_SRP_AUTH (default), USER_PASSWORD_AUTH, CUSTOM_AUTH, USER_AUTH,
                               MANAGED_LOGIN (browser, authorization code + PKCE), CLIENT_CREDENTIALS (machine)
                               or ADMIN_USER_PASSWORD_AUTH (AdminInitiateAuth, signed with your AWS credentials)
  --domain URL                 with MANAGED_LOGIN / CLIENT_CREDENTIALS: https://<prefix>.auth.<region>.amazoncognito.com or a custom domain
  --scope S                    OAuth scope to ask for (repeatable; default: all the app client's allowed scopes)
  --identity-provider NAME     with MANAGED_LOGIN: go straight to this provider (Google, a SAML or OIDC provider's name)
  --idp-identifier ID          with MANAGED_LOGIN: go straight to the provider registered under this identifier
  --callback-port N            with MANAGED_LOGIN: receive the redirect on http://127.0.0.1:N/callback (default: a random free port)
  --preferred-challenge C      with USER_AUTH: PASSWORD, PASSWORD_SRP, EMAIL_OTP or SMS_OTP (else Cognito offers a choice)
  --refresh-method M           auto (default: GetTokensFromRefreshToken, REFRESH_TOKEN_AUTH where the endpoint lacks it), or force REFRESH_TOKEN_AUTH, REFRESH_TOKEN or GetTokensFromRefreshToken
  --endpoint URL               Cognito endpoint (for a local emulator or a proxy)
  --fips                       use Cognito's FIPS endpoint (us-east-1/2, us-west-1/2; GovCloud always does); --no-fips to stop
  --client-metadata KEY=VALUE  ClientMetadata sent to the pool's Lambda triggers (repeatable)
  --analytics-endpoint-id ID   Pinpoint endpoint id sent as AnalyticsMetadata
  --user-context-data DATA     encoded data for advanced security (UserContextData)
  --no-auto-refresh            do not renew this profile's tokens in the background (the app's tray)
  --identity-pool-id ID        Cognito identity pool (<region>:<guid>) whose AWS credentials ctm aws-credentials and ctm exec give
  --identity-endpoint URL      cognito-identity endpoint (default: --endpoint when set, else AWS's for the pool's region)
  --role-arn ARN               with token-based role mapping: the role to ask for (CustomRoleArn)
  --aws-profile NAME           with ADMIN_USER_PASSWORD_AUTH: the AWS CLI profile whose credentials sign AdminInitiateAuth
                               (default: the standard chain: environment, ~/.aws files, SSO, credential_process); never stored`;

/**
 * Turns flags into profile fields. Only flags that were given appear, so an edit changes only those; with
 * `clearable`, an empty value ("") removes an optional field.
 */
export function fieldsFromFlags(values: ProfileFieldValues, clearable: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const set = (key: string, value: string | undefined, optional: boolean): void => {
    if (value === undefined) return;
    if (value === '' && optional && clearable) fields[key] = undefined;
    else fields[key] = value;
  };
  set('region', values.region, false);
  set('userPoolId', values['user-pool-id'], false);
  set('clientId', values['client-id'], false);
  set('username', values.username, true);
  set('authFlow', values['auth-flow'], false);
  set('preferredChallenge', values['preferred-challenge'], true);
  set('refreshMethod', values['refresh-method'], false);
  set('endpoint', values.endpoint, true);
  set('analyticsEndpointId', values['analytics-endpoint-id'], true);
  set('userContextData', values['user-context-data'], true);
  if (values['client-metadata'] !== undefined) fields.clientMetadata = clientMetadata(values['client-metadata']);
  if (values['auto-refresh'] !== undefined) fields.autoRefresh = values['auto-refresh'];
  if (values.fips !== undefined) fields.fips = values.fips;
  set('domain', values.domain?.replace(/\/+$/, ''), true);
  set('identityProvider', values['identity-provider'], true);
  set('idpIdentifier', values['idp-identifier'], true);
  set('identityPoolId', values['identity-pool-id'], true);
  set('identityEndpoint', values['identity-endpoint'], true);
  set('roleArn', values['role-arn'], true);
  set('awsProfile', values['aws-profile'], true);
  const port = values['callback-port'];
  if (port !== undefined) fields.callbackPort = port === '' && clearable ? undefined : /^\d+$/.test(port) ? Number(port) : port;
  // A lone --scope "" clears the list (on edit): the client's allowed scopes apply again.
  if (values.scope !== undefined) fields.scopes = values.scope.every((scope) => scope === '') && clearable ? undefined : values.scope;
  return fields;
}

/** KEY=VALUE pairs as a record; a lone "" clears it (on edit). */
function clientMetadata(pairs: string[]): Record<string, string> | undefined {
  if (pairs.every((pair) => pair === '')) return undefined;
  const metadata: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new BadInputError(`--client-metadata expects KEY=VALUE (got "${pair}").`);
    metadata[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return metadata;
}
