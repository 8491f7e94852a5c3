import { timingSafeEqual } from 'node:crypto';
import type { AwsPrincipal, AwsState } from './aws-state.ts';
import { SignatureProblem } from './signature-problem.ts';
import {
  amzDateTime,
  canonicalRequest,
  expectedSignature,
  parseAuthorization,
  toAmzDate,
  type SignedParts,
} from './sigv4.ts';

/** How far a request's X-Amz-Date may be from the server's clock (SigV4: 15 minutes, "RequestExpired" in CommonErrors). */
const MAX_SKEW_MS = 15 * 60_000;

/**
 * Verifies a SigV4-signed request for `service` against the seeded IAM keys and the temporary credentials the emulator
 * issued, in the order AWS reports problems: no signature, a malformed one, an unknown or expired key, a skewed clock,
 * then the signature itself. Returns who signed it; throws SignatureProblem.
 */
export function signedCaller(aws: AwsState, parts: SignedParts, service: string, now: number): AwsPrincipal {
  const header = parts.headers.authorization;
  if (!header) throw new SignatureProblem('missing');
  const auth = parseAuthorization(header);
  if (!auth) throw new SignatureProblem('incomplete');
  const amzDate = parts.headers['x-amz-date'] ?? '';
  const signedAt = amzDateTime(amzDate);
  if (signedAt === undefined)
    throw new SignatureProblem(
      'incomplete',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  if (!auth.signedHeaders.includes('host'))
    throw new SignatureProblem(
      'incomplete',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  if (auth.service !== service)
    throw new SignatureProblem('wrong-service', `Credential should be scoped to correct service: '${service}'. `);
  const principal = aws.principals.get(auth.accessKeyId);
  const token = parts.headers['x-amz-security-token'];
  if (!principal || (principal.kind === 'user' ? token !== undefined : token !== principal.sessionToken))
    throw new SignatureProblem('unknown-key');
  if (principal.kind === 'role-session' && principal.expiresAt <= now) throw new SignatureProblem('expired-token');
  if (signedAt < now - MAX_SKEW_MS) {
    throw new SignatureProblem(
      'skewed',
      `Signature expired: ${amzDate} is now earlier than ${toAmzDate(now - MAX_SKEW_MS)} (${toAmzDate(now)} - 15 min.)`,
    );
  }
  if (signedAt > now + MAX_SKEW_MS) {
    throw new SignatureProblem(
      'skewed',
      `Signature not yet current: ${amzDate} is still later than ${toAmzDate(now + MAX_SKEW_MS)} (${toAmzDate(now)} + 15 min.)`,
    );
  }
  const expected = expectedSignature(
    principal.secretAccessKey,
    amzDate,
    auth,
    canonicalRequest(parts, auth.signedHeaders),
  );
  if (auth.date !== amzDate.slice(0, 8) || !timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature)))
    throw new SignatureProblem('bad-signature');
  return principal;
}

/** Whether a principal's policy allows an IAM action (`service:Action`); role sessions are allowed none (their role grants nothing here). */
export function allows(principal: AwsPrincipal, action: string): boolean {
  if (principal.kind !== 'user') return false;
  const service = action.slice(0, action.indexOf(':'));
  return principal.allow.some((allowed) => allowed === '*' || allowed === action || allowed === `${service}:*`);
}

/** Refuses a principal its action, as IAM words it ("Troubleshoot access denied error messages", IAM user guide). */
export function requireAllowed(principal: AwsPrincipal, action: string, resource: string): void {
  if (!allows(principal, action)) {
    throw new SignatureProblem(
      'access-denied',
      `User: ${principal.arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
    );
  }
}
