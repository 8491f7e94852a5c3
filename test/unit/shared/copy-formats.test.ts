import { describe, expect, it } from 'vitest';
import { ARGUMENT_SCHEMAS } from '../../../main/ipc/argument-schemas.ts';
import { TOKEN_FORMATS } from '../../../main/core/tokens/token-format.ts';
import { COPY_FORMATS, describeCopy } from '../../../main/shared/copy-formats.ts';

describe('one set of copy formats for the window, the tray and ctm', () => {
  it('offers in menus exactly the formats `ctm token --format` writes, and the IPC accepts each', () => {
    expect(COPY_FORMATS.map((f) => f.format).sort()).toEqual([...TOKEN_FORMATS].sort());
    for (const f of COPY_FORMATS)
      expect(ARGUMENT_SCHEMAS.copyToken.safeParse(['id-1', 'access', f.format]).success).toBe(true);
    expect(ARGUMENT_SCHEMAS.copyToken.safeParse(['id-1', 'access', 'yaml']).success).toBe(false);
  });

  it('puts the token alone first (what one click copies) and words each choice for buttons and confirmations', () => {
    expect(COPY_FORMATS[0]?.format).toBe('raw');
    expect(describeCopy({ kind: 'access', format: 'json' })).toBe('access token as JSON with expiry');
  });
});
