import type * as Y from 'yjs';
import { paragraphKinds, type ParagraphKind } from '../../../../preload/contract/articleTypes';
import type { RowChange } from '../../journal/journaledTables';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';
import { heldKeys, setField } from './docShape';
import { rowsAsInserts } from './rowsAsInserts';
import type { Places } from './paragraphPlaces';

/**
 * A paragraph's kind as the person set it (a hidden line put back as body, a caption marked as
 * boilerplate): an article document's top-level map `kinds`, the paragraph's place (paragraphPlaces) -> the
 * kind (`body`), or `cleaned:<kind>` for the kind an undo put back as cleaning gave it. One text
 * per paragraph, so two devices' different choices keep one and record the other as superseded,
 * and the same choice made on both is no conflict. Only a person's choices (and their undoing)
 * are written: the kinds cleaning gives are the same wherever the text is.
 */
export const kinds = (doc: Y.Doc) => doc.getMap<unknown>('kinds');

interface KindValue {
  kind: ParagraphKind;
  by_user: boolean;
}

const cleaned = 'cleaned:';

function kindValue(value: unknown): KindValue | undefined {
  if (typeof value !== 'string') return undefined;
  const byUser = !value.startsWith(cleaned);
  const kind = byUser ? value : value.slice(cleaned.length);
  if (!(paragraphKinds as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as ParagraphKind, by_user: byUser };
}

/** The article document's edit for a paragraph's changed kind (the paragraph found by its place, paragraphPlaces). */
export function writeKind(doc: Y.Doc, place: string, after: RowChange['after']): void {
  if (!after || typeof after.kind !== 'string') return;
  // An equal write would still win over another device's concurrent one (setField writes only a change).
  setField(kinds(doc), place, after.kind_by_user === 1 ? after.kind : `${cleaned}${after.kind}`);
}

/**
 * The kind each paragraph here takes from the document: the newest split's that holds one for it.
 * A kind is carried only to a paragraph of the same text, as a re-clean keeps a person's kind.
 */
function placedKinds(doc: Y.Doc, places: Places): Map<number, { key: string; value: unknown }> {
  const found = new Map<number, { key: string; value: unknown; hops: number; from: number }>();
  kinds(doc).forEach((value, key) => {
    const at = places.place(key);
    if (!at || at.moved) return;
    const seen = found.get(at.ord);
    if (!seen || at.hops < seen.hops || (at.hops === seen.hops && at.from < seen.from))
      found.set(at.ord, { key, value, hops: at.hops, from: at.from });
  });
  return found;
}

/** Sets the kinds the document holds on this device's paragraphs; one it does not know (yet) is left out. */
export function projectKinds(db: Db, doc: Y.Doc, paragraphs: ReadonlyMap<number, number>, places: Places): void {
  placedKinds(doc, places).forEach(({ value }, ord) => {
    const wanted = kindValue(value);
    const paragraphId = paragraphs.get(ord);
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
export function unknownKinds(db: Db, articleId: number, doc: Y.Doc, places: Places): RowChange[] {
  // A kind whose value another device's write over it deleted (the new one not arrived) is known too.
  const known = new Set<number>();
  for (const key of heldKeys(kinds(doc))) {
    const at = places.place(key);
    if (at && !at.moved) known.add(at.ord);
  }
  const ordOf = new Map(
    (
      preparedStatement(db, 'SELECT id, ord FROM paragraph WHERE article_id = ? AND kind_by_user = 1')
        .pluck(false)
        .all(articleId) as Array<{ id: number; ord: number }>
    ).map((p) => [p.id, p.ord]),
  );
  return kindsAsInserts(db, articleId).filter((c) => !known.has(ordOf.get(Number(c.key.id)) ?? -1));
}

/**
 * After a re-clean: a position the document says the person chose a kind for whose paragraph now
 * has none of theirs (the paragraphs moved) takes the kind it has, so no device sets it on another line.
 */
export function markKindsAsRows(db: Db, doc: Y.Doc, articleId: number, places: Places): void {
  const rows = new Map(
    (
      preparedStatement(db, 'SELECT ord, kind, kind_by_user FROM paragraph WHERE article_id = ?')
        .pluck(false)
        .all(articleId) as Array<{ ord: number; kind: string; kind_by_user: number }>
    ).map((p) => [p.ord, p]),
  );
  placedKinds(doc, places).forEach(({ value }, ord) => {
    const held = kindValue(value);
    const row = rows.get(ord);
    if (held?.by_user && row && row.kind_by_user !== 1)
      writeKind(doc, places.keyOf(ord), { kind: row.kind, kind_by_user: 0 });
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
