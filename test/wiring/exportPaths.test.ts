import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, createHandlers, type HandlerDeps } from '../../main/app/createHandlers';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import type { MarkdownExportReport } from '../../preload/contract/api';
import { createFakeElectron } from '../support/fakeElectron';
import { appUrl, handlerDeps, registerAppHandlers, type Answer } from '../support/wiredHandlers';

const seedsDir = path.resolve(__dirname, '../../seeds');

/** Main's dialogs as the app wires them, answering what the test says and counting the times they opened. */
function stubDialogs() {
  const dialogs = {
    exportFolder: null as string | null,
    backupFile: null as string | null,
    opened: [] as string[],
  };
  const deps: Pick<HandlerDeps, 'chooseExportFolder' | 'chooseBackupFile' | 'confirmBackupUse'> = {
    // The person says yes to main's preview of a merge or restore.
    confirmBackupUse: (question) => {
      dialogs.opened.push(`confirm ${question.kind}`);
      return Promise.resolve(true);
    },
    chooseExportFolder: () => {
      dialogs.opened.push('export folder');
      return Promise.resolve(dialogs.exportFolder);
    },
    chooseBackupFile: (purpose) => {
      dialogs.opened.push(`backup ${purpose}`);
      return Promise.resolve(dialogs.backupFile);
    },
  };
  return { dialogs, deps };
}

describe('paths are main\'s: the page asks for an export or a backup and never names a place', () => {
  let dir: string;
  let library: Library;
  let fake: ReturnType<typeof createFakeElectron>;
  const { dialogs, deps } = stubDialogs();

  function start() {
    fake = createFakeElectron();
    registerAppHandlers(fake, { library, ...deps });
  }
  const call = (method: string, request?: unknown) => fake.callFrom(appUrl, `pizhu:${method}`, request) as Promise<Answer>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-paths-'));
    library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    await library.seedIfNew(seedsDir);
    start();
  });
  afterAll(() => {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['exportBackup', { file: '/tmp/pizhu-wiring-evil.json' }],
    ['exportBackup', {}],
    ['importBackup', { file: '/etc/passwd' }],
    ['exportMarkdown', { scope: 'library', outDir: '/tmp/pizhu-wiring-evil' }],
    ['exportMarkdown', { scope: 'library', file: '/tmp/pizhu-wiring-evil' }],
    ['chooseExportFolder', { folder: '/tmp' }],
    ['getExportFolder', { folder: '/tmp' }],
  ])('%s with %j is refused as invalid-argument, no dialog opened, nothing written', async (method, request) => {
    const opened = dialogs.opened.length;
    expect(await call(method, request)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(dialogs.opened).toHaveLength(opened);
    expect(fs.existsSync('/tmp/pizhu-wiring-evil.json')).toBe(false);
    expect(fs.existsSync('/tmp/pizhu-wiring-evil')).toBe(false);
  });

  it('has no channel that hands the page a backup path to send back', () => {
    expect(fake.handlers.has('pizhu:chooseBackupFile')).toBe(false);
    expect([...fake.handlers.keys()].filter((channel) => /choose|Folder|Backup/.test(channel)).sort()).toEqual([
      'pizhu:chooseExportFolder',
      // Takes nothing and answers with the sync state: the folder stays in main (syncWiring.test.ts).
      'pizhu:chooseSyncFolder',
      'pizhu:exportBackup',
      'pizhu:getExportFolder',
      'pizhu:importBackup',
      'pizhu:restoreAutomaticBackup',
      'pizhu:restoreJsonBackup',
    ]);
  });

  it('a backup goes where main\'s save dialog says, and is read from where its open dialog says; cancel is null', async () => {
    dialogs.backupFile = null;
    expect(await call('exportBackup')).toEqual({ ok: true, value: null });
    expect(await call('importBackup')).toEqual({ ok: true, value: null });
    expect(dialogs.opened.slice(-2)).toEqual(['backup save', 'backup open']);

    dialogs.backupFile = path.join(dir, 'chosen.json');
    expect(await call('exportBackup')).toMatchObject({ ok: true, value: { path: dialogs.backupFile, articles: 5 } });
    expect(fs.existsSync(dialogs.backupFile)).toBe(true);
    expect(await call('importBackup')).toMatchObject({ ok: true, value: { articlesAdded: 0, articlesMerged: 5 } });
    expect(dialogs.opened.slice(-3)).toEqual(['backup save', 'backup open', 'confirm merge']);
  });

  it('a dialog pointed at the library itself or its backups folder gets a typed refusal and changes nothing', async () => {
    const before = fs.readFileSync(path.join(dir, 'library.sqlite'));
    for (const file of [path.join(dir, 'library.sqlite'), path.join(dir, 'library.sqlite-wal'), path.join(library.backupDir, 'b.json')]) {
      dialogs.backupFile = file;
      expect(await call('exportBackup')).toMatchObject({ ok: false, error: { code: 'protected-path' } });
      expect(await call('importBackup')).toMatchObject({ ok: false, error: { code: 'protected-path' } });
      expect(await call('restoreJsonBackup')).toMatchObject({ ok: false, error: { code: 'protected-path' } });
    }
    expect(fs.readFileSync(path.join(dir, 'library.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(before.subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(((await call('listArticles')) as { value: unknown[] }).value).toHaveLength(5);
  });

  it('the first Markdown export asks for a folder, main keeps it, later exports go there without asking', async () => {
    expect(await call('getExportFolder')).toEqual({ ok: true, value: null });
    dialogs.exportFolder = null;
    const opened = dialogs.opened.length;
    expect(await call('exportMarkdown', { scope: 'library' })).toEqual({ ok: true, value: null });
    expect(dialogs.opened.slice(opened)).toEqual(['export folder']);

    // A folder chosen for an export the library refuses (an article that is not there) is not kept.
    dialogs.exportFolder = path.join(dir, 'notes');
    expect(await call('exportMarkdown', { scope: { article: 99_999 } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('getExportFolder')).toEqual({ ok: true, value: null });
    expect(fs.existsSync(path.join(dir, 'export-folder.json'))).toBe(false);

    const first = (await call('exportMarkdown', { scope: 'library' })) as { ok: true; value: MarkdownExportReport };
    expect(first.ok).toBe(true);
    expect(first.value.files.length).toBeGreaterThan(0);
    expect(first.value.files.every((f) => path.dirname(f) === dialogs.exportFolder)).toBe(true);
    expect(await call('getExportFolder')).toEqual({ ok: true, value: path.join(dir, 'notes') });

    dialogs.exportFolder = '/somewhere/else';
    const asked = dialogs.opened.length;
    const second = (await call('exportMarkdown', { scope: 'library', script: 'tw', highlightsOnly: false })) as {
      value: MarkdownExportReport;
    };
    expect(dialogs.opened).toHaveLength(asked);
    expect(second.value.files.length).toBeGreaterThan(0);
    expect(second.value.files.every((f) => path.dirname(f) === path.join(dir, 'notes'))).toBe(true);
  });

  it('the kept folder survives a restart, and is changed only through main\'s dialog', async () => {
    start(); // a new handler table on the same library folder, as the next start builds
    expect(await call('getExportFolder')).toEqual({ ok: true, value: path.join(dir, 'notes') });

    dialogs.exportFolder = null;
    expect(await call('chooseExportFolder')).toEqual({ ok: true, value: null });
    expect(await call('getExportFolder')).toEqual({ ok: true, value: path.join(dir, 'notes') });

    dialogs.exportFolder = library.backupDir;
    expect(await call('chooseExportFolder')).toMatchObject({ ok: false, error: { code: 'protected-path' } });
    expect(await call('getExportFolder')).toEqual({ ok: true, value: path.join(dir, 'notes') });

    dialogs.exportFolder = path.join(dir, 'vault');
    expect(await call('chooseExportFolder')).toEqual({ ok: true, value: path.join(dir, 'vault') });
    const exported = (await call('exportMarkdown', { scope: 'library' })) as { value: MarkdownExportReport };
    expect(exported.value.files.length).toBeGreaterThan(0);
    expect(exported.value.files.every((f) => path.dirname(f) === path.join(dir, 'vault'))).toBe(true);
  });

  it('a kept setting that is damaged or names no absolute folder means "none yet": main asks again', async () => {
    const setting = path.join(dir, 'export-folder.json');
    for (const content of ['{"exportFolder": "relative/notes"}', 'not json', '{"exportFolder": 3}']) {
      fs.writeFileSync(setting, content);
      expect(await call('getExportFolder')).toEqual({ ok: true, value: null });
      dialogs.exportFolder = null;
      const opened = dialogs.opened.length;
      expect(await call('exportMarkdown', { scope: 'library' })).toEqual({ ok: true, value: null });
      expect(dialogs.opened.slice(opened)).toEqual(['export folder']);
    }
  });
});

describe('text that crosses IPC is text', () => {
  let dir: string;
  let library: Library;
  let call: (method: string, request?: unknown) => Promise<Answer>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-text-'));
    library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    await library.seedIfNew(seedsDir);
    const dispatch = createDispatch(createHandlers(handlerDeps({ library })), () => undefined);
    call = (method, request) => dispatch(`pizhu:${method}`, request);
  });
  afterAll(() => {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const articleId = () => library.listArticles()[0]!.id;
  const paragraphId = () => library.getArticle(articleId()).paragraphs[0]!.id;

  it.each<[string, () => [string, unknown]]>([
    ['a note', () => ['saveNote', { paragraphId: paragraphId(), editorState: '{}', plainText: 'a\uD800b', markdown: 'ab' }]],
    ['a title', () => ['updateMetadata', { articleId: articleId(), changes: { title: '标题\uDC00' } }]],
    ['pasted text', () => ['importText', { text: '半个字\uD83D' }]],
    ['a tag', () => ['tagParagraph', { paragraphId: paragraphId(), tag: '\uDE00' }]],
    ['a search', () => ['search', { query: '\uD800' }]],
  ])('a lone surrogate in %s is refused by name, and nothing is stored', async (_what, make) => {
    const [method, request] = make();
    const before = library.getArticle(articleId());
    const answer = await call(method, request);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(answer.ok || answer.error.message).toMatch(/lone UTF-16 surrogate/);
    expect(library.getArticle(articleId())).toEqual(before);
    expect(library.listArticles()).toHaveLength(5);
  });

  it('a whole pair (an emoji, a rare CJK character) is text and is kept', async () => {
    const answer = await call('saveNote', { paragraphId: paragraphId(), editorState: '{}', plainText: '𠀀😀', markdown: '𠀀😀' });
    expect(answer).toMatchObject({ ok: true, value: { plainText: '𠀀😀' } });
  });

  it.each([' ', '   ', '\u3000\u3000', '\t\n'])('a title of only spaces (%j) is refused', async (title) => {
    const before = library.getArticle(articleId()).metadata;
    const answer = await call('updateMetadata', { articleId: articleId(), changes: { title } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/changes\.title: needs a character that is not a space/) as string } });
    expect(library.getArticle(articleId()).metadata).toEqual(before);
    expect(await call('importText', { text: '正文', title })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it.each(['2024-13-45', '2024-02-30', '2023-02-29', '2024-00-10', '2024-04-31', '0000-01-01', '2024-1-5'])(
    'the date %s is refused',
    async (publishedAt) => {
      const answer = await call('updateMetadata', { articleId: articleId(), changes: { publishedAt } });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(answer.ok || answer.error.message).toMatch(/changes\.publishedAt/);
    },
  );

  it.each(['2024-02-29', '1999-12-31', '2026-11-23'])('the date %s is kept', async (publishedAt) => {
    expect(await call('updateMetadata', { articleId: articleId(), changes: { publishedAt } })).toMatchObject({
      ok: true,
      value: { metadata: { publishedAt } },
    });
  });
});
