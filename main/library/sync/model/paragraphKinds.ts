import type * as Y from 'yjs';
import { paragraphKinds, type ParagraphKind } from '../../../../preload/contract/articleTypes';
import type { RowChange } from '../../journal/journaledTables';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';
import { rowsAsInserts } from './rowsAsInserts';

/**
 * A paragraph's kind as the person set it (a hidden line put back as body, a caption marked as
 * boilerplate): an article document's top-level map `kinds`, the paragraph's position -> `{ kind,
 * by_user }`. One value per paragraph, so two devices' concurrent choices keep one and record
 * the other as superseded; an undo writes the kind it puts back with `by_user` false. Only a
 * person's choices are written: the kinds cleaning gives are the same wherever the text is.
 */
export const kinds = (doc: Y.Doc) => doc.getMap<unknown>('kinds');

interface KindValue {
  kind: ParagraphKind;
  by_user: boolean;
}

function kindValue(value: unknown): KindValue | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, by_user: byUser } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || !(paragraphKinds as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as ParagraphKind, by_user: byUser === true };
}

/** The article document's edit for a paragraph's changed kind (the paragraph found by its position). */
export function writeKind(doc: Y.Doc, ord: number, after: RowChange['after']): void {
  if (!after || typeof after.kind !== 'string') return;
  const wanted = { kind: after.kind, by_user: after.kind_by_user === 1 };
  const map = kinds(doc);
  const now = kindValue(map.get(String(ord)));
  // An equal write would still win over another device's concurrent one (docShape.setField).
  if (now && now.kind === wanted.kind && now.by_user === wanted.by_user) return;
  map.set(String(ord), wanted);
}

/** Sets the kinds the document holds on this device's paragraphs; one it does not know (yet) is left out. */
export function projectKinds(db: Db, doc: Y.Doc, paragraphs: ReadonlyMap<number, number>): void {
  kinds(doc).forEach((value, key) => {
    const wanted = kindValue(value);
    const paragraphId = paragraphs.get(Number(key));
    if (!wanted || paragraphId === undefined) return;
    preparedStatement(
      db,
      'UPDATE paragraph SET kind = ?, kind_by_user = ? WHERE id = ? AND (kind IS NOT ? OR kind_by_user IS NOT ?)',
    ).run(wanted.kind, wanted.by_user ? 1 : 0, paragraphId, wanted.kind, wanted.by_user ? 1 : 0);
  });
}

/** The person's kinds in an article, as the changes that set them (seeding, and after a re-clean). */
export function kindsAsInserts(db: Db, articleId?: number): RowChange[] {
  const where = articleId === undefined ? '' : ` AND article_id = ${articleId}`;
  return rowsAsInserts(db, 'paragraph', `WHERE kind_by_user = 1${where}`);
}

/** The person's kinds not yet in the document (set outside the journal: a JSON backup merged in). */
export function unknownKinds(db: Db, articleId: number, doc: Y.Doc): RowChange[] {
  const map = kinds(doc);
  const ordOf = new Map(
    (
      preparedStatement(db, 'SELECT id, ord FROM paragraph WHERE article_id = ? AND kind_by_user = 1')
        .pluck(false)
        .all(articleId) as Array<{ id: number; ord: number }>
    ).map((p) => [p.id, p.ord]),
  );
  return kindsAsInserts(db, articleId).filter((c) => !map.has(String(ordOf.get(Number(c.key.id)))));
}

/**
 * After a re-clean: a position the document says the person chose a kind for whose paragraph now
 * has none of theirs (the paragraphs moved) takes the kind it has, so no device sets it on another line.
 */
export function markKindsAsRows(db: Db, doc: Y.Doc, articleId: number): void {
  const rows = new Map(
    (
      preparedStatement(db, 'SELECT ord, kind, kind_by_user FROM paragraph WHERE article_id = ?')
        .pluck(false)
        .all(articleId) as Array<{ ord: number; kind: string; kind_by_user: number }>
    ).map((p) => [p.ord, p]),
  );
  const map = kinds(doc);
  map.forEach((value, key) => {
    const held = kindValue(value);
    const row = rows.get(Number(key));
    if (held?.by_user && row && row.kind_by_user !== 1)
      writeKind(doc, Number(key), { kind: row.kind, kind_by_user: 0 });
  });
}

/** The kinds an article document holds, for the canonical dump. */
export function kindsState(doc: Y.Doc): unknown {
  return kinds(doc).toJSON();
}

/** The kinds the person chose, as projected here: article uid:position -> kind. */
export function kindRows(db: Db): Record<string, string> {
  const rows = db
    .prepare(
      `SELECT a.uid || ':' || p.ord AS at, p.kind FROM paragraph p JOIN article a ON a.id = p.article_id
       WHERE p.kind_by_user = 1`,
    )
    .all() as Array<{ at: string; kind: string }>;
  return Object.fromEntries(rows.map((r) => [r.at, r.kind]));
}
