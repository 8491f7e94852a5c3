import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { AwsState } from './aws-state.ts';
import { signedCaller } from './signed-caller.ts';
import { asQueryError, SignatureProblem } from './signature-problem.ts';
import type { SignedParts } from './sigv4.ts';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);
}

function sendXml(res: ServerResponse, status: number, xml: string): void {
  const requestId = randomUUID();
  const text = xml.replace('__REQUEST_ID__', requestId);
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
  });
  res.end(text);
}

/** STS's query-protocol error document (API_GetCallerIdentity, CommonErrors). */
export function sendStsError(res: ServerResponse, status: number, code: string, message: string): void {
  sendXml(
    res,
    status,
    `<ErrorResponse xmlns="${STS_NS}">\n  <Error>\n    <Type>Sender</Type>\n    <Code>${escapeXml(code)}</Code>\n    <Message>${escapeXml(message)}</Message>\n  </Error>\n  <RequestId>__REQUEST_ID__</RequestId>\n</ErrorResponse>\n`,
  );
}

/** The form fields of a query-protocol request (`Action=GetCallerIdentity&Version=2011-06-15`). */
export function formFields(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/**
 * STS on the emulator's endpoint (as LocalStack and moto serve it): GetCallerIdentity, signed with SigV4 for service
 * `sts` by a seeded IAM user or by credentials GetCredentialsForIdentity issued. No permission is needed to call it
 * (API_GetCallerIdentity); the answer names the user, or the role session `assumed-role/<role>/CognitoIdentityCredentials`.
 */
export function answerSts(aws: AwsState, parts: SignedParts, res: ServerResponse, now: number): void {
  const fields = formFields(parts.body);
  const action = fields.Action ?? '';
  try {
    const caller = signedCaller(aws, parts, 'sts', now);
    if (action !== 'GetCallerIdentity')
      return sendStsError(
        res,
        400,
        'InvalidAction',
        `Could not find operation ${action} for version ${fields.Version ?? 'NO_VERSION_SPECIFIED'}`,
      );
    const result = `<Arn>${escapeXml(caller.arn)}</Arn>\n    <UserId>${escapeXml(caller.userId)}</UserId>\n    <Account>${aws.accountId}</Account>`;
    sendXml(
      res,
      200,
      `<GetCallerIdentityResponse xmlns="${STS_NS}">\n  <GetCallerIdentityResult>\n    ${result}\n  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>__REQUEST_ID__</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n`,
    );
  } catch (error) {
    if (!(error instanceof SignatureProblem)) throw error;
    const { code, message, status } = asQueryError(error);
    sendStsError(res, status, code, message);
  }
}
