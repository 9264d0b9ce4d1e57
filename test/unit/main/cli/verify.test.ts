import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryCheck } from '../../../../preload/contract/libraryDamage';
import { createLibrary } from '../../../../main/library/createLibrary';
import { lockState } from '../../../../main/library/store/libraryLock';
import { patchFileBytes } from '../../../support/patchFileBytes';
import { bodyParagraphs, seedsDir } from '../../../support/seededLibrary';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';

const temp = tempLibraryEachTest('pizhu-verify-');

const noteText = '命令行校验要找到的这条批注';

/** The seeds and one note, closed cleanly; returns the noted article's id and title. */
async function libraryWithNote(): Promise<{ id: number; title: string }> {
  expect((await runPizhu(['import', seedsDir, '--db', temp.db])).code).toBe(0);
  const library = await createLibrary({ dbPath: temp.db });
  try {
    const summary = library.listArticles()[0]!;
    const [p] = bodyParagraphs(library.getArticle(summary.id), 10);
    library.annotations.saveNote({ paragraphId: p!.id, editorState: '{}', plainText: noteText, markdown: noteText });
    await library.backup('manual');
    return { id: summary.id, title: summary.title };
  } finally {
    library.close();
  }
}

describe('pizhu verify', () => {
  it('says ok with what it checked, and exits 0, on a sound library', async () => {
    await libraryWithNote();
    const result = await runPizhu(['verify', '--db', temp.db]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^ok: checked 5 articles, \d+ paragraphs and 1 notes against their checksums$/);
  });

  it('names a note changed on disk by article id and title, offers the backup, and exits 1', async () => {
    const article = await libraryWithNote();
    expect(patchFileBytes(temp.db, Buffer.from(noteText), 5, 0x01)).toBeGreaterThanOrEqual(2);

    const result = await runPizhu(['verify', '--db', temp.db]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`damaged note: The note on paragraph`);
    expect(result.out).toContain(`of article ${article.id} "${article.title}" no longer matches its checksum`);
    expect(result.out).toMatch(/the newest backup holding all of it intact: .*library-.*-manual\.sqlite/);
    expect(result.out).toMatch(/^DAMAGED: checked/m);

    const json = JSON.parse((await runPizhu(['verify', '--db', temp.db, '--json'])).out) as LibraryCheck & {
      checksums: boolean;
    };
    expect(json).toMatchObject({ ok: false, checksums: true, integrity: [] });
    expect(json.damaged).toEqual([
      expect.objectContaining({ kind: 'note', articleId: article.id, articleTitle: article.title }),
    ]);
    expect(json.goodBackups).toHaveLength(1);
  });

  it('reports SQLite’s own findings for a file whose structure is damaged, which the app refuses to open', async () => {
    await libraryWithNote();
    // Garbage over a page in the middle of the file: b-tree pages no longer parse.
    const bytes = fs.readFileSync(temp.db);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, pageSize * 2, pageSize * 3);
    fs.writeFileSync(temp.db, bytes);
    const result = await runPizhu(['verify', '--db', temp.db]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^integrity: /m);
    expect(result.out).toMatch(/^DAMAGED/m);
  });

  it('any command after a crash warns of what the check found; a read-only one leaves the crash marker for the app', async () => {
    expect((await runPizhu(['import', seedsDir, '--db', temp.db])).code).toBe(0);
    const library = await createLibrary({ dbPath: temp.db });
    const crashed = path.join(temp.dir, 'crashed.sqlite');
    try {
      const [p] = bodyParagraphs(library.getArticle(library.listArticles()[0]!.id), 10);
      library.annotations.saveNote({ paragraphId: p!.id, editorState: '{}', plainText: noteText, markdown: noteText });
      library.database().pragma('wal_checkpoint(TRUNCATE)');
      // The files as a crash leaves them, the lock naming its vanished holder included.
      for (const suffix of ['', '-wal', '.lock']) fs.copyFileSync(temp.db + suffix, crashed + suffix);
    } finally {
      library.close();
    }
    patchFileBytes(crashed, Buffer.from(noteText), 5, 0x01);
    const list = await runPizhu(['list', '--db', crashed]);
    expect(list.code).toBe(0);
    expect(list.err).toMatch(
      /^pizhu: the library was not closed cleanly last time, and the check since found damage:\n/,
    );
    expect(list.err).toMatch(
      /pizhu: damaged note: The note on paragraph \d+ of article \d+ ".+" no longer matches its checksum/,
    );
    expect(list.err.endsWith('\n')).toBe(true);
    expect(lockState(crashed)).toBe('left');
  });

  it('refuses a missing library with a message', async () => {
    const result = await runPizhu(['verify', '--db', path.join(temp.dir, 'none.sqlite')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/There is no library at/);
  });
});
