import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../preload/contract/articleTypes';
import type { DuplicateGroup } from '../../../../preload/contract/duplicateTypes';
import { registerChecksumFunction } from '../../../../main/library/store/contentHashes';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';

// The development corpus is read in place (never copied into the repo): ../shared/corpus/articles.
const corpusDir = path.resolve(process.cwd(), '../shared/corpus/articles');
const corpusPresent = fs.existsSync(path.join(corpusDir, 'PROVENANCE.md'));
if (!corpusPresent)
  console.warn(`pizhu duplicates: the development corpus ${corpusDir} is absent, so these tests are skipped.`);

const temp = tempLibraryEachTest('pizhu-cli-dup-');
const story = 'cn-cwced-yangtse-36efbc69.txt';
const other = 'tw-udn-2550596.txt';

/** The story, a GBK copy of it and a repost with one paragraph cut and one added, in a folder. */
function folderOfCopies(): string {
  const text = fs.readFileSync(path.join(corpusDir, story), 'utf8');
  const folder = path.join(temp.dir, 'in');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'a-story.txt'), text);
  fs.writeFileSync(path.join(folder, 'b-story-gbk.txt'), iconv.encode(text, 'gbk'));
  const paragraphs = text.split(/\n{2,}/u);
  paragraphs.splice(8, 1);
  paragraphs.push('（本文据新华社、中新社报道综合整理，转载时有删节，详细内容请见各地政府网站的正式发布。）');
  fs.writeFileSync(path.join(folder, 'c-repost.txt'), paragraphs.join('\n\n'));
  fs.copyFileSync(path.join(corpusDir, other), path.join(folder, 'd-other.txt'));
  return folder;
}

describe.skipIf(!corpusPresent)('pizhu import and pizhu duplicates', () => {
  it('import --json reports per file: imported, or the duplicate of which article', async () => {
    const run = await runPizhu(['import', folderOfCopies(), '--db', temp.db, '--json']);
    expect(run.code).toBe(0);
    const { summary, outcomes } = JSON.parse(run.out) as { summary: unknown; outcomes: ImportOutcome[] };
    expect(summary).toEqual({ imported: 3, skipped: 0, duplicates: 1, notImportable: 0, failed: 0 });
    const [original, gbk, repost, unrelated] = outcomes;
    expect(gbk).toMatchObject({
      fileName: 'b-story-gbk.txt',
      status: 'duplicate',
      articleId: original!.articleId,
      duplicateOf: { articleId: original!.articleId, title: original!.title, similarity: 1, sameText: true },
    });
    // A repost is imported: the same story edited is another text (pizhu duplicates lists it).
    expect(repost).toEqual({
      fileName: 'c-repost.txt',
      status: 'imported',
      articleId: 2,
      title: original!.title,
      reading: { encoding: 'utf-8', script: 'simplified', paragraphs: expect.any(Number) as number, hidden: expect.any(Number) as number },
    });
    expect(unrelated).toMatchObject({ fileName: 'd-other.txt', status: 'imported' });
    expect(unrelated!.duplicateOf).toBeUndefined();
  });

  it('import says it in words, and --keep-duplicates keeps the copy', async () => {
    const folder = folderOfCopies();
    const run = await runPizhu(['import', folder, '--db', temp.db]);
    expect(run.out).toContain('duplicate: b-story-gbk.txt: "b-story-gbk.txt" has the same text as');
    expect(run.out).toContain(
      '3 imported, 0 skipped (already in the library), 1 not imported (the same text as an article in it), 0 failed',
    );

    const kept = await runPizhu(['import', path.join(folder, 'b-story-gbk.txt'), '--keep-duplicates', '--db', temp.db]);
    expect(kept.out).toMatch(/^kept: b-story-gbk\.txt: the same text as 1 ".+"; both kept$/mu);
    expect(kept.out).toContain('1 imported');
  });

  it('duplicates lists each group with its similarity, as text and as JSON, and nothing for unrelated articles', async () => {
    const folder = folderOfCopies();
    await runPizhu(['import', path.join(folder, 'a-story.txt'), path.join(folder, 'd-other.txt'), '--db', temp.db]);
    expect((await runPizhu(['duplicates', '--db', temp.db])).out).toBe('No duplicates or reposts in the library.');

    await runPizhu(['import', folder, '--keep-duplicates', '--db', temp.db]);
    const json = await runPizhu(['duplicates', '--json', '--db', temp.db]);
    expect(json.code).toBe(0);
    const groups = JSON.parse(json.out) as DuplicateGroup[];
    expect(groups).toHaveLength(1);
    const ids = groups[0]!.articles.map((a) => a.articleId);
    expect(ids).toEqual([1, 3, 4]);
    // A copy with the same text is paired with the first copy only: what reposts that, reposts it.
    expect(groups[0]!.pairs.map((p) => [p.a, p.b, p.sameText])).toEqual([
      [1, 3, true],
      [1, 4, false],
    ]);

    const text = await runPizhu(['duplicates', '--db', temp.db]);
    expect(text.out).toMatch(/^1 group\(s\) of duplicates and reposts:\n\ngroup 1:\n {2}1\t/u);
    expect(text.out).toContain('  1 and 3: the same text');
    expect(text.out).toMatch(/ {2}1 and 4: a repost, 9\d% alike/u);
  });

  it('duplicates reads an older library without fingerprints as it is, read-only, writing nothing', async () => {
    const folder = folderOfCopies();
    await runPizhu(['import', folder, '--keep-duplicates', '--db', temp.db]);
    const db = new Database(temp.db);
    // The library's triggers call its functions (a fingerprint's delete finds its band rows by one).
    registerChecksumFunction(db);
    db.exec('DELETE FROM article_fingerprint');
    db.close();
    const groups = JSON.parse((await runPizhu(['duplicates', '--json', '--db', temp.db])).out) as DuplicateGroup[];
    expect(groups.map((g) => g.articles.map((a) => a.articleId))).toEqual([[1, 2, 3]]);
    const after = new Database(temp.db, { readonly: true });
    expect(after.prepare('SELECT count(*) FROM article_fingerprint').pluck().get()).toBe(0);
    after.close();
  });
});
