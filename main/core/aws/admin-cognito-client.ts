import { CognitoClient } from '../cognito/cognito-client.ts';
import type { CognitoTransport } from '../cognito/transport.ts';
import type { CognitoOperations } from '../cognito/wire-types.ts';
import { CtmError } from '../errors.ts';
import type { Profile } from '../profiles/profile.ts';

type Signer = (url: string, headers: Record<string, string>, body: string) => Promise<Record<string, string>>;

/**
 * The administrator API behind the user-pool conversation: InitiateAuth becomes AdminInitiateAuth and
 * RespondToAuthChallenge AdminRespondToAuthChallenge (with the pool id, SigV4-signed for cognito-idp with the AWS
 * credentials the standard chain, or --aws-profile, gives); every other call (refresh, devices, revocation) is the
 * user-pool API's, unsigned. The AWS credentials are read when needed and never stored.
 */
export class AdminCognitoClient extends CognitoClient {
  private readonly profile: Profile;
  private signer: Signer | undefined;

  constructor(transport: CognitoTransport, endpoint: string, profile: Profile) {
    super(transport, endpoint);
    this.profile = profile;
  }

  override async call<Op extends keyof CognitoOperations>(
    operation: Op,
    request: CognitoOperations[Op]['request'],
  ): Promise<CognitoOperations[Op]['response']> {
    if (operation !== 'InitiateAuth' && operation !== 'RespondToAuthChallenge') return super.call(operation, request);
    // AdminInitiateAuth takes ContextData (IP, server name...) rather than the user-side UserContextData: leave it out.
    const { UserContextData: _unused, ...rest } = request as Record<string, unknown>;
    const admin = operation === 'InitiateAuth' ? 'AdminInitiateAuth' : 'AdminRespondToAuthChallenge';
    return this.send(admin, { UserPoolId: this.profile.userPoolId, ...rest }, (url, headers, body) =>
      this.sign(url, headers, body),
    ) as Promise<CognitoOperations[Op]['response']>;
  }

  private async sign(url: string, headers: Record<string, string>, body: string): Promise<Record<string, string>> {
    const { profile } = this;
    if (!this.signer) {
      const { jsonRequestSigner } = await import('./aws-sdk-entry.ts');
      this.signer = jsonRequestSigner({
        service: 'cognito-idp',
        region: profile.region,
        awsProfile: profile.awsProfile,
      });
    }
    try {
      return await this.signer(url, headers, body);
    } catch (error) {
      const where = profile.awsProfile
        ? `the AWS profile "${profile.awsProfile}"`
        : 'the standard AWS chain (environment, ~/.aws/config and credentials, SSO, credential_process)';
      const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
      throw new CtmError(
        'config',
        `The administrator sign-in of "${profile.name}" needs AWS credentials, and ${where} gave none (${reason}). Sign in to AWS (aws sso login, aws-vault) or set --aws-profile.`,
      );
    }
  }
}
