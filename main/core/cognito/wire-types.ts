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

/** AssociateSoftwareToken: during MFA_SETUP with the challenge Session, or for a signed-in user with an AccessToken. */
export interface AssociateSoftwareTokenRequest {
  Session?: string;
  AccessToken?: string;
}

/** AssociateSoftwareToken's answer: the base32 TOTP secret and, with a Session, the next Session. */
export interface AssociateSoftwareTokenResponse {
  SecretCode?: string;
  Session?: string;
}

/** VerifySoftwareToken: the first code of the new authenticator. */
export interface VerifySoftwareTokenRequest {
  Session?: string;
  AccessToken?: string;
  UserCode: string;
  FriendlyDeviceName?: string;
}

/** VerifySoftwareToken's answer: SUCCESS or ERROR and, with a Session, the Session to answer MFA_SETUP with. */
export interface VerifySoftwareTokenResponse {
  Status?: 'SUCCESS' | 'ERROR';
  Session?: string;
}

/** ConfirmDevice: the device's SRP verifier, so later sign-ins can prove the device (DEVICE_SRP_AUTH). */
export interface ConfirmDeviceRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig: { PasswordVerifier: string; Salt: string };
  DeviceName?: string;
}

/** UpdateDeviceStatus: remember a device (it then skips MFA) or stop remembering it. */
export interface UpdateDeviceStatusRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceRememberedStatus: 'remembered' | 'not_remembered';
}

/** Every operation the client speaks, by X-Amz-Target name. */
export interface CognitoOperations {
  InitiateAuth: { request: InitiateAuthRequest; response: ChallengeAnswerResponse };
  RespondToAuthChallenge: { request: RespondToAuthChallengeRequest; response: ChallengeAnswerResponse };
  GetTokensFromRefreshToken: {
    request: GetTokensFromRefreshTokenRequest;
    response: { AuthenticationResult?: AuthenticationResult };
  };
  RevokeToken: { request: RevokeTokenRequest; response: Record<string, never> };
  GlobalSignOut: { request: { AccessToken: string }; response: Record<string, never> };
  AssociateSoftwareToken: { request: AssociateSoftwareTokenRequest; response: AssociateSoftwareTokenResponse };
  VerifySoftwareToken: { request: VerifySoftwareTokenRequest; response: VerifySoftwareTokenResponse };
  ConfirmDevice: { request: ConfirmDeviceRequest; response: { UserConfirmationNecessary?: boolean } };
  UpdateDeviceStatus: { request: UpdateDeviceStatusRequest; response: Record<string, never> };
}
