import { describe, expect, it } from 'vitest';
import { LibraryError } from '../../../../main/library/libraryError';
import { storedArticleText, textDocUpdate } from '../../../../main/library/sync/text/articleText';
import type { SyncUpdate } from '../../../../main/library/sync/syncEndpoint';
import { dumpsOf, devicesPerTest, type Device } from './syncedLibraries';

const devices = devicesPerTest();

const secondArticle = [
  '河边的早市天不亮就开了。',
  '卖鱼的人把木盆摆成一排，水还冒着热气。',
  '太阳出来以后，人就散了。',
].join('\n\n');

const secondTitle = '河边的早市天不亮就开了';

/** A's work on the shared article and on a second article B has not seen; its new documents' names. */
function work(a: Device): { text: string; annotations: string } {
  const { annotations } = a.library;
  annotations.createHighlight({ paragraphId: a.paragraphId(0), start: 1, end: 4, color: 'green', tags: ['老街'] });
  annotations.tagParagraph(a.paragraphId(1), '城市');
  const before = new Set(a.library.sync.docNames());
  // Titled as its first line: a title given at import is the importing device's own detail.
  const second = a.library.importText(secondArticle, secondTitle);
  const paragraph = a.library.getArticle(second.articleId!).paragraphs[1]!;
  annotations.createHighlight({ paragraphId: paragraph.id, start: 0, end: 3, color: 'blue', tags: ['河流'] });
  const added = a.library.sync.docNames().filter((name) => !before.has(name));
  return {
    text: added.find((name) => name.startsWith('text/'))!,
    annotations: added.find((name) => name.startsWith('article/'))!,
  };
}

/** What B lacks of every document of A's. */
function updatesFor(from: Device, to: Device): SyncUpdate[] {
  return from.library.sync
    .docNames()
    .map((name) => ({ name, update: from.library.sync.diff(name, to.library.sync.stateVector(name)) }));
}

function storedUpdates(d: Device): number {
  return d.library.database().prepare('SELECT count(*) FROM sync_update').pluck().get() as number;
}

describe('a batch of updates applied at once (applyMany)', () => {
  it('gives the same documents and rows as the device that made them, and the same batch again changes nothing', async () => {
    const [a, b] = await devices(2);
    work(a!);
    // Each twice in the batch: a transport may deliver an update again.
    const batch = updatesFor(a!, b!).flatMap((u) => [u, u]);
    expect(b!.library.sync.applyMany!(batch)).toEqual([]);
    const { docs, rows } = dumpsOf([a!, b!]);
    expect(docs[1]).toBe(docs[0]);
    expect(rows[1]).toBe(rows[0]);
    expect(
      b!.library
        .listArticles()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['城市与河流', secondTitle].sort());

    const stored = storedUpdates(b!);
    expect(b!.library.sync.applyMany!(batch)).toEqual([]);
    expect(dumpsOf([b!])).toEqual({ docs: [docs[0]], rows: [rows[0]] });
    expect(storedUpdates(b!)).toBe(stored);
    // None of it is an undo step of B's.
    expect(b!.library.annotations.undo()).toBeNull();
  });

  it('a refused document is named with its error and left out whole; every other one of the batch is taken', async () => {
    const [a, b] = await devices(2);
    const second = work(a!);
    const textUid = second.text.slice('text/'.length);
    const text = storedArticleText(a!.library.database(), textUid)!;
    const tampered = textDocUpdate(textUid, { ...text, rawText: `${text.rawText}\n\n伪造的一段。` });
    const shared = a!.library.sync.docNames().find((n) => n.startsWith('article/') && n !== second.annotations)!;
    const sharedBefore = b!.library.sync.diff(shared);
    const valid = updatesFor(a!, b!).filter((u) => u.name !== second.text && u.name !== shared);

    const refused = b!.library.sync.applyMany!([
      ...valid.slice(0, 1),
      { name: second.text, update: tampered },
      { name: shared, update: new Uint8Array([7, 7, 7, 7]) },
      ...valid.slice(1),
    ]);

    expect(refused.map((r) => r.name)).toEqual([second.text, shared]);
    for (const { error } of refused) expect(error).toBeInstanceOf(LibraryError);
    expect(refused[0]!.error).toMatchObject({
      code: 'invalid-argument',
      message: `The text sent for "${second.text}" does not hash to its name (SHA-256); it was refused and nothing changed.`,
    });
    expect(refused[1]!.error).toMatchObject({
      code: 'invalid-argument',
      message: /could not be read.*nothing changed/,
    });
    // Nothing of the refused ones: no article from the tampered text, the shared article's document as it was.
    expect(b!.library.listArticles().map((s) => s.title)).toEqual(['城市与河流']);
    expect(b!.library.sync.diff(shared)).toEqual(sharedBefore);
    expect(b!.library.getArticle(b!.articleId).highlights).toEqual([]);
    // The others were taken: the library's tags, the second article's annotations waiting on its text.
    expect(b!.library.annotations.listTags().map((t) => t.name)).toEqual(
      expect.arrayContaining(['城市', '老街', '河流']),
    );
    expect(b!.library.sync.docNames()).toContain(second.annotations);

    // The true ones afterwards, with the batch again: B is as A.
    expect(b!.library.sync.applyMany!(updatesFor(a!, b!))).toEqual([]);
    const { docs, rows } = dumpsOf([a!, b!]);
    expect(docs[1]).toBe(docs[0]);
    expect(rows[1]).toBe(rows[0]);
    expect(b!.library.getArticle(b!.articleId).highlights.map((h) => h.tags)).toEqual([['老街']]);
  });
});
