import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { checkedColumnsSelect, rowChecksum } from '../../../../../main/library/store/contentHashes';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { rawTextOf, rawTextSql, storedRawText } from '../../../../../main/library/store/rawTextCodec';
import { bodyParagraphs, everythingReadBack, openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';
import { undoMigrationsAfter } from '../../../../support/undoLaterMigrations';

/**
 * Issue #16, a smaller library: compressed alone (0015), an article's raw text was still a
 * seventh of the file, though most of it is its paragraphs' raw texts again. Since 0027 it is
 * stored beside them. A library written before is carried over with every article, raw text,
 * anchor and checksum read back identical; a change to the paragraphs never loses the raw text.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
  // An HTML article: entities, markup and a pinyin reading the cleaner removes, so raw texts differ from texts.
  const folder = path.join(seeded.dir, 'html');
  fs.mkdirSync(folder);
  fs.writeFileSync(
    path.join(folder, 'page.html'),
    `<html><head><title>区域网络 &amp; 治理</title></head><body><article><h1>区域网络 &amp; 治理</h1>
     <p>街头巷尾，巡逻民警的身影穿梭不息，区(qū)域内的治安&nbsp;持续向好。</p>
     <p>指挥中心的数智系统高效运转，让违法犯罪无处遁形，群众安全感不断提升。</p></article></body></html>`,
  );
  await seeded.library.importPaths([folder]);
});
afterEach(() => seeded.dispose());

/** Stored formats: 'string' for text, or a blob's format byte. */
function formats(db: Database.Database): string[] {
  return db.prepare('SELECT raw_text FROM article ORDER BY id').pluck().all().map((v) =>
    Buffer.isBuffer(v) ? `format ${v[0]}` : typeof v,
  );
}

const storedBytes = (db: Database.Database) =>
  db.prepare('SELECT sum(length(CAST(raw_text AS BLOB))) FROM article').pluck().get() as number;

const articlePages = (db: Database.Database) =>
  db.prepare("SELECT count(*) FROM dbstat WHERE name = 'article'").pluck().get() as number;

const rawTexts = (db: Database.Database) =>
  db.prepare(`SELECT ${rawTextSql('article')} FROM article ORDER BY id`).pluck().all() as string[];

describe('migration 0027: an article raw text is stored beside its paragraphs', () => {
  it('carries a schema-26 library over: everything reads back identical, the raw texts in a fraction of the space', async () => {
    const { library } = seeded;
    for (const summary of library.listArticles()) {
      const [p] = bodyParagraphs(library.getArticle(summary.id), 10);
      if (!p) continue;
      library.annotations.createHighlight({ paragraphId: p.id, start: 1, end: Math.min(6, p.text.length), color: 'yellow', tags: ['要点'] });
      library.annotations.saveNote({ paragraphId: p.id, editorState: '{}', plainText: '核对出处', markdown: '核对出处' });
    }
    library.importText('短文。', '短');
    const expected = everythingReadBack(library);
    const newPages = articlePages(library.database());
    library.close();

    const old = new Database(seeded.dbPath);
    undoMigrationsAfter(old, 26);
    old.pragma('user_version = 26');
    expect(formats(old)).toEqual([...Array<string>(6).fill('format 1'), 'string']);
    const oldBytes = storedBytes(old);
    const oldPages = articlePages(old);
    old.close();

    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir: path.join(seeded.dir, 'backups') });
    const migrated = seeded.library;
    const db = migrated.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(path.join(seeded.dir, 'backups')).some((f) => f.includes('before-migration-26-to'))).toBe(true);
    expect(everythingReadBack(migrated)).toEqual(expected);
    expect(migrated.verify().damaged).toEqual([]);
    // The six imported files beside their paragraphs; the pasted text is its own only paragraph.
    expect(formats(db).slice(0, 6)).toEqual(Array<string>(6).fill('format 2'));
    expect(storedBytes(db)).toBeLessThan(oldBytes * 0.2);
    // The file is rewritten once (store/compactLibrary): the article table takes the pages a new import's does.
    expect(articlePages(db)).toBe(newPages);
    expect(newPages).toBeLessThan(oldPages);

    // A re-clean rebuilds from it: the same paragraphs, every anchor kept, the raw text beside them again.
    const first = migrated.listArticles()[0]!;
    const before = migrated.getArticle(first.id);
    expect(migrated.recleanArticle(first.id).orphans).toEqual([]);
    expect(migrated.getArticle(first.id).paragraphs.map((p) => [p.text, p.raw])).toEqual(before.paragraphs.map((p) => [p.text, p.raw]));
    expect(formats(db)[first.id - 1]).toBe('format 2');
    expect(everythingReadBack(migrated)).toEqual(expected);
    expect(migrated.verify().damaged).toEqual([]);
  });

  it('a paragraph changed, moved or deleted underneath never loses its article raw text', () => {
    const db = seeded.library.database();
    const expected = rawTexts(db);
    expect(formats(db).slice(0, 6)).toEqual(Array<string>(6).fill('format 2'));
    const ids = db.prepare('SELECT id FROM article ORDER BY id').pluck().all() as number[];
    const paragraphOf = (articleId: number) =>
      db.prepare('SELECT id FROM paragraph WHERE article_id = ? ORDER BY ord DESC LIMIT 1').pluck().get(articleId) as number;
    db.prepare("UPDATE paragraph SET text = text || '。' WHERE id = ?").run(paragraphOf(ids[0]!));
    db.prepare("UPDATE paragraph SET raw = 'x' WHERE id = ?").run(paragraphOf(ids[1]!));
    db.prepare('UPDATE paragraph SET ord = ord + 1000 WHERE article_id = ?').run(ids[2]!);
    db.prepare('DELETE FROM paragraph WHERE id = ?').run(paragraphOf(ids[3]!));
    db.prepare('UPDATE paragraph SET article_id = ?, ord = ord + 5000 WHERE id = ?').run(ids[0]!, paragraphOf(ids[4]!));
    expect(rawTexts(db)).toEqual(expected);
    expect(formats(db).slice(0, 5)).toEqual(Array<string>(5).fill('format 1'));
    expect(formats(db)[5]).toBe('format 2');
    // Every article's checksum still holds over its raw text as read.
    const articles = db.prepare(`SELECT ${checkedColumnsSelect('article')}, checksum FROM article`).all() as Array<{ checksum: string }>;
    expect(articles.filter((a) => a.checksum !== rowChecksum('article', a))).toEqual([]);
  });

  it('a new import stores the raw text beside its paragraphs and gives it back byte for byte, through a reopen', async () => {
    const raw = fs.readFileSync(path.join(path.dirname(seeded.dbPath), 'html', 'page.html'), 'utf8');
    const library = await seeded.reopen();
    const row = library
      .database()
      .prepare(`SELECT substr(raw_text, 1, 1) AS format, ${rawTextSql('article')} AS text FROM article WHERE file_name = 'page.html'`)
      .get() as { format: Buffer; text: string };
    expect({ format: row.format[0], text: row.text }).toEqual({ format: 2, text: raw });
  });

  it('reads a raw text back only beside the paragraphs it names, and says so otherwise', () => {
    const raw = '<p>第一段的原文，足够长。</p>\n<p>第二段的原文也在这里。</p>';
    const paragraphs = ['第一段的原文，足够长。', '第二段的原文也在这里。'];
    const stored = storedRawText(raw, paragraphs);
    expect(Buffer.isBuffer(stored) && stored[0]).toBe(2);
    expect(rawTextOf(stored, paragraphs)).toBe(raw);
    expect(rawTextOf(stored, { 0: paragraphs[0], 1: paragraphs[1] })).toBe(raw);
    expect(rawTextOf(stored, [paragraphs[0]!])).toBeUndefined();
    expect(rawTextOf(stored)).toBeUndefined();
    // A raw text none of whose paragraphs it holds is stored alone.
    expect(rawTextOf(storedRawText('另一个文本', paragraphs))).toBe('另一个文本');
  });
});
