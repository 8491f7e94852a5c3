import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../../main/core/logging/logger.ts';
import { RecentProfilesFile } from '../../../../main/core/settings/recent-profiles-file.ts';

const AT = new Date('2026-12-07T12:00:00.000Z');
const [A, B, C] = [randomUUID(), randomUUID(), randomUUID()];

/** A RecentProfilesFile in a fresh config folder, with what it logged. */
function fresh(dir = mkdtempSync(join(tmpdir(), 'ctm-recent-'))) {
  const logged: { message: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: () => undefined,
    warn: (message, fields) => void logged.push({ message, fields }),
    error: (message, fields) => void logged.push({ message, fields }),
  };
  const file = new RecentProfilesFile(dir, logger, () => AT);
  return { dir, file, logged, files: () => readdirSync(dir).sort() };
}

describe('RecentProfilesFile (recent-profiles.json next to settings.json)', () => {
  it('no file yet: no recent profiles, nothing logged', async () => {
    const run = fresh();
    expect(await run.file.read()).toEqual([]);
    expect(run.logged).toEqual([]);
  });

  it('stores the ids, most recent first, for the next start; private to the user, ids and nothing else', async () => {
    const run = fresh();
    await run.file.write([B, A]);
    expect(await fresh(run.dir).file.read()).toEqual([B, A]);
    expect(JSON.parse(readFileSync(run.file.path, 'utf8'))).toEqual({ version: 1, recentProfileIds: [B, A] });
    expect(statSync(run.file.path).mode & 0o777).toBe(0o600);
    expect(run.files()).toEqual(['recent-profiles.json']);
  });

  it('writes one after the other: the last change wins, never a torn file', async () => {
    const run = fresh();
    await Promise.all([run.file.write([A]), run.file.write([B, A]), run.file.write([C, B, A])]);
    expect(await fresh(run.dir).file.read()).toEqual([C, B, A]);
    expect(run.files()).toEqual(['recent-profiles.json']);
  });

  it('a valid hand edit is taken as it is', async () => {
    const run = fresh();
    writeFileSync(run.file.path, `{"version":1,"recentProfileIds":["${C}","${A}"]}`);
    expect(await run.file.read()).toEqual([C, A]);
    expect(run.logged).toEqual([]);
  });

  it.each([
    ['a JSON syntax error', '{"version":1,"recentProfileIds":[', /line 1 column \d+: .*not valid JSON/],
    [
      'something else than an id',
      `{"version":1,"recentProfileIds":["${A}","eyJhbGciOiJIUzI1NiJ9.x.y"]}`,
      /^recentProfileIds\.1: expected/,
    ],
    ['another shape', '["a", "b"]', /^file: expected/],
    ['an unknown field', `{"version":1,"recentProfileIds":[],"names":["dev"]}`, /^file: expected/],
    ['binary', Buffer.from([0x7b, 0, 0xff, 0x7d]), /not UTF-8|binary/],
    ['empty', '', /empty/],
    ['too large to be a list of ids', 'x'.repeat(70_000), /more than 65536 bytes/],
  ])(
    '%s: read as none, logged without the value, the file moved aside as it was (nothing lost)',
    async (_, content, problem) => {
      const run = fresh();
      writeFileSync(run.file.path, content);
      expect(await run.file.read()).toEqual([]);
      const movedTo = `${run.file.path}.broken-2026-12-07T12-00-00-000Z`;
      expect(run.logged).toEqual([
        {
          message: expect.stringMatching(/recent profiles file was unusable/),
          fields: { file: run.file.path, problem: expect.stringMatching(problem), movedTo: basename(movedTo) },
        },
      ]);
      expect(JSON.stringify(run.logged)).not.toContain('eyJhbGciOiJIUzI1NiJ9');
      expect(readFileSync(movedTo)).toEqual(Buffer.from(content));
      // The next copy is stored again.
      await run.file.write([A]);
      expect(await fresh(run.dir).file.read()).toEqual([A]);
    },
  );

  it("a newer version's file: read as none, logged, and never written over", async () => {
    const run = fresh();
    const newer = `{"version":2,"recentProfileIds":["${A}"],"pinned":[]}`;
    writeFileSync(run.file.path, newer);
    expect(await run.file.read()).toEqual([]);
    await run.file.write([B]);
    expect(readFileSync(run.file.path, 'utf8')).toBe(newer);
    expect(run.logged.map((l) => l.message)).toEqual([
      expect.stringMatching(/newer version.*left as it is.*in memory only/),
    ]);
  });

  it('a folder or a device in its place: not read, left alone, not written over', async () => {
    const folder = fresh();
    mkdirSync(folder.file.path);
    expect(await folder.file.read()).toEqual([]);
    await folder.file.write([A]);
    expect(statSync(folder.file.path).isDirectory()).toBe(true);
    expect(folder.logged.map((l) => l.message)).toEqual([expect.stringMatching(/is not a regular file/)]);

    const device = fresh();
    symlinkSync('/dev/zero', device.file.path);
    expect(await device.file.read()).toEqual([]);
    expect(device.logged.map((l) => l.message)).toEqual([expect.stringMatching(/is not a regular file/)]);
  });

  it('a symlink planted in its place is replaced by the write, never written through', async () => {
    const run = fresh();
    const target = join(mkdtempSync(join(tmpdir(), 'ctm-recent-target-')), 'elsewhere');
    writeFileSync(target, 'not yours');
    symlinkSync(target, run.file.path);
    await run.file.write([A]);
    expect(readFileSync(target, 'utf8')).toBe('not yours');
    expect(await fresh(run.dir).file.read()).toEqual([A]);
  });

  it('a write that fails (the config folder is gone, a file in its way) is logged with its code, not thrown', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'ctm-recent-'));
    writeFileSync(join(parent, 'config'), 'a file where the folder should be');
    const run = fresh(join(parent, 'config'));
    await expect(run.file.write([A])).resolves.toBeUndefined();
    expect(run.logged).toEqual([
      {
        message: 'The recent profiles could not be stored',
        fields: { file: run.file.path, code: expect.stringMatching(/^E[A-Z]+$/) },
      },
    ]);
  });
});
