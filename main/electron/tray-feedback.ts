import type { CopyFormat, TokenKind } from '../ipc/contract.ts';
import type { NoticeModel } from './notifications.ts';

const WHAT: Record<CopyFormat, string> = {
  raw: '',
  header: ' as an Authorization header',
  env: ' as a shell export',
  powershell: ' as a PowerShell variable',
  fish: ' as a fish export',
  json: ' as JSON',
  curl: ' as a curl command',
};

/** What a copy from the tray says once done (the tray has no page to show it): what was copied and when it clears. Never the token. */
export function copiedNotice(
  profileName: string,
  token: TokenKind,
  format: CopyFormat,
  clearSeconds: number,
): NoticeModel {
  const kind = token === 'id' ? 'ID token' : 'Access token';
  return {
    title: `${kind} of ${profileName} copied${WHAT[format]}`,
    body: clearSeconds > 0 ? `The clipboard clears in ${clearSeconds} s.` : 'Paste it where you need it.',
  };
}

/** What a failed tray action says, instead of failing silently: the action and the error's own (secret-free) message. */
export function failedNotice(action: string, error: unknown): NoticeModel {
  return {
    title: `${action} failed`,
    body: error instanceof Error && error.message ? error.message : 'Open Cognito Token Manager to see why.',
  };
}
