import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askToUseBackup, mergeFromJson, restoreFromJson } from '../../main/app/backupFromJson';
import { restoreChosenBackup } from '../../main/app/restoreFromBackup';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import type { BackupImportCounts, JsonRestoreResult } from '../../preload/contract/api';
import type { ArticleSummary, ArticleView } from '../../preload/contract/articleTypes';
import { createFakeElectron } from '../support/fakeElectron';
import { pageCalls, registerAppHandlers } from '../support/wiredHandlers';

const seedsDir = path.resolve(__dirname, '../../seeds');

let dir: string;
let library: Library;
let fake: ReturnType<typeof createFakeElectron>;
let backupFile: string;
let articleId: number;
let paragraphId: number;

const { call, value } = pageCalls(() => fake);

/** What the page shows of the library: titles, and the first article's highlights and notes. */
async function seen() {
  const titles = (await value<ArticleSummary[]>('listArticles')).map((a) => a.title).sort();
  const article = await value<ArticleView>('getArticle', { articleId });
  const highlights = article.highlights.map((h) => `${h.paragraphId}:${h.start}-${h.end}:${h.color}`).sort();
  const note = await value<{ markdown?: string } | null>('getNote', { paragraphId });
  return { titles, highlights, note: note?.markdown ?? null };
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-json-restore-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  await library.seedIfNew(seedsDir);
  fake = createFakeElectron();
  const window = {} as BrowserWindow;
  backupFile = path.join(dir, 'backup.json');
  registerAppHandlers(fake, {
    library,
    chooseBackupFile: () => Promise.resolve(backupFile),
    confirmBackupUse: askToUseBackup(fake.dialog, () => window),
  });

  const first = (await value<ArticleSummary[]>('listArticles'))[0]!;
  articleId = first.id;
  const article = await value<ArticleView>('getArticle', { articleId });
  const paragraph = article.paragraphs.find((p) => p.kind === 'body' && p.text.length > 12)!;
  paragraphId = paragraph.id;
  // The backup holds two highlights; then the person deletes one and adds an article.
  await value('createHighlight', { paragraphId, start: 0, end: 4, color: 'yellow' });
  await value('createHighlight', { paragraphId, start: 6, end: 10, color: 'green' });
  await value('exportBackup');
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function editAfterBackup() {
  const article = await value<ArticleView>('getArticle', { articleId });
  await value('deleteHighlight', { highlightId: article.highlights[0]!.id });
  await value('importText', { text: '备份之后才导入的文章。\n\n恢复以后,它不应再在文库里。', title: '后来的文章' });
}

describe('Restore from JSON', () => {
  it('shows the backup beside the current library, asks, and on Restore the library is the backup again', async () => {
    const atBackup = await seen();
    await editAfterBackup();
    const edited = await seen();
    expect(edited.highlights).toHaveLength(1);
    const backupsBefore = library.listBackups().length;

    fake.messageBoxAnswers.push(1);
    const restored = await value<JsonRestoreResult>('restoreJsonBackup');
    expect(restored.restored).toMatchObject({ articles: atBackup.titles.length, highlights: 2 });

    // The preview named both libraries, Cancel the default.
    const asked = fake.messageBoxes.at(-1)!;
    expect(asked).toMatchObject({
      title: 'Restore from JSON',
      buttons: ['Cancel', 'Restore'],
      defaultId: 0,
      cancelId: 0,
    });
    expect(asked.detail).toContain(`The backup: ${atBackup.titles.length} articles, 2 highlights`);
    expect(asked.detail).toContain(`The library now: ${edited.titles.length} articles, 1 highlight,`);

    // The deleted highlight is back, the later article gone: the library equals the backup.
    expect(await seen()).toEqual(atBackup);
    // The library from before the restore was kept, and no staging file is left beside the library.
    expect(library.listBackups().length).toBe(backupsBefore + 1);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.restore'))).toEqual([]);
  });

  it('changes nothing when the person cancels the preview', async () => {
    await editAfterBackup();
    const edited = await seen();
    expect(await value('restoreJsonBackup')).toBeNull();
    expect(fake.messageBoxes).toHaveLength(1);
    expect(await seen()).toEqual(edited);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.restore'))).toEqual([]);
  });

  it('refuses a file that is not a backup before asking anything, and changes nothing', async () => {
    fs.writeFileSync(backupFile, '{"format":"not pizhu"}');
    const before = await seen();
    expect(await call('restoreJsonBackup')).toMatchObject({ ok: false });
    expect(fake.messageBoxes).toHaveLength(0);
    expect(await seen()).toEqual(before);
  });
});

describe('one restore or merge at a time', () => {
  it('refuses a JSON restore or merge while a restore from an automatic backup waits for the person', async () => {
    await library.backup();
    let answer!: (name: string | null) => void;
    const pending = restoreChosenBackup(library, () => new Promise((resolve) => (answer = resolve)));
    const yes = () => Promise.resolve(true);
    const file = () => Promise.resolve(backupFile);
    await expect(restoreFromJson(library, file, yes)).rejects.toMatchObject({ code: 'library-busy' });
    await expect(mergeFromJson(library, file, yes)).rejects.toMatchObject({ code: 'library-busy' });
    answer(null);
    expect(await pending).toBeNull();
  });
});

describe('Merge from JSON', () => {
  it('previews what it would add, and on Merge adds it while keeping the edits made since', async () => {
    await editAfterBackup();
    const edited = await seen();

    fake.messageBoxAnswers.push(1);
    const merged = await value<BackupImportCounts>('importBackup');
    expect(merged).toMatchObject({ articlesAdded: 0, highlightsAdded: 1 });
    const asked = fake.messageBoxes.at(-1)!;
    expect(asked).toMatchObject({ title: 'Merge from JSON', buttons: ['Cancel', 'Merge'], defaultId: 0 });
    expect(asked.detail).toContain('It would add 0 articles, 1 highlight, ');

    const after = await seen();
    // The article added after the backup stays (a merge removes nothing); the deleted highlight comes back.
    expect(after.titles).toEqual(edited.titles);
    expect(after.highlights).toHaveLength(2);
  });

  it('merges what the preview showed, even if the file changes while the question is open', async () => {
    await editAfterBackup();
    const ask = fake.dialog.showMessageBox.bind(fake.dialog);
    fake.dialog.showMessageBox = (...args: unknown[]) => {
      fs.writeFileSync(backupFile, 'no longer the backup the person was shown');
      return ask(...args);
    };
    fake.messageBoxAnswers.push(1);
    const merged = await value<BackupImportCounts>('importBackup');
    expect(merged).toMatchObject({ articlesAdded: 0, highlightsAdded: 1 });
    expect((await seen()).highlights).toHaveLength(2);
  });

  it('a cancelled preview merges nothing', async () => {
    await editAfterBackup();
    const edited = await seen();
    expect(await value('importBackup')).toBeNull();
    expect(fake.messageBoxes.at(-1)).toMatchObject({ title: 'Merge from JSON' });
    expect(await seen()).toEqual(edited);
  });
});
