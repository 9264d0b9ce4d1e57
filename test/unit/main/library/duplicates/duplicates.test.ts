import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConverter } from '../../../../../preload/common/createConverter';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { readFingerprint } from '../../../../../main/library/duplicates/fingerprintStore';
import { bandBuckets } from '../../../../../main/library/duplicates/minHash';

// The development corpus is read in place (never copied into the repo): ../shared/corpus/articles.
const corpusDir = path.resolve(process.cwd(), '../shared/corpus/articles');
const corpusPresent = fs.existsSync(path.join(corpusDir, 'PROVENANCE.md'));
if (!corpusPresent) {
  console.warn(
    `duplicates: the development corpus ${corpusDir} is absent, so the duplicate tests on real articles are skipped.`,
  );
}
const corpusText = (file: string) => fs.readFileSync(path.join(corpusDir, file), 'utf8');
/** The corpus files a person would import (not the upstream projects' expected extractions). */
const primaryFiles = corpusPresent
  ? fs
      .readdirSync(corpusDir)
      .filter((f) => f !== 'PROVENANCE.md' && !f.startsWith('.') && !/\.expected\.|\.gne-result\.json$/u.test(f))
      .sort()
  : [];

/** A mainland story of some 40 paragraphs, and a Taiwan one (traditional, CRLF). */
const simplifiedStory = 'cn-cwced-yangtse-36efbc69.txt';
const traditionalStory = 'tw-udn-2550596.txt';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-dup-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The text of a file in another encoding; the test stops if the encoding cannot hold every character. */
function encoded(text: string, encoding: string): Buffer {
  const bytes = iconv.encode(text, encoding, { addBOM: encoding.startsWith('utf-16') });
  expect(iconv.decode(bytes, encoding)).toBe(text);
  return bytes;
}

/** A repost with edits: one paragraph added, one cut, one sentence changed. */
function repostOf(text: string): string {
  const paragraphs = text.split(/\n{2,}/u);
  const changed = paragraphs.findIndex((p, i) => i > 3 && p.includes('。') && p.length > 80);
  paragraphs[changed] = paragraphs[changed]!.replace(
    /^[^。]*。/u,
    '记者从有关部门获悉，这一做法将在全省推广，并于年内形成可复制的经验。',
  );
  paragraphs.splice(changed + 6, 1);
  paragraphs.splice(
    paragraphs.length - 2,
    0,
    '本报综合新华社、中新社消息。专家表示，新春开局的这些举措释放出积极信号，下一步关键在于抓好落实，让企业和群众有实实在在的获得感。',
  );
  return paragraphs.join('\n\n');
}

describe.skipIf(!corpusPresent)('the same text again, at import', () => {
  it('is recognised in another encoding (GBK, Big5, UTF-16) and skipped, naming the article it duplicates', async () => {
    const simplified = write('story.txt', corpusText(simplifiedStory));
    const traditional = write('tw.txt', corpusText(traditionalStory));
    const [first, second] = await library.importPaths([simplified, traditional]);
    expect(first).toMatchObject({ status: 'imported' });
    expect(second).toMatchObject({ status: 'imported' });

    const copies = [
      write('story-gbk.txt', encoded(corpusText(simplifiedStory), 'gbk')),
      write('story-utf16.txt', encoded(corpusText(simplifiedStory), 'utf-16le')),
      write('tw-big5.txt', encoded(corpusText(traditionalStory), 'big5')),
    ];
    const outcomes = await library.importPaths(copies);
    expect(outcomes.map((o) => [o.fileName, o.status, o.duplicateOf?.articleId, o.duplicateOf?.sameText])).toEqual([
      ['story-gbk.txt', 'duplicate', first!.articleId, true],
      ['story-utf16.txt', 'duplicate', first!.articleId, true],
      ['tw-big5.txt', 'duplicate', second!.articleId, true],
    ]);
    expect(outcomes[2]!.message).toBe(
      `"tw-big5.txt" has the same text as "${second!.title}", in the library already; not imported.`,
    );
    expect(library.listArticles()).toHaveLength(2);
  });

  it('is recognised with trivial differences: CRLF line ends, spaces, half-width punctuation', async () => {
    const original = corpusText(simplifiedStory);
    const [first] = await library.importPaths([write('story.txt', original)]);
    const retyped = original.replace(/\n/gu, '\r\n').replace(/，/gu, ', ').replace(/：/gu, ':').replace(/“|”/gu, '"');
    const [outcome] = await library.importPaths([write('retyped.txt', retyped)]);
    expect(outcome).toMatchObject({ status: 'duplicate', articleId: first!.articleId });
  });

  it('calls a copy converted to traditional by OpenCC a repost, all but identical: its phrases change words', async () => {
    const original = corpusText(simplifiedStory);
    const [first] = await library.importPaths([write('story.txt', original)]);
    // Character by character it folds back; but s2t also rewrites phrases (坐标 -> 座標), another word.
    const traditional = createConverter('simplified', 't').convert(original).text;
    expect(original).toContain('坐标');
    expect(traditional).toContain('座標');
    const [outcome] = await library.importPaths([write('traditional.txt', traditional)]);
    expect(outcome!.status).toBe('imported');
    const [repost] = library.listArticleDuplicates(outcome!.articleId!);
    expect(repost).toMatchObject({ articleId: first!.articleId, sameText: false });
    expect(repost!.similarity).toBeGreaterThan(0.99);
  });

  it('is kept beside the original when the person chooses so, linked to it in the report and the listing', async () => {
    const [first] = await library.importPaths([write('story.txt', corpusText(simplifiedStory))]);
    const [kept] = await library.importPaths(
      [write('story-gbk.txt', encoded(corpusText(simplifiedStory), 'gbk'))],
      undefined,
      'keep',
    );
    expect(kept).toMatchObject({
      status: 'imported',
      duplicateOf: { articleId: first!.articleId, similarity: 1, sameText: true, inTrash: false },
    });
    expect(library.listArticles()).toHaveLength(2);
    expect(library.listDuplicates()).toEqual([
      {
        articles: [
          expect.objectContaining({ articleId: first!.articleId }),
          expect.objectContaining({ articleId: kept!.articleId }),
        ],
        pairs: [{ a: first!.articleId, b: kept!.articleId, similarity: 1, sameText: true }],
      },
    ]);
  });

  it('names the trash when the article with the same text is there', async () => {
    const [first] = await library.importPaths([write('story.txt', corpusText(simplifiedStory))]);
    library.trashArticle(first!.articleId!);
    const [again] = await library.importPaths([write('story-gbk.txt', encoded(corpusText(simplifiedStory), 'gbk'))]);
    expect(again).toMatchObject({ status: 'duplicate', articleId: first!.articleId, duplicateOf: { inTrash: true } });
    expect(again!.message).toContain('in the trash already; not imported');
  });
});

describe.skipIf(!corpusPresent)('reposts across the library', () => {
  it('finds an edited repost among the whole corpus, with its similarity, and no pair among unrelated articles', async () => {
    const outcomes = await library.importPaths(primaryFiles.map((f) => path.join(corpusDir, f)));
    expect(outcomes.filter((o) => o.status === 'duplicate' || o.duplicateOf)).toEqual([]);
    expect(library.listDuplicates()).toEqual([]);

    const original = outcomes.find((o) => o.fileName === simplifiedStory)!;
    const [repost] = await library.importPaths([write('repost.txt', repostOf(corpusText(simplifiedStory)))]);
    expect(repost!.status).toBe('imported');
    const found = library.listArticleDuplicates(repost!.articleId!);
    expect(found).toEqual([
      {
        articleId: original.articleId,
        title: original.title,
        similarity: expect.any(Number) as number,
        sameText: false,
        inTrash: false,
      },
    ]);
    const similarity = found[0]!.similarity;
    expect(similarity).toBeGreaterThan(0.8);
    expect(similarity).toBeLessThan(1);

    const groups = library.listDuplicates();
    expect(groups).toEqual([
      {
        articles: [
          expect.objectContaining({ articleId: original.articleId, title: original.title }),
          expect.objectContaining({ articleId: repost!.articleId }),
        ],
        pairs: [{ a: original.articleId, b: repost!.articleId, similarity, sameText: false }],
      },
    ]);
  });

  it('finds reposts in a library imported before fingerprints existed, and again after a paragraph changes kind', async () => {
    const [original] = await library.importPaths([write('story.txt', corpusText(simplifiedStory))]);
    const [repost] = await library.importPaths([write('repost.txt', repostOf(corpusText(simplifiedStory)))]);
    // As an older library: no fingerprints at all.
    library.database().exec('DELETE FROM article_fingerprint');
    const [group] = library.listDuplicates();
    expect(group!.pairs).toEqual([
      { a: original!.articleId, b: repost!.articleId, similarity: expect.any(Number) as number, sameText: false },
    ]);
    const before = group!.pairs[0]!.similarity;
    expect(library.database().prepare('SELECT count(*) FROM article_fingerprint').pluck().get()).toBe(2);

    // Hiding a long body paragraph of the repost changes what it shares with the original.
    const view = library.getArticle(repost!.articleId!);
    const longest = view.paragraphs.filter((p) => p.kind === 'body').sort((a, b) => b.text.length - a.text.length)[0]!;
    library.reclassifyParagraph(longest.id, 'boilerplate');
    const after = library.listDuplicates()[0]!.pairs[0]!.similarity;
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThan(0.5);
  });

  it('leaves trashed articles out of the listing', async () => {
    await library.importPaths([write('story.txt', corpusText(simplifiedStory))]);
    const [repost] = await library.importPaths([write('repost.txt', repostOf(corpusText(simplifiedStory)))]);
    expect(library.listDuplicates()).toHaveLength(1);
    library.trashArticle(repost!.articleId!);
    expect(library.listDuplicates()).toEqual([]);
  });
});

describe('fingerprints of a folder import', () => {
  it('each article gets the band rows of its stored signature, written at the end of its batch, and reposts are found within and across batches', async () => {
    const seedsDir = path.resolve(__dirname, '../../../../../seeds');
    const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
    const folder = path.join(dir, 'folder');
    fs.mkdirSync(folder);
    seeds.forEach((f, i) => fs.copyFileSync(path.join(seedsDir, f), path.join(folder, `${i}-${f}`)));
    const first = fs.readFileSync(path.join(seedsDir, seeds[0]!), 'utf8');
    // Two reposts of the first seed, a paragraph added to each: one in the first batch, one in the last.
    fs.writeFileSync(path.join(folder, '0a-repost.txt'), `${first}\n\n转载时加上的一段话，说明这篇文章的来源和转载的日期。\n`);
    fs.writeFileSync(path.join(folder, '9-repost.txt'), `${first}\n\n另一家网站转载时加上的一段话，写明了编者按。\n`);
    const outcomes = await library.importPaths([folder], undefined, 'skip', { batchFiles: 3 });
    const imported = outcomes.filter((o) => o.status === 'imported').map((o) => o.articleId!);
    expect(imported).toHaveLength(seeds.length + 2);
    const db = library.database();
    const bandsOf = db.prepare('SELECT band, bucket FROM article_band WHERE article_id = ? ORDER BY band').raw();
    for (const id of imported) {
      const signature = readFingerprint(db, id)!.signature;
      expect(bandsOf.all(id)).toEqual(bandBuckets(signature).map((bucket, band) => [band, bucket]));
    }
    expect(db.prepare('SELECT count(*) FROM article_band').pluck().get()).toBe(imported.length * 20);
    const [group, ...others] = library.listDuplicates();
    expect(others).toEqual([]);
    expect(group!.articles.map((a) => a.articleId).sort((a, b) => a - b)).toEqual(
      outcomes.filter((o) => o.fileName === `0-${seeds[0]}` || o.fileName.endsWith('repost.txt')).map((o) => o.articleId),
    );
  });
});
