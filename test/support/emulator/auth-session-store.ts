import { randomBytes } from 'node:crypto';
import { notAuthorized } from './cognito-error.ts';
import type { ClientRecord } from './pool-records.ts';
import type { SignInProgress } from './sign-in-progress.ts';
import type { SrpServerState } from './srp-server.ts';

/** One step of a sign-in conversation, addressed by the opaque Session string Cognito hands out. */
export interface AuthSession {
  id: string;
  progress: SignInProgress;
  /** The ChallengeName the next RespondToAuthChallenge must carry. */
  challenge: string;
  expiresAt: number;
  used: boolean;
  /** Wrong codes answered on this session (it survives a few, like Cognito). */
  failures: number;
  /** The server half of an SRP exchange in progress (user or device). */
  srp?: SrpServerState;
  /** The index of the custom round being asked. */
  customRound?: number;
  /** The code sent for SMS_MFA / EMAIL_OTP / SMS_OTP. */
  code?: string;
  /** The TOTP secret handed out by AssociateSoftwareToken during MFA_SETUP, and whether it was verified. */
  pendingTotpSecret?: string;
  totpVerified?: boolean;
  /** The address MFA_SETUP by e-mail sent its code to; EMAIL_OTP enrols it once the code is right. */
  setupEmail?: string;
  /** The answers SELECT_MFA_TYPE / SELECT_CHALLENGE accept. */
  choices?: string[];
}

/** The fields a caller provides when opening a session. */
export type NewAuthSession = Omit<AuthSession, 'id' | 'expiresAt' | 'used' | 'failures'>;

/** Challenge sessions: single-use, expiring after the client's authSessionValiditySeconds. */
export class AuthSessionStore {
  readonly #sessions = new Map<string, AuthSession>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Opens a session and returns it (its id is what the client sees as Session). */
  open(fields: NewAuthSession): AuthSession {
    const id = randomBytes(144).toString('base64');
    const expiresAt = this.#now() + fields.progress.client.authSessionValiditySeconds * 1000;
    const session: AuthSession = { ...fields, id, expiresAt, used: false, failures: 0 };
    this.#sessions.set(id, session);
    return session;
  }

  /** Looks a session up without using it (of `client`, when given); throws Cognito's errors for unknown, used or expired ones. */
  peek(id: string | undefined, client?: ClientRecord): AuthSession {
    const session = id === undefined ? undefined : this.#sessions.get(id);
    if (!session || (client !== undefined && session.progress.client !== client))
      throw notAuthorized('Invalid session for the user.');
    if (session.used) throw notAuthorized('Invalid session for the user, session can only be used once.');
    if (this.#now() >= session.expiresAt) throw notAuthorized('Invalid session for the user, session is expired.');
    return session;
  }

  /** Marks a session as spent. */
  spend(session: AuthSession): void {
    session.used = true;
  }
}
