import { describeNetworkFailure } from '../cognito/cognito-client.ts';
import { CognitoNetworkError, CognitoServiceError } from '../cognito/cognito-errors.ts';
import type { CognitoTransport } from '../cognito/transport.ts';

const TIMEOUT_MS = 15_000;

/** GetId's and GetCredentialsForIdentity's answers, as far as ctm reads them. */
interface IdentityOperations {
  GetId: { request: { IdentityPoolId: string; Logins: Record<string, string> }; response: { IdentityId?: string } };
  GetCredentialsForIdentity: {
    request: { IdentityId: string; Logins: Record<string, string>; CustomRoleArn?: string };
    response: {
      IdentityId?: string;
      Credentials?: { AccessKeyId?: string; SecretKey?: string; SessionToken?: string; Expiration?: number };
    };
  };
}

/** cognito-identity's JSON 1.1 protocol (`AWSCognitoIdentityService.*`): public, unsigned operations. */
export class IdentityClient {
  private readonly transport: CognitoTransport;
  private readonly endpoint: string;

  constructor(transport: CognitoTransport, endpoint: string) {
    this.transport = transport;
    this.endpoint = endpoint;
  }

  /** Calls one operation; throws CognitoServiceError for the service's refusals, CognitoNetworkError otherwise. */
  async call<Op extends keyof IdentityOperations>(
    operation: Op,
    request: IdentityOperations[Op]['request'],
  ): Promise<IdentityOperations[Op]['response']> {
    const headers = {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityService.${operation}`,
    };
    let answer: { status: number; body: string };
    try {
      answer = await this.transport.post(this.endpoint, headers, JSON.stringify(request), TIMEOUT_MS);
    } catch (error) {
      if (error instanceof CognitoNetworkError) throw error; // the proxy's failure, named (proxy-failure.ts)
      throw new CognitoNetworkError(
        `Could not reach ${this.endpoint} (${describeNetworkFailure(error)}). Check the network and the profile's identity endpoint.`,
        { cause: error },
      );
    }
    let parsed: Record<string, unknown> | undefined;
    try {
      const value: unknown = JSON.parse(answer.body === '' ? '{}' : answer.body);
      parsed = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    } catch {
      parsed = undefined;
    }
    if (answer.status >= 200 && answer.status < 300 && parsed) return parsed as IdentityOperations[Op]['response'];
    const type =
      typeof parsed?.__type === 'string' ? parsed.__type.slice(parsed.__type.lastIndexOf('#') + 1) : undefined;
    const message =
      typeof parsed?.message === 'string' ? parsed.message : typeof parsed?.Message === 'string' ? parsed.Message : '';
    if (type) throw new CognitoServiceError(type, message, answer.status);
    throw new CognitoNetworkError(
      `${this.endpoint} answered HTTP ${answer.status} with something that is not cognito-identity's JSON. Check the profile's identity endpoint.`,
    );
  }
}
