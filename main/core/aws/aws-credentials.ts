/** Temporary AWS credentials of a profile's identity-pool identity. Times are epoch milliseconds. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** When AWS stops accepting them. */
  expiresAt: number;
  /** When ctm received them, to scale the renewal margin with their lifetime. */
  issuedAt: number;
  /** The identity-pool identity they belong to (`<region>:<uuid>`). */
  identityId: string;
  /** The identity pool's region: the AWS region the credentials are meant for. */
  region: string;
}

/** How long before expiry credentials are renewed: 5 minutes, as the AWS SDKs refresh (and aws-vault's server). */
export const AWS_RENEW_MARGIN_MS = 5 * 60_000;

/** True when the credentials stay valid past the renewal margin and past what the caller needs. */
export function credentialsFresh(credentials: Pick<AwsCredentials, 'expiresAt'>, now: number, minTtlMs = 0): boolean {
  return credentials.expiresAt - now > Math.max(minTtlMs, AWS_RENEW_MARGIN_MS);
}

/** The JSON a `credential_process` prints (AWS CLI / SDK "Sourcing credentials with an external process"): Version 1. */
export function credentialProcessJson(credentials: AwsCredentials): string {
  return JSON.stringify({
    Version: 1,
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: new Date(credentials.expiresAt).toISOString(),
  });
}

/** The variables aws-vault exec sets, read by the AWS CLI and every SDK. */
export function awsEnvironment(credentials: AwsCredentials): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    AWS_CREDENTIAL_EXPIRATION: new Date(credentials.expiresAt).toISOString(),
    AWS_REGION: credentials.region,
    AWS_DEFAULT_REGION: credentials.region,
  };
}

/** Checks a parsed value is stored credentials (a cache file another version or a person may have changed). */
export function isAwsCredentials(value: unknown): value is AwsCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    ['accessKeyId', 'secretAccessKey', 'sessionToken', 'identityId', 'region'].every(
      (k) => typeof v[k] === 'string' && v[k] !== '',
    ) &&
    typeof v.expiresAt === 'number' &&
    typeof v.issuedAt === 'number'
  );
}
