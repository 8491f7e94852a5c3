import { readFile } from 'node:fs/promises';
import type { Seed } from './seed-types.ts';
import { checkSeed } from './seed-check.ts';

/** Reads a seed: either the object itself or a path to a JSON file; throws when it is malformed. */
export async function loadSeed(seed: Seed | string): Promise<Seed> {
  const value: unknown = typeof seed === 'string' ? JSON.parse(await readFile(seed, 'utf8')) : seed;
  checkSeed(value);
  return value;
}
