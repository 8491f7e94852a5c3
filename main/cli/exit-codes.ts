import type { ErrorKind } from '../core/errors.ts';

/** `ctm`'s exit codes, as documented in the README. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  signInRequired: 3,
  network: 4,
  refused: 5,
  credentials: 6,
  interrupted: 130,
} as const;

/** What each exit code means, for `ctm --help` and the README (the spec test checks both against EXIT). */
export const EXIT_CODE_MEANINGS: readonly (readonly [number, string])[] = [
  [EXIT.ok, 'ok'],
  [EXIT.failure, 'anything else'],
  [EXIT.usage, 'bad usage or input'],
  [EXIT.signInRequired, 'sign-in required'],
  [EXIT.network, 'network or service error'],
  [EXIT.refused, "a token refused (not a JWT, a bad signature, another user's)"],
  [
    EXIT.credentials,
    'sign-in refused: wrong password, unknown user, wrong or too many codes, a new password the policy refuses (retrying the same will not help)',
  ],
  [EXIT.interrupted, 'interrupted (Ctrl-C at a prompt)'],
];

/** The exit code for a kind of error: 2 bad usage or input, 3 sign-in required, 4 network or service, 5 a token refused, 1 anything else. */
export function exitCodeFor(kind: ErrorKind): number {
  switch (kind) {
    case 'bad-input':
    case 'not-found':
      return EXIT.usage;
    case 'sign-in-required':
      return EXIT.signInRequired;
    case 'network':
    case 'service':
      return EXIT.network;
    case 'refused':
      return EXIT.refused;
    default:
      return EXIT.failure;
  }
}
