// The live half of the SRP comparison: amazon-cognito-identity-js itself, on a sample of the seeded cases. It checks
// that the frozen references (test/unit/srp/srp-references.json) are still what the installed library computes, and
// that ours agrees with the library directly. The unit tests compare every case against the references.
import { describe, expect, it } from 'vitest';
import { caseDigest, caseFor, ourOutcome, SRP_CASES } from '../../unit/srp/srp-cases.ts';
import { DEVICE_CASES, deviceCaseDigest, deviceCaseFor, ourDeviceOutcome } from '../../unit/srp/device-cases.ts';
import { readReferences } from '../../unit/srp/srp-references.ts';
import { libraryDeviceOutcome, libraryOutcome } from './library-outcomes.ts';

// Every 4th seed is device-shaped (pool name "-..."): the sample holds both kinds, the first and the last case.
const SRP_SAMPLE = [0, 1, 2, 3, 42, 99, 123, 150, 174, SRP_CASES - 1];
const DEVICE_SAMPLE = [0, 13, DEVICE_CASES - 1];
const references = readReferences();

describe('SRP against the installed amazon-cognito-identity-js, live, on a sample of the seeded cases', () => {
  it('was frozen from the installed library version', async () => {
    const { version } = (await import('amazon-cognito-identity-js/package.json', { with: { type: 'json' } }))
      .default as { version: string };
    expect(references.library).toBe(`amazon-cognito-identity-js ${version}`);
  });

  for (const seed of SRP_SAMPLE) {
    it(`seed ${seed}: the library computes the frozen reference, and ours agrees with the library`, async () => {
      const c = caseFor(seed);
      const library = libraryOutcome(c);
      expect(references.srp[seed]?.inputs).toBe(caseDigest(c));
      expect(references.srp[seed]?.library).toEqual(library);
      expect(await ourOutcome(c)).toEqual(library);
    });
  }

  for (const seed of DEVICE_SAMPLE) {
    it(`device seed ${seed}: generateHashDevice computes the frozen reference, and our verifier agrees with it`, () => {
      const c = deviceCaseFor(seed);
      const library = libraryDeviceOutcome(c);
      expect(references.devices[seed]?.inputs).toBe(deviceCaseDigest(c));
      expect(references.devices[seed]?.library).toEqual(library);
      expect(ourDeviceOutcome(c)).toEqual(library);
    });
  }
});
