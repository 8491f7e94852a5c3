import { testProfileId } from '../../../support/profile-ids.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashHookFrom, noCrash, type CrashPoint } from '../../../../main/core/crash-point.ts';
import { scheduleOrphanSweeps, SWEEP_DELAY_MS } from '../../../../main/core/keychain/orphan-sweep.ts';
import { Vault } from '../../../../main/core/keychain/vault.ts';
import { awsSizedSession } from '../../../support/aws-sized-tokens.ts';
import { CountingSecretStore } from '../../../support/fakes/counting-secret-store.ts';
import { FakeClock } from '../scheduler/fake-clock.ts';

describe('the orphan sweep, scheduled by the app (FAKE timers, in-memory keychain)', () => {
  it('a write never lists the keychain nor arms a timer: ctm stays a short process', async () => {
    const store = new CountingSecretStore();
    const vault = new Vault(store, mkdtempSync(join(tmpdir(), 'ctm-sweep-')));
    await vault.saveSession(testProfileId('p'), awsSizedSession()); // first use: the one listing that builds the layout
    store.reset();
    await vault.saveSession(testProfileId('p'), awsSizedSession());
    await vault.deleteSession(testProfileId('p'));
    expect(store.listings).toBe(0);
  });

  it('sweeps a minute after the app starts, then again a day later; a failed sweep waits for the next', async () => {
    const clock = new FakeClock();
    let sweeps = 0;
    scheduleOrphanSweeps(async () => {
      sweeps += 1;
      if (sweeps === 1) throw new Error('keychain locked');
    }, clock);
    await clock.advance(SWEEP_DELAY_MS - 1);
    expect(sweeps).toBe(0);
    await clock.advance(1);
    expect(sweeps).toBe(1);
    await clock.advance(24 * 60 * 60_000);
    expect(sweeps).toBe(2);
  });

  it('stops when asked (the app quitting)', async () => {
    const clock = new FakeClock();
    let sweeps = 0;
    const stop = scheduleOrphanSweeps(async () => void (sweeps += 1), clock);
    stop();
    await clock.advance(2 * SWEEP_DELAY_MS);
    expect(sweeps).toBe(0);
    expect(clock.armed).toBe(0);
  });
});

describe('crash points are injected by the process entry, not read mid-write', () => {
  it('without CTM_TEST_CRASH_AT the hook is the inert one', () => {
    expect(crashHookFrom({})).toBe(noCrash);
  });

  it('a vault is told each step of a save and a forget, in order', async () => {
    const seen: CrashPoint[] = [];
    const vault = new Vault(new CountingSecretStore(), mkdtempSync(join(tmpdir(), 'ctm-crash-')), {
      crash: (point) => seen.push(point),
    });
    await vault.saveSession(testProfileId('p'), awsSizedSession());
    await vault.deleteSession(testProfileId('p'));
    expect(seen).toEqual([
      'session-save-started',
      'cache-rebuilt',
      'refresh-item-written',
      'session-committed',
      'session-stored',
      'forget-committed',
    ]);
  });
});
