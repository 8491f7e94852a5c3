import { BadInputError } from '../errors.ts';

const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const USER_POOL_ID_MAX_LENGTH = 55;

/** The "pool name" SRP hashes: the part of the user-pool id after `_` (`eu-west-1_AbC123` -> `AbC123`). */
export function srpPoolName(userPoolId: string): string {
  if (userPoolId.length > USER_POOL_ID_MAX_LENGTH || !USER_POOL_ID.test(userPoolId)) {
    throw new BadInputError(`"${userPoolId}" is not a user-pool id (like eu-west-1_AbC123).`);
  }
  return userPoolId.split('_')[1] ?? ''; // the library's getUserPoolName, even for ids with two underscores
}
