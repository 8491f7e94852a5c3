// What amazon-cognito-identity-js computes for the seeded SRP and device cases: the source of the frozen references
// (write-srp-references.ts) and of the live sample (srp-library-sample.test.ts). Plain Node, no test runner.
import { hex, type SrpCase, type SrpOutcome } from '../../unit/srp/srp-cases.ts';
import { draws, type DeviceCase, type DeviceOutcome } from '../../unit/srp/device-cases.ts';
import {
  libBigInteger,
  library,
  libraryHelper,
  librarySignature,
  syncResult,
  withLibraryRandom,
} from '../../support/cognito-oracle.ts';
import { seededRandom } from '../../support/seeded-random.ts';

/** Runs fn while `new Date()` and `Date.now()` say `now` (the library reads the clock for its TIMESTAMP). */
function atTime<T>(now: Date, fn: () => T): T {
  const RealDate = globalThis.Date;
  const fixed = now.getTime();
  class PinnedDate extends RealDate {
    constructor(...args: [] | [string | number | Date]) {
      super(...((args.length === 0 ? [fixed] : args) as [number]));
    }

    static override now(): number {
      return fixed;
    }
  }
  globalThis.Date = PinnedDate as DateConstructor;
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

/** What the library computes for a case. */
export function libraryOutcome(c: SrpCase): SrpOutcome {
  const helper = libraryHelper(c.poolName, hex(c.smallA));
  const captured: { x?: string; s?: string } = {};
  const calculateS = helper.calculateS.bind(helper);
  helper.calculateS = (x, b, callback) =>
    calculateS(x, b, (error, s) => {
      captured.x = x.toString(16);
      captured.s = s.toString(16);
      callback(error, s);
    });
  const key = syncResult<Uint8Array>((done) =>
    helper.getPasswordAuthenticationKey(c.userId, c.password, libBigInteger(c.srpB), libBigInteger(c.salt), done),
  );
  const timestamp = atTime(c.now, () => new library.DateHelper().getNowString());
  return {
    srpA: helper.largeAValue?.toString(16),
    u: helper.UValue.toString(16),
    x: captured.x,
    s: captured.s,
    key: Buffer.from(key).toString('hex'),
    timestamp,
    signature: librarySignature(key, c.poolName, c.userId, c.secretBlock, timestamp),
  };
}

/** What the library's generateHashDevice gives for a device case, drawing the same random bytes. */
export function libraryDeviceOutcome(c: DeviceCase): DeviceOutcome {
  const helper = new library.AuthenticationHelper('Pool');
  withLibraryRandom(draws(seededRandom(c.seed)), () =>
    syncResult((done) => helper.generateHashDevice(c.deviceGroupKey, c.deviceKey, done)),
  );
  return {
    devicePassword: helper.getRandomPassword(),
    passwordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
    salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
  };
}
