import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import { backupVersion, backupVersionWithoutUnplaced, type Backup } from '../../../main/library/export/backupFormat';
import type { MemoText } from '../../../preload/contract/memoTypes';
import { plainTextNoteState } from '../../../preload/common/noteText';

/**
 * Issue #18 item 2: memos in the JSON backup (version 7): written valid against the documented
 * schema, restored into an empty library to the same JSON, merged without duplicates (a
 * different article memo is joined, never overwritten), and a version 6 backup still imports.
 */
const schemaPath = path.resolve(__dirname, '../../../docs/backup.schema.json');

let dir: string;
let libraries: Library[] = [];
let clock = Date.parse('2026-12-06T09:00:00.000Z');
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-memo-backup-'));
});
afterEach(() => {
  for (const library of libraries) library.close();
  libraries = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openEmpty(name: string): Promise<Library> {
  const library = await createLibrary({ dbPath: path.join(dir, `${name}.sqlite`), now: () => new Date((clock += 60_000)) });
  libraries.push(library);
  return library;
}

async function open(name: string): Promise<{ library: Library; articleId: number }> {
  const library = await openEmpty(name);
  const { articleId } = library.importText('住房政策\n\n今年的住房政策有三项调整。', '住房政策');
  return { library, articleId: articleId! };
}

const memo = (plainText: string): MemoText => ({
  editorState: JSON.stringify(plainTextNoteState(plainText)),
  plainText,
  markdown: plainText,
});

const journalTexts = (library: Library) => library.memos.listJournal().map((e) => e.plainText);

describe('memos in the JSON backup (since version 7)', () => {
  it('round-trip valid against the schema, merge without duplicates, join a different memo; version 6 still reads', async () => {
    const { library: source, articleId } = await open('source');
    source.memos.saveArticleMemo(articleId, memo('受访者多提到租金。'));
    source.memos.saveJournalEntry(undefined, memo('第一天'));
    source.memos.saveJournalEntry(undefined, memo('第二天'));
    const first = path.join(dir, 'first.json');
    source.exportBackup(first);
    const backup = JSON.parse(fs.readFileSync(first, 'utf8')) as Backup;
    // Memos came with version 7; later versions carry them too (a library without unplaced notes writes version 8).
    expect(backup.version).toBe(backupVersionWithoutUnplaced);
    expect(backupVersion).toBeGreaterThanOrEqual(7);
    expect(backup.articles[0]?.memo?.plainText).toBe('受访者多提到租金。');
    expect(backup.libraryJournal.map((e) => e.plainText)).toEqual(['第一天', '第二天']);
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);

    const empty = await openEmpty('empty');
    expect(empty.importBackup(first)).toMatchObject({ memosAdded: 3, memosJoined: 0 });
    expect(journalTexts(empty)).toEqual(['第二天', '第一天']);
    const second = path.join(dir, 'second.json');
    empty.exportBackup(second);
    const strip = (file: string) => fs.readFileSync(file, 'utf8').replace(/"exportedAt": "[^"]*"/, '');
    expect(strip(second)).toBe(strip(first));
    expect(empty.importBackup(first)).toMatchObject({ memosAdded: 0, memosJoined: 0 });

    const { library: own, articleId: ownArticle } = await open('own');
    own.memos.saveArticleMemo(ownArticle, memo('我自己的备忘'));
    expect(own.importBackup(first)).toMatchObject({ memosAdded: 2, memosJoined: 1 });
    expect(own.memos.getArticleMemo(ownArticle)?.plainText).toBe('我自己的备忘\n\n受访者多提到租金。');
    expect(own.importBackup(first)).toMatchObject({ memosAdded: 0, memosJoined: 0 });

    const v6 = JSON.parse(fs.readFileSync(first, 'utf8')) as Record<string, unknown> & { articles: Array<Record<string, unknown>> };
    v6.version = 6;
    delete v6.libraryJournal;
    for (const article of v6.articles) delete article.memo;
    const v6File = path.join(dir, 'v6.json');
    fs.writeFileSync(v6File, JSON.stringify(v6));
    const older = await openEmpty('older');
    expect(older.importBackup(v6File)).toMatchObject({ articlesAdded: 1, memosAdded: 0 });
    expect(journalTexts(older)).toEqual([]);
  });
});
