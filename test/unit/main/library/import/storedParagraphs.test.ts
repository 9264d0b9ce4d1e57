import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';

let dir: string;
let library: Library;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-stored-paragraphs-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An article of a title and `n - 1` body paragraphs, each its own. */
function article(n: number): string {
  const body = Array.from({ length: n - 1 }, (_, i) => `第${i + 1}段正文：这篇有${n}段的文章里，这一段讲的是第${i + 1}件事，写得足够长。`);
  return [`一篇有${n}段的文章`, ...body].join('\n\n');
}

// Paragraphs are written several rows per statement: sizes on both sides of each statement's rows.
it.each([1, 2, 31, 32, 33, 64, 65, 97])('an article of %i paragraphs is stored whole, in order, every checksum right', async (n) => {
  const file = path.join(dir, `${n}.txt`);
  fs.writeFileSync(file, article(n));
  // As a folder import stores it (in a batch), and as a single paste does (outside one).
  const [imported] = await library.importPaths([file]);
  const pasted = library.importText(`${article(n)}\n\n粘贴的那一份多了这一段。`);
  for (const [outcome, extra] of [
    [imported!, 0],
    [pasted, 1],
  ] as const) {
    const view = library.getArticle(outcome.articleId!);
    expect(view.paragraphs).toHaveLength(n + extra);
    expect(view.paragraphs.slice(1, n).map((p) => p.text)).toEqual(article(n).split('\n\n').slice(1));
    const ids = view.paragraphs.map((p) => p.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  }
  expect(library.verify()).toMatchObject({ ok: true, damaged: [] });
  expectIndexInStep(library.database());
  expect(library.search.find('第1件事').total).toBe(n > 1 ? 2 : 0);
});
