import { spawnSync } from 'node:child_process';

/** True when a command is on PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether a suite's system component is present. Missing with REQUIRE_SYSTEM_TESTS=1 (as in CI): throws, so the
 * suite fails loudly instead of skipping. Missing otherwise: false, and the suite skips with its reason in its name.
 */
export function systemComponent(name: string, present: boolean, install: string): boolean {
  if (present) return true;
  if (process.env.REQUIRE_SYSTEM_TESTS === '1')
    throw new Error(`REQUIRE_SYSTEM_TESTS=1 but ${name} is missing: ${install}`);
  return false;
}

/** The real OS keyring on Linux: a private D-Bus session bus with gnome-keyring. */
export const HAS_KEYRING = systemComponent(
  'gnome-keyring with D-Bus',
  hasCommand('dbus-daemon') && hasCommand('gnome-keyring-daemon'),
  'apt-get install gnome-keyring dbus-x11 libsecret-tools',
);

/** Debian's Chromium, driven by playwright-core. */
export const CHROMIUM_PATH = process.env.CTM_CHROMIUM ?? '/usr/bin/chromium';
