// Counts the assertions each test file ran, when CTM_COUNT_ASSERTIONS names a file to append "<file> <tests> <assertions>" to.
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';

const out = process.env.CTM_COUNT_ASSERTIONS;
let total = 0;
let tests = 0;
let path = '';
if (out) {
  afterEach((context) => {
    const local = (context as unknown as { _local?: boolean })._local === true;
    const state = local ? context.expect.getState() : expect.getState();
    total += state.assertionCalls;
    path = state.testPath ?? path;
    tests++;
  });
  afterAll(() => {
    appendFileSync(out, `${relative(process.cwd(), path || 'unknown')} ${tests} ${total}\n`);
  });
}
