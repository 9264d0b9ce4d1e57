import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../main/app/createHandlers';
import { menuTemplate } from '../../main/app/menu';
import { askForAutomaticBackup, restoreFromMenu } from '../../main/app/restoreFromBackup';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import type { ArticleSummary, ArticleView } from '../../preload/contract/articleTypes';
import { createFakeElectron } from '../support/fakeElectron';
import { handlerDeps, pageCalls, registerAppHandlers } from '../support/wiredHandlers';

const seedsDir = path.resolve(__dirname, '../../seeds');
const later = '备份之后才导入的文章。\n\n恢复以后,它不应再出现在文库里。';

let dir: string;
let library: Library;
let fake: ReturnType<typeof createFakeElectron>;
let reloads: number;
let menuRestore: ReturnType<typeof restoreFromMenu>;
let firstArticleId: number;

const { call, value } = pageCalls(() => fake);

/** What the page would show: every title, and the highlights of the first article. */
async function seenThroughThePage() {
  const titles = (await value<ArticleSummary[]>('listArticles')).map((a) => a.title).sort();
  const article = await value<ArticleView>('getArticle', { articleId: firstArticleId });
  return { titles, highlights: article.highlights.map((h) => `${h.paragraphId}:${h.start}-${h.end}:${h.color}`) };
}

function fileMenuItems(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const template = menuTemplate(true, platform, { restoreFromBackup: () => void menuRestore() });
  const file = template.find((m) => m.label === 'File');
  if (!file || !Array.isArray(file.submenu)) throw new Error('no File menu');
  return file.submenu;
}

function clickRestore(): void {
  const item = fileMenuItems('linux').find((i) => i.label === 'Restore from automatic backup…');
  if (!item?.click) throw new Error('no restore item');
  (item.click as () => void)();
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-restore-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  await library.seedIfNew(seedsDir);
  await library.backup('daily');
  fake = createFakeElectron();
  reloads = 0;
  const window = { webContents: { reload: () => void reloads++ } } as unknown as BrowserWindow;
  registerAppHandlers(fake, { library, chooseAutomaticBackup: askForAutomaticBackup(fake.dialog, () => window) });
  menuRestore = restoreFromMenu({ library, dialog: fake.dialog, window: () => window });

  // After the backup: a highlight and an article of the person's, through the page's calls.
  const first = (await value<ArticleSummary[]>('listArticles'))[0];
  if (!first) throw new Error('no seed articles');
  firstArticleId = first.id;
  const article = await value<ArticleView>('getArticle', { articleId: first.id });
  const paragraph = article.paragraphs.find((p) => p.kind === 'body' && p.text.length > 10);
  if (!paragraph) throw new Error('no body paragraph');
  await value('createHighlight', { paragraphId: paragraph.id, start: 0, end: 6, color: 'yellow' });
  await value('importText', { text: later, title: '后来的文章' });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the File menu', () => {
  it('has "Restore from automatic backup…", and keeps Quit (Close on macOS)', () => {
    expect(fileMenuItems('linux').map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'Restore from automatic backup…',
      'separator',
      'Quit',
    ]);
    expect(fileMenuItems('darwin').map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'Restore from automatic backup…',
      'separator',
      'Close Window',
    ]);
  });

  it('choosing a backup puts the library back as it was, keeps the current one, and reloads the page', async () => {
    const before = await seenThroughThePage();
    expect(before.titles).toContain('后来的文章');
    expect(before.highlights).toHaveLength(1);
    const [daily] = library.listBackups();
    if (!daily) throw new Error('no backup');

    fake.messageBoxAnswers.push(0, 1); // the one backup, then "Restore"
    clickRestore();
    await expect.poll(() => reloads).toBe(1);

    // The chooser: main's list with date, size and reason, newest first; Cancel last and the default.
    const [chooser, confirm] = fake.messageBoxes;
    expect(chooser?.buttons).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \((\d+ KB|\d+\.\d MB), daily\)$/), 'Cancel']);
    expect(chooser?.defaultId).toBe(1);
    expect(chooser?.cancelId).toBe(1);
    expect(confirm?.detail).toContain('Your current library is kept as a backup first');
    expect(confirm?.buttons).toEqual(['Cancel', 'Restore']);
    expect(confirm?.defaultId).toBe(0);

    // The page, reading again, sees the library of the backup.
    const after = await seenThroughThePage();
    expect(after.titles).not.toContain('后来的文章');
    expect(after.titles).toHaveLength(5);
    expect(after.highlights).toEqual([]);
    // What was there before is a backup now, offered first the next time.
    const backups = library.listBackups();
    expect(backups.map((b) => b.reason)).toEqual(['before-restore', 'daily']);
    expect(backups[1]?.name).toBe(daily.name);
  });

  it.each([
    ['the chooser', [1]],
    ['the confirmation', [0, 0]],
  ])('Cancel in %s changes nothing and does not reload', async (_where, answers) => {
    const before = await seenThroughThePage();
    const backupsBefore = library.listBackups();
    fake.messageBoxAnswers.push(...answers);
    expect(await menuRestore()).toBe('cancelled');
    expect(fake.messageBoxes).toHaveLength(answers.length);
    expect(reloads).toBe(0);
    expect(await seenThroughThePage()).toEqual(before);
    expect(library.listBackups()).toEqual(backupsBefore);
  });

  it('with no backup yet says so in a dialog, never throws, and changes nothing', async () => {
    for (const backup of library.listBackups()) fs.rmSync(backup.path);
    const before = await seenThroughThePage();
    expect(await menuRestore()).toBe('failed');
    expect(fake.messageBoxes).toHaveLength(1);
    expect(fake.messageBoxes[0]?.type).toBe('error');
    expect(fake.messageBoxes[0]?.detail).toMatch(/no automatic backup yet/);
    expect(reloads).toBe(0);
    expect(await seenThroughThePage()).toEqual(before);
  });

  it('a backup that fails its check is refused in a dialog and the library stays as it is', async () => {
    const [daily] = library.listBackups();
    if (!daily) throw new Error('no backup');
    const bytes = fs.readFileSync(daily.path);
    bytes.fill(0x5a, 4096, 4096 * 4); // a failing disk, after the header
    fs.writeFileSync(daily.path, bytes);
    const before = await seenThroughThePage();
    fake.messageBoxAnswers.push(0, 1);
    expect(await menuRestore()).toBe('failed');
    expect(fake.messageBoxes[2]?.type).toBe('error');
    expect(fake.messageBoxes[2]?.detail).toMatch(/library was not changed/);
    expect(reloads).toBe(0);
    expect(await seenThroughThePage()).toEqual(before);
  });
});

describe('the page\'s restoreAutomaticBackup', () => {
  it('opens main\'s chooser, restores the chosen backup and answers its date; the data are the backup\'s', async () => {
    const [daily] = library.listBackups();
    fake.messageBoxAnswers.push(0, 1);
    expect(await call('restoreAutomaticBackup')).toEqual({ ok: true, value: { restoredFrom: daily?.createdAt } });
    const after = await seenThroughThePage();
    expect(after.titles).not.toContain('后来的文章');
    expect(after.highlights).toEqual([]);
  });

  it('cancelled: null, and nothing changed', async () => {
    const before = await seenThroughThePage();
    expect(await call('restoreAutomaticBackup')).toEqual({ ok: true, value: null });
    expect(fake.messageBoxes).toHaveLength(1);
    expect(await seenThroughThePage()).toEqual(before);
  });

  it.each([
    ['a backup name', () => library.listBackups()[0]?.name],
    ['a path', () => library.listBackups()[0]?.path],
    ['an object naming one', () => ({ name: library.listBackups()[0]?.name })],
    ['an empty object', () => ({})],
    ['null', () => null],
  ])('refuses %s from the page before any dialog opens, and changes nothing', async (_what, request) => {
    const before = await seenThroughThePage();
    const backupsBefore = library.listBackups();
    expect(await call('restoreAutomaticBackup', request())).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(fake.messageBoxes).toHaveLength(0);
    expect(await seenThroughThePage()).toEqual(before);
    expect(library.listBackups()).toEqual(backupsBefore);
  });

  it('a chooser answering a name main did not offer is refused as a typed error', async () => {
    const handlers = createHandlers(handlerDeps({ library, chooseAutomaticBackup: () => Promise.resolve('../library.sqlite') }));
    const before = await seenThroughThePage();
    expect(await createDispatch(handlers)('pizhu:restoreAutomaticBackup', undefined)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await seenThroughThePage()).toEqual(before);
  });
});
