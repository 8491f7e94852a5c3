import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../main/core/logging/logger.ts';
import { RecentProfilesFile } from '../../../main/core/settings/recent-profiles-file.ts';
import { stateAnnouncer } from '../../../main/electron/notice-delivery.ts';
import { TrayStatus, type RecentProfiles } from '../../../main/electron/tray-status.ts';
import type { ProfileView } from '../../../main/ipc/contract.ts';
import { menuLabels, NOW, profileView, standInWithTray } from '../../support/electron-standin/policy-kit.ts';

/** A TrayStatus over the stand-in's tray and notifications, reading the profiles from `read` (a fake Api.listProfiles). */
function statusOn(
  read: () => Promise<ProfileView[]>,
  options: { notifications?: boolean; recent?: RecentProfiles } = {},
) {
  const standIn = standInWithTray(options);
  let pageTold = 0;
  let now = NOW;
  const status = new TrayStatus({
    listProfiles: read,
    pageChanged: () => void (pageTold += 1),
    announce: stateAnnouncer(standIn.electron.Notification),
    now: () => now,
    ...(options.recent ? { recent: options.recent } : {}),
  });
  status.attach(standIn.controller);
  return {
    ...standIn,
    status,
    pageTold: () => pageTold,
    later: (ms: number) => void (now += ms),
    notifications: () => standIn.recorder.find('notification.show').map((c) => c.args[0]),
    items: () => menuLabels(standIn.trayIcon.menu),
  };
}

describe('the tray status on every change, with Electron as the stand-in', () => {
  it('tells the page, shows the profiles in the tray, and announces a state change once, not at start', async () => {
    let profiles = [profileView('dev', 'fresh', 30)];
    const run = statusOn(async () => profiles);
    await run.status.changed();
    expect(run.pageTold()).toBe(1);
    expect(run.trayIcon.image).toBe('tray-light.png');
    expect(run.items()).toContain('dev \u2014 30 min');
    profiles = [profileView('dev', 'needs-sign-in')];
    await run.status.changed();
    await run.status.changed();
    expect(run.notifications()).toEqual(['dev needs a sign-in']);
    expect(run.trayIcon.image).toBe('tray-error.png');
    expect(run.items()).toContain('dev \u2014 Sign in\u2026');
    expect(run.pageTold()).toBe(3);
  });

  it('profiles that cannot be read: the tray says why (error glyph, Open and Quit) and nothing is announced', async () => {
    let fail = false;
    const run = statusOn(async () => {
      if (fail) throw new Error('The keychain is locked.');
      return [profileView('dev', 'fresh', 30)];
    });
    await run.status.changed();
    fail = true;
    await run.status.changed();
    expect(run.trayIcon.image).toBe('tray-error.png');
    expect(run.trayIcon.tooltip).toBe('Cognito Token Manager\nThe keychain is locked.');
    expect(run.items()).toEqual(['The keychain is locked.', 'separator', 'Open Cognito Token Manager', 'Quit']);
    expect(run.notifications()).toEqual([]);
    // The last profiles read are still known (a notice names the profile).
    expect(run.status.nameOf('id-dev')).toBe('dev');
  });

  it('a failure that is not an Error still reads as a sentence', async () => {
    const run = statusOn(() => Promise.reject(new Map()));
    await run.status.changed();
    expect(run.trayIcon.tooltip).toBe('Cognito Token Manager\nThe profiles could not be read.');
  });

  it('puts the default profile (with its shortcut) and the profile copied last first', async () => {
    const run = statusOn(async () => [profileView('dev', 'fresh', 30), profileView('api', 'fresh', 40)]);
    await run.status.changed();
    run.status.setDefault('id-dev', 'CommandOrControl+Shift+T');
    run.status.copied('id-api');
    expect(run.items().slice(0, 4)).toEqual([
      'Copy default: dev \u2014 30 min',
      'Recent',
      'api \u2014 40 min',
      'separator',
    ]);
    const first = run.trayIcon.menu?.items[0] as { accelerator?: string; registerAccelerator?: boolean };
    expect(first).toMatchObject({ accelerator: 'CommandOrControl+Shift+T', registerAccelerator: false });
  });

  it('before the first read, settings and copies change nothing on the tray (no profiles to show yet)', () => {
    const run = statusOn(async () => []);
    run.status.setDefault('id-dev', '');
    run.status.copied('id-dev');
    run.status.redraw();
    expect(run.recorder.find('tray.setContextMenu')).toEqual([]);
  });

  describe('time moving on', () => {
    afterEach(() => void vi.useRealTimers());

    it('redraws every 30 s from what is known, without reading the profiles again; the menu changes with the minute', async () => {
      vi.useFakeTimers();
      let reads = 0;
      const run = statusOn(async () => (reads++, [profileView('dev', 'fresh', 30)]));
      await run.status.changed();
      run.status.redrawEvery(30_000);
      run.later(30_000);
      vi.advanceTimersByTime(30_000);
      expect(run.recorder.find('tray.setContextMenu')).toHaveLength(1);
      run.later(30_000);
      vi.advanceTimersByTime(30_000);
      expect(run.items()).toContain('dev \u2014 29 min');
      expect(run.recorder.find('tray.setContextMenu')).toHaveLength(2);
      expect(reads).toBe(1);
    });

    it('a storm of changes (many renewals at once) makes one read and one update 250 ms later, then the next storm another', async () => {
      vi.useFakeTimers();
      let reads = 0;
      const run = statusOn(async () => (reads++, [profileView('dev', 'fresh', 30)]));
      for (let i = 0; i < 20; i++) run.status.changedSoon();
      vi.advanceTimersByTime(249);
      expect(reads).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect([reads, run.pageTold()]).toEqual([1, 1]);
      run.status.changedSoon();
      await vi.advanceTimersByTimeAsync(250);
      expect(reads).toBe(2);
    });
  });

  describe('the recent profiles across a restart (recent-profiles.json in the config folder)', () => {
    // Real profile ids (UUIDs): the file keeps nothing else.
    const [dev, api, ops] = ['dev', 'api', 'ops'].map((name, i) =>
      profileView(name, 'fresh', 30 + i * 10, { id: randomUUID() }),
    ) as [ProfileView, ProfileView, ProfileView];
    const stored = (dir: string) => new RecentProfilesFile(dir, silentLogger);
    const idsIn = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, 'recent-profiles.json'), 'utf8')) as { recentProfileIds: string[] })
        .recentProfileIds;

    it('a restart shows the profiles copied before it, most recent first', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ctm-tray-recent-'));
      const before = statusOn(async () => [dev, api, ops], { recent: stored(dir) });
      await before.status.changed();
      before.status.copied(ops.id);
      before.status.copied(api.id);
      await expect.poll(() => idsIn(dir)).toEqual([api.id, ops.id]);

      const after = statusOn(async () => [dev, api, ops], { recent: stored(dir) });
      await after.status.changed();
      expect(after.items().slice(0, 4)).toEqual(['Recent', 'api \u2014 40 min', 'ops \u2014 50 min', 'separator']);
    });

    it('a removed profile drops out, from the tray and from the file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ctm-tray-recent-'));
      writeFileSync(
        join(dir, 'recent-profiles.json'),
        JSON.stringify({ version: 1, recentProfileIds: [api.id, ops.id, dev.id] }),
      );
      let profiles = [dev, api, ops];
      const run = statusOn(async () => profiles, { recent: stored(dir) });
      await run.status.changed();
      profiles = [dev, ops];
      await run.status.changed();
      expect(run.items().slice(0, 3)).toEqual(['Recent', 'ops \u2014 50 min', 'dev \u2014 30 min']);
      await expect.poll(() => idsIn(dir)).toEqual([ops.id, dev.id]);
    });

    it('profiles that cannot be read (a locked keychain) remove nothing from the file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ctm-tray-recent-'));
      const file = JSON.stringify({ version: 1, recentProfileIds: [api.id, dev.id] });
      writeFileSync(join(dir, 'recent-profiles.json'), file);
      const run = statusOn(() => Promise.reject(new Error('The keychain is locked.')), { recent: stored(dir) });
      await run.status.changed();
      await run.status.changed();
      expect(readFileSync(join(dir, 'recent-profiles.json'), 'utf8')).toBe(file);
    });

    it('a copy made before the stored list was read (the shortcut at start) goes first and keeps the stored ones', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ctm-tray-recent-'));
      writeFileSync(
        join(dir, 'recent-profiles.json'),
        JSON.stringify({ version: 1, recentProfileIds: [api.id, ops.id] }),
      );
      const run = statusOn(async () => [dev, api, ops], { recent: stored(dir) });
      run.status.copied(ops.id);
      await expect.poll(() => idsIn(dir)).toEqual([ops.id, api.id]);
      await run.status.changed();
      expect(run.items().slice(0, 3)).toEqual(['Recent', 'ops \u2014 50 min', 'api \u2014 40 min']);
    });
  });
});
