import type { Api, ProfileView, SignInStepView } from '../main/ipc/contract.ts';
import { h } from './dom.ts';

/** True for the profile kinds that sign in through the pool's OAuth endpoints (no password in this window). */
export function signsInWithOAuth(profile: ProfileView): boolean {
  return profile.signIn !== 'password';
}

/**
 * Managed login: main opens the system browser and waits for the loopback redirect, while this dialog says so.
 * Client credentials: main asks the token endpoint. Resolves with the final step once signed in, undefined when the person gives up.
 */
export async function runOAuthSignIn(
  dialog: HTMLDialogElement,
  api: Api,
  profile: ProfileView,
): Promise<Extract<SignInStepView, { kind: 'signed-in' }> | undefined> {
  const browser = profile.signIn === 'browser';
  for (;;) {
    let cancelled = false;
    const status = h(
      'p',
      { role: 'status', 'data-testid': 'oauth-sign-in-status' },
      browser
        ? 'Continue in your browser: the sign-in page opened there. This window waits for it (5 minutes at most).'
        : "Asking for a token with the app client's credentials…",
    );
    const cancel = h(
      'button',
      {
        type: 'button',
        onclick: () => {
          cancelled = true;
          dialog.close('cancel');
          // Main would otherwise keep the loopback listener open until its timeout.
          if (browser) void api.cancelSignIn(profile.id).catch(() => undefined);
        },
      },
      'Cancel',
    );
    dialog.replaceChildren(
      h(
        'form',
        { class: 'fields', method: 'dialog' },
        h('h2', { id: 'sign-in-dialog-title' }, `Sign in to ${profile.name}`),
        status,
        h('div', { class: 'buttons' }, cancel),
      ),
    );
    if (!dialog.open) dialog.showModal();
    try {
      const step = await api.signIn(profile.id, {});
      if (cancelled) return undefined;
      return step.kind === 'signed-in' ? step : undefined;
    } catch (problem) {
      if (cancelled) return undefined;
      const retry = await new Promise<boolean>((resolve) => {
        dialog.replaceChildren(
          h(
            'form',
            { class: 'fields', method: 'dialog' },
            h('h2', { id: 'sign-in-dialog-title' }, `Sign in to ${profile.name}`),
            h(
              'p',
              { class: 'error', role: 'alert' },
              problem instanceof Error ? problem.message : 'The sign-in failed.',
            ),
            h(
              'div',
              { class: 'buttons' },
              h(
                'button',
                {
                  type: 'button',
                  onclick: () => {
                    dialog.close('cancel');
                    resolve(false);
                  },
                },
                'Cancel',
              ),
              h('button', { type: 'button', class: 'primary', onclick: () => resolve(true) }, 'Try again'),
            ),
          ),
        );
      });
      if (!retry) return undefined;
    }
  }
}
