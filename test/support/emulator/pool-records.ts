import type { PoolSigner } from './pool-signer.ts';
import type {
  DeviceTracking,
  IssuerType,
  MfaMethod,
  MfaSetupMethod,
  SeedCustomChallenge,
  SeedOAuthClient,
  SeedResourceServer,
  UnknownDeviceError,
  UsernameAttribute,
  UserStatus,
} from './seed-types.ts';

/** A user pool as the emulator holds it while running. */
export interface PoolRecord {
  id: string;
  /** The part of the pool id after `_`: the "pool name" of SRP. */
  srpName: string;
  region: string;
  requiredAttributes: string[];
  /** Attributes users sign in with instead of a username (then the real username is a UUID). */
  usernameAttributes: UsernameAttribute[];
  deviceTracking: DeviceTracking;
  /** What MFA_SETUP offers (MFAS_CAN_SETUP). */
  mfaSetupMethods: MfaSetupMethod[];
  /** Which of Cognito's two answers an unknown device key gets. */
  unknownDeviceError: UnknownDeviceError;
  /** Which `iss` its tokens carry (pool-issuer.ts). */
  issuerType: IssuerType;
  users: Map<string, UserRecord>;
  signer: PoolSigner;
  resourceServers: SeedResourceServer[];
  /** Group name -> IAM role ARN. */
  groupRoles: Record<string, string>;
}

/** An app client with every default filled in. */
export interface ClientRecord {
  id: string;
  secret: string | undefined;
  accessTokenValiditySeconds: number;
  idTokenValiditySeconds: number;
  refreshTokenValiditySeconds: number;
  /** null when the seed lists no flows: everything is allowed. */
  explicitAuthFlows: Set<string> | null;
  rotation: { enabled: boolean; retryGracePeriodSeconds: number };
  authSessionValiditySeconds: number;
  omitExpiresIn: boolean;
  /** EnableTokenRevocation: false makes RevokeToken answer UnsupportedOperationException. */
  tokenRevocation: boolean;
  /** OAuth settings; undefined when the client has none (its OAuth endpoints then refuse it). */
  oauth: SeedOAuthClient | undefined;
  pool: PoolRecord;
}

/** A user with mutable state (password, status, devices, MFA). */
export interface UserRecord {
  /** The real (internal) username: the seed's, or a UUID in a pool with username attributes. */
  username: string;
  /** The seed's `username`, by which tests name the user (outbox, revokeAllFor). */
  seedName: string;
  password: string;
  sub: string;
  attributes: Record<string, string>;
  status: UserStatus;
  groups: string[];
  mfa: UserMfa;
  customChallenge: SeedCustomChallenge | undefined;
  devices: Map<string, DeviceRecord>;
  pool: PoolRecord;
}

/** A user's MFA settings while running. */
export interface UserMfa {
  totpSecret: string | undefined;
  phone: string | undefined;
  email: string | undefined;
  enabled: MfaMethod[];
  preferred: MfaMethod | undefined;
  setupRequired: boolean;
}

/** A device Cognito handed out in NewDeviceMetadata. */
export interface DeviceRecord {
  key: string;
  groupKey: string;
  name: string | undefined;
  /** Set by ConfirmDevice: the SRP verifier and salt, as hex. */
  verifierHex: string | undefined;
  saltHex: string | undefined;
  remembered: boolean;
}
