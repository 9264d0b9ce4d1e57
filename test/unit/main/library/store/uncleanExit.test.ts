import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { lockPathOf, lockState } from '../../../../../main/library/store/libraryLock';
import { patchFileBytes } from '../../../../support/patchFileBytes';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
let others: Library[] = [];
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => {
  for (const other of others) other.close();
  others = [];
  seeded.dispose();
});

/** The library's files as a crash leaves them: copied while it is open, -wal and lock (naming its holder) included. */
function crashImage(name: string): string {
  const target = path.join(seeded.dir, name);
  fs.mkdirSync(target);
  const dbPath = path.join(target, 'library.sqlite');
  for (const suffix of ['', '-wal', '.lock']) {
    if (fs.existsSync(seeded.dbPath + suffix)) fs.copyFileSync(seeded.dbPath + suffix, dbPath + suffix);
  }
  const backups = path.join(seeded.dir, 'backups');
  if (fs.existsSync(backups)) fs.cpSync(backups, path.join(target, 'backups'), { recursive: true });
  return dbPath;
}

async function open(dbPath: string): Promise<Library> {
  const library = await createLibrary({ dbPath });
  others.push(library);
  return library;
}

describe('the open after an unclean exit', () => {
  it('checks nothing after a clean close, and the close lets the lock go', async () => {
    expect(lockState(seeded.dbPath)).toBe('held');
    const library = await seeded.reopen();
    expect(library.damage).toBeNull();
    library.close();
    expect(lockState(seeded.dbPath)).toBe('none');
    seeded.library = await createLibrary({ dbPath: seeded.dbPath });
    expect(seeded.library.damage).toBeNull();
  });

  it('checks every checksum after a crash and names a note damaged on disk, with the backup that has it intact', async () => {
    const article = seedArticle(seeded.library, '003');
    const [p] = bodyParagraphs(article);
    const text = '崩溃之前保存的批注,之后磁盘上坏了一个比特';
    seeded.library.annotations.saveNote({ paragraphId: p!.id, editorState: '{}', plainText: text, markdown: text });
    const backup = await seeded.library.backup('daily');
    // Into the main file, so that the flip below lands in the note's row.
    seeded.library.database().pragma('wal_checkpoint(TRUNCATE)');

    const clean = await open(crashImage('crashed-clean'));
    expect(clean.damage).toMatchObject({ ok: true, reason: 'unclean-exit', damaged: [] });
    expect(clean.damage?.checked.notes).toBe(1);

    const damagedPath = crashImage('crashed-damaged');
    expect(patchFileBytes(damagedPath, Buffer.from(text), 7, 0x04)).toBeGreaterThanOrEqual(2);
    const library = await open(damagedPath);
    expect(library.damage?.ok).toBe(false);
    expect(library.damage?.damaged).toEqual([
      expect.objectContaining({
        kind: 'note',
        articleId: article.id,
        paragraphId: p!.id,
        articleTitle: article.metadata.title,
      }),
    ]);
    expect(library.damage?.damaged[0]?.description).toMatch(
      /^The note on paragraph \d+ of article \d+ ".+" no longer matches/,
    );
    expect(library.damage?.goodBackups.map((b) => path.basename(b.path))).toEqual([path.basename(backup.path)]);
    // And never shown as it now reads.
    expect(() => library.getArticle(article.id)).toThrow(/no longer matches its checksum/);
  });

  it('a non-empty -wal without a lock (an older Pizhu that crashed) also counts as unclean', async () => {
    seeded.library.importText('崩溃前导入的文章。', '崩溃前');
    const image = crashImage('crashed-no-lock');
    fs.rmSync(lockPathOf(image));
    expect(fs.statSync(`${image}-wal`).size).toBeGreaterThan(0);
    expect((await open(image)).damage).toMatchObject({ ok: true, reason: 'unclean-exit' });
  });

  it('a lock held by a live writer (the app, while a CLI command reads) is not an unclean exit, and is left alone', async () => {
    seeded.library.importText('应用开着时写下的文章。', '应用开着');
    expect(fs.statSync(`${seeded.dbPath}-wal`).size).toBeGreaterThan(0);
    const reader = await createLibrary({ dbPath: seeded.dbPath, readOnly: true });
    expect(reader.damage).toBeNull();
    reader.close();
    expect(lockState(seeded.dbPath)).toBe('held');
  });

  it('a crash image opened read-only reports the check and leaves the lock for the next writer', async () => {
    const image = crashImage('crashed-read-only');
    expect(lockState(image)).toBe('left');
    const reader = await createLibrary({ dbPath: image, readOnly: true });
    others.push(reader);
    expect(reader.damage).toMatchObject({ ok: true, reason: 'unclean-exit' });
    expect(lockState(image)).toBe('left');
  });
});
