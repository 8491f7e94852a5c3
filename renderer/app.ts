import type { ProfileInput, ProfileView } from '../main/ipc/contract.ts';
import { apiClient } from './api-client.ts';
import { askCopyFormat } from './copy-dialog.ts';
import { byId } from './dom.ts';
import { offerDownload, readPickedFile } from './import-export.ts';
import { showInspector } from './inspector-dialog.ts';
import { askForProfile, type ProfileFormMode } from './profile-form.ts';
import { filterRows, renderProfileList, tickTimeLeft, type RowAction } from './profile-list.ts';
import { askForSettings } from './settings-dialog.ts';
import { closeSignIn, runSignIn } from './sign-in-dialog.ts';

const api = apiClient(window.api);
const list = byId<HTMLElement>('profiles');
const status = byId<HTMLElement>('status');
const filter = byId<HTMLInputElement>('filter');
let profiles: ProfileView[] = [];

function say(message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

async function refreshList(): Promise<void> {
  try {
    profiles = await api.listProfiles();
    await renderProfileList(list, profiles, onRowAction, Date.now(), filter.value);
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

async function signIn(p: ProfileView): Promise<void> {
  const dialog = byId<HTMLDialogElement>('sign-in-dialog');
  await guarded(async () => {
    const signedIn = await runSignIn(dialog, api, p);
    closeSignIn(dialog);
    // A warning (the device could not be confirmed) is shown instead of the plain success line.
    if (signedIn) say(signedIn.warning ?? `Signed in to ${p.name}.`, Boolean(signedIn.warning));
  });
}

async function editProfile(mode: ProfileFormMode): Promise<void> {
  const dialog = byId<HTMLDialogElement>('profile-dialog');
  let error: string | undefined;
  let input: ProfileInput | undefined;
  for (;;) {
    input = await askForProfile(dialog, mode, error, input);
    if (!input) return;
    try {
      const saved = mode.kind === 'edit' ? await api.updateProfile(mode.profile.id, input) : await api.addProfile(input);
      say(mode.kind === 'edit' ? `Saved ${saved.name}.` : `Added ${saved.name}.`);
      await refreshList();
      return;
    } catch (problem) {
      error = problem instanceof Error ? problem.message : 'The profile could not be saved.';
    }
  }
}

function onRowAction(action: RowAction, p: ProfileView): void {
  const copied = (what: string): string => `Copied ${what} of ${p.name}; the clipboard is cleared again soon.`;
  switch (action) {
    case 'sign-in': return void signIn(p);
    case 'copy': return void guarded(() => api.copyToken(p.id, 'access', 'raw'), copied('the access token'));
    case 'copy-as': return void askCopyFormat(byId('copy-dialog'), p).then((choice) => {
      if (choice) void guarded(() => api.copyToken(p.id, choice.kind, choice.format), copied(`the ${choice.kind === 'id' ? 'ID' : 'access'} token`));
    });
    case 'inspect': return void showInspector(byId('inspect-dialog'), api, p);
    case 'edit': return void editProfile({ kind: 'edit', profile: p });
    case 'duplicate': return void editProfile({ kind: 'duplicate', profile: p });
    case 'refresh': return void guarded(() => api.refreshNow(p.id), `Refreshed ${p.name}.`);
    case 'sign-out': return void guarded(async () => {
      const result = await api.signOut(p.id);
      say(result.warning ?? `Signed out of ${p.name}.`, Boolean(result.warning));
    });
    case 'delete':
      if (confirm(`Delete the profile ${p.name} and its keychain entries?`)) void guarded(() => api.removeProfile(p.id), `Deleted ${p.name}.`);
  }
}

async function openSettings(): Promise<void> {
  const dialog = byId<HTMLDialogElement>('settings-dialog');
  let error: string | undefined;
  let current = await api.getSettings();
  for (;;) {
    const changes = await askForSettings(dialog, current, profiles, error);
    if (!changes) return;
    try {
      await api.updateSettings(changes);
      say('Settings saved.');
      return;
    } catch (problem) {
      error = problem instanceof Error ? problem.message : 'The settings could not be saved.';
      current = changes;
    }
  }
}

const importInput = byId<HTMLInputElement>('import-file');
byId('add-profile').addEventListener('click', () => void editProfile({ kind: 'add' }));
byId('import-profiles').addEventListener('click', () => importInput.click());
importInput.addEventListener('change', () => void guarded(async () => {
  const file = await readPickedFile(importInput);
  if (!file) return;
  // Servers that are not AWS's are named and confirmed first (security, issue 19): a shared file could send passwords anywhere.
  const servers = await api.importServers(file.name, file.text);
  const list = servers.map((s) => `  ${s.server} (${s.profiles.join(', ')})`).join('\n');
  if (servers.length > 0 && !window.confirm(`This file sends sign-ins to servers that are not AWS's:\n${list}\n\nPasswords, tokens and client secrets of these profiles would go there. Import it?`)) {
    say('Nothing was imported.');
    return;
  }
  const added = await api.importProfiles(file.name, file.text, servers.map((s) => s.server));
  say(`Imported ${added.length} profile${added.length === 1 ? '' : 's'}: ${added.map((p) => p.name).join(', ')}.`);
}));
byId('export-profiles').addEventListener('click', () => void guarded(async () => {
  offerDownload('cognito-token-manager-profiles.json', await api.exportProfiles());
}, 'Exported the profiles (no secrets are in the file).'));
byId('open-settings').addEventListener('click', () => void openSettings().catch((error: unknown) => say(error instanceof Error ? error.message : 'Settings are unavailable.', true)));
filter.addEventListener('input', () => filterRows(list, filter.value));

window.api.onChanged(() => void refreshList());
window.api.onSignInRequested((profileId) => void (async () => {
  // The tray may ask before the first list arrived (a window it just opened): list first, then find the profile.
  if (!profiles.some((p) => p.id === profileId)) await refreshList();
  const profile = profiles.find((p) => p.id === profileId);
  if (profile) await signIn(profile);
})());
setInterval(() => tickTimeLeft(list, Date.now()), 1000);
void refreshList();
