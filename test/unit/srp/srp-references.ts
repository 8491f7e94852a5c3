// The frozen references: what amazon-cognito-identity-js computed for every seeded case, written by
// `npm run srp-references` (test/slow/srp/write-srp-references.ts), which first checks our code agrees with it.
import { readFileSync } from 'node:fs';
import type { DeviceOutcome } from './device-cases.ts';
import type { SrpOutcome } from './srp-cases.ts';

/** The references file, beside this module. */
export const REFERENCES_PATH = new URL('./srp-references.json', import.meta.url);

/** One case's reference: the digest of its inputs and the library's outcome. */
export interface Reference<T> {
  seed: number;
  inputs: string;
  library: T;
}

/** The whole file. */
export interface SrpReferences {
  /** Which amazon-cognito-identity-js computed them. */
  library: string;
  srp: Reference<SrpOutcome>[];
  devices: Reference<DeviceOutcome>[];
}

/** Reads the frozen references. */
export function readReferences(): SrpReferences {
  return JSON.parse(readFileSync(REFERENCES_PATH, 'utf8')) as SrpReferences;
}
