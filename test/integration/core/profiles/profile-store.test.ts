import { profileRef } from '../../../../main/core/profiles/profile-id.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../../main/core/profiles/profile-store.ts';

const fields = { name: 'dev', region: 'us-east-1', userPoolId: 'us-east-1_Abc123', clientId: 'client1' };

describe('ProfileStore', () => {
  let dir: string;
  let store: ProfileStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ctm-store-'));
    store = new ProfileStore(dir, () => new Date('2026-11-26T10:00:00Z'));
  });

  it('adds, lists and removes profiles, with defaults', async () => {
    const added = await store.add(fields);
    expect(added.authFlow).toBe('USER_SRP_AUTH');
    expect(added.autoRefresh).toBe(true);
    expect((await store.list()).map((p) => p.name)).toEqual(['dev']);
    await store.remove(added.id);
    expect(await store.list()).toEqual([]);
  });

  it('writes a versioned file private to the user', async () => {
    await store.add(fields);
    const file = JSON.parse(readFileSync(store.path, 'utf8')) as { version: number };
    expect(file.version).toBe(2);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });

  it('refuses duplicate names and bad fields with every problem listed', async () => {
    await store.add(fields);
    await expect(store.add(fields)).rejects.toThrow(/already exists/);
    await expect(store.add({ ...fields, name: 'x', userPoolId: 'not-a-pool', clientId: 'bad id' })).rejects.toThrow(
      /client id.*user pool id|user pool id.*client id/,
    );
    await expect(store.add({ ...fields, name: 'y', endpoint: 'ftp://x' })).rejects.toThrow(/endpoint/);
    expect((await store.list()).length).toBe(1);
  });

  it('updates a profile keeping its id, and validates the result', async () => {
    const added = await store.add(fields);
    const renamed = await store.update(added.id, { name: 'dev2' });
    expect(renamed.id).toBe(added.id);
    await expect(store.update(added.id, { region: 'nope' })).rejects.toThrow(/region/);
    expect((await store.resolve(profileRef('dev2'))).region).toBe('us-east-1');
  });

  it('reports a hand-edited file with a syntax error by line and column, and leaves it where it is', async () => {
    const text = '{\n  "version": 1,\n  "profiles": [\n    { "name": "dev" "region": "us-east-1" }\n  ]\n}\n';
    writeFileSync(store.path, text);
    await expect(store.list()).rejects.toThrow(
      /profiles\.json line 4 column 21: Expected ',' or '}' after property value \(not valid JSON\)\. Fix it in a text editor/,
    );
    await expect(store.add({ ...fields, name: 'other' })).rejects.toThrow(/line 4 column 21/);
    expect(readFileSync(store.path, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['profiles.json']);
    expect(store.lastRecovery).toBeUndefined();
  });

  it('reports a bad field by its path and leaves the file where it is', async () => {
    writeFileSync(
      store.path,
      JSON.stringify({
        version: 1,
        profiles: [{ id: '00000000-0000-4000-8000-000000000000', ...fields, region: 'moon' }],
      }),
    );
    await expect(store.list()).rejects.toThrow(/profiles\.0\.region/);
    expect(readdirSync(dir)).toEqual(['profiles.json']);
  });

  it('reads a file an editor saved with a BOM', async () => {
    writeFileSync(
      store.path,
      `\uFEFF${JSON.stringify({ version: 1, profiles: [{ id: '00000000-0000-4000-8000-000000000000', ...fields }] })}`,
    );
    expect((await store.list()).map((p) => p.name)).toEqual(['dev']);
  });

  it.each([
    ['binary', Buffer.from([0x7b, 0x00, 0x01, 0x02]), /binary/],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8/],
    ['empty', Buffer.from('  \n'), /empty/],
  ])('moves a file no editor can repair (%s) aside with a timestamp and starts empty', async (_what, bytes, reason) => {
    writeFileSync(store.path, bytes);
    expect(await store.list()).toEqual([]);
    expect(store.lastRecovery?.movedTo).toBe(`${store.path}.broken-2026-11-26T10-00-00-000Z`);
    expect(store.lastRecovery?.reason).toMatch(reason);
    expect(readFileSync(store.lastRecovery!.movedTo)).toEqual(bytes);
  });

  it('gives a hand-added profile without an id a fresh one, and keeps it', async () => {
    writeFileSync(store.path, JSON.stringify({ version: 1, profiles: [fields] }));
    const [first] = await store.list();
    expect(first?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(readFileSync(store.path, 'utf8')).profiles[0].id).toBe(first?.id);
    expect((await new ProfileStore(dir).resolve(profileRef('dev'))).id).toBe(first?.id);
  });

  it('migrates a version-0 file (a bare array)', async () => {
    writeFileSync(store.path, JSON.stringify([{ id: '00000000-0000-4000-8000-000000000000', ...fields }]));
    expect((await store.list())[0]?.name).toBe('dev');
  });

  it('leaves a file from a newer version alone and says to update', async () => {
    writeFileSync(store.path, JSON.stringify({ version: 99, profiles: [] }));
    await expect(store.list()).rejects.toThrow(/newer version/);
    expect(readFileSync(store.path, 'utf8')).toContain('99');
  });

  it('loses no update when writers race', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => new ProfileStore(dir).add({ ...fields, name: `p${i}` })));
    expect((await store.list()).length).toBe(12);
  });
});

describe('ProfileStore, for the refresh engine', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ctm-store-'));
  });

  it('sees an edit another process made, though it reuses its last parse while the file is unchanged', async () => {
    const store = new ProfileStore(dir);
    await store.add(fields);
    expect((await store.list()).map((p) => p.name)).toEqual(['dev']);
    await new ProfileStore(dir).add({ ...fields, name: 'other' });
    expect((await store.list()).map((p) => p.name)).toEqual(['dev', 'other']);
  });

  it('tells subscribers the new list after each change it makes', async () => {
    const store = new ProfileStore(dir);
    const seen: string[][] = [];
    const stop = store.onChange((profiles) => seen.push(profiles.map((p) => p.name)));
    const added = await store.add(fields);
    await store.update(added.id, { autoRefresh: false });
    stop();
    await store.remove(added.id);
    expect(seen).toEqual([['dev'], ['dev']]);
  });

  it('hands out copies, so a caller cannot change what the next caller reads', async () => {
    const store = new ProfileStore(dir);
    await store.add(fields);
    (await store.list()).pop();
    expect((await store.list()).length).toBe(1);
  });
});

describe('ProfileStore lock file', () => {
  it('takes over a lock left by a process that died (no 10-second wait, no error)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctm-store-'));
    const store = new ProfileStore(dir);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${store.path}.lock`, dead.stdout);
    await store.add(fields);
    expect((await store.list()).length).toBe(1);
  });
});
