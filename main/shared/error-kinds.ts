// The kinds of failure, declared once: the core's errors carry one (main/core/errors.ts), ctm maps it to an exit code
// (main/cli/exit-codes.ts), and the IPC edge sends it to the window as ApiError.code (main/ipc/contract.ts).

/** What kind of failure a CtmError is; the CLI maps it to an exit code, the IPC edge to `{ code, message }`. */
export type ErrorKind =
  | 'bad-input'
  | 'not-found'
  | 'sign-in-required'
  | 'refused'
  | 'network'
  | 'service'
  | 'keychain'
  | 'config'
  | 'internal';
