import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { heldDuplicates } from '../../../../../main/library/duplicates/heldDuplicates';
import type { NewArticle } from '../../../../../main/library/store/articles';
import { startParseWorkerFromSource } from '../../../../support/parseWorkerFromSource';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-app-import-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A short story of its own per n: different words, so no two are duplicates. */
function story(n: number): string {
  const places = ['杭州', '成都', '西安', '厦门', '昆明', '兰州', '南昌', '长沙', '贵阳', '太原'];
  const place = places[n % places.length]!;
  return [
    `${place}第${n}号新闻：社区图书馆延长开放时间`,
    `本报讯 ${place}市第${n}个社区图书馆从本月起把开放时间延长到晚上九点，方便下班后的居民借阅。`,
    `馆长介绍，第${n}次读者调查显示，六成以上的居民希望晚间也能来看书，图书馆因此调整了排班。`,
    `不少居民表示，${place}的这一做法让社区多了一个安静的去处，也希望周末能增加亲子阅读活动。`,
  ].join('\n\n');
}
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('an import from the app', () => {
  it('imports files dropped on the window from their bytes, the name shown and never read as a path', async () => {
    const outcomes = await library.importPaths([
      { fileName: 'story.txt', dropped: utf8(story(1)) },
      { fileName: '../../etc/passwd.md', dropped: utf8(story(2)) },
      { fileName: 'picture.png', dropped: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
    ]);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['story.txt', 'imported'],
      ['../../etc/passwd.md', 'imported'],
      ['picture.png', 'skipped'],
    ]);
    expect(outcomes[2]!.message).toMatch(/not a file Pizhu can import/u);
    // The report says how each was read: its encoding, script, and how many paragraphs cleaning hid.
    expect(outcomes[0]!.reading).toEqual({ encoding: 'utf-8', script: 'simplified', paragraphs: 4, hidden: 0 });
    expect(library.getArticle(outcomes[0]!.articleId!).paragraphs.map((p) => p.text).join('\n')).toContain('成都市第1个');
  });

  it('reads dropped bytes in the parse worker as the app does (the bytes cross to the worker thread)', async () => {
    const worker = await createLibrary({
      dbPath: path.join(dir, 'worker.sqlite'),
      startParseWorker: startParseWorkerFromSource,
    });
    try {
      const outcomes = await worker.importPaths(
        [
          { fileName: 'a.txt', dropped: utf8(story(4)) },
          { fileName: 'b.txt', dropped: new Uint8Array(iconv.encode(story(5), 'gbk')) },
        ],
        undefined,
        'skip',
        { signal: new AbortController().signal, batchFiles: 1 },
      );
      expect(outcomes.map((o) => [o.fileName, o.status, o.reading?.encoding])).toEqual([
        ['a.txt', 'imported', 'utf-8'],
        ['b.txt', 'imported', 'gb18030'],
      ]);
    } finally {
      worker.close();
    }
  });

  it('reports progress batch by batch and, cancelled, stores no batch after the cancel: every stored article is whole', async () => {
    const files = Array.from({ length: 30 }, (_, i) => ({ fileName: `s${i}.txt`, dropped: utf8(story(i)) }));
    const cancel = new AbortController();
    const progress: Array<[number, number]> = [];
    const outcomes = await library.importPaths(
      files,
      (done, total) => {
        progress.push([done, total]);
        if (done >= 10) cancel.abort();
      },
      'skip',
      { signal: cancel.signal, batchFiles: 5 },
    );
    expect(progress).toEqual([
      [0, 30],
      [5, 30],
      [10, 30],
    ]);
    expect(outcomes).toHaveLength(10);
    expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
    const listed = library.listArticles();
    expect(listed).toHaveLength(10);
    for (const summary of listed) expect(library.getArticle(summary.id).paragraphs.length).toBe(summary.paragraphCount);
  });

  it('holds a skipped duplicate so "Keep both" imports it beside the original, linked, as one undo step', async () => {
    const [original] = await library.importPaths([{ fileName: 'utf8.txt', dropped: utf8(story(7)) }]);
    const gbk = new Uint8Array(iconv.encode(story(7), 'gbk'));
    const [skipped] = await library.importPaths([{ fileName: 'gbk.txt', dropped: gbk }], undefined, 'skip', {
      holdDuplicates: true,
    });
    expect(skipped).toMatchObject({ status: 'duplicate', duplicateOf: { articleId: original!.articleId } });
    expect(library.listArticles()).toHaveLength(1);

    const kept = library.keepDuplicate(skipped!.keepId!);
    expect(kept).toMatchObject({
      status: 'imported',
      fileName: 'gbk.txt',
      duplicateOf: { articleId: original!.articleId },
      reading: { encoding: 'gb18030', script: 'simplified' },
    });
    expect(library.listArticles()).toHaveLength(2);
    expect(library.listArticleDuplicates(original!.articleId!).map((d) => d.articleId)).toEqual([kept.articleId]);

    expect(library.annotations.undo()).toMatchObject({ op: 'article.keep-duplicate' });
    expect(library.listArticles().map((a) => a.id)).toEqual([original!.articleId]);
    expect(library.listTrash().map((a) => a.id)).toEqual([kept.articleId]);
    library.annotations.redo();
    expect(library.listArticles()).toHaveLength(2);

    // Held once: a second "Keep both" of the same report line has nothing to keep and changes nothing.
    expect(() => library.keepDuplicate(skipped!.keepId!)).toThrow(/no longer holds/u);
    expect(library.listArticles()).toHaveLength(2);
  });

  it('without holdDuplicates (the CLI, scripts) holds nothing', async () => {
    await library.importPaths([{ fileName: 'a.txt', dropped: utf8(story(3)) }]);
    const [again] = await library.importPaths([{ fileName: 'b.txt', dropped: new Uint8Array(iconv.encode(story(3), 'gbk')) }]);
    expect(again).toMatchObject({ status: 'duplicate' });
    expect(again!.keepId).toBeUndefined();
  });
});

describe('held duplicates', () => {
  const article = (chars: number) => ({ rawText: 'x'.repeat(chars) }) as NewArticle;
  it('let the oldest go past the count or size limit, and never hold one bigger than the limit', () => {
    const held = heldDuplicates(2, 100);
    const a = held.hold(article(10))!;
    const b = held.hold(article(10))!;
    const c = held.hold(article(10))!;
    expect(held.take(a)).toBeUndefined();
    expect(held.take(b)).toBeDefined();
    expect(held.hold(article(101))).toBeUndefined();
    held.hold(article(95));
    expect(held.take(c)).toBeUndefined();
  });
});
