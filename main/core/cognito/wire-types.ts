/** Request and response shapes of the Cognito user-pool operations the app calls, as on the wire. */

export interface AnalyticsMetadata {
  AnalyticsEndpointId?: string;
}

export interface UserContextData {
  EncodedData?: string;
  IpAddress?: string;
}

export interface NewDeviceMetadata {
  DeviceKey?: string;
  DeviceGroupKey?: string;
}

export interface AuthenticationResult {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
  TokenType?: string;
  NewDeviceMetadata?: NewDeviceMetadata;
}

export interface InitiateAuthRequest {
  AuthFlow: string;
  ClientId: string;
  AuthParameters?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadata;
  UserContextData?: UserContextData;
  Session?: string;
}

export interface ChallengeAnswerResponse {
  AuthenticationResult?: AuthenticationResult;
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
  AvailableChallenges?: string[];
}

export interface RespondToAuthChallengeRequest {
  ChallengeName: string;
  ClientId: string;
  ChallengeResponses: Record<string, string>;
  Session?: string;
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadata;
  UserContextData?: UserContextData;
}

export interface GetTokensFromRefreshTokenRequest {
  RefreshToken: string;
  ClientId: string;
  ClientSecret?: string;
  DeviceKey?: string;
  ClientMetadata?: Record<string, string>;
}

export interface RevokeTokenRequest {
  Token: string;
  ClientId: string;
  ClientSecret?: string;
}

/** Every operation the client speaks, by X-Amz-Target name. */
export interface CognitoOperations {
  InitiateAuth: { request: InitiateAuthRequest; response: ChallengeAnswerResponse };
  RespondToAuthChallenge: { request: RespondToAuthChallengeRequest; response: ChallengeAnswerResponse };
  GetTokensFromRefreshToken: { request: GetTokensFromRefreshTokenRequest; response: { AuthenticationResult?: AuthenticationResult } };
  RevokeToken: { request: RevokeTokenRequest; response: Record<string, never> };
  GlobalSignOut: { request: { AccessToken: string }; response: Record<string, never> };
}
