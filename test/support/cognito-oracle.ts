// amazon-cognito-identity-js as the oracle: its AuthenticationHelper, DateHelper and the signature
// CognitoUser builds, driven with injected randomness. Typed here because the package declares none of it.
import { createRequire } from 'node:module';

/** The library's jsbn BigInteger, as far as the tests use it. */
export interface LibBigInteger {
  toString(radix: number): string;
}

type Callback<T> = (error: Error | null, value: T) => void;

/** The fields and methods of AuthenticationHelper the tests drive. */
export interface LibAuthenticationHelper {
  N: LibBigInteger;
  smallAValue: LibBigInteger;
  largeAValue: LibBigInteger | undefined;
  UValue: LibBigInteger;
  getLargeAValue(callback: Callback<LibBigInteger>): void;
  getPasswordAuthenticationKey(
    user: string,
    password: string,
    b: LibBigInteger,
    salt: LibBigInteger,
    callback: Callback<Uint8Array>,
  ): void;
  calculateS(x: LibBigInteger, b: LibBigInteger, callback: Callback<LibBigInteger>): void;
  generateHashDevice(deviceGroupKey: string, username: string, callback: Callback<null>): void;
  getSaltDevices(): string;
  getVerifierDevices(): string;
  getRandomPassword(): string;
  padHex(value: LibBigInteger): string;
}

interface Library {
  AuthenticationHelper: new (poolName: string) => LibAuthenticationHelper;
  DateHelper: new () => { getNowString(): string };
  WordArray: { prototype: { random(size: number): { toString(): string } } };
}

interface Sha256Module {
  Sha256: new (secret?: Uint8Array) => { update(data: Uint8Array | string): void; digestSync(): Uint8Array };
}

const require = createRequire(import.meta.url);
const libraryPath = require.resolve('amazon-cognito-identity-js');
/** The library itself (its CommonJS build, one module graph). */
export const library = require(libraryPath) as Library;
const { Sha256 } = createRequire(libraryPath)('@aws-crypto/sha256-js') as Sha256Module;

const template = new library.AuthenticationHelper('template');
const BigInteger = template.N.constructor as new (text: string, radix: number) => LibBigInteger;

/** A library BigInteger from hex (or from a negative BigInt, for padHex). */
export function libBigInteger(value: string | bigint): LibBigInteger {
  if (typeof value === 'string') return new BigInteger(value, 16);
  return new BigInteger(value < 0n ? `-${(-value).toString(16)}` : value.toString(16), 16);
}

/** An AuthenticationHelper for poolName whose private value a is smallAHex (the constructor's random a skipped). */
export function libraryHelper(poolName: string, smallAHex: string): LibAuthenticationHelper {
  const helper = Object.assign(
    Object.create(Object.getPrototypeOf(template) as object) as LibAuthenticationHelper,
    template,
    {
      poolName,
      smallAValue: libBigInteger(smallAHex),
      largeAValue: undefined,
    },
  );
  helper.getLargeAValue((error) => {
    if (error) throw error;
  });
  return helper;
}

/** Runs a callback-style library call that calls back synchronously, and returns its value. */
export function syncResult<T>(run: (callback: Callback<T>) => void): T {
  let result: { value: T } | undefined;
  run((error, value) => {
    if (error) throw error;
    result = { value };
  });
  if (!result) throw new Error('the library did not call back');
  return result.value;
}

/** PASSWORD_CLAIM_SIGNATURE exactly as CognitoUser.authenticateUserDefaultAuth / getDeviceResponse build it. */
export function librarySignature(
  key: Uint8Array,
  poolName: string,
  userId: string,
  secretBlock: string,
  timestamp: string,
): string {
  const hmac = new Sha256(key);
  hmac.update(
    Buffer.concat([
      Buffer.from(poolName, 'utf8'),
      Buffer.from(userId, 'utf8'),
      Buffer.from(secretBlock, 'base64'),
      Buffer.from(timestamp, 'utf8'),
    ]),
  );
  return Buffer.from(hmac.digestSync()).toString('base64');
}

/** Runs fn while the library's randomBytes (WordArray.random) draws from `random`. */
export function withLibraryRandom<T>(random: (size: number) => Uint8Array, fn: () => T): T {
  const prototype = library.WordArray.prototype;
  const original = prototype.random;
  prototype.random = (size: number) => {
    const hex = Buffer.from(random(size)).toString('hex');
    return { toString: () => hex };
  };
  try {
    return fn();
  } finally {
    prototype.random = original;
  }
}
