/** The demo's pool, clients and users, as in demo-seed.json (the README lists the same). */
export const DEMO_POOL = 'us-east-1_CtmDemo1';
/** The confidential client's secret; the demo stores it in the keychain like a real one. */
export const DEMO_CLIENT_SECRET = 'demo-client-secret-not-for-production';
/** The TOTP user's authenticator secret (base32). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/** One profile the demo creates, and how to sign it in. */
export interface DemoProfile {
  name: string;
  clientId: string;
  confidential: boolean;
  authFlow: 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH';
  username: string;
  password: string;
  /** What this profile shows. */
  shows: string;
}

/** The demo profiles: one per kind of sign-in, and one on the confidential client. */
export const DEMO_PROFILES: DemoProfile[] = [
  {
    name: 'demo-password',
    clientId: 'demopublicclient',
    confidential: false,
    authFlow: 'USER_PASSWORD_AUTH',
    username: 'pat',
    password: 'Demo-Password-1',
    shows: 'a plain password sign-in',
  },
  {
    name: 'demo-srp',
    clientId: 'demopublicclient',
    confidential: false,
    authFlow: 'USER_SRP_AUTH',
    username: 'sam',
    password: 'Demo-Srp-Pass-1',
    shows: 'SRP (the password never leaves the machine)',
  },
  {
    name: 'demo-new-password',
    clientId: 'demopublicclient',
    confidential: false,
    authFlow: 'USER_PASSWORD_AUTH',
    username: 'nina',
    password: 'Demo-Temp-Pass-1',
    shows: 'a temporary password that must be changed (any 8+ characters)',
  },
  {
    name: 'demo-totp',
    clientId: 'demopublicclient',
    confidential: false,
    authFlow: 'USER_SRP_AUTH',
    username: 'tom',
    password: 'Demo-Totp-Pass-1',
    shows: 'SRP, then an authenticator-app code',
  },
  {
    name: 'demo-confidential',
    clientId: 'democonfidentialclient',
    confidential: true,
    authFlow: 'USER_SRP_AUTH',
    username: 'pat',
    password: 'Demo-Password-1',
    shows: 'an app client with a secret (kept in the keychain)',
  },
];
