import type { Core } from '../../core/core.ts';
import { awsEnvironment } from '../../core/aws/aws-credentials.ts';
import { startContainerCredentialsServer } from '../../core/aws/container-credentials-server.ts';
import { identityPoolRegion } from '../../core/aws/identity-pool.ts';
import { requireIdentityPool } from '../../core/aws/aws-credential-service.ts';
import type { Profile } from '../../core/profiles/profile.ts';

/** Every variable through which the AWS CLI and SDKs find credentials: cleared first, so the child sees only ours. */
const AWS_CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
];

/** What `ctm exec --aws` / `--aws-server` adds to the child's environment, and what to stop once it exits. */
export interface AwsExecEnvironment {
  apply(env: NodeJS.ProcessEnv): void;
  close(): Promise<void>;
}

/**
 * `--aws`: the profile's identity-pool credentials as AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
 * AWS_CREDENTIAL_EXPIRATION and the region (as aws-vault exec). `--aws-server`: a loopback container credentials
 * endpoint instead, so a long-running process renews them on its own (as aws-vault exec --ecs-server).
 */
export async function awsExecEnvironment(
  app: Core,
  profile: Profile,
  server: boolean,
  minTtlMs: number,
): Promise<AwsExecEnvironment> {
  const region = identityPoolRegion(requireIdentityPool(profile));
  const first = await app.awsCredentials(profile.id, { minTtlMs });
  const running = server ? await startContainerCredentialsServer(() => app.awsCredentials(profile.id)) : undefined;
  const added = running ? { ...running.env, AWS_REGION: region, AWS_DEFAULT_REGION: region } : awsEnvironment(first);
  return {
    apply(env) {
      for (const name of AWS_CREDENTIAL_VARIABLES) Reflect.deleteProperty(env, name);
      Object.assign(env, added);
    },
    close: () => running?.close() ?? Promise.resolve(),
  };
}
