import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleView, ParagraphView } from '../../preload/contract/articleTypes';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { readBackup } from '../../main/library/export/exportBackup';
import type { Db } from '../../main/library/store/openDatabase';
import { startExportWorkerFromSource } from './exportWorkerFromSource';

export const seedsDir = path.resolve(__dirname, '../../seeds');

export interface SeededLibrary {
  library: Library;
  dir: string;
  dbPath: string;
  /** Closes and opens the same file again, as a restart would. */
  reopen(): Promise<Library>;
  dispose(): void;
}

/** A new library in a temp folder with the five bundled seeds imported; a fixed clock unless given one. */
export async function openSeededLibrary(
  now: () => Date = () => new Date('2026-11-23T10:00:00.000Z'),
): Promise<SeededLibrary> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-annotations-'));
  const dbPath = path.join(dir, 'library.sqlite');
  const seeded: SeededLibrary = {
    library: await createLibrary({ dbPath, now, startExportWorker: startExportWorkerFromSource }),
    dir,
    dbPath,
    async reopen() {
      seeded.library.close();
      seeded.library = await createLibrary({ dbPath, now, startExportWorker: startExportWorkerFromSource });
      return seeded.library;
    },
    dispose() {
      seeded.library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await seeded.library.seedIfNew(seedsDir);
  return seeded;
}

/** The seed article whose file name starts with `prefix` (e.g. '001'). */
export function seedArticle(library: Library, prefix: string): ArticleView {
  const row = library.database().prepare('SELECT id FROM article WHERE file_name LIKE ?').get(`${prefix}%`) as
    { id: number } | undefined;
  if (!row) throw new Error(`No seed ${prefix} in the library.`);
  return library.getArticle(row.id);
}

/** The article's body paragraphs with at least `minLength` characters of text. */
export function bodyParagraphs(article: ArticleView, minLength = 40): ParagraphView[] {
  return article.paragraphs.filter((p) => p.kind === 'body' && p.text.length >= minLength);
}

/** Every row of every annotation table, for before/after comparisons. */
export function annotationRows(db: Db): Record<string, unknown[]> {
  const tables = ['highlight', 'tag', 'highlight_tag', 'paragraph_tag', 'note'];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

/**
 * Everything a person gets back from a library (each article as read, and as a backup holds it,
 * raw text and paragraphs), every annotation row and the stored checksums: what a migration that
 * only changes how text is stored must carry over identical.
 */
export function everythingReadBack(library: Library): unknown {
  const db = library.database();
  return withoutMakers({
    articles: library.listArticles().map((a) => library.getArticle(a.id)),
    backup: readBackup(db, '2026-11-23T10:00:00.000Z').articles.map((a) => [a.rawText, a.paragraphs]),
    annotations: annotationRows(db),
    checksums: db.prepare('SELECT id, checksum FROM article UNION ALL SELECT -id, checksum FROM paragraph ORDER BY 1').all(),
  });
}

/**
 * Without who made each annotation (migration 0029): a library rolled back before 0029 and
 * migrated again has lost its makers by design (nothing older records them), which is all that differs.
 */
export function withoutMakers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMakers);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => key !== 'made_by' && key !== 'madeBy').map(([key, v]) => [key, withoutMakers(v)]),
  );
}

/**
 * annotationRows without the sync uids: a library from before migration 0026 is given fresh
 * random uids each time it is migrated, so a library rolled back and migrated again differs there only.
 */
export function annotationRowsWithoutUids(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(annotationRows(db)).map(([table, rows]) => [
      table,
      rows.map((row) => Object.fromEntries(Object.entries(row as Record<string, unknown>).filter(([column]) => column !== 'uid'))),
    ]),
  );
}

/** Imports `count` numbered copies of the seeds (each its own article): a library big enough that a backup takes a while. */
export function importSeedCopies(library: Library, count: number): void {
  const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < count; i++) {
    const text = fs.readFileSync(path.join(seedsDir, seeds[i % seeds.length]!), 'utf8');
    library.importText(`第${i}份 ${i}\n\n${text}`, `副本 ${i}`);
  }
}
