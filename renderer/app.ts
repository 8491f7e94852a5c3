import type { ApiErrorCode, ProfileInput, ProfileView } from '../main/ipc/contract.ts';
import { describeCopy, type CopyChoice } from '../main/shared/copy-formats.ts';
import { hasIdToken, standingOf } from '../main/shared/profile-standing.ts';
import { apiClient } from './api-client.ts';
import { rememberCopyChoice, rememberedCopyChoice } from './copy-choice.ts';
import { byId } from './dom.ts';
import { importPicked, offerDownload } from './import-export.ts';
import { showInspector } from './inspector-dialog.ts';
import { fillDetails } from './profile-details.ts';
import { askForProfile, inputFromView, type ProfileFormMode } from './profile-form.ts';
import { filterRows, renderProfileList, tickTimeLeft, type RowAction } from './profile-list.ts';
import { openQuickCopy } from './quick-copy.ts';
import { moveInMenu, openCopyMenu, openRowMenu } from './row-menus.ts';
import { removalSaid, savedSaid } from './profile-outcomes.ts';
import { askRemoval } from './remove-dialog.ts';
import { askForSettings } from './settings-dialog.ts';
import { closeSignIn, runSignIn } from './sign-in-dialog.ts';
import { Toast } from './toast.ts';

const api = apiClient(window.api);
const list = byId<HTMLElement>('profiles');
const toast = new Toast(byId<HTMLElement>('status'));
const filter = byId<HTMLInputElement>('filter');
const importInput = byId<HTMLInputElement>('import-file');
const filterRow = byId<HTMLElement>('filter-row');
let profiles: ProfileView[] = [];
let clearSeconds = 60;
let choice = rememberedCopyChoice();

const say = (message: string, isError = false): void => toast.say(message, isError);
const problemOf = (error: unknown, fallback: string): string => (error instanceof Error ? error.message : fallback);

async function refreshList(): Promise<void> {
  try {
    profiles = await api.listProfiles();
    filterRow.hidden = profiles.length === 0;
    await renderProfileList(
      list,
      profiles,
      {
        choice,
        onAction: onRowAction,
        firstRun: { add: () => void editProfile({ kind: 'add' }), import: () => importInput.click() },
      },
      Date.now(),
      filter.value,
    );
  } catch (error) {
    say(problemOf(error, 'Could not load the profiles.'), true);
  }
}

/** Runs an action for a profile; a failure is said with the profile's name, and the list is read again either way. */
async function guarded(p: ProfileView | undefined, work: () => Promise<unknown>, done?: string): Promise<void> {
  try {
    await work();
    if (done) say(done);
  } catch (error) {
    say(`${p ? `${p.name}: ` : ''}${problemOf(error, 'That did not work.')}`, true);
  }
  await refreshList();
}

async function copy(p: ProfileView, wanted: CopyChoice): Promise<void> {
  const usable = wanted.kind === 'id' && !hasIdToken(p) ? { ...wanted, kind: 'access' as const } : wanted;
  try {
    await api.copyToken(p.id, usable.kind, usable.format);
    toast.copied(`the ${describeCopy(usable)} of ${p.name}`, clearSeconds, () => api.clearClipboard());
  } catch (error) {
    say(`${p.name}: ${problemOf(error, 'The token could not be copied.')}`, true);
  }
}

async function signIn(p: ProfileView): Promise<void> {
  const dialog = byId<HTMLDialogElement>('sign-in-dialog');
  await guarded(p, async () => {
    const signedIn = await runSignIn(dialog, api, p);
    closeSignIn(dialog);
    if (!signedIn) return;
    const kept = !p.username && signedIn.username ? await keepUsername(p, signedIn.username) : '';
    // A warning (the device could not be confirmed) is shown instead of the plain success line.
    say(signedIn.warning ?? `Signed in to ${p.name}.${kept}`, Boolean(signedIn.warning));
  });
}

/** As ctm login does: the username typed for a profile without one is kept, so the next sign-in and the list know it. */
async function keepUsername(p: ProfileView, username: string): Promise<string> {
  try {
    await api.updateProfile(p.id, { ...inputFromView(p), username });
    return ` Kept username "${username}" on the profile (Edit changes it).`;
  } catch {
    return ''; // signed in all the same; the next sign-in asks again
  }
}

/** Retry: renew the session; when only a new sign-in can help, open it. */
async function retry(p: ProfileView): Promise<void> {
  try {
    await api.refreshNow(p.id);
    say(`Renewed ${p.name}.`);
    await refreshList();
  } catch (error) {
    if ((error as { code?: ApiErrorCode }).code === 'sign-in-required') return signIn(p);
    say(`${p.name}: ${problemOf(error, 'The renewal failed.')}`, true);
    await refreshList();
  }
}

async function editProfile(mode: ProfileFormMode): Promise<void> {
  const dialog = byId<HTMLDialogElement>('profile-dialog');
  let error: string | undefined;
  let input: ProfileInput | undefined;
  for (;;) {
    input = await askForProfile(dialog, mode, error, input);
    if (!input) return;
    try {
      const saved =
        mode.kind === 'edit' ? await api.updateProfile(mode.profile.id, input) : await api.addProfile(input);
      say(
        mode.kind === 'add' || mode.kind === 'duplicate'
          ? `Added ${saved.name}.`
          : savedSaid(mode.profile, input, saved),
      );
      await refreshList();
      return;
    } catch (problem) {
      error = problemOf(problem, 'The profile could not be saved.');
    }
  }
}

function toggleDetails(p: ProfileView, button: HTMLElement): void {
  const pane = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!pane) return;
  const open = button.getAttribute('aria-expanded') !== 'true';
  if (open) fillDetails(pane, p, say);
  pane.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
}

function onRowAction(action: RowAction, p: ProfileView, button: HTMLElement): void {
  switch (action) {
    case 'details':
      return toggleDetails(p, button);
    case 'sign-in':
      return void signIn(p);
    case 'copy':
      return void copy(p, choice);
    case 'copy-menu':
      return openCopyMenu(button, p, (picked) => {
        choice = picked;
        rememberCopyChoice(picked);
        void copy(p, picked).then(refreshList);
      });
    case 'retry':
      return void retry(p);
    case 'more':
      return openRowMenu(button, p, p.pinned === true, (picked) => onRowAction(picked, p, button));
    case 'inspect':
      return void showInspector(byId('inspect-dialog'), api, p);
    case 'edit':
      return void editProfile({ kind: 'edit', profile: p });
    case 'duplicate':
      return void editProfile({ kind: 'duplicate', profile: p });
    case 'pin':
      return void guarded(
        p,
        () => api.updateProfile(p.id, { ...inputFromView(p), pinned: !p.pinned }),
        p.pinned ? `Unpinned ${p.name}.` : `Pinned ${p.name} to the top.`,
      );
    case 'refresh':
      return void guarded(p, () => api.refreshNow(p.id), `Renewed ${p.name}.`);
    case 'sign-out':
      return void guarded(p, async () => {
        const result = await api.signOut(p.id);
        say(result.warning ?? `Signed out of ${p.name}.`, Boolean(result.warning));
      });
    case 'delete':
      return void removeProfile(p);
  }
}

/** Deletes a profile once confirmed; a signed-in one may have its refresh token revoked at Cognito first (the sign-out path). */
async function removeProfile(p: ProfileView): Promise<void> {
  const how = await askRemoval(byId<HTMLDialogElement>('remove-dialog'), p);
  if (!how) return;
  await guarded(p, async () => {
    // Revoked first by main; a revocation that fails deletes nothing and its error says why (the profile stays).
    await api.removeProfile(p.id, how === 'revoke' ? { revoke: true } : undefined);
    say(removalSaid(p, how));
  });
}

async function openSettings(): Promise<void> {
  const dialog = byId<HTMLDialogElement>('settings-dialog');
  let error: string | undefined;
  let current = await api.getSettings();
  for (;;) {
    const changes = await askForSettings(dialog, current, profiles, error);
    if (!changes) return;
    try {
      clearSeconds = (await api.updateSettings(changes)).clipboardClearSeconds;
      say('Settings saved.');
      return;
    } catch (problem) {
      error = problemOf(problem, 'The settings could not be saved.');
      current = changes;
    }
  }
}

function quickCopy(): void {
  openQuickCopy(byId<HTMLDialogElement>('quick-copy'), profiles, (p, kind) => {
    if (standingOf(p, Date.now()).tokenUsable) void copy(p, { kind, format: 'raw' });
    else void signIn(p);
  });
}

byId('add-profile').addEventListener('click', () => void editProfile({ kind: 'add' }));
byId('import-profiles').addEventListener('click', () => importInput.click());
importInput.addEventListener(
  'change',
  () =>
    void guarded(undefined, async () => {
      const said = await importPicked(api, importInput);
      if (said) say(said);
    }),
);
byId('export-profiles').addEventListener(
  'click',
  () =>
    void guarded(
      undefined,
      async () => {
        offerDownload('cognito-token-manager-profiles.json', await api.exportProfiles());
      },
      'Exported the profiles (no secrets are in the file).',
    ),
);
byId('open-settings').addEventListener(
  'click',
  () => void openSettings().catch((error: unknown) => say(problemOf(error, 'Settings are unavailable.'), true)),
);
byId('open-quick-copy').addEventListener('click', quickCopy);
for (const id of ['row-menu', 'copy-menu']) byId(id).addEventListener('keydown', moveInMenu);
filter.addEventListener('input', () => filterRows(list, filter.value));
document.addEventListener('keydown', (event) => {
  // Ctrl+K (Cmd+K): the quick-copy palette, as in 1Password, Slack and VS Code.
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && !document.querySelector('dialog[open]')) {
    event.preventDefault();
    quickCopy();
  }
});

window.api.onChanged(() => void refreshList());
window.api.onQuickCopyRequested(() => {
  if (!document.querySelector('dialog[open]')) quickCopy();
});
window.api.onSignInRequested(
  (profileId) =>
    void (async () => {
      // The tray may ask before the first list arrived (a window it just opened): list first, then find the profile.
      if (!profiles.some((p) => p.id === profileId)) await refreshList();
      const profile = profiles.find((p) => p.id === profileId);
      if (profile) await signIn(profile);
    })(),
);
setInterval(() => tickTimeLeft(list, Date.now()), 5000);
void api.getSettings().then(
  (s) => {
    clearSeconds = s.clipboardClearSeconds;
  },
  () => undefined,
);
void refreshList();
