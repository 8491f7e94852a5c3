import { describe, expect, it } from 'vitest';
import {
  describeKeychainFailure,
  KeytarSecretStore,
  type KeytarLike,
} from '../../../../main/core/keychain/keytar-secret-store.ts';

/** A stand-in for keytar whose calls never settle until released (the real daemon is frozen in test/integration/keychain). */
function hangingKeytar(): KeytarLike & { release(): void; calls: number } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const stub = {
    calls: 0,
    release: () => release(),
    getPassword: async () => {
      stub.calls++;
      await gate;
      return 'late';
    },
    setPassword: async () => {
      stub.calls++;
      await gate;
    },
    deletePassword: async () => {
      stub.calls++;
      await gate;
      return true;
    },
    findCredentials: async () => {
      stub.calls++;
      await gate;
      return [];
    },
  };
  return stub;
}

describe('KeytarSecretStore timeouts (keytar stood in by a never-answering fake)', () => {
  it('gives up after its timeout with a message that says what to do', async () => {
    const keytar = hangingKeytar();
    const store = new KeytarSecretStore('svc', 50, { keytar, lockProbe: async () => false });
    await expect(store.get('a')).rejects.toThrow(
      /did not answer a read within 0 s.*unlock it or restart it.*Nothing stored was changed/,
    );
  });

  it('fails fast while a timed-out call still hangs, instead of piling up calls, and recovers once it settles', async () => {
    const keytar = hangingKeytar();
    const store = new KeytarSecretStore('svc', 50, { keytar, lockProbe: async () => false });
    await expect(store.set('a', 'x')).rejects.toThrow(/did not answer a write/);
    await expect(store.get('a')).rejects.toThrow(/still not answering an earlier request/);
    expect(keytar.calls).toBe(1);
    keytar.release();
    await new Promise((r) => setTimeout(r, 10));
    await expect(store.get('a')).resolves.toBe('late');
  });

  it('reports a locked keychain on a read that would otherwise look like "nothing stored"', async () => {
    const keytar: KeytarLike = {
      getPassword: async () => null,
      setPassword: async () => undefined,
      deletePassword: async () => false,
      findCredentials: async () => [],
    };
    const locked = new KeytarSecretStore('svc', 1000, { keytar, lockProbe: async () => true });
    await expect(locked.get('a')).rejects.toThrow(/keychain is locked.*Unlock it/);
    await expect(locked.all()).rejects.toThrow(/keychain is locked/);
    const unlocked = new KeytarSecretStore('svc', 1000, { keytar, lockProbe: async () => false });
    await expect(unlocked.get('a')).resolves.toBeUndefined();
  });

  it.each([
    ['Cannot create an item in a locked collection', /keychain is locked/],
    ['Timeout was reached', /still not answering/],
    ['The name :1.1 was not provided by any .service files', /No Secret Service is answering/],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', /No Secret Service is answering/],
    ['Something else', /refused a write/],
  ])('turns libsecret\'s "%s" into an actionable message', (text, expected) => {
    expect(describeKeychainFailure('write', new Error(text))).toMatch(expected);
  });
});

describe('KeytarSecretStore listing (keytar stood in by a recording fake)', () => {
  it('never lets a write or delete overlap a listing, since keytar crashes when an entry vanishes mid-listing', async () => {
    const log: string[] = [];
    let active = 0;
    const step = async (name: string, ms: number) => {
      active += 1;
      log.push(`${name}:start:${active}`);
      await new Promise((r) => setTimeout(r, ms));
      active -= 1;
    };
    const keytar: KeytarLike = {
      getPassword: async () => {
        await step('get', 20);
        return 'x';
      },
      setPassword: async () => step('set', 20),
      deletePassword: async () => {
        await step('delete', 20);
        return true;
      },
      findCredentials: async () => {
        await step('list', 20);
        return [];
      },
    };
    const store = new KeytarSecretStore('svc', 1000, { keytar, lockProbe: async () => false });
    await Promise.all([store.set('a', 'x'), store.all(), store.delete('a'), store.get('a'), store.all()]);
    expect(log.filter((l) => l.startsWith('list')).every((l) => l === 'list:start:1')).toBe(true);
    expect(log.length).toBe(5);
  });
});
