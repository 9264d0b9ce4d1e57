import * as Y from 'yjs';
import type { Db } from '../../store/openDatabase';
import { highlightColumnsSql } from '../../store/highlightContext';
import { preparedStatement } from '../../store/preparedStatements';
import { fieldOf, root, type FieldValue } from './docShape';

/** A highlight's place as a document entry holds it. */
type PlaceField = 'paragraph' | 'start_offset' | 'end_offset' | 'quote' | 'prefix' | 'suffix';

/**
 * After this device took another version of an article's text (and re-anchored its rows as a
 * re-import does): the highlights whose document entry is not placed in that text (its quote is
 * not what its place reads, or it has no place) and that have a row here, with the place the row
 * has now. A placed entry is where the re-importing device (or another that took the version)
 * put it, and stays; an entry with no row here waits for the device that has one.
 */
export function stalePlaces(
  db: Db,
  articleId: number,
  doc: Y.Doc,
): Map<Y.Map<unknown>, Record<PlaceField, FieldValue>> {
  const texts = new Map(
    (
      preparedStatement(db, 'SELECT ord, text FROM paragraph WHERE article_id = ?')
        .pluck(false)
        .all(articleId) as Array<{
        ord: number;
        text: string;
      }>
    ).map((p) => [p.ord, p.text]),
  );
  const rows = new Map(
    (
      preparedStatement(
        db,
        `SELECT h.uid, p.ord AS paragraph, ${highlightColumnsSql(['start_offset', 'end_offset', 'quote', 'prefix', 'suffix'], 'h')}
         FROM highlight h LEFT JOIN paragraph p ON p.id = h.paragraph_id WHERE h.article_id = ?`,
      )
        .pluck(false)
        .all(articleId) as Array<Record<PlaceField, FieldValue> & { uid: string }>
    ).map((r) => [r.uid, r]),
  );
  const stale = new Map<Y.Map<unknown>, Record<PlaceField, FieldValue>>();
  root(doc, 'highlights').forEach((value, uid) => {
    if (!(value instanceof Y.Map)) return;
    const entry = value as Y.Map<unknown>;
    const row = rows.get(uid);
    if (fieldOf(entry, 'deleted') === true || row === undefined) return;
    const ord = fieldOf(entry, 'paragraph');
    const start = fieldOf(entry, 'start_offset');
    const end = fieldOf(entry, 'end_offset');
    const text = typeof ord === 'number' ? texts.get(ord) : undefined;
    const placed =
      text !== undefined &&
      typeof start === 'number' &&
      typeof end === 'number' &&
      start <= end &&
      text.slice(start, end) === fieldOf(entry, 'quote');
    if (placed) return;
    stale.set(entry, {
      paragraph: row.paragraph,
      start_offset: row.start_offset,
      end_offset: row.end_offset,
      // As the entry of a highlight holds its text: '' when there is none.
      quote: row.quote ?? '',
      prefix: row.prefix ?? '',
      suffix: row.suffix ?? '',
    });
  });
  return stale;
}
