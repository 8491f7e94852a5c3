/** The OS keychain as the core sees it: named secrets under one service. */
export interface SecretStore {
  /** The secret stored under `account`, or undefined. */
  get(account: string): Promise<string | undefined>;
  /** Stores (or replaces) the secret under `account`. */
  set(account: string, secret: string): Promise<void>;
  /** Removes `account`; true when there was something to remove. */
  delete(account: string): Promise<boolean>;
  /** Every account and secret of the service, in one keychain read. */
  all(): Promise<Map<string, string>>;
}
