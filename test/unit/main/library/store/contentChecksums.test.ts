import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { LibraryError } from '../../../../../main/library/libraryError';
import { checksum } from '../../../../../main/library/store/contentHashes';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { verifyLibrary } from '../../../../../main/library/store/verifyLibrary';
import { writeOlderLibrary } from '../../../../support/olderLibrary';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { patchFileBytes } from '../../../../support/patchFileBytes';

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

function note(paragraphId: number, text: string) {
  const editorState = JSON.stringify({
    root: { children: [{ type: 'paragraph', children: [{ type: 'text', text }] }], type: 'root' },
  });
  return { paragraphId, editorState, plainText: text, markdown: text };
}

/** Every checksum in the library matches its row, and SQLite finds nothing wrong. */
function expectAllIntact(library: Library, step: string): void {
  const check = verifyLibrary(library.database(), { integrity: 'full', reason: 'requested' });
  expect(check.damaged, `after ${step}`).toEqual([]);
  expect(check.integrity, `after ${step}`).toEqual([]);
  expect(check.ok).toBe(true);
  for (const a of library.listArticles()) expect(() => library.getArticle(a.id), `after ${step}`).not.toThrow();
}

describe('content checksums', () => {
  it('stay right through every write path: import, paste, metadata, notes, undo/redo, re-clean, re-import, backup import', async () => {
    const { library } = seeded;
    expectAllIntact(library, 'importing the seeds');
    const pasted = library.importText('第一段文字。\n\n第二段文字,稍长一些。', '粘贴的文章');
    expectAllIntact(library, 'a paste');

    const article = seedArticle(library, '001');
    library.updateMetadata(article.id, { title: '改过的标题', author: '某记者', url: 'https://example.com/a' });
    library.reclassifyParagraph(article.paragraphs[2]!.id, 'boilerplate');
    expectAllIntact(library, 'metadata edits and a re-classify');

    const [p1, p2, p3] = bodyParagraphs(article);
    const { annotations } = library;
    annotations.saveNote(note(p1!.id, '第一条批注'));
    annotations.saveNote(note(p2!.id, '要删掉的批注'));
    annotations.saveNote(note(p1!.id, '第一条批注,改过'));
    annotations.saveNote(note(p2!.id, ' '));
    expectAllIntact(library, 'note saves and a delete');
    annotations.undo();
    annotations.undo();
    expectAllIntact(library, 'undo (a deleted note back, an edit taken back)');
    annotations.redo();
    expectAllIntact(library, 'redo');
    annotations.saveNote(note(p3!.id, '第三段的批注'));

    library.recleanArticle(article.id);
    expectAllIntact(library, 'a re-clean');
    const seedFile = fs.readdirSync(path.resolve(__dirname, '../../../../../seeds')).find((f) => f.startsWith('004'))!;
    const original = fs.readFileSync(path.resolve(__dirname, '../../../../../seeds', seedFile), 'utf8');
    const four = seedArticle(library, '004');
    annotations.saveNote(note(bodyParagraphs(four)[0]!.id, '四号文章的批注'));
    library.reimportArticle(four.id, Buffer.from(`${original}\n\n新加的一段,编辑后的版本。`), 'edited.txt');
    expectAllIntact(library, 'a re-import of an edited file');

    const backupFile = path.join(seeded.dir, 'backup.json');
    library.exportBackup(backupFile);
    const fresh = await createLibrary({ dbPath: path.join(seeded.dir, 'fresh.sqlite') });
    others.push(fresh);
    fresh.importBackup(backupFile);
    expectAllIntact(fresh, 'a backup import into an empty library');
    // A merge joins a different note into the one the library has.
    const freshPasted = fresh.listArticles().find((a) => a.title === '粘贴的文章')!;
    const target = fresh.getArticle(freshPasted.id).paragraphs.at(-1)!;
    fresh.annotations.saveNote(note(target.id, '新库里自己的批注'));
    annotations.saveNote(note(library.getArticle(pasted.articleId!).paragraphs.at(-1)!.id, '旧库里的批注'));
    library.exportBackup(backupFile);
    fresh.importBackup(backupFile);
    expect(fresh.annotations.getNote(target.id)?.plainText).toContain('旧库里的批注');
    expectAllIntact(fresh, 'a backup merge that joins two notes');
  });

  it('are written by migration 0006 for a library from before them, and checked from then on', async () => {
    const file = path.join(seeded.dir, 'older.sqlite');
    writeOlderLibrary(file, 3);
    const library = await createLibrary({ dbPath: file, backupDir: path.join(seeded.dir, 'older-backups') });
    others.push(library);
    const db = library.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const sums = db.prepare('SELECT checksum FROM paragraph UNION ALL SELECT checksum FROM note UNION ALL SELECT checksum FROM article').all();
    expect(sums).toHaveLength(5);
    expect(sums.every((r) => /^[0-9a-f]{16}$/.test((r as { checksum: string }).checksum))).toBe(true);
    expectAllIntact(library, 'the migration');
    expect(library.getArticle(1).notes[0]?.plainText).toBe('記得核對髮型照片');
  });

  it('a note or paragraph changed on disk is refused on read and named by verify, never shown changed', async () => {
    const article = seedArticle(seeded.library, '002');
    const [p1, p2] = bodyParagraphs(article);
    const noteText = '这条批注会在磁盘上被改掉一个比特,读取时必须报错';
    seeded.library.annotations.saveNote(note(p1!.id, noteText));
    const backup = await seeded.library.backup('before-damage');
    seeded.library.close();

    // One bit in each copy of the note's text (its columns, and the undo journal's copy), and one in a paragraph.
    expect(patchFileBytes(seeded.dbPath, Buffer.from(noteText), 4, 0x01)).toBeGreaterThanOrEqual(3);
    expect(patchFileBytes(seeded.dbPath, Buffer.from(p2!.text.slice(0, 12)), 7, 0x02)).toBeGreaterThanOrEqual(1);

    const library = await createLibrary({ dbPath: seeded.dbPath });
    seeded.library = library;
    const read = () => library.getArticle(article.id);
    expect(read).toThrow(LibraryError);
    expect(read).toThrow(/^The text of paragraph \d+ of article \d+ ".+" no longer matches its checksum/);
    try {
      read();
    } catch (error) {
      expect((error as LibraryError).code).toBe('content-corrupt');
    }
    expect(() => library.annotations.getNote(p1!.id)).toThrow(/The note on paragraph \d+ of article/);
    // A re-clean would rebuild the paragraphs and carry the note over with fresh checksums: refused instead.
    expect(() => library.recleanArticle(article.id)).toThrow(/no longer matches its checksum/);
    // Nor copied into a JSON backup, whose import would give it fresh checksums.
    const json = path.join(seeded.dir, 'after-damage.json');
    expect(() => library.exportBackup(json)).toThrow(/The backup was not written: \d+ items of the library no longer match/);
    expect(fs.existsSync(json)).toBe(false);

    const check = verifyLibrary(library.database(), {
      integrity: 'full',
      reason: 'requested',
      backupDir: path.join(seeded.dir, 'backups'),
    });
    expect(check.ok).toBe(false);
    expect(check.integrity).toEqual([]);
    // The paragraph's text may also be in its article's raw text: then the article is named too.
    const named = check.damaged.map((d) => [d.kind, d.articleId, d.paragraphId]);
    expect(named).toEqual(expect.arrayContaining([['paragraph', article.id, p2!.id], ['note', article.id, p1!.id]]));
    expect(check.damaged.every((d) => d.articleId === article.id && d.articleTitle === article.metadata.title)).toBe(true);
    // The backup made before the damage holds both intact: it is the copy to offer.
    expect(check.goodBackups.map((b) => b.path)).toEqual([backup.path]);
  });

  it('cover NULL and non-text values: a flipped type byte never reads as matching text', () => {
    expect(checksum('a', null)).not.toBe(checksum('a', ''));
    expect(checksum('ab', 'c')).not.toBe(checksum('a', 'bc'));
    expect(checksum('x', 'x')).not.toBe(checksum('x', 'y'));
    expect(checksum(Buffer.from('x'))).not.toBe(checksum('x'));
    expect(checksum(1)).not.toBe(checksum('1'));
  });
});
