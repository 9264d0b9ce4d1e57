import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryError } from '../../../../../main/library/libraryError';
import {
  annotationRows,
  openSeededLibrary,
  seedArticle,
  bodyParagraphs,
  type SeededLibrary,
} from '../../../../support/seededLibrary';

function refusal(run: () => unknown): LibraryError {
  try {
    run();
  } catch (error) {
    if (error instanceof LibraryError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe("exports and imports never touch the library's own files or its backups", () => {
  let lib: SeededLibrary;
  let before: Record<string, unknown[]>;

  beforeAll(async () => {
    lib = await openSeededLibrary();
    const paragraph = bodyParagraphs(seedArticle(lib.library, '001'))[0]!;
    lib.library.annotations.createHighlight({
      paragraphId: paragraph.id,
      start: 0,
      end: 4,
      color: 'yellow',
      tags: ['留'],
    });
    lib.library.annotations.saveNote({
      paragraphId: paragraph.id,
      editorState: '{}',
      plainText: '要留下的笔记',
      markdown: '要留下的笔记',
    });
    await lib.library.backup('manual');
    before = annotationRows(lib.library.database());
  });
  afterAll(() => lib.dispose());

  const own = (name: string) => path.join(lib.dir, name);

  it.each([
    ['the library file', () => own('library.sqlite')],
    ['its -wal', () => own('library.sqlite-wal')],
    ['its -shm', () => own('library.sqlite-shm')],
    ['its lock file', () => own('library.sqlite.lock')],
    ['a symlink to it', () => linked('symlink', 'library.sqlite')],
    ['a hard link to it', () => linked('hardlink', 'library.sqlite')],
    ['a path through a symlinked folder', () => linked('folder', '.') + '/library.sqlite'],
    ['a new file in the backups folder', () => path.join(lib.library.backupDir, 'x.json')],
    ['a backup in the backups folder', () => lib.library.listBackups()[0]!.path],
  ])('exportBackup onto %s is refused', (_what, target) => {
    const file = target();
    const error = refusal(() => lib.library.exportBackup(file));
    expect(error.code).toBe('protected-path');
    expect(error.message).toMatch(
      /^Pizhu will not use .* as the backup file: that would damage the library or its backups\./,
    );
    expect(refusal(() => lib.library.exportW3c(file)).code).toBe('protected-path');
    expect(refusal(() => lib.library.importBackup(file)).code).toBe('protected-path');
  });

  it('Markdown export into the backups folder, or under it, is refused', () => {
    for (const folder of [
      lib.library.backupDir,
      path.join(lib.library.backupDir, 'md'),
      linked('backups-link', 'backups'),
    ]) {
      expect(refusal(() => lib.library.exportMarkdown({ scope: 'library', outDir: folder })).code).toBe(
        'protected-path',
      );
    }
    expect(fs.existsSync(path.join(lib.library.backupDir, 'md'))).toBe(false);
  });

  it('a file or a FIFO is refused as the export folder before it is kept, not at every export after', () => {
    const file = own('notes.txt');
    fs.writeFileSync(file, '我自己的文件');
    const fifo = own('pipe');
    execFileSync('mkfifo', [fifo]);
    for (const place of [file, fifo]) {
      const error = refusal(() => lib.library.checkExportFolder(place));
      expect(error.code).toBe('unsupported-file');
      expect(error.message).toMatch(/is not a folder/);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('我自己的文件');
  });

  it('a place beside the library is fine', () => {
    expect(lib.library.exportBackup(own('backup.json')).articles).toBe(5);
    expect(lib.library.exportMarkdown({ scope: 'library', outDir: own('md') }).files.length).toBeGreaterThan(0);
  });

  it('after all that the library opens with its data and every backup is still a database', async () => {
    expect(annotationRows(lib.library.database())).toEqual(before);
    const reopened = await lib.reopen();
    expect(reopened.listArticles()).toHaveLength(5);
    expect(annotationRows(reopened.database())).toEqual(before);
    for (const backup of reopened.listBackups()) {
      expect(fs.readFileSync(backup.path).subarray(0, 15).toString()).toBe('SQLite format 3');
    }
    expect(reopened.database().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  function linked(name: string, target: string): string {
    const link = path.join(lib.dir, 'links', name);
    if (!fs.existsSync(link)) {
      fs.mkdirSync(path.dirname(link), { recursive: true });
      if (name === 'hardlink') fs.linkSync(own(target), link);
      else fs.symlinkSync(path.resolve(lib.dir, target), link);
    }
    return link;
  }
});
