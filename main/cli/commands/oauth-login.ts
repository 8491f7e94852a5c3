import type { Core } from '../../core/core.ts';
import { signedInUser } from '../../core/oauth/oauth-tokens.ts';
import { plainText } from '../../shared/plain-text.ts';
import type { Profile } from '../../core/profiles/profile.ts';
import type { SignInStep } from '../../core/sessions/session-state.ts';
import { browserCommand, openBrowser } from '../browser-opener.ts';
import type { Terminal } from '../terminal.ts';

/**
 * `ctm login` for the OAuth kinds. Managed login opens the browser ($BROWSER first) at the managed-login page and
 * waits for the loopback redirect; with `--no-browser` (or when no browser starts) it prints the URL and waits.
 * Client credentials just ask the token endpoint.
 */
export async function oauthLogin(
  app: Core,
  profile: Profile,
  useBrowser: boolean,
  terminal: Terminal,
): Promise<number> {
  // Only a browser kind calls `open`; client credentials ask the token endpoint without it.
  const step: SignInStep = await app.signIn(
    profile.id,
    {},
    {
      open: async (url) => {
        const opened = useBrowser && (await openBrowser(browserCommand(url, process.env, process.platform)));
        terminal.stderr.write(
          opened
            ? `Opened the browser for "${profile.name}". If it did not appear, open this URL:\n${url}\n`
            : `Open this URL in a browser to sign in to "${profile.name}":\n${url}\n`,
        );
        terminal.stderr.write('Waiting for the sign-in to finish (5 minutes at most)...\n');
      },
    },
  );
  if (step.kind !== 'signed-in') return 1; // neither OAuth kind asks challenges
  // Who the browser signed in as (security, issue 19): a replayed or leftover sign-in shows here. Claims are server text.
  const session = await app.cachedTokens(profile.id).catch(() => undefined);
  const who = session ? signedInUser(session) : undefined;
  terminal.stderr.write(
    `Signed in to "${profile.name}"${who ? ` as ${plainText(who, 200)}` : ''}; the access token is valid until ${new Date(step.expiresAt).toLocaleString()}.\n`,
  );
  return 0;
}
