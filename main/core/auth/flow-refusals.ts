import { BadInputError } from '../errors.ts';

/**
 * ADMIN_USER_PASSWORD_AUTH belongs to AdminInitiateAuth, an IAM-signed administrator API: using it would
 * put AWS credentials with cognito-idp:AdminInitiateAuth rights into a token manager that otherwise
 * signs in as the user and holds no AWS credential at all. The same app client accepts the user flows.
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
      'this app signs in as the user and keeps no AWS credentials. Set the profile\u2019s auth flow to USER_PASSWORD_AUTH ' +
      '(enable ALLOW_USER_PASSWORD_AUTH on the app client, the same check of username and password) or USER_SRP_AUTH.',
  );
}
