import { Amplify } from 'aws-amplify';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { ConsoleLogger, type KeyValueStorageInterface } from 'aws-amplify/utils';

/** Amplify's token store in memory: Node has no localStorage, and each test file gets a fresh one. */
export class MemoryKeyValueStorage implements KeyValueStorageInterface {
  readonly items = new Map<string, string>();

  /** Stores one item. */
  setItem(key: string, value: string): Promise<void> {
    this.items.set(key, value);
    return Promise.resolve();
  }

  /** Reads one item (null when absent, as Amplify expects). */
  getItem(key: string): Promise<string | null> {
    return Promise.resolve(this.items.get(key) ?? null);
  }

  /** Removes one item. */
  removeItem(key: string): Promise<void> {
    this.items.delete(key);
    return Promise.resolve();
  }

  /** Removes everything. */
  clear(): Promise<void> {
    this.items.clear();
    return Promise.resolve();
  }
}

/** Points Amplify v6's Auth category (a Cognito client built against the real service) at the emulator. */
export function configureAmplify(
  endpoint: string,
  userPoolId: string,
  userPoolClientId: string,
): MemoryKeyValueStorage {
  // Amplify warns on every call that the endpoint is custom; that is the point here.
  ConsoleLogger.LOG_LEVEL = 'ERROR';
  const storage = new MemoryKeyValueStorage();
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: endpoint } } });
  cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
  return storage;
}
