import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatch, createHandlers, type Dispatch } from '../../../../../main/app/createHandlers';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import type { StartQuickCheckWorker } from '../../../../../main/library/store/deferredQuickCheck';
import { LibraryError } from '../../../../../main/library/libraryError';
import { quickCheckFile } from '../../../../../main/library/store/quickCheck';
import { channelOf } from '../../../../../preload/contract/channels';
import type { ArticlePage, ArticlePageRequest } from '../../../../../preload/contract/articlePageTypes';

// Counted: the check on this thread, when the worker cannot run, blocks main for seconds on a large library.
vi.mock('../../../../../main/library/store/quickCheck', async (importOriginal) => {
  const original = await importOriginal<{ quickCheckFile: typeof quickCheckFile }>();
  return { ...original, quickCheckFile: vi.fn(original.quickCheckFile) };
});

const entry = path.resolve(__dirname, '../../../../../main/library/store/quickCheckEntry.ts');

/** The start-up check's worker from its TypeScript source, as the app starts the built one. */
const fromSource: StartQuickCheckWorker = (filePath) =>
  new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true, workerData: { filePath } });

/** A stand-in worker that answers only when the test says what the check found (null: whole). */
function heldWorker() {
  let worker: Worker | undefined;
  const start: StartQuickCheckWorker = () => {
    worker = new Worker(
      "const { parentPort } = require('node:worker_threads'); parentPort.once('message', (m) => { parentPort.postMessage(m); parentPort.close(); });",
      { eval: true },
    );
    return worker;
  };
  return { start, answer: (found: string | null) => worker!.postMessage(found) };
}

const page: ArticlePageRequest = { view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 10 };
const text = '第一段：港口的货运量今年上升。\n\n第二段：码头工人说，新的起重机让装卸快了一倍。';

let dir: string;
let dbPath: string;
let library: Library | undefined;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-quickcheck-'));
  dbPath = path.join(dir, 'library.sqlite');
  const made = await createLibrary({ dbPath });
  made.importText(text, '港口');
  made.close();
});
afterEach(() => {
  library?.close();
  library = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function dispatchOf(lib: Library): Dispatch {
  return createDispatch(createHandlers({ library: lib, appVersion: '0', seededOnThisRun: 0, chooseFiles: () => Promise.resolve([]) }));
}

function firstParagraph(lib: Library): number {
  const id = lib.listArticlePage(page).rows[0]!.id;
  return lib.getArticle(id).paragraphs[0]!.id;
}

/** Scribbles over a leaf page of the tag table: the file opens and the list reads, but quick_check finds it. */
function damageTagPages(): void {
  const db = new Database(dbPath);
  const insert = db.prepare("INSERT INTO tag (name, created_at) VALUES (?, '2026-01-01')");
  for (let i = 0; i < 3000; i++) insert.run(`tag-${i}-${'x'.repeat(60)}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaf = db.prepare("SELECT pageno FROM dbstat WHERE name = 'tag' AND pagetype = 'leaf' LIMIT 1 OFFSET 3").pluck().get() as number;
  db.close();
  const bytes = fs.readFileSync(dbPath);
  bytes.fill(0x5a, (leaf - 1) * pageSize + 8, leaf * pageSize - 8);
  fs.writeFileSync(dbPath, bytes);
}

describe('the start-up integrity check after the open (#16: the list before quick_check)', () => {
  it('answers the list while the check runs, holds a write back until it passes, then writes it', async () => {
    const worker = heldWorker();
    library = await createLibrary({ dbPath, startQuickCheckWorker: worker.start });
    const dispatch = dispatchOf(library);
    expect(library.integrity.state()).toBe('checking');
    const list = await dispatch(channelOf('listArticlePage'), page);
    expect(list.ok && (list.value as ArticlePage).rows.map((r) => r.title)).toEqual(['港口']);
    // Nothing reaches the file meanwhile, even past the handlers.
    expect(() => library!.annotations.createHighlight({ paragraphId: firstParagraph(library!), start: 0, end: 2, color: 'yellow' })).toThrow(/readonly/);

    let answered = false;
    const write = dispatch(channelOf('createHighlight'), { paragraphId: firstParagraph(library), start: 0, end: 2, color: 'yellow' }).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    worker.answer(null);
    const result = await write;
    expect(result.ok).toBe(true);
    expect(library.integrity.state()).toBe('whole');
    expect(library.getArticle(library.listArticlePage(page).rows[0]!.id).highlights).toHaveLength(1);
  });

  it('answers a search with a tag filter while the check runs (its rows go to a TEMP table), and still writes nothing', async () => {
    const tagging = await createLibrary({ dbPath });
    tagging.annotations.tagParagraph(firstParagraph(tagging), '港口');
    tagging.close();
    library = await createLibrary({ dbPath, startQuickCheckWorker: heldWorker().start });
    const dispatch = dispatchOf(library);
    const search = dispatch(channelOf('search'), { query: '货运', tag: '港口' });
    const answer = await Promise.race([search, new Promise((resolve) => setTimeout(() => resolve('held'), 200))]);
    expect(answer).toMatchObject({ ok: true, value: { total: 1, hits: [{ articleTitle: '港口', kind: 'paragraph' }] } });
    expect(library.integrity.state()).toBe('checking');
    expect(() => library!.annotations.createHighlight({ paragraphId: firstParagraph(library!), start: 0, end: 2, color: 'yellow' })).toThrow(/readonly/);
  });

  it('checks on this thread, once, when the worker fails (it reports an error, then its exit)', async () => {
    const failing: StartQuickCheckWorker = () => new Worker("throw new Error('no worker here')", { eval: true });
    vi.mocked(quickCheckFile).mockClear();
    library = await createLibrary({ dbPath, startQuickCheckWorker: failing });
    await library.integrity.whenWritable();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(library.integrity.state()).toBe('whole');
    expect(vi.mocked(quickCheckFile).mock.calls).toEqual([[dbPath]]);
  });

  it('runs SQLite quick_check in the worker and finds a whole library whole', async () => {
    library = await createLibrary({ dbPath, startQuickCheckWorker: fromSource });
    await library.integrity.whenWritable();
    expect(library.integrity.state()).toBe('whole');
    library.annotations.createHighlight({ paragraphId: firstParagraph(library), start: 0, end: 2, color: 'green' });
  });

  it('finds damage after the open: the list still reads, every write is refused saying so, and the file is not written', async () => {
    damageTagPages();
    // As before, a library opened without the worker (the CLI) is refused at the open.
    const refused = await createLibrary({ dbPath }).catch((e: unknown) => e);
    expect((refused as LibraryError).code).toBe('library-corrupt');

    const before = sha(dbPath);
    library = await createLibrary({ dbPath, startQuickCheckWorker: fromSource });
    const dispatch = dispatchOf(library);
    const failure = await library.integrity.whenWritable().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LibraryError);
    expect((failure as LibraryError).code).toBe('library-corrupt');
    expect((failure as LibraryError).message).toMatch(/^The library file is damaged \([^\n]+\)\. .*written nothing to it since.*backup is restored/);
    expect(library.integrity.state()).toBe('damaged');

    const list = await dispatch(channelOf('listArticlePage'), page);
    expect(list.ok).toBe(true);
    const articleId = list.ok ? (list.value as ArticlePage).rows[0]!.id : 0;
    const opened = await dispatch(channelOf('getArticle'), { articleId });
    expect(opened.ok).toBe(true);
    const write = await dispatch(channelOf('createHighlight'), { paragraphId: firstParagraph(library), start: 0, end: 2, color: 'yellow' });
    expect(write).toMatchObject({ ok: false, error: { code: 'library-corrupt' } });
    expect(await library.backupIfDue()).toBeUndefined();
    library.close();
    library = undefined;
    expect(sha(dbPath)).toBe(before);
  });

  it('checks before the open, as before, after an unclean exit (its checksum pass trusts quick_check)', async () => {
    damageTagPages();
    // A lock file a crash left torn: the last writer counts as vanished.
    fs.writeFileSync(`${dbPath}.lock`, 'x'.repeat(4096));
    const refused = await createLibrary({ dbPath, startQuickCheckWorker: fromSource }).catch((e: unknown) => e);
    expect((refused as LibraryError).code).toBe('library-corrupt');
  });
});
