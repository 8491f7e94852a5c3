// Regenerates test/unit/srp/srp-references.json: amazon-cognito-identity-js's outcome for every seeded SRP and device
// case. Refuses to write when our code disagrees with the library on any case (the message names the seed), so the
// file only ever holds references our SRP was checked against. Run: npm run srp-references
import { isDeepStrictEqual } from 'node:util';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { caseDigest, caseFor, ourOutcome, SRP_CASES } from '../../unit/srp/srp-cases.ts';
import { DEVICE_CASES, deviceCaseDigest, deviceCaseFor, ourDeviceOutcome } from '../../unit/srp/device-cases.ts';
import { REFERENCES_PATH, type SrpReferences } from '../../unit/srp/srp-references.ts';
import { libraryDeviceOutcome, libraryOutcome } from './library-outcomes.ts';

const require = createRequire(import.meta.url);
const { version } = require('amazon-cognito-identity-js/package.json') as { version: string };
const references: SrpReferences = { library: `amazon-cognito-identity-js ${version}`, srp: [], devices: [] };
const disagreements: string[] = [];

for (let seed = 0; seed < SRP_CASES; seed++) {
  const c = caseFor(seed);
  const library = libraryOutcome(c);
  if (!isDeepStrictEqual(await ourOutcome(c), library)) disagreements.push(`SRP seed ${seed}`);
  references.srp.push({ seed, inputs: caseDigest(c), library });
}
for (let seed = 0; seed < DEVICE_CASES; seed++) {
  const c = deviceCaseFor(seed);
  const library = libraryDeviceOutcome(c);
  if (!isDeepStrictEqual(ourDeviceOutcome(c), library)) disagreements.push(`device seed ${seed}`);
  references.devices.push({ seed, inputs: deviceCaseDigest(c), library });
}

if (disagreements.length > 0) {
  console.error(
    `srp-references: our SRP disagrees with ${references.library} on ${disagreements.join(', ')}; nothing written.`,
  );
  process.exit(1);
}
// One reference a line, so a regenerated file diffs case by case.
const lines = (list: unknown[]): string => list.map((item) => `  ${JSON.stringify(item)}`).join(',\n');
writeFileSync(
  REFERENCES_PATH,
  `{\n "library": ${JSON.stringify(references.library)},\n "srp": [\n${lines(references.srp)}\n ],\n "devices": [\n${lines(references.devices)}\n ]\n}\n`,
);
console.log(
  `srp-references: ${references.srp.length} SRP and ${references.devices.length} device references from ${references.library}, all agreeing with ours.`,
);
