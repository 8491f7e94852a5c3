// What an import file would send sign-ins to, declared once: main/core/profiles/profile-import.ts finds these, and the
// window's import dialog shows them for confirmation (through the IPC contract, as ImportServerView).

/** A server that is not AWS's named by an import file (an origin such as https://auth.example.com), and its profiles. */
export interface ImportServer {
  server: string;
  /** The names of the profiles that would sign in there. */
  profiles: string[];
}
