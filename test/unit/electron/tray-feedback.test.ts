import { describe, expect, it } from 'vitest';
import { copiedNotice, failedNotice } from '../../../main/electron/tray-feedback.ts';

describe('tray feedback notices', () => {
  it('says what was copied and when it clears, never the token', () => {
    expect(copiedNotice('dev', 'access', 'header', 60)).toEqual({
      title: 'Access token of dev copied as an Authorization header',
      body: 'The clipboard clears in 60 s.',
    });
    expect(copiedNotice('prod', 'id', 'raw', 30).title).toBe('ID token of prod copied');
  });

  it("surfaces a failure with the error's message, or where to look", () => {
    expect(failedNotice('Copying the token', new Error('dev needs a sign-in.'))).toEqual({
      title: 'Copying the token failed',
      body: 'dev needs a sign-in.',
    });
    expect(failedNotice('Refreshing', 'odd')).toEqual({
      title: 'Refreshing failed',
      body: 'Open Cognito Token Manager to see why.',
    });
  });
});
