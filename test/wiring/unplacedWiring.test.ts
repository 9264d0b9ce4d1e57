import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { articleDocName } from '../../main/library/sync/model/docStore';
import type { ArticleView, UnplacedAnnotation } from '../../preload/contract/articleTypes';
import { createFakeElectron } from '../support/fakeElectron';
import { appUrl, registerAppHandlers } from '../support/wiredHandlers';

/**
 * Issue #19: a note another device wrote on a split of the text no map leads to here reaches the
 * page through getArticle as unplaced, and setUnplacedDismissed sets it aside and back through
 * the channels, changing nothing else. The note arrives as that device's update would: an entry
 * keyed by a place in its split (`<position>@<split>`), words in its text.
 */
describe('unplaced notes through the channels', () => {
  let dir: string;
  let library: Library;
  let articleId: number;
  const fake = createFakeElectron();
  const call = (channel: string, request?: unknown) =>
    fake.callFrom(appUrl, `pizhu:${channel}`, request) as Promise<{
      ok: boolean;
      value: never;
      error?: { code: string };
    }>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-unplaced-wiring-'));
    library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    articleId = library.importText('第一段：河水从山里流下来。\n\n第二段：桥上的灯亮起来。', '城市').articleId!;
    const uid = library.database().prepare('SELECT uid FROM article WHERE id = ?').pluck().get(articleId) as string;
    const name = articleDocName(uid);
    const other = new Y.Doc();
    Y.applyUpdate(other, library.sync.diff(name, new Uint8Array([0])));
    other.transact(() => {
      const entry = other.getMap<unknown>('note/1@00000000000000aa');
      entry.set('made_by', 'member-of-lin');
      entry.set('updated_at', '2026-12-01T08:00:00.000Z');
      other.getText('notetext/1@00000000000000aa').insert(0, '另一种分段里的笔记');
    });
    library.sync.apply(name, Y.encodeStateAsUpdate(other, library.sync.stateVector(name)));
    registerAppHandlers(fake, { library, appVersion: '0.0.0', seededOnThisRun: 0 });
  });
  afterAll(() => {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('getArticle carries it, with its words and maker, on no paragraph', async () => {
    const article = (await call('getArticle', { articleId })).value as ArticleView;
    expect(article.notes).toEqual([]);
    expect(article.unplaced).toEqual([
      {
        key: 'note/1@00000000000000aa',
        kind: 'note',
        plainText: '另一种分段里的笔记',
        markdown: '另一种分段里的笔记',
        tag: null,
        madeBy: 'member-of-lin',
        updatedAt: '2026-12-01T08:00:00.000Z',
        dismissed: false,
      },
    ]);
  });

  it('setUnplacedDismissed sets it aside and brings it back; the documents and rows are unchanged', async () => {
    const docs = JSON.stringify(library.sync.dump());
    const rows = JSON.stringify(library.sync.projectionDump());
    const aside = await call('setUnplacedDismissed', { articleId, key: 'note/1@00000000000000aa', dismissed: true });
    expect(aside).toMatchObject({ ok: true });
    expect((aside.value as UnplacedAnnotation[]).map((u) => [u.plainText, u.dismissed])).toEqual([
      ['另一种分段里的笔记', true],
    ]);
    expect(((await call('getArticle', { articleId })).value as ArticleView).unplaced[0]!.dismissed).toBe(true);
    expect(JSON.stringify(library.sync.dump())).toBe(docs);
    expect(JSON.stringify(library.sync.projectionDump())).toBe(rows);
    const back = await call('setUnplacedDismissed', { articleId, key: 'note/1@00000000000000aa', dismissed: false });
    expect((back.value as UnplacedAnnotation[])[0]!.dismissed).toBe(false);
  });

  it.each([
    [{ articleId: 1, key: '', dismissed: true }, 'invalid-argument'],
    [{ articleId: 1, key: 'note/1', dismissed: 'yes' }, 'invalid-argument'],
    [{ articleId: 1, key: 'x'.repeat(201), dismissed: true }, 'invalid-argument'],
    [{ articleId: 1, key: 'note/0', dismissed: true }, 'not-found'],
  ])('refuses %j as %s and sets nothing aside', async (request, code) => {
    const before = ((await call('getArticle', { articleId })).value as ArticleView).unplaced;
    expect(await call('setUnplacedDismissed', request)).toMatchObject({ ok: false, error: { code } });
    expect(((await call('getArticle', { articleId })).value as ArticleView).unplaced).toEqual(before);
  });
});
