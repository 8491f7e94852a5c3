import type { Menu, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrayController } from '../../../main/electron/tray-controller.ts';
import type { ProfileView } from '../../../main/ipc/contract.ts';

const NOW = 1_800_000_000_000;
const dev = (state: ProfileView['state']): ProfileView => ({
  id: 'id-dev',
  name: 'dev',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Pool1',
  clientId: 'c',
  authFlow: 'USER_SRP_AUTH',
  signIn: 'password',
  hasClientSecret: false,
  autoRefresh: true,
  state,
  expiresAt: NOW + 600_000,
});

/** A renewal that failed after the token ran out (with time left, a failed renewal only warns: the token still copies). */
const failed = (): ProfileView => ({ ...dev('retrying'), expiresAt: NOW - 60_000 });

describe('TrayController with a recording tray (Electron stood in)', () => {
  function setup() {
    const calls: string[] = [];
    const controller = new TrayController({
      tray: {
        setContextMenu: () => void calls.push('menu'),
        setToolTip: (t: string) => void calls.push(`tooltip:${t.split('\n')[1]}`),
        setImage: (i: unknown) => void calls.push(`image:${String(i)}`),
        setTitle: (t: string) => void calls.push(`title:${t}`),
      },
      buildMenu: (_t: MenuItemConstructorOptions[]) => ({}) as Menu,
      icons: { ok: 'ok.png', warning: 'warning.png', error: 'error.png' },
      run: () => undefined,
    });
    return { calls, controller };
  }

  it('rebuilds the menu only when the model changes, and swaps the icon with the health', () => {
    const { calls, controller } = setup();
    expect(controller.show([dev('fresh')], NOW)).toBe(true);
    expect(controller.show([dev('fresh')], NOW + 5_000)).toBe(false);
    expect(controller.show([failed()], NOW + 5_000)).toBe(true);
    expect(calls).toEqual([
      'image:ok.png',
      'tooltip:Next expiry: dev in 10 min',
      'menu',
      'image:error.png',
      'tooltip:No profile signed in',
      'menu',
    ]);
  });
});

describe('TrayController when the panel theme changes (Electron stood in)', () => {
  it('swaps to the new icon set at once, keeping the current health, and uses it for later changes', () => {
    const images: string[] = [];
    const controller = new TrayController({
      tray: {
        setContextMenu: () => undefined,
        setToolTip: () => undefined,
        setImage: (i: unknown) => void images.push(String(i)),
        setTitle: () => undefined,
      },
      buildMenu: () => ({}) as Menu,
      icons: { ok: 'light.png', warning: 'warning.png', error: 'error.png' },
      run: () => undefined,
    });
    controller.show([dev('fresh')], NOW);
    controller.setIcons({ ok: 'dark.png', warning: 'warning.png', error: 'error.png' });
    controller.show([failed()], NOW);
    controller.show([dev('fresh')], NOW);
    expect(images).toEqual(['light.png', 'dark.png', 'error.png', 'dark.png']);
  });
});

describe('TrayController.flashTitle: feedback in the macOS menu bar, where an unsigned bundle loses notifications (Electron stood in)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the text beside the icon, then clears it; a later flash restarts the wait', () => {
    const calls: string[] = [];
    const controller = new TrayController({
      tray: {
        setContextMenu: () => undefined,
        setToolTip: () => undefined,
        setImage: () => undefined,
        setTitle: (t: string) => void calls.push(`title:${t}`),
      },
      buildMenu: () => ({}) as Menu,
      icons: { ok: 'ok.png', warning: 'warning.png', error: 'error.png' },
      run: () => undefined,
    });
    controller.flashTitle('Access token of dev copied', 5_000);
    vi.advanceTimersByTime(4_000);
    controller.flashTitle('Refreshing failed', 5_000);
    vi.advanceTimersByTime(4_000);
    expect(calls).toEqual(['title:Access token of dev copied', 'title:Refreshing failed']);
    vi.advanceTimersByTime(1_000);
    expect(calls.at(-1)).toBe('title:');
  });
});
