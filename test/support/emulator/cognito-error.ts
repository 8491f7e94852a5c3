/** An error the emulator answers with: Cognito's `__type`, its message and the HTTP status. */
export class CognitoError extends Error {
  readonly type: string;
  readonly status: number;

  constructor(type: string, message: string, status = 400) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

/** NotAuthorizedException with the given message. */
export function notAuthorized(message: string): CognitoError {
  return new CognitoError('NotAuthorizedException', message);
}

/** InvalidParameterException with the given message. */
export function invalidParameter(message: string): CognitoError {
  return new CognitoError('InvalidParameterException', message);
}

/** The error Cognito gives when a required top-level member is absent. */
export function missingMember(member: string): CognitoError {
  const camel = member.charAt(0).toLowerCase() + member.slice(1);
  return invalidParameter(
    `1 validation error detected: Value null at '${camel}' failed to satisfy constraint: Member must not be null`,
  );
}

/** The error Cognito gives when an AuthParameters / ChallengeResponses entry is absent. */
export function missingParameter(name: string): CognitoError {
  return invalidParameter(`Missing required parameter ${name}`);
}
