import type { ParagraphFlag, ParagraphKind, ParagraphView } from '../../../preload/contract/articleTypes';
import type { ParsedParagraph } from '../import/parsedArticle';
import type { Statement } from 'better-sqlite3';
import { checksum, rowChecksum } from './contentHashes';
import { contentCorrupt, paragraphsMissing } from './contentCorrupt';
import { parsedRemovals, rawFromStored, storedRaw } from './paragraphRaw';
import { storedRemovals } from './removalsCodec';
import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';

interface ParagraphRow {
  id: number;
  ord: number;
  kind: ParagraphKind;
  kind_by_user: number;
  text: string;
  raw: string;
  flags: string;
  removals: string;
  checksum: string;
}

/** The INSERT of `rows` paragraphs, by row count (1 to rowsPerInsert); prepared once per connection (preparedStatement). */
const insertSql: string[] = [];

function insertStatement(db: Db, rows = 1): Statement {
  const sql = (insertSql[rows] ??= `INSERT INTO paragraph (article_id, ord, kind, text, raw, checksum, flags, removals)
       VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
  return preparedStatement(db, sql);
}

/**
 * An article's paragraphs, up to `rowsPerInsert` rows per statement, in order (so their ids rise
 * with `ord` as row by row). A statement per paragraph was a sixth of the storing thread's time
 * on the bench: each run crosses into SQLite and back.
 */
export function insertParagraphs(db: Db, articleId: number, paragraphs: readonly ParsedParagraph[]): void {
  for (let from = 0; from < paragraphs.length; from += rowsPerInsert) {
    const rows = paragraphs.slice(from, from + rowsPerInsert);
    const values: unknown[] = [];
    rows.forEach((p, i) => values.push(articleId, from + i, p.kind, ...storedColumns(p.kind, p)));
    insertStatement(db, rows.length).run(values);
  }
}

const rowsPerInsert = 32;

/** One paragraph of a re-clean that matched no old one, as `kind`; returns its id. */
export function insertParagraph(
  db: Db,
  articleId: number,
  ord: number,
  kind: ParagraphKind,
  p: ParsedParagraph,
): number {
  return Number(insertStatement(db).run(articleId, ord, kind, ...storedColumns(kind, p)).lastInsertRowid);
}

/** A re-clean's new text for a paragraph row it keeps (and so keeps its notes and tags). */
export function updateParagraph(db: Db, id: number, ord: number, kind: ParagraphKind, p: ParsedParagraph): void {
  db.prepare(
    `UPDATE paragraph SET ord = ?, kind = ?, text = ?, raw = ?, checksum = ?, flags = ?, removals = ? WHERE id = ?`,
  ).run(ord, kind, ...storedColumns(kind, p), id);
}

/** What a parsed paragraph stored as `kind` stores after its kind: text, raw (as stored), checksum, flags, removals. */
function storedColumns(kind: ParagraphKind, p: ParsedParagraph): [string, string, string, string, string] {
  const flags = jsonList(p.flags);
  const removals = storedRemovals(p.removals);
  // The order of contentHashes' checkedColumns.paragraph.
  return [p.text, storedRaw(p.text, p.raw, p.removals), checksum(p.text, p.raw, flags, removals, kind), flags, removals];
}

/** Records how many paragraphs an article has now (after a re-clean or a backup import wrote them). */
export function recordParagraphCount(db: Db, articleId: number): void {
  db.prepare(
    'UPDATE article SET paragraph_count = (SELECT count(*) FROM paragraph WHERE article_id = ?) WHERE id = ?',
  ).run(articleId, articleId);
}

/** Most paragraphs have no flags and no removals: their JSON is a constant. */
function jsonList(items: readonly unknown[]): string {
  return items.length === 0 ? '[]' : JSON.stringify(items);
}

/**
 * An article's paragraphs in order; a paragraph whose checksum does not match is an error, never
 * shown, and so is a paragraph missing from the count the article records (null: not recorded).
 */
export function readParagraphs(db: Db, articleId: number, expectedCount: number | null): ParagraphView[] {
  // The raw text as stored, put back here (paragraphRaw.rawFromStored) from the removals parsed
  // anyway: through rawSql it cost opening an article a SQL function call and a parse per paragraph.
  const rows = db
    .prepare(
      `SELECT id, ord, kind, kind_by_user, text, raw, flags, removals, checksum FROM paragraph
       WHERE article_id = ? ORDER BY ord`,
    )
    .all(articleId) as ParagraphRow[];
  const read = rows.map((r) => {
    const removals = parsedRemovals(r.removals);
    const raw = removals && rawFromStored(r.text, r.raw, removals);
    // Over the raw text as read: one that does not read (undefined, damage) never matches.
    if (r.checksum !== rowChecksum('paragraph', { ...r, raw })) throw contentCorrupt(db, 'paragraph', r.id);
    return { ...r, raw: raw!, removals: removals! };
  });
  if (expectedCount !== null && (read.length !== expectedCount || read.some((r, i) => r.ord !== i))) {
    throw paragraphsMissing(db, articleId, expectedCount, read.length);
  }
  return read.map((r) => ({
    id: r.id,
    order: r.ord,
    kind: r.kind,
    kindByUser: r.kind_by_user === 1,
    text: r.text,
    raw: r.raw,
    flags: JSON.parse(r.flags) as ParagraphFlag[],
    removals: r.removals,
  }));
}
