import { describe, expect, it } from 'vitest';
import { refreshMargin } from '../../../../main/core/tokens/refresh-margin.ts';

describe('refreshMargin', () => {
  it('is a tenth of the lifetime, clamped to 30 s .. 5 min', () => {
    expect(refreshMargin(3_600_000)).toBe(300_000);
    expect(refreshMargin(1_200_000)).toBe(120_000);
    expect(refreshMargin(60_000)).toBe(30_000);
    expect(refreshMargin(86_400_000)).toBe(300_000);
  });
});
