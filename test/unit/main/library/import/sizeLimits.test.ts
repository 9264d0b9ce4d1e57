import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { parseBackup } from '../../../../../main/library/export/readBackupFile';
import { maxArticleLength, maxParagraphLength } from '../../../../../main/library/import/importLimits';
import { LibraryError } from '../../../../../main/library/libraryError';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-limits-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Everything a user could notice: every row of every table. */
function snapshot(): string {
  const db = library.database();
  const tables = ['article', 'paragraph', 'highlight', 'tag', 'note'];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

/** A real backup of a one-article library, as parsed JSON. */
function oneArticleBackup(): { articles: Array<Record<string, unknown>> } & Record<string, unknown> {
  library.importText('备份里的一篇文章。\n\n它的第二段,写得足够长,是一段正文。', '备份文章');
  const file = path.join(dir, 'backup.json');
  library.exportBackup(file);
  const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as ReturnType<typeof oneArticleBackup>;
  fs.rmSync(file);
  return backup;
}

describe('the JSON backup holds text to what a file import admits', () => {
  it('an article of 210 MB in a backup file is refused clearly and changes nothing', () => {
    const backup = oneArticleBackup();
    const article = { ...backup.articles[0]!, contentHash: 'f'.repeat(64), rawText: '@@RAW@@' };
    const [head, tail] = JSON.stringify({ ...backup, articles: [article] }).split('"@@RAW@@"');
    // Written in 1 MB pieces: the test never holds the 210 MB text as one string.
    const file = path.join(dir, 'huge-backup.json');
    const fd = fs.openSync(file, 'w');
    try {
      fs.writeSync(fd, `${head}"`);
      const piece = Buffer.alloc(1024 * 1024, 'a');
      for (let i = 0; i < 210; i++) fs.writeSync(fd, piece);
      fs.writeSync(fd, `"${tail}`);
    } finally {
      fs.closeSync(fd);
    }
    const before = snapshot();
    let error: unknown;
    try {
      library.importBackup(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LibraryError);
    // Refused by the backup reader's file size limit or, past it, by the article's: either names the size.
    expect((error as LibraryError).message).toMatch(/huge-backup\.json.*\d+ MB/);
    expect(snapshot()).toBe(before);
  }, 120_000);

  it('each text field is held to the article limit, and so are all of an article’s paragraphs together', () => {
    const backup = oneArticleBackup();
    const long = 'a'.repeat(maxArticleLength + 1);
    const article = backup.articles[0]!;
    const paragraphs = article.paragraphs as Array<Record<string, unknown>>;
    const cases: Array<[string, Record<string, unknown>]> = [
      ['articles[0].rawText', { ...article, rawText: long }],
      ['articles[0].paragraphs[0].raw', { ...article, paragraphs: [{ ...paragraphs[0], raw: long }, ...paragraphs.slice(1)] }],
      ['articles[0].paragraphs[1].text', { ...article, paragraphs: [paragraphs[0], { ...paragraphs[1], text: long }] }],
      [
        'articles[0].paragraphs',
        // Each paragraph within the limit, together over it.
        { ...article, paragraphs: paragraphs.map((p) => ({ ...p, raw: 'a'.repeat(maxArticleLength / 2 + 1) })) },
      ],
    ];
    for (const [where, changed] of cases) {
      expect(() => parseBackup({ ...backup, articles: [changed] }, path.join(dir, 'b.json')), where).toThrow(
        new RegExp(`${where.replace(/[[\].]/g, '\\$&')}: .*20 MB of text Pizhu imports per article`),
      );
    }
    expect(() => parseBackup(backup, path.join(dir, 'b.json'))).not.toThrow();
  });
});

describe('a 19 MB article of one paragraph', () => {
  it('is imported as paragraphs of at most maxParagraphLength, and searching it takes bounded time and text', async () => {
    const sentence = '这是一个很长的段落里的一句话,没有换行。';
    const count = Math.floor((19 * 1024 * 1024) / Buffer.byteLength(sentence) / 2);
    const file = path.join(dir, 'one-paragraph.txt');
    fs.writeFileSync(file, `一段很长的文章\n\n${sentence.repeat(count)}麒麟出现在这里。${sentence.repeat(count)}\n`);
    const [outcome] = await library.importPaths([file]);
    expect(outcome?.status).toBe('imported');
    const paragraphs = library.getArticle(outcome!.articleId!).paragraphs;
    expect(Math.max(...paragraphs.map((p) => p.text.length))).toBeLessThanOrEqual(maxParagraphLength);

    for (const query of ['麒麟', '一句话']) {
      const started = performance.now();
      const result = library.search.find(query);
      // Measured 0.1 and 0.5 s here; one paragraph of 19 MB took 4.4 s and 1.6 GB per search.
      expect(performance.now() - started, query).toBeLessThan(3_000);
      expect(result.hits.length).toBeGreaterThan(0);
      for (const hit of result.hits) expect(hit.text.length).toBeLessThanOrEqual(maxParagraphLength);
    }
    expect(library.search.find('麒麟').total).toBe(1);
  }, 120_000);
});
