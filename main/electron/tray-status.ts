import type { ProfileView } from '../ipc/contract.ts';
import type { NoticeFallback } from './notice-delivery.ts';
import { withRecent, type TrayContext } from './tray-menu.ts';

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
    const profiles = await this.parts.listProfiles().catch((error: unknown) => {
      problem = error instanceof Error ? error.message : 'The profiles could not be read.';
      return undefined;
    });
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

  /** A token of this profile was copied: it leads the tray's recent profiles. */
  copied(profileId: string): void {
    this.context = { ...this.context, recentIds: withRecent(this.context.recentIds ?? [], profileId) };
    this.redraw();
  }

  /** The settings' default profile and its shortcut, which the tray puts first. */
  setDefault(defaultProfileId: string, shortcut: string): void {
    this.context = { ...this.context, defaultProfileId, shortcut };
    this.redraw();
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
