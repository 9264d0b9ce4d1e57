import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../../../main/library/export/backupFormat';
import { readBackupFile } from '../../../../../main/library/export/readBackupFile';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { seedArticle } from '../../../../support/seededLibrary';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';
import { pick, seededRandom } from './hostileText';

/**
 * Issue #13: a JSON backup carries each article's trash and archive state. A restore gives
 * the trash and the archive back as they were; a merge adds missing articles in the state the
 * backup had them and leaves the library's own articles as they are. Version 1 files (written
 * before the trash) still read, every article in them neither trashed nor archived.
 */
let source: AnnotatedLibrary;
let others: Library[] = [];
beforeEach(async () => {
  source = await openAnnotatedLibrary();
});
afterEach(() => {
  for (const other of others) other.close();
  others = [];
  source.dispose();
});

const file = (name: string) => path.join(source.dir, name);
const readJson = (target: string) => JSON.parse(fs.readFileSync(target, 'utf8')) as Backup;

async function emptyLibrary(name: string): Promise<Library> {
  const library = await createLibrary({
    dbPath: file(`${name}.sqlite`),
    now: () => new Date('2026-12-01T09:00:00.000Z'),
  });
  others.push(library);
  return library;
}

/** Each article's state by title: what the library list, the archive view and the trash show. */
function states(library: Library): Record<string, { trashedAt: string | null; archivedAt: string | null }> {
  const out: Record<string, { trashedAt: string | null; archivedAt: string | null }> = {};
  for (const a of library.listArticles()) out[a.title] = { trashedAt: null, archivedAt: a.archivedAt };
  for (const a of library.listTrash()) out[a.title] = { trashedAt: a.trashedAt, archivedAt: a.archivedAt };
  return out;
}

/** 001 archived on the 24th, 002 trashed on the 25th, 003 archived then trashed on the 26th. */
function trashAndArchive(): { archived: number; trashed: number; both: number } {
  const { library } = source;
  const [archived, trashed, both] = ['001', '002', '003'].map((prefix) => seedArticle(library, prefix).id) as [
    number,
    number,
    number,
  ];
  source.setNow(new Date('2026-11-24T08:00:00.000Z'));
  library.setArchived(archived, true);
  source.setNow(new Date('2026-11-25T08:00:00.000Z'));
  library.trashArticle(trashed);
  source.setNow(new Date('2026-11-26T08:00:00.000Z'));
  library.setArchived(both, true);
  library.trashArticle(both);
  return { archived, trashed, both };
}

const titleOf = (library: Library, id: number) => library.getArticle(id).metadata.title;

describe('a JSON backup of a library with a trash and an archive', () => {
  it('writes each article’s trash and archive dates (since version 2), valid against docs/backup.schema.json', () => {
    const ids = trashAndArchive();
    const backup = readJson(source.library.exportBackup(file('backup.json')).path);
    expect(backup.version).toBe(8);
    const byTitle = new Map(backup.articles.map((a) => [a.title, a]));
    const at = (id: number) => byTitle.get(titleOf(source.library, id));
    expect(at(ids.archived)).toMatchObject({ trashedAt: null, archivedAt: '2026-11-24T08:00:00.000Z' });
    expect(at(ids.trashed)).toMatchObject({ trashedAt: '2026-11-25T08:00:00.000Z', archivedAt: null });
    expect(at(ids.both)).toMatchObject({
      trashedAt: '2026-11-26T08:00:00.000Z',
      archivedAt: '2026-11-26T08:00:00.000Z',
    });
    expect(backup.articles.filter((a) => a.trashedAt === null && a.archivedAt === null)).toHaveLength(3);
    // The trash is backed up whole: its articles keep their annotations in the file.
    expect(backup.articles).toHaveLength(6);

    const schemaFile = path.resolve(__dirname, '../../../../../docs/backup.schema.json');
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);
  });

  it('imported into an empty library, gives the same trash and archive, and exports again to the same JSON', async () => {
    trashAndArchive();
    const first = source.library.exportBackup(file('first.json'));
    const target = await emptyLibrary('restored');
    target.importBackup(first.path);
    expect(states(target)).toEqual(states(source.library));
    // The tag pane of the restored library counts what the source's does (the trash left out).
    expect(target.annotations.listTags()).toEqual(
      source.library.annotations.listTags().map((t) => ({ ...t, id: expect.any(Number) as number })),
    );
    const second = target.exportBackup(file('second.json'));
    const stamp = /"exportedAt": "[^"]*"/;
    expect(fs.readFileSync(second.path, 'utf8').replace(stamp, '')).toBe(
      fs.readFileSync(first.path, 'utf8').replace(stamp, ''),
    );
  });

  it('restored over the library (Restore from JSON), puts back the trash and archive of the backup', async () => {
    const ids = trashAndArchive();
    const atBackup = states(source.library);
    const backupFile = file('backup.json');
    source.library.exportBackup(backupFile);
    // After the backup: one article out of the trash, one archived, one unarchived.
    source.library.restoreArticle(ids.trashed);
    source.library.setArchived(seedArticle(source.library, '004').id, true);
    source.library.setArchived(ids.archived, false);
    expect(states(source.library)).not.toEqual(atBackup);

    const staged = await source.library.stageJsonRestore(backupFile);
    await source.library.restoreFrom(staged.path);
    staged.discard();
    expect(states(source.library)).toEqual(atBackup);
    expect(source.library.verify().ok).toBe(true);
  });

  it('merged, adds a missing article in its backup state and leaves the library’s own articles as they are', async () => {
    const ids = trashAndArchive();
    const backupFile = file('backup.json');
    source.library.exportBackup(backupFile);
    const titles = {
      archived: titleOf(source.library, ids.archived),
      trashed: titleOf(source.library, ids.trashed),
      both: titleOf(source.library, ids.both),
    };

    // A library holding 002 (trashed in the backup) live, 001 (archived there) in its own
    // trash, 004 in its own trash too (live in the backup), and neither 003 nor the rest.
    const target = await emptyLibrary('other');
    const backup = readJson(backupFile);
    const keep = new Set([
      titles.archived,
      titles.trashed,
      titleOf(source.library, seedArticle(source.library, '004').id),
    ]);
    const partial = file('partial.json');
    const live = (a: Backup['articles'][number]) => ({ ...a, trashedAt: null, archivedAt: null });
    fs.writeFileSync(
      partial,
      JSON.stringify({ ...backup, articles: backup.articles.filter((a) => keep.has(a.title)).map(live) }),
    );
    target.importBackup(partial);
    const idIn = (title: string) =>
      [...target.listArticles(), ...target.listTrash()].find((a) => a.title === title)!.id;
    target.trashArticle(idIn(titles.archived));
    const fourth = [...keep].find((t) => t !== titles.archived && t !== titles.trashed)!;
    target.trashArticle(idIn(fourth));
    const before = states(target);

    const counts = target.importBackup(backupFile);
    expect(counts).toMatchObject({ articlesAdded: 3, articlesMerged: 3 });
    const after = states(target);
    // The library's own articles: as they were, whatever the backup says.
    expect(after[titles.trashed]).toEqual(before[titles.trashed]);
    expect(after[titles.trashed]?.trashedAt).toBeNull();
    expect(after[titles.archived]).toEqual(before[titles.archived]);
    expect(after[fourth]?.trashedAt).not.toBeNull();
    // The missing ones come back in the state the backup had them.
    expect(after[titles.both]).toEqual({
      trashedAt: '2026-11-26T08:00:00.000Z',
      archivedAt: '2026-11-26T08:00:00.000Z',
    });
    expect(Object.keys(after)).toHaveLength(6);
  });
});

describe('a version 1 backup (written before the trash)', () => {
  it('still reads and imports, every article in the library list, and exports again as the current version', async () => {
    trashAndArchive();
    const current = readJson(source.library.exportBackup(file('current.json')).path);
    const old = {
      ...current,
      version: 1,
      articles: current.articles.map(({ trashedAt: _t, archivedAt: _a, regionCorrected: _r, ...article }) => article),
    };
    const oldFile = file('old.json');
    fs.writeFileSync(oldFile, JSON.stringify(old, null, 2));
    expect(readBackupFile(oldFile).articles.every((a) => a.trashedAt === null && a.archivedAt === null)).toBe(true);

    const target = await emptyLibrary('from-old');
    expect(target.importBackup(oldFile)).toMatchObject({ articlesAdded: 6 });
    expect(target.listTrash()).toEqual([]);
    expect(target.listArticles().every((a) => a.archivedAt === null)).toBe(true);
    expect(readJson(target.exportBackup(file('again.json')).path)).toMatchObject({ version: 8 });
  });
});

describe('export, restore, export', () => {
  it('is the same JSON for any mix of trashed and archived articles (seeded cases)', async () => {
    const titles = source.library.listArticles().map((a) => a.title);
    const ids = source.library.listArticles().map((a) => a.id);
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const random = seededRandom(seed);
      for (const [i, id] of ids.entries()) {
        source.setNow(new Date(Date.UTC(2026, 10, 24, i, Math.floor(random() * 60))));
        const state = pick(random, ['live', 'trashed', 'archived', 'both'] as const);
        const inTrash = source.library.listTrash().some((a) => a.id === id);
        if (inTrash) source.library.restoreArticle(id);
        source.library.setArchived(id, state === 'archived' || state === 'both');
        if (state === 'trashed' || state === 'both') source.library.trashArticle(id);
      }
      const first = source.library.exportBackup(file(`first-${seed}.json`));
      const target = await emptyLibrary(`restored-${seed}`);
      target.importBackup(first.path);
      expect(states(target), `seed ${seed}`).toEqual(states(source.library));
      const second = target.exportBackup(file(`second-${seed}.json`));
      const stamp = /"exportedAt": "[^"]*"/;
      expect(fs.readFileSync(second.path, 'utf8').replace(stamp, ''), `seed ${seed}`).toBe(
        fs.readFileSync(first.path, 'utf8').replace(stamp, ''),
      );
      expect(Object.keys(states(target))).toEqual(expect.arrayContaining(titles));
    }
  });
});
