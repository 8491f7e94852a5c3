import { BadInputError } from '../errors.ts';
import type { CognitoClient } from '../cognito/cognito-client.ts';
import type { ChallengeAnswerResponse, InitiateAuthRequest } from '../cognito/wire-types.ts';
import { secretHash } from '../cognito/secret-hash.ts';
import type { Profile } from '../profiles/profile.ts';
import { tokenSetFrom } from '../tokens/token-set.ts';
import type { ChallengeAnswer, ChallengePrompt, SignInCredentials, SignInOutcome } from './sign-in-types.ts';

/** What a conversation needs from outside: the profile, its client secret, the wire client and the time. */
export interface SignInContext {
  profile: Profile;
  clientSecret?: string;
  client: CognitoClient;
  now: () => number;
}

/** One sign-in, step by step: start -> challenge -> answer -> ... -> tokens. The UI and `ctm login` both drive it. */
export class SignInConversation {
  private readonly context: SignInContext;
  private session: string | undefined;
  private challengeName: string | undefined;
  private challengeParameters: Record<string, string> = {};
  private username = '';

  constructor(context: SignInContext) {
    this.context = context;
  }

  /** Sends InitiateAuth with the profile's flow. */
  async start(credentials: SignInCredentials): Promise<SignInOutcome> {
    const { profile } = this.context;
    const username = credentials.username ?? profile.username;
    if (!username) throw new BadInputError(`Profile "${profile.name}" has no username: give one (ctm login ${profile.name} --username NAME).`);
    this.username = username;
    if (profile.authFlow !== 'USER_PASSWORD_AUTH') {
      throw new BadInputError(`The ${profile.authFlow} flow is not supported yet; set the profile's auth flow to USER_PASSWORD_AUTH.`);
    }
    if (!credentials.password) throw new BadInputError('A password is needed to sign in.');
    const response = await this.context.client.call('InitiateAuth', {
      ...this.envelope(),
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: this.withSecretHash({ USERNAME: username, PASSWORD: credentials.password }, username),
    });
    return this.outcome(response);
  }

  /** Answers the pending challenge. */
  async answer(answer: ChallengeAnswer): Promise<SignInOutcome> {
    if (!this.challengeName) throw new BadInputError('There is no challenge waiting for an answer; start the sign-in again.');
    const username = this.challengeParameters.USER_ID_FOR_SRP ?? this.challengeParameters.USERNAME ?? this.username;
    const responses = challengeResponses(this.challengeName, answer);
    const response = await this.context.client.call('RespondToAuthChallenge', {
      ...this.envelope(),
      ChallengeName: this.challengeName,
      ChallengeResponses: this.withSecretHash({ USERNAME: username, ...responses }, username),
      ...(this.session ? { Session: this.session } : {}),
    });
    return this.outcome(response);
  }

  private outcome(response: ChallengeAnswerResponse): SignInOutcome {
    if (response.AuthenticationResult) {
      this.challengeName = undefined;
      return { kind: 'tokens', tokens: tokenSetFrom(response.AuthenticationResult, this.context.now()) };
    }
    if (!response.ChallengeName) throw new BadInputError('Cognito answered with neither tokens nor a challenge.');
    this.challengeName = response.ChallengeName;
    this.challengeParameters = response.ChallengeParameters ?? {};
    this.session = response.Session;
    return { kind: 'challenge', prompt: promptFor(response.ChallengeName, this.challengeParameters) };
  }

  private envelope(): Pick<InitiateAuthRequest, 'ClientId' | 'ClientMetadata' | 'AnalyticsMetadata' | 'UserContextData'> {
    const { profile } = this.context;
    return {
      ClientId: profile.clientId,
      ...(profile.clientMetadata ? { ClientMetadata: profile.clientMetadata } : {}),
      ...(profile.analyticsEndpointId ? { AnalyticsMetadata: { AnalyticsEndpointId: profile.analyticsEndpointId } } : {}),
      ...(profile.userContextData ? { UserContextData: { EncodedData: profile.userContextData } } : {}),
    };
  }

  private withSecretHash(parameters: Record<string, string>, username: string): Record<string, string> {
    const { clientSecret, profile } = this.context;
    return clientSecret ? { ...parameters, SECRET_HASH: secretHash(clientSecret, username, profile.clientId) } : parameters;
  }
}

function promptFor(name: string, parameters: Record<string, string>): ChallengePrompt {
  if (name === 'NEW_PASSWORD_REQUIRED') {
    const required = parseJsonArray(parameters.requiredAttributes).map((a) => a.replace(/^userAttributes\./, ''));
    return { name, requiredAttributes: required };
  }
  return { name, ...(parameters.CODE_DELIVERY_DESTINATION ? { destination: parameters.CODE_DELIVERY_DESTINATION } : {}) };
}

function challengeResponses(name: string, answer: ChallengeAnswer): Record<string, string> {
  switch (name) {
    case 'NEW_PASSWORD_REQUIRED': {
      if (!answer.newPassword) throw new BadInputError('A new password is needed.');
      const attributes = Object.fromEntries(Object.entries(answer.attributes ?? {}).map(([k, v]) => [`userAttributes.${k}`, v]));
      return { NEW_PASSWORD: answer.newPassword, ...attributes };
    }
    default:
      throw new BadInputError(`The ${name} challenge is not supported yet.`);
  }
}

function parseJsonArray(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
