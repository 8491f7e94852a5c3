import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { computeX } from './password-authentication-key.ts';
import { bytesToBigint, padHex } from './srp-hex.ts';
import { powerOfG } from './mod-pow.ts';
import { drawRandom, type SrpRandomOptions } from './srp-random.ts';

/** What ConfirmDevice needs (DeviceSecretVerifierConfig) and the device password to keep secret. */
export interface DeviceVerifier {
  /** The random device password (base64 of 40 bytes); store it with the device key. */
  devicePassword: string;
  /** DeviceSecretVerifierConfig.PasswordVerifier: base64 of pad(g^x mod N). */
  passwordVerifier: string;
  /** DeviceSecretVerifierConfig.Salt: base64 of pad(salt). */
  salt: string;
}

/** A new device's verifier, as the library's generateHashDevice makes it (40 password bytes, then 16 salt bytes). */
export function deviceVerifier(
  deviceGroupKey: string,
  deviceKey: string,
  options: SrpRandomOptions = {},
): DeviceVerifier {
  const randomBytes = options.randomBytes ?? cryptoRandomBytes;
  const devicePassword = Buffer.from(drawRandom(randomBytes, 40)).toString('base64');
  const salt = bytesToBigint(drawRandom(randomBytes, 16));
  const verifier = powerOfG(computeX(deviceGroupKey, deviceKey, devicePassword, salt));
  return {
    devicePassword,
    passwordVerifier: Buffer.from(padHex(verifier), 'hex').toString('base64'),
    salt: Buffer.from(padHex(salt), 'hex').toString('base64'),
  };
}
