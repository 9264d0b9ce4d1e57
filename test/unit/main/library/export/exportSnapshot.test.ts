import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasAnnotations, openArticleBatches } from '../../../../../main/library/export/articleBatches';
import { exportMarkdownReport } from '../../../../../main/library/export/exportMarkdown';
import { readArticleAnnotations } from '../../../../../main/library/export/readArticleAnnotations';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { bodyParagraphs, seedArticle } from '../../../../support/seededLibrary';
import { openAnnotatedLibrary, stateFromMarkdown, type AnnotatedLibrary } from './annotatedLibrary';

/**
 * Issue #16: a library export reads its articles a batch at a time from a snapshot of its own
 * (articleBatches), so 1,000,000 highlights are never held at once. It must read exactly what
 * the whole library read at once gives, and see the library as it was when it began however
 * the app writes meanwhile.
 */
let lib: AnnotatedLibrary;
let memoOnlyId: number;
let trashedId: number;
beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  const { library } = lib;
  // A memo alone makes an article worth a file; a trashed article's annotations stay out.
  const memoOnly = seedArticle(library, '002');
  library.memos.saveArticleMemo(memoOnly.id, { editorState: stateFromMarkdown('只有备忘'), plainText: '只有备忘', markdown: '只有备忘' });
  memoOnlyId = memoOnly.id;
  trashedId = seedArticle(library, '004').id;
  library.trashArticle(trashedId);
}, 60_000);
afterEach(() => lib.dispose());

const exportedAt = '2026-12-07T10:00:00.000Z';

function readFolder(folder: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(folder).map((f) => [f, fs.readFileSync(path.join(folder, f), 'utf8')]));
}

/** The library in memory, where an export reads everything at once on its one connection. */
function inMemoryCopy(db: Db): Db {
  const bytes = db.serialize();
  // The header's WAL flags (bytes 18, 19) set back to the rollback journal: memory has no WAL.
  bytes[18] = 1;
  bytes[19] = 1;
  return new Database(bytes);
}

describe('a library export read in batches', () => {
  it('reads, batch by batch, exactly the articles and annotations the whole library read at once gives', () => {
    const db = lib.library.database();
    const memos = new Map(
      (db.prepare('SELECT article_id, markdown FROM memo WHERE article_id IS NOT NULL').all() as Array<{ article_id: number; markdown: string }>).map(
        (m) => [m.article_id, m.markdown],
      ),
    );
    const whole = readArticleAnnotations(db).map((g) => (memos.has(g.article.id) ? { ...g, memo: memos.get(g.article.id)! } : g));
    const batches = openArticleBatches(db, { fullText: false, library: true }, 2);
    const read = [];
    let count = 0;
    for (let batch = batches.next(); batch !== undefined; batch = batches.next()) {
      expect(batch.length).toBeLessThanOrEqual(2);
      count++;
      read.push(...batch);
    }
    batches.close();
    expect(count).toBeGreaterThan(1);
    expect(read).toEqual(whole.filter(hasAnnotations));
    expect(batches.unannotated.map((a) => a.id)).toEqual(whole.filter((g) => !hasAnnotations(g)).map((g) => g.article.id));
    // The memo-only article is written; the trashed one is nowhere.
    expect(read.map((g) => g.article.id)).toContain(memoOnlyId);
    expect(whole.map((g) => g.article.id)).not.toContain(trashedId);
  });

  it('writes the same bytes as the export that reads everything at once', () => {
    const db = lib.library.database();
    const batched = exportMarkdownReport(db, { scope: 'library', outDir: path.join(lib.dir, 'batched') }, exportedAt);
    const copy = inMemoryCopy(db);
    try {
      const atOnce = exportMarkdownReport(copy, { scope: 'library', outDir: path.join(lib.dir, 'at-once') }, exportedAt);
      expect(batched.unannotated).toEqual(atOnce.unannotated);
      expect(batched.files.map((f) => path.basename(f))).toEqual(atOnce.files.map((f) => path.basename(f)));
    } finally {
      copy.close();
    }
    const withoutManifest = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.md')));
    expect(withoutManifest(readFolder(path.join(lib.dir, 'batched')))).toEqual(
      withoutManifest(readFolder(path.join(lib.dir, 'at-once'))),
    );
  });

  it('sees the library as it was when it began, while the app writes meanwhile, and loses none of those writes', () => {
    const { library } = lib;
    const db = library.database();
    const article = seedArticle(library, '001');
    const [first] = bodyParagraphs(article);
    const before = readArticleAnnotations(db).filter((g) => g.article.id !== memoOnlyId);
    const batches = openArticleBatches(db, { fullText: false, library: true }, 1);
    const read = [...batches.next()!];
    // Between two batches the person highlights an article not yet read, and trashes another.
    const added = library.annotations.createHighlight({ paragraphId: first!.id, start: 12, end: 16, color: 'pink', tags: ['稍后'] });
    library.trashArticle(lib.crafted.id);
    for (let batch = batches.next(); batch !== undefined; batch = batches.next()) read.push(...batch);
    batches.close();
    expect(read.map((g) => g.article.id)).toContain(lib.crafted.id);
    const readArticle = read.find((g) => g.article.id === article.id)!;
    expect(readArticle).toEqual(before.find((g) => g.article.id === article.id));
    expect(readArticle.paragraphs.flatMap((p) => p.highlights).map((h) => h.id)).not.toContain(added.id);
    // The writes made meanwhile are in the library, and the next export has them.
    expect(db.prepare('SELECT count(*) FROM highlight WHERE id = ?').pluck().get(added.id)).toBe(1);
    const next = exportMarkdownReport(db, { scope: 'library', outDir: path.join(lib.dir, 'next') }, exportedAt);
    const texts = next.files.map((f) => fs.readFileSync(f, 'utf8'));
    expect(texts.some((t) => t.includes(`pizhu://article/${article.id}`) && t.includes('#稍后'))).toBe(true);
    expect(texts.some((t) => t.includes(`pizhu://article/${lib.crafted.id}`))).toBe(false);
  });
});
