import { CognitoError } from '../cognito-error.ts';

/** Why a request's signature was refused. */
export type SignatureRefusal =
  | 'missing'
  | 'incomplete'
  | 'unknown-key'
  | 'bad-signature'
  | 'expired-token'
  | 'skewed'
  | 'wrong-service'
  | 'access-denied';

/** A refused signature (or a principal not allowed the action); each protocol words it its own way below. */
export class SignatureProblem extends Error {
  readonly refusal: SignatureRefusal;
  constructor(refusal: SignatureRefusal, message?: string) {
    super(message ?? defaultMessages[refusal]);
    this.refusal = refusal;
  }
}

const badSignature =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

// Messages as AWS services answer them (STS/IAM CommonErrors, observed in aws/aws-sdk-js#254 and botocore reports).
const defaultMessages: Record<SignatureRefusal, string> = {
  missing: 'Missing Authentication Token',
  incomplete: "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.",
  'unknown-key': 'The security token included in the request is invalid.',
  'bad-signature': badSignature,
  'expired-token': 'The security token included in the request is expired',
  skewed: 'Signature expired',
  'wrong-service': 'Credential should be scoped to correct service.',
  'access-denied': 'Access denied',
};

const jsonTypes: Record<SignatureRefusal, [type: string, status: number]> = {
  missing: ['MissingAuthenticationTokenException', 403],
  incomplete: ['IncompleteSignatureException', 400],
  'unknown-key': ['UnrecognizedClientException', 400],
  'bad-signature': ['InvalidSignatureException', 400],
  'expired-token': ['ExpiredTokenException', 400],
  skewed: ['InvalidSignatureException', 400],
  'wrong-service': ['InvalidSignatureException', 400],
  'access-denied': ['AccessDeniedException', 400],
};

const queryCodes: Record<SignatureRefusal, [code: string, status: number]> = {
  missing: ['MissingAuthenticationToken', 403],
  incomplete: ['IncompleteSignature', 400],
  'unknown-key': ['InvalidClientTokenId', 403],
  'bad-signature': ['SignatureDoesNotMatch', 403],
  'expired-token': ['ExpiredToken', 403],
  skewed: ['SignatureDoesNotMatch', 403],
  'wrong-service': ['SignatureDoesNotMatch', 403],
  'access-denied': ['AccessDenied', 403],
};

/** The refusal as a JSON 1.1 service (cognito-idp, cognito-identity) answers it. */
export function asJsonError(problem: SignatureProblem): CognitoError {
  const [type, status] = jsonTypes[problem.refusal];
  return new CognitoError(
    type,
    problem.refusal === 'missing' ? 'Missing Authentication Token' : problem.message,
    status,
  );
}

/** The refusal as a query-protocol service (STS) answers it: its Code, Message and HTTP status. */
export function asQueryError(problem: SignatureProblem): { code: string; message: string; status: number } {
  const [code, status] = queryCodes[problem.refusal];
  return {
    code,
    message: problem.refusal === 'missing' ? 'Request is missing Authentication Token' : problem.message,
    status,
  };
}
