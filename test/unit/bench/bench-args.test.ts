import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/bench-args.ts';

const NAMES = ['cli', 'srp', 'scale'];

describe('npm run bench arguments', () => {
  it('runs everything in full by default', () => {
    expect(parseBenchArgs([], NAMES)).toEqual({ quick: false, only: [] });
  });

  it('takes --quick and --only, repeated or comma-separated', () => {
    expect(parseBenchArgs(['--quick', '--only', 'cli,srp', '--only', 'scale'], NAMES)).toEqual({
      quick: true,
      only: ['cli', 'srp', 'scale'],
    });
  });

  it('refuses an unknown benchmark, naming the ones that exist', () => {
    expect(() => parseBenchArgs(['--only', 'clii'], NAMES)).toThrow(
      /unknown benchmark "clii"; the benchmarks are cli, srp, scale/,
    );
  });

  it('refuses an unknown option', () => {
    expect(() => parseBenchArgs(['--fast'], NAMES)).toThrow(/Unknown option/);
  });
});
