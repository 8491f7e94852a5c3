import type { PoolRecord, UserRecord } from './pool-records.ts';

/**
 * The user a sign-in name designates. In a pool with username attributes (users sign in with e-mail or phone), the
 * real username is a UUID and the e-mail / phone number stands in for it; e-mail is matched case-insensitively
 * (developer guide, user-pool-settings-attributes, "Username attributes"; user pools are case-insensitive by default).
 */
export function findUser(pool: PoolRecord, name: string): UserRecord | undefined {
  const direct = pool.users.get(name);
  if (direct) return direct;
  for (const user of pool.users.values()) {
    if (pool.usernameAttributes.some((attribute) => sameValue(attribute, user.attributes[attribute], name)))
      return user;
  }
  return undefined;
}

function sameValue(attribute: string, value: string | undefined, name: string): boolean {
  if (value === undefined) return false;
  return attribute === 'email' ? value.toLowerCase() === name.toLowerCase() : value === name;
}

/** The user a test names by the seed's `username` (whatever the pool's real username is), for test helpers. */
export function seededUser(pool: PoolRecord, name: string): UserRecord | undefined {
  return [...pool.users.values()].find((user) => user.seedName === name);
}
