/** What to do about each Cognito error type: said after Cognito's own message (which never carries a secret). */
export const ERROR_ADVICE: Readonly<Record<string, string>> = {
  NotAuthorizedException: 'Check the username and password.',
  UserNotFoundException: 'Check the username, and that the profile points at the right user pool.',
  UserNotConfirmedException:
    'Confirm the user first (the confirmation code sent at sign-up, or AdminConfirmSignUp), then sign in again.',
  PasswordResetRequiredException:
    'An administrator asked for a new password: reset it (forgot-password flow) and sign in with the new one.',
  ResourceNotFoundException: 'Check the app client id, the user pool id and the region of the profile.',
  InvalidParameterException: 'Check that the app client allows this auth flow and that the profile is complete.',
  TooManyRequestsException: 'Cognito is throttling requests; wait a little and try again.',
  LimitExceededException: 'A Cognito limit was reached; wait a little and try again.',
  CodeMismatchException: 'The code was wrong; enter the newest code (a few wrong codes end the sign-in).',
  ExpiredCodeException: 'The code or the sign-in session expired; start the sign-in again.',
  InvalidPasswordException:
    'Nothing was changed: the old or temporary password still works. Choose one that meets the policy (its length, digits, symbols, upper and lower case).',
  PasswordHistoryPolicyViolationException: 'The new password was used before; choose one you have not used.',
  InternalErrorException: 'Cognito had an internal error; try again.',
  ServiceUnavailableException: 'Cognito is unavailable for the moment; try again shortly.',
  UnexpectedLambdaException: 'A Lambda trigger of the user pool failed; check the pool\u2019s triggers.',
  UserLambdaValidationException: 'A Lambda trigger of the user pool refused the request.',
  InvalidLambdaResponseException:
    'A Lambda trigger of the user pool answered something Cognito could not use; check the pool\u2019s triggers.',
  ForbiddenException: 'A web ACL (AWS WAF) in front of the user pool refused the request.',
  UnsupportedOperationException: 'The user pool does not support this operation for this app client.',
  InvalidUserPoolConfigurationException:
    'The user pool is not configured for this (for example MFA or custom auth triggers); ask its administrator.',
  InvalidSmsRoleAccessPolicyException:
    'The user pool cannot send SMS (its IAM role lacks permission); ask its administrator.',
  InvalidSmsRoleTrustRelationshipException:
    'The user pool cannot send SMS (its IAM role trust is wrong); ask its administrator.',
  InvalidEmailRoleAccessPolicyException: 'The user pool cannot send e-mail (SES permissions); ask its administrator.',
  CodeDeliveryFailureException:
    'Cognito could not deliver the code; check the phone number or e-mail address and try again.',
  MFAMethodNotFoundException:
    'The user has no MFA method Cognito can use; set one up (for example TOTP) and try again.',
  SoftwareTokenMFANotFoundException:
    'The user has no authenticator app set up; set one up or choose another MFA method.',
  EnableSoftwareTokenMFAException:
    'The authenticator code was wrong; check the device\u2019s clock and enter the current code.',
  UnauthorizedException: 'The app client refused the request; check the client id and client secret of the profile.',
  UnsupportedTokenTypeException: 'Only refresh tokens can be revoked.',
  RefreshTokenReuseException: 'This refresh token was already replaced (rotation); sign in again.',
  ConcurrentModificationException: 'Something else changed the user at the same time; try again.',
  UserPoolAddOnNotEnabledException: 'The user pool lacks the feature plan this needs; ask its administrator.',
  WebAuthnNotEnabledException: 'Passkeys are not enabled in this user pool; choose another sign-in method.',
  UnknownOperationException: 'The endpoint does not speak this Cognito operation; check the profile\u2019s endpoint.',
  SerializationException: 'The endpoint could not read the request; check the profile\u2019s endpoint.',
  AccessDeniedException:
    'The AWS credentials lack cognito-idp:AdminInitiateAuth and cognito-idp:AdminRespondToAuthChallenge on this user pool.',
  UnrecognizedClientException:
    'AWS does not know these AWS credentials; check --aws-profile or the AWS credentials in use.',
  InvalidSignatureException:
    'The AWS secret access key does not match its key id, or this computer\u2019s clock is off by more than 15 minutes.',
  ExpiredTokenException: 'The AWS credentials have expired; renew them (aws sso login, aws-vault) and try again.',
  MissingAuthenticationTokenException:
    'The administrator API needs signed requests; check the profile\u2019s endpoint.',
};

/** Advice for particular messages, which say more than the type (matched before the type's advice). */
export const MESSAGE_ADVICE: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /session is expired|session.*expired/i,
    'The sign-in took too long and its session expired; start the sign-in again (and answer each step within 3 minutes).',
  ],
  [
    /can only be used once/i,
    'Cognito no longer accepts this sign-in (a step was already answered, or too many wrong codes were entered); start the sign-in again.',
  ],
  [
    /Invalid session/i,
    'Cognito no longer accepts this sign-in (too many wrong codes, or it took longer than its time limit); start the sign-in again.',
  ],
  [
    /secret hash|SECRET_HASH|client secret/i,
    'Check the client secret stored for the profile (ctm profile edit NAME --client-secret-stdin), or that the app client really has one.',
  ],
  [/Password attempts exceeded/i, 'Too many wrong passwords: wait some minutes before trying again.'],
  [
    /Invalid Refresh Token|Refresh Token has (expired|been revoked)/i,
    'The refresh token is no longer valid; sign in again.',
  ],
  [
    /flow not enabled|Initiate Auth method not supported|Auth flow not enabled/i,
    'Enable this flow on the app client (ALLOW_<FLOW> in its authentication flows) or choose another auth flow for the profile.',
  ],
  [/Device does not exist/i, 'The remembered device is unknown to the pool; sign in again without it.'],
  [/User is disabled/i, 'The user is disabled; ask the pool\u2019s administrator to enable it.'],
];

/**
 * Errors whose Cognito wording is not for people, said in plain words instead (the advice still follows). Cognito's
 * InvalidPasswordException reads "Password does not conform to policy: Password not long enough".
 */
export const PLAIN_WORDS: Readonly<Record<string, (serviceMessage: string) => string | undefined>> = {
  // cognito-local also answers a wrong password with this type ("Invalid password"): only a policy refusal is said so.
  InvalidPasswordException: (message) => {
    if (message && !/policy/i.test(message)) return undefined;
    const reason = message.replace(/^Password does not conform to policy:\s*/i, '').replace(/\.+$/, '');
    return `The user pool\u2019s password policy refused the new password${reason ? ` (${reason})` : ''}`;
  },
};
