import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../../../main/library/export/backupFormat';
import { readLibraryId } from '../../../../../main/library/store/libraryIdentity';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';

let source: AnnotatedLibrary;

beforeEach(async () => {
  source = await openAnnotatedLibrary();
});
afterEach(() => source.dispose());

/** The backup a library writes now, without its time stamp: equal when the libraries hold the same. */
function contents(name: string): Omit<Backup, 'exportedAt'> {
  const file = path.join(source.dir, name);
  source.library.exportBackup(file);
  const { exportedAt: _, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
  return rest;
}

/** The person's work after the backup: a highlight deleted, an article added. */
function editAfterBackup(): void {
  const { annotations } = source.library;
  annotations.deleteHighlight(source.internet.id);
  source.library.importText('备份之后的文章。\n\n第二段。', '后来的文章');
}

describe('a JSON backup staged for a restore', () => {
  it('builds the library the backup holds, beside this one, and restoreFrom makes this library equal to it', async () => {
    const backupFile = path.join(source.dir, 'backup.json');
    const atBackup = contents('backup.json');
    editAfterBackup();
    expect(contents('edited.json')).not.toEqual(atBackup);
    const id = readLibraryId(source.library.database());

    const staged = await source.library.stageJsonRestore(backupFile);
    expect(path.dirname(staged.path)).toBe(path.dirname(source.library.path));
    expect(staged.backup).toMatchObject({ articles: 6, highlights: source.highlights.length, notes: 4 });
    expect(staged.current).toMatchObject({ articles: 7, highlights: source.highlights.length - 1 });
    // Staging changed nothing yet.
    expect(source.library.countLibrary()).toEqual(staged.current);

    await source.library.restoreFrom(staged.path);
    staged.discard();
    expect(contents('restored.json')).toEqual(atBackup);
    // Still the same writer for export folders.
    expect(readLibraryId(source.library.database())).toBe(id);
    expect(source.library.verify().ok).toBe(true);
    expect(fs.readdirSync(source.dir).filter((n) => n.startsWith('.restore'))).toEqual([]);
  });

  it('discarded, leaves no file and no change', async () => {
    const backupFile = path.join(source.dir, 'backup.json');
    contents('backup.json');
    editAfterBackup();
    const before = contents('edited.json');
    const staged = await source.library.stageJsonRestore(backupFile);
    staged.discard();
    expect(fs.existsSync(staged.path)).toBe(false);
    expect(contents('edited.json')).toEqual(before);
  });
});

describe('a merge preview', () => {
  it('answers what the merge would add, and the merge then adds exactly that; the preview changes nothing', () => {
    const backupFile = path.join(source.dir, 'backup.json');
    contents('backup.json');
    editAfterBackup();
    const before = contents('edited.json');
    const preview = source.library.previewBackupMerge(backupFile);
    expect(preview).toMatchObject({ articlesAdded: 0, highlightsAdded: 1 });
    expect(contents('edited.json')).toEqual(before);
    expect(source.library.importBackup(backupFile)).toEqual(preview);
  });
});
