// What a profile offers right now, decided once for the window and the tray: whether its token can be copied, the
// one action that fits its state, the words and tone of its state, and its last problem as a sentence.

/** The parts of a profile view this module reads. */
export interface StandingSource {
  state: string;
  /** How the profile signs in (ProfileView.signIn): a password form, the browser, or nothing to ask (client credentials). */
  signIn: string;
  expiresAt?: number | undefined;
  problem?: string | undefined;
}

/** The one action a row or tray entry leads with. */
export type PrimaryAction = 'copy' | 'sign-in' | 'request' | 'retry' | 'renewing';

/** How a state is coloured: fine, worth a look, needs the user, or nothing going on. */
export type StandingTone = 'ok' | 'warn' | 'bad' | 'idle';

/** A profile's standing at one moment. */
export interface Standing {
  /** "Signed in", "Renewal failed", "Needs sign-in", ... */
  label: string;
  tone: StandingTone;
  /** The access token has time left: copying works whatever the last refresh did (the core hands out its cached token). */
  tokenUsable: boolean;
  primary: PrimaryAction;
  /** The last problem as a sentence, without an exception name in front; only while it matters. */
  problem?: string;
}

/**
 * Whether the kind issues an ID token: the one kind with nobody signing in (client credentials, machine to machine)
 * gets an access token only, since the token endpoint's client_credentials grant returns no id_token
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html).
 */
export function hasIdToken(profile: Pick<StandingSource, 'signIn'>): boolean {
  return profile.signIn !== 'none';
}

/** Whether a person signs in (a dialog or the browser); client credentials just ask the token endpoint. */
export function signsInInteractively(profile: Pick<StandingSource, 'signIn'>): boolean {
  return profile.signIn !== 'none';
}

/** True while the access token has at least a second left, the same line formatTimeLeft draws at "expired". */
export function tokenUsable(profile: StandingSource, now: number): boolean {
  return profile.expiresAt !== undefined && profile.expiresAt - now >= 1000;
}

/** "ServiceUnavailableException: Try later" -> "Try later": people act on the sentence, not on the class name. */
export function plainProblem(problem: string): string {
  const stripped = problem.replace(/^\s*[A-Z][A-Za-z0-9]*(Exception|Error|Fault)\s*:\s*/, '');
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

/** The standing of a profile at `now`. */
export function standingOf(profile: StandingSource, now: number): Standing {
  const usable = tokenUsable(profile, now);
  const problem = profile.problem ? plainProblem(profile.problem) : undefined;
  const withProblem = (s: Omit<Standing, 'problem'>): Standing => (problem ? { ...s, problem } : s);
  const start: PrimaryAction = signsInInteractively(profile) ? 'sign-in' : 'request';
  switch (profile.state) {
    case 'signed-in':
    case 'fresh':
      return usable
        ? { label: 'Signed in', tone: 'ok', tokenUsable: true, primary: 'copy' }
        : { label: 'Expired', tone: 'warn', tokenUsable: false, primary: 'retry' };
    case 'refreshing':
    case 'renewing':
      return {
        label: 'Renewing\u2026',
        tone: usable ? 'ok' : 'warn',
        tokenUsable: usable,
        primary: usable ? 'copy' : 'renewing',
      };
    case 'expired':
      return { label: 'Expired', tone: 'warn', tokenUsable: false, primary: 'retry' };
    case 'error':
    case 'retrying':
      return withProblem(
        usable
          ? { label: 'Renewal failed', tone: 'warn', tokenUsable: true, primary: 'copy' }
          : { label: 'Error', tone: 'bad', tokenUsable: false, primary: 'retry' },
      );
    case 'sign-in-required':
    case 'needs-sign-in':
      return withProblem({
        label: 'Needs sign-in',
        tone: 'bad',
        tokenUsable: usable,
        primary: usable ? 'copy' : start,
      });
    case 'off':
      return { label: 'Off', tone: 'idle', tokenUsable: usable, primary: usable ? 'copy' : start };
    default:
      return { label: 'Signed out', tone: 'idle', tokenUsable: false, primary: start };
  }
}
