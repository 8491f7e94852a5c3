import { BadInputError } from '../errors.ts';

/**
 * ADMIN_USER_PASSWORD_AUTH belongs to AdminInitiateAuth, an IAM-signed administrator API: the administrator kind
 * (main/core/aws/admin-flow.ts) serves it; the user-pool API alone cannot. ADMIN_NO_SRP_AUTH is its retired name.
 */
export function refuseAdminFlow(flow: string): never {
  if (flow === 'ADMIN_NO_SRP_AUTH') {
    throw new BadInputError(
      'ADMIN_NO_SRP_AUTH is no longer a valid auth flow: Cognito replaced it with ADMIN_USER_PASSWORD_AUTH (an administrator flow). ' +
        'Set the profile\u2019s auth flow to USER_PASSWORD_AUTH (enable ALLOW_USER_PASSWORD_AUTH on the app client) or USER_SRP_AUTH.',
    );
  }
  throw new BadInputError(
    `${flow} is only available through AdminInitiateAuth, which needs AWS IAM credentials (SigV4) with administrator rights on the user pool; ` +
      'the user-pool API cannot send it. Use the administrator sign-in (ctm signs it with your AWS credentials), or set the profile\u2019s auth flow ' +
      'to USER_PASSWORD_AUTH (enable ALLOW_USER_PASSWORD_AUTH on the app client, the same check of username and password) or USER_SRP_AUTH.',
  );
}
