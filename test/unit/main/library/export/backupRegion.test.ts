import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../../../main/library/export/backupFormat';
import { readBackupFile } from '../../../../../main/library/export/readBackupFile';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';

/**
 * Issue #15: the person's correction of where an article comes from (the reader's Source menu)
 * is user data. A JSON backup (version 3) carries it; Restore gives it back; Merge keeps the
 * library's own; version 2 files, written before it, still read with no correction.
 */
const taiwanText = [
  '記者王小明／台北報導',
  '他搭計程車到立法院，看著窗外的捷運站，心裡想著下午的會議。',
  '這套軟體透過網際網路更新，使用者可以在網路上下載。',
].join('\n\n');
const otherTaiwanText = ['記者李大華／高雄報導', '市民搭捷運上班，心裡想著週末要去的地方。'].join('\n\n');

let source: AnnotatedLibrary;
let others: Library[] = [];
let corrected: number;
let detected: number;
beforeEach(async () => {
  source = await openAnnotatedLibrary();
  corrected = source.library.importText(taiwanText, '計程車與網際網路').articleId!;
  detected = source.library.importText(otherTaiwanText, '捷運上班').articleId!;
  // The person says the first comes from Hong Kong; the second keeps its detected region.
  source.library.setArticleRegion(corrected, 'hongkong');
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

/** Each article's region by title, as the library list shows it, and its correction as the reader's menu shows it. */
function regions(library: Library): Record<string, { region: string; corrected: string | null }> {
  return Object.fromEntries(
    library
      .listArticles()
      .map((a) => [a.title, { region: a.region, corrected: library.getArticle(a.id).regionCorrected }]),
  );
}

describe('a JSON backup of a library where the person corrected a region', () => {
  it('writes (since version 3) each article’s correction (null where there is none), valid against docs/backup.schema.json', () => {
    const backup = readJson(source.library.exportBackup(file('backup.json')).path);
    expect(backup.version).toBe(8);
    const byTitle = new Map(backup.articles.map((a) => [a.title, a]));
    expect(byTitle.get('計程車與網際網路')?.regionCorrected).toBe('hongkong');
    expect(byTitle.get('捷運上班')?.regionCorrected).toBeNull();
    expect(backup.articles.filter((a) => a.regionCorrected === null)).toHaveLength(backup.articles.length - 1);
    const schema = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../../../../docs/backup.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);
  });

  it('imported into an empty library, shows the same regions at once and exports again to the same JSON', async () => {
    const first = source.library.exportBackup(file('first.json'));
    const target = await emptyLibrary('restored');
    target.importBackup(first.path);
    expect(regions(target)).toEqual(regions(source.library));
    expect(regions(target)['計程車與網際網路']).toEqual({ region: 'hongkong', corrected: 'hongkong' });
    // Detected from the text on import: the list shows Taiwan before the article is ever opened.
    expect(regions(target)['捷運上班']).toEqual({ region: 'taiwan', corrected: null });
    const second = target.exportBackup(file('second.json'));
    const stamp = /"exportedAt": "[^"]*"/;
    expect(fs.readFileSync(second.path, 'utf8').replace(stamp, '')).toBe(
      fs.readFileSync(first.path, 'utf8').replace(stamp, ''),
    );
  });

  it('restored over the library (Restore from JSON), gives the correction back', async () => {
    const atBackup = regions(source.library);
    const backupFile = file('backup.json');
    source.library.exportBackup(backupFile);
    // After the backup: the correction undone on one article, made on the other.
    source.library.setArticleRegion(corrected, null);
    source.library.setArticleRegion(detected, 'generic');
    expect(regions(source.library)).not.toEqual(atBackup);

    const staged = await source.library.stageJsonRestore(backupFile);
    await source.library.restoreFrom(staged.path);
    staged.discard();
    expect(regions(source.library)).toEqual(atBackup);
    expect(source.library.getArticle(corrected)).toMatchObject({
      region: 'hongkong',
      regionDetected: 'taiwan',
      regionCorrected: 'hongkong',
    });
    expect(source.library.verify().ok).toBe(true);
  });

  it('merged (Merge from JSON), keeps the library’s own region of an article it has and brings the backup’s with one it lacks', async () => {
    const backupFile = file('backup.json');
    const backup = readJson(source.library.exportBackup(backupFile).path);
    // A library holding only the corrected article, which the person there left uncorrected,
    // and holding it with a correction of its own in a second run.
    const target = await emptyLibrary('other');
    const partial = file('partial.json');
    fs.writeFileSync(
      partial,
      JSON.stringify({
        ...backup,
        articles: backup.articles
          .filter((a) => a.title === '計程車與網際網路')
          .map((a) => ({ ...a, regionCorrected: null })),
      }),
    );
    target.importBackup(partial);
    expect(regions(target)['計程車與網際網路']).toEqual({ region: 'taiwan', corrected: null });

    expect(target.importBackup(backupFile)).toMatchObject({ articlesMerged: 1 });
    // The library's own article: as it was, whatever the backup says.
    expect(regions(target)['計程車與網際網路']).toEqual({ region: 'taiwan', corrected: null });
    // The missing ones come with the backup's regions.
    expect(regions(target)['捷運上班']).toEqual({ region: 'taiwan', corrected: null });

    const id = target.listArticles().find((a) => a.title === '計程車與網際網路')!.id;
    target.setArticleRegion(id, 'generic');
    target.importBackup(backupFile);
    expect(regions(target)['計程車與網際網路']).toEqual({ region: 'generic', corrected: 'generic' });
  });
});

describe('a version 2 backup (written before region corrections)', () => {
  it('still reads and imports, every region detected from the text, and exports again as the current version (4)', async () => {
    const current = readJson(source.library.exportBackup(file('current.json')).path);
    const old = { ...current, version: 2, articles: current.articles.map(({ regionCorrected: _r, ...a }) => a) };
    const oldFile = file('old.json');
    fs.writeFileSync(oldFile, JSON.stringify(old, null, 2));
    expect(readBackupFile(oldFile).articles.every((a) => a.regionCorrected === null)).toBe(true);

    const target = await emptyLibrary('from-old');
    expect(target.importBackup(oldFile)).toMatchObject({ articlesAdded: current.articles.length });
    expect(regions(target)['計程車與網際網路']).toEqual({ region: 'taiwan', corrected: null });
    expect(readJson(target.exportBackup(file('again.json')).path)).toMatchObject({ version: 8 });
  });

  it('refuses a region that is not one, and changes nothing', async () => {
    const current = readJson(source.library.exportBackup(file('current.json')).path);
    const bad = file('bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({ ...current, articles: current.articles.map((a) => ({ ...a, regionCorrected: 'macau' })) }),
    );
    const target = await emptyLibrary('refusing');
    expect(() => target.importBackup(bad)).toThrow(/regionCorrected/);
    expect(target.listArticles()).toEqual([]);
  });
});
