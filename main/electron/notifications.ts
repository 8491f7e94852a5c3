import type { ProfileView } from '../ipc/contract.ts';
import { plainText } from '../shared/plain-text.ts';

/** A desktop notification to show. */
export interface NoticeModel {
  title: string;
  body: string;
}

/**
 * The notifications a change of states deserves: a profile that now needs a sign-in, or whose refresh now
 * fails. Only transitions count, so a state that persists is announced once; nothing is announced at start-up.
 */
export function noticesFor(previous: ProfileView[] | undefined, next: ProfileView[]): NoticeModel[] {
  if (!previous) return [];
  const before = new Map(previous.map((p) => [p.id, p.state]));
  const notices: NoticeModel[] = [];
  for (const profile of next) {
    const was = before.get(profile.id);
    if (was === undefined || was === profile.state) continue;
    if (profile.state === 'needs-sign-in') {
      notices.push({
        title: `${profile.name} needs a sign-in`,
        body: profile.problem
          ? plainText(profile.problem)
          : 'Its session ended. Open Cognito Token Manager and sign in again.',
      });
    } else if (profile.state === 'retrying') {
      notices.push({
        title: `Refreshing ${profile.name} keeps failing`,
        body: profile.problem ? plainText(profile.problem) : 'The tokens could not be renewed; the app keeps trying.',
      });
    }
  }
  return notices;
}
