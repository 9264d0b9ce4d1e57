import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimilarArticle } from '../../preload/contract/duplicateTypes';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { createFakeElectron } from '../support/fakeElectron';
import { appUrl, registerAppHandlers } from '../support/wiredHandlers';

const seedsDir = path.resolve(__dirname, '../../seeds');

describe("an article's duplicates and reposts, as the reader asks for them", () => {
  let dir: string;
  let library: Library;
  let fake: ReturnType<typeof createFakeElectron>;
  const call = (request?: unknown) => fake.callFrom(appUrl, 'pizhu:listArticleDuplicates', request);
  const ids: Record<'original' | 'repost' | 'other', number> = { original: 0, repost: 0, other: 0 };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-dup-'));
    library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    const [first, second] = fs
      .readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const text = fs.readFileSync(path.join(seedsDir, first!), 'utf8');
    // A repost: the longest line cut, an outlet's line added.
    const lines = text.split('\n');
    const longest = lines.reduce((at, line, i) => (line.length > lines[at]!.length ? i : at), 0);
    const repost = [...lines.slice(0, longest), ...lines.slice(longest + 1), '（本文转载自其他媒体，有删节。）'].join(
      '\n',
    );
    const original = library.importText(text, '原文');
    const copy = library.importText(repost, '转载');
    const other = library.importText(fs.readFileSync(path.join(seedsDir, second!), 'utf8'), '另一篇');
    ids.original = original.articleId!;
    ids.repost = copy.articleId!;
    ids.other = other.articleId!;
    fake = createFakeElectron();
    registerAppHandlers(fake, { library });
  });
  afterAll(() => {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the reposts of an article with their similarity, and none for an unrelated one', async () => {
    const answer = (await call({ articleId: ids.original })) as { ok: true; value: SimilarArticle[] };
    expect(answer).toEqual({
      ok: true,
      value: [
        {
          articleId: ids.repost,
          title: '转载',
          similarity: expect.any(Number) as number,
          sameText: false,
          inTrash: false,
        },
      ],
    });
    expect(answer.value[0]!.similarity).toBeGreaterThan(0.5);
    expect(answer.value[0]!.similarity).toBeLessThan(1);
    expect(await call({ articleId: ids.other })).toEqual({ ok: true, value: [] });
  });

  it('refuses a malformed request and names an article that is not there', async () => {
    expect(await call({ articleId: 'one' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call({ articleId: ids.original, extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call({ articleId: 9999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
