import { hash } from 'node:crypto';
import type { ParagraphFlag, ParagraphKind, ParagraphView, Removal } from '../../../preload/contract/articleTypes';
import type { ParsedParagraph } from '../import/parsedArticle';
import type { Statement } from 'better-sqlite3';
import type { Db } from './openDatabase';

interface ParagraphRow {
  id: number;
  ord: number;
  kind: ParagraphKind;
  kind_by_user: number;
  text: string;
  raw: string;
  flags: string;
  removals: string;
}

/** The first 16 hex digits of the SHA-256 of the UTF-8 text (one-shot: no Hash object per paragraph). */
export function textHash(text: string): string {
  return hash('sha256', text, 'hex').slice(0, 16);
}

/** Prepared once per connection: a bulk import inserts hundreds of thousands of paragraphs. */
const insertStatements = new WeakMap<Db, Statement>();

function insertStatement(db: Db): Statement {
  let statement = insertStatements.get(db);
  if (!statement) {
    statement = db.prepare(
      `INSERT INTO paragraph (article_id, ord, kind, text, raw, text_hash, flags, removals)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insertStatements.set(db, statement);
  }
  return statement;
}

export function insertParagraphs(db: Db, articleId: number, paragraphs: readonly ParsedParagraph[]): void {
  const insert = insertStatement(db);
  paragraphs.forEach((p, ord) => insert.run(articleId, ord, p.kind, ...storedColumns(p)));
}

/** One paragraph of a re-clean that matched no old one, as `kind`; returns its id. */
export function insertParagraph(
  db: Db,
  articleId: number,
  ord: number,
  kind: ParagraphKind,
  p: ParsedParagraph,
): number {
  return Number(insertStatement(db).run(articleId, ord, kind, ...storedColumns(p)).lastInsertRowid);
}

/** A re-clean's new text for a paragraph row it keeps (and so keeps its notes and tags). */
export function updateParagraph(db: Db, id: number, ord: number, kind: ParagraphKind, p: ParsedParagraph): void {
  db.prepare(
    `UPDATE paragraph SET ord = ?, kind = ?, text = ?, raw = ?, text_hash = ?, flags = ?, removals = ? WHERE id = ?`,
  ).run(ord, kind, ...storedColumns(p), id);
}

/** What a parsed paragraph stores after its kind: text, raw, text_hash, flags, removals. */
function storedColumns(p: ParsedParagraph): [string, string, string, string, string] {
  return [p.text, p.raw, textHash(p.text), jsonList(p.flags), jsonList(p.removals)];
}

/** Most paragraphs have no flags and no removals: their JSON is a constant. */
function jsonList(items: readonly unknown[]): string {
  return items.length === 0 ? '[]' : JSON.stringify(items);
}

export function readParagraphs(db: Db, articleId: number): ParagraphView[] {
  const rows = db
    .prepare(
      'SELECT id, ord, kind, kind_by_user, text, raw, flags, removals FROM paragraph WHERE article_id = ? ORDER BY ord',
    )
    .all(articleId) as ParagraphRow[];
  return rows.map((r) => ({
    id: r.id,
    order: r.ord,
    kind: r.kind,
    kindByUser: r.kind_by_user === 1,
    text: r.text,
    raw: r.raw,
    flags: JSON.parse(r.flags) as ParagraphFlag[],
    removals: JSON.parse(r.removals) as Removal[],
  }));
}
