import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportOutcome } from '../../preload/contract/articleTypes';
import type { ImportProgress } from '../../preload/contract/importTypes';
import { maxDroppedFileBytes } from '../../preload/contract/importTypes';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { maxImportBytes } from '../../main/library/import/importLimits';
import type { HandlerDeps } from '../../main/app/createHandlers';
import { importProgressEvent } from '../../preload/contract/channels';
import { createFakeElectron } from '../support/fakeElectron';
import { pageCalls, registerAppHandlers } from '../support/wiredHandlers';

/** A short story of its own per n: different words, so no two are duplicates. */
function story(n: number): string {
  return [
    `第${n}号社区新闻：图书馆延长开放时间`,
    `本报讯 第${n}个社区图书馆从本月起把开放时间延长到晚上九点，方便下班后的居民借阅，编号${n * 7919}。`,
    `馆长介绍，第${n}次读者调查显示，六成以上的居民希望晚间也能来看书，图书馆因此调整了排班。`,
    `不少居民表示，这一做法让社区多了一个安静的去处（第${n}期），也希望周末能增加亲子阅读活动。`,
  ].join('\n\n');
}
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const dropped = (name: string, bytes: Uint8Array) => ({ name, bytes, size: bytes.byteLength });

let dir: string;
let library: Library;
let fake: ReturnType<typeof createFakeElectron>;
const { call, value } = pageCalls(() => fake);
const wire = (deps: Partial<HandlerDeps> = {}) => {
  fake = createFakeElectron();
  registerAppHandlers(fake, { library, ...deps });
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-drop-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  wire();
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('files dropped onto the window', () => {
  it('holds the page to the import limit main uses', () => {
    expect(maxDroppedFileBytes).toBe(maxImportBytes);
  });

  it('imports the bytes under the name shown (never a path), lists what it refused and why', async () => {
    const outcomes = await value<ImportOutcome[]>('importDropped', {
      files: [
        dropped('a/b/story.txt', utf8(story(1))),
        dropped('..\\..\\notes.md', utf8(story(2))),
        dropped('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
        { name: 'film.html', bytes: null, size: 31 * 1024 * 1024 },
      ],
    });
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['film.html', 'failed'],
      ['story.txt', 'imported'],
      ['notes.md', 'imported'],
      ['photo.png', 'skipped'],
    ]);
    expect(outcomes[0]!.message).toMatch(/31\.0 MB.*up to 20 MB/u);
    expect(outcomes[3]!.message).toMatch(/not a file Pizhu can import/u);
    expect(library.getArticle(outcomes[2]!.articleId!).fileName).toBe('notes.md');
  });

  it('offers "Keep both" for a duplicate: kept beside the one it duplicates, linked, and undone as one step', async () => {
    const [original] = await value<ImportOutcome[]>('importDropped', { files: [dropped('utf8.txt', utf8(story(5)))] });
    const [skipped] = await value<ImportOutcome[]>('importDropped', {
      files: [dropped('gbk.txt', new Uint8Array(iconv.encode(story(5), 'gbk')))],
    });
    expect(skipped).toMatchObject({ status: 'duplicate', duplicateOf: { articleId: original!.articleId, sameText: true } });
    expect(skipped!.keepId).toEqual(expect.any(Number));
    expect(library.listArticles()).toHaveLength(1);

    const kept = await value<ImportOutcome>('keepDuplicate', { keepId: skipped!.keepId });
    expect(kept).toMatchObject({ status: 'imported', fileName: 'gbk.txt', duplicateOf: { articleId: original!.articleId } });
    expect(library.listArticleDuplicates(original!.articleId!).map((d) => d.articleId)).toEqual([kept.articleId]);
    expect(await value('undo')).toMatchObject({ op: 'article.keep-duplicate' });
    expect(library.listArticles().map((a) => a.id)).toEqual([original!.articleId]);
    // Kept once: the same line again is not found and changes nothing.
    expect(await call('keepDuplicate', { keepId: skipped!.keepId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(library.listArticles()).toHaveLength(1);
  });

  it('refuses malformed calls with a typed error and changes nothing', async () => {
    const big = new Uint8Array(maxImportBytes + 1);
    const seventeen = new Uint8Array(17 * 1024 * 1024);
    const malformed: Array<[string, unknown, string?]> = [
      ['importDropped', undefined],
      ['importDropped', { files: [] }],
      ['importDropped', { files: 'story.txt' }],
      ['importDropped', { files: [{ name: 'a.txt', bytes: 'd3JpdHRlbg==', size: 7 }] }],
      ['importDropped', { files: [{ name: 'a.txt', bytes: [65, 66], size: 2 }] }],
      ['importDropped', { files: [{ name: '', bytes: utf8(story(1)), size: 1 }] }],
      ['importDropped', { files: [{ name: 'folder/', bytes: utf8(story(1)), size: 1 }] }],
      ['importDropped', { files: [{ name: 'a\u0000.txt', bytes: utf8(story(1)), size: 1 }] }],
      ['importDropped', { files: [{ name: 'x'.repeat(300), bytes: utf8(story(1)), size: 1 }] }],
      ['importDropped', { files: [{ name: 'a.txt', bytes: utf8(story(1)), size: -1 }] }],
      ['importDropped', { files: [{ name: 'a.txt', bytes: utf8(story(1)), size: 1, path: '/etc/passwd' }] }],
      ['importDropped', { files: [{ name: 'a.txt', bytes: utf8(story(1)), size: 1 }], paths: ['/etc'] }],
      ['importDropped', { files: [dropped('big.txt', big)] }, 'a file over 20 MB'],
      [
        'importDropped',
        { files: [dropped('a.txt', seventeen), dropped('b.txt', seventeen), dropped('c.txt', seventeen)] },
        '51 MB in one call',
      ],
      ['importDropped', { files: Array.from({ length: 51 }, (_, i) => dropped(`${i}.txt`, utf8(story(i)))) }],
      ['keepDuplicate', { keepId: 'one' }],
      ['keepDuplicate', { keepId: -1 }],
      ['keepDuplicate', {}],
      ['cancelImport', { all: true }],
      ['getImportProgress', 1],
    ];
    for (const [method, request, label] of malformed) {
      const answer = await call(method, request);
      expect(answer, `${method} ${label ?? JSON.stringify(request)?.slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
    }
    expect(library.listArticles()).toHaveLength(0);
    expect(await call('keepDuplicate', { keepId: 12345 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('an import that takes a while', () => {
  it('tells the page how far it is, stops between batches when cancelled, and keeps what it imported whole', async () => {
    const folder = path.join(dir, 'many');
    fs.mkdirSync(folder);
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(folder, `s${String(i).padStart(2, '0')}.txt`), story(i));
    const seen: Array<Promise<ImportProgress | null>> = [];
    let cancelAsked: Promise<unknown> | undefined;
    wire({
      chooseFiles: () => Promise.resolve([folder]),
      // The page hears each step and asks how far; after the second batch it presses Cancel.
      announceImportProgress: () => {
        seen.push(value<ImportProgress | null>('getImportProgress'));
        if (seen.length === 3) cancelAsked = value('cancelImport');
      },
    });
    const outcomes = await value<ImportOutcome[]>('importFiles');
    expect(await cancelAsked).toEqual({ cancelled: true });
    expect(await Promise.all(seen)).toEqual([
      { done: 0, total: 40 },
      { done: 10, total: 40 },
      { done: 20, total: 40 },
      null,
    ]);
    expect(outcomes).toHaveLength(20);
    expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
    const listed = library.listArticles();
    expect(listed).toHaveLength(outcomes.length);
    for (const article of listed) expect(library.getArticle(article.id).paragraphs).toHaveLength(article.paragraphCount);
    // Done: no import runs, and a cancel now has nothing to stop.
    expect(await value('getImportProgress')).toBeNull();
    expect(await value('cancelImport')).toEqual({ cancelled: false });
  });

  it('runs one import at a time: a second while one runs is refused with a typed error', async () => {
    let release: (paths: string[]) => void = () => undefined;
    const files = Array.from({ length: 15 }, (_, i) => {
      const file = path.join(dir, `f${i}.txt`);
      fs.writeFileSync(file, story(100 + i));
      return file;
    });
    let second: Promise<unknown> | undefined;
    let third: Promise<unknown> | undefined;
    let dialogs = 0;
    wire({
      chooseFiles: () => {
        dialogs++;
        return new Promise((resolve) => (release = resolve));
      },
      announceImportProgress: () => {
        second ??= call('importDropped', { files: [dropped('e.txt', utf8(story(4)))] });
        third ??= call('importFiles');
      },
    });
    const first = call('importFiles');
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The dialog is open: nothing runs yet, so a drop goes ahead.
    expect(await call('importDropped', { files: [dropped('d.txt', utf8(story(3)))] })).toMatchObject({ ok: true });
    release(files);
    expect(await first).toMatchObject({ ok: true });
    expect(await second).toMatchObject({ ok: false, error: { code: 'import-running' } });
    // Import… while one runs is refused before its dialog opens.
    expect(await third).toMatchObject({ ok: false, error: { code: 'import-running' } });
    expect(dialogs).toBe(1);
    expect(library.listArticles()).toHaveLength(16);
  });
});

describe('the import-progress event', () => {
  it('is passed by preload to the page as a DOM event, after which the page asks how far', async () => {
    const preloadFake = createFakeElectron();
    vi.resetModules();
    vi.doMock('electron', () => ({ contextBridge: preloadFake.contextBridge, ipcRenderer: preloadFake.ipcRenderer }));
    await import('../../preload/index');
    const dispatched: string[] = [];
    const g = globalThis as unknown as { dispatchEvent?: (e: Event) => boolean };
    const saved = g.dispatchEvent;
    g.dispatchEvent = (e) => (dispatched.push(e.type), true);
    preloadFake.rendererListeners.get(importProgressEvent)?.();
    g.dispatchEvent = saved;
    vi.doUnmock('electron');
    expect(dispatched).toEqual([importProgressEvent]);
  });
});
