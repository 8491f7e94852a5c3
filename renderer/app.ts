import type { ProfileInput, ProfileView } from '../main/ipc/contract.ts';
import { apiClient } from './api-client.ts';
import { byId } from './dom.ts';
import { askForProfile } from './profile-form.ts';
import { renderProfileList, tickTimeLeft } from './profile-list.ts';
import { closeSignIn, runSignIn } from './sign-in-dialog.ts';

const api = apiClient(window.api);
const list = byId<HTMLElement>('profiles');
const status = byId<HTMLElement>('status');

function say(message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

async function refreshList(): Promise<void> {
  try {
    renderProfileList(list, await api.listProfiles(), actions, Date.now());
  } catch (error) {
    say(error instanceof Error ? error.message : 'Could not load the profiles.', true);
  }
}

async function guarded(work: () => Promise<unknown>, done?: string): Promise<void> {
  try {
    await work();
    if (done) say(done);
  } catch (error) {
    say(error instanceof Error ? error.message : 'That did not work.', true);
  }
  await refreshList();
}

const actions = {
  signIn: (p: ProfileView) => {
    const dialog = byId<HTMLDialogElement>('sign-in-dialog');
    void guarded(async () => {
      const signedIn = await runSignIn(dialog, api, p);
      closeSignIn(dialog);
      if (signedIn) say(`Signed in to ${p.name}.`);
    });
  },
  copy: (p: ProfileView) => void guarded(() => api.copyToken(p.id, 'access', 'raw'), `Copied the access token of ${p.name}; the clipboard is cleared in a minute.`),
  signOut: (p: ProfileView) => void guarded(() => api.signOut(p.id), `Signed out of ${p.name}.`),
  remove: (p: ProfileView) => {
    if (confirm(`Delete the profile ${p.name} and its keychain entries?`)) void guarded(() => api.removeProfile(p.id), `Deleted ${p.name}.`);
  },
};

async function addProfile(): Promise<void> {
  const dialog = byId<HTMLDialogElement>('profile-dialog');
  let error: string | undefined;
  let input: ProfileInput | undefined;
  for (;;) {
    input = await askForProfile(dialog, error, input);
    if (!input) return;
    try {
      const added = await api.addProfile(input);
      say(`Added ${added.name}.`);
      await refreshList();
      return;
    } catch (problem) {
      error = problem instanceof Error ? problem.message : 'The profile could not be saved.';
    }
  }
}

byId('add-profile').addEventListener('click', () => void addProfile());
setInterval(() => tickTimeLeft(list, Date.now()), 1000);
setInterval(() => void refreshList(), 15_000);
void refreshList();
