import type { ProfileView } from '../ipc/contract.ts';
import type { NoticeFallback } from './notice-delivery.ts';
import { RECENT_KEPT, withRecent, type TrayContext } from './tray-menu.ts';

/** The tray as the status drives it (TrayController): the profiles as of a time, or a problem reading them. */
export interface TrayView extends NoticeFallback {
  show(profiles: ProfileView[], now: number, problem?: string, context?: TrayContext): unknown;
}

/** What the status needs: the profiles (Api.listProfiles), the page to tell, and who announces state changes. */
export interface TrayStatusParts {
  listProfiles: () => Promise<ProfileView[]>;
  /** Tells the window's page that something changed; the page asks for what it shows. */
  pageChanged: () => void;
  /** Announces what changed between the last known profiles and the new ones (stateAnnouncer). */
  announce: (previous: ProfileView[] | undefined, next: ProfileView[]) => void;
  now?: () => number;
  /** Where the recent profiles outlive a restart (RecentProfilesFile); without it they are kept in memory only. */
  recent?: RecentProfiles;
}

/** The stored recent profile ids, most recent first: read once, written after each change; neither ever throws. */
export interface RecentProfiles {
  read(): Promise<string[]>;
  write(ids: readonly string[]): Promise<void>;
}

/**
 * The profiles as the tray last showed them, and what the tray puts first (the default profile and its shortcut from
 * the settings, the profiles copied last). Every change (the window's, the tray's, a refresh's) lands in changed().
 */
export class TrayStatus implements NoticeFallback {
  private readonly parts: TrayStatusParts;
  private readonly now: () => number;
  private tray: TrayView | undefined;
  private profiles: ProfileView[] | undefined;
  private context: TrayContext = {};
  private soon: NodeJS.Timeout | undefined;
  private recentRead: Promise<void> | undefined;

  constructor(parts: TrayStatusParts) {
    this.parts = parts;
    this.now = parts.now ?? Date.now;
  }

  /** Shows the status in this tray from now on (the tray exists only once the app is ready). */
  attach(tray: TrayView): void {
    this.tray = tray;
    this.redraw();
  }

  /** The name of a profile as last read, for what a notice says. */
  nameOf(profileId: string): string | undefined {
    return this.profiles?.find((p) => p.id === profileId)?.name;
  }

  /**
   * Something changed: the page hears it, the profiles are read again and shown, and a state change is announced once.
   * Without the profiles (a locked keychain, a broken file) the tray still offers Open and Quit, and says why.
   */
  async changed(): Promise<void> {
    this.parts.pageChanged();
    let problem: string | undefined;
    const [profiles] = await Promise.all([
      this.parts.listProfiles().catch((error: unknown) => {
        problem = error instanceof Error ? error.message : 'The profiles could not be read.';
        return undefined;
      }),
      this.readRecent(),
    ]);
    if (profiles) this.forgetRemoved(profiles);
    this.tray?.show(profiles ?? [], this.now(), problem, this.context);
    if (!profiles) return;
    this.parts.announce(this.profiles, profiles);
    this.profiles = profiles;
  }

  /**
   * changed() within `ms`, once for every call made meanwhile: a storm of refreshes (the scheduler renewing many
   * profiles after a sleep) makes one update of the page and tray, not one per profile.
   */
  changedSoon(ms = 250): void {
    this.soon ??= setTimeout(() => {
      this.soon = undefined;
      void this.changed();
    }, ms);
  }

  /** A token of this profile was copied: it leads the tray's recent profiles, stored once the stored ones were read. */
  copied(profileId: string): void {
    this.context = { ...this.context, recentIds: withRecent(this.context.recentIds ?? [], profileId) };
    this.redraw();
    void this.readRecent().then(() => this.storeRecent());
  }

  /** The settings' default profile and its shortcut, which the tray puts first. */
  setDefault(defaultProfileId: string, shortcut: string): void {
    this.context = { ...this.context, defaultProfileId, shortcut };
    this.redraw();
  }

  /** The stored recent profiles, once, after any copied meanwhile (a copy by the shortcut may come first). */
  private readRecent(): Promise<void> {
    this.recentRead ??= (this.parts.recent?.read() ?? Promise.resolve([])).then((stored) => {
      const inMemory = this.context.recentIds ?? [];
      const recentIds = [...new Set([...inMemory, ...stored])].slice(0, RECENT_KEPT);
      this.context = { ...this.context, recentIds };
    });
    return this.recentRead;
  }

  /** Removed profiles leave the recent list (in memory and stored) once the profiles were read. */
  private forgetRemoved(profiles: ProfileView[]): void {
    const recentIds = this.context.recentIds ?? [];
    const kept = recentIds.filter((id) => profiles.some((p) => p.id === id));
    if (kept.length === recentIds.length) return;
    this.context = { ...this.context, recentIds: kept };
    this.storeRecent();
  }

  private storeRecent(): void {
    void this.parts.recent?.write(this.context.recentIds ?? []);
  }

  /** Time left moves on its own: redraws from what is known (no keychain read); the tray rebuilds only what changed. */
  redraw(): void {
    if (this.profiles) this.tray?.show(this.profiles, this.now(), undefined, this.context);
  }

  /** Redraws every `ms` (the minute shown in the menu), without keeping the process alive. */
  redrawEvery(ms: number): void {
    setInterval(() => this.redraw(), ms).unref();
  }

  /** The tray's tooltip says it (where notifications are off). */
  flash(message: string): void {
    this.tray?.flash(message);
  }

  /** The menu-bar title says it (macOS). */
  flashTitle(text: string): void {
    this.tray?.flashTitle(text);
  }
}
