import * as Y from 'yjs';
import type { RowChange } from '../../journal/journaledTables';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';
import {
  articleEntry,
  attributeKey,
  hasArticleMemo,
  hasHeld,
  heldKeys,
  heldValues,
  highlightKey,
  notePlaces,
  paragraphKey,
  parseAssignment,
  root,
} from './docShape';
import { unknownKinds } from './paragraphKinds';
import { rowsAsInserts } from './rowsAsInserts';
import { placesOf, type Places } from './paragraphPlaces';
import { unknownWordDataRows } from './wordData';
import { isPurged } from '../purge/tombstones';

/**
 * The rows a document has never heard of, as changes that made them: rows written outside the
 * journal (a JSON backup merged in, a REFI-QDA import) since the library's documents were
 * begun. Projecting a document removes rows it holds no live entry for, so these are written into
 * it first: another device's update never takes away what this device holds and no document knew.
 * A row the document knows (live or deleted) is left to the projection, and so is an assignment
 * it projects to through a merge of its tag: that use follows the merge as its maker made it.
 */
export function unknownArticleRows(db: Db, articleId: number, doc: Y.Doc, library: Y.Doc): RowChange[] {
  const highlights = root(doc, 'highlights');
  const uid: unknown = preparedStatement(db, 'SELECT uid FROM article WHERE id = ?').pluck(true).get(articleId);
  const places = placesOf(db, articleId, String(uid), library, doc);
  const known = knownAssignments(doc, library, places);
  // A note's entry is known where its place leads here (live or deleted); one of another split says nothing of this paragraph.
  const notes = new Set(
    notePlaces(doc)
      .map((place) => places.place(place)?.ord)
      .filter((ord) => ord !== undefined),
  );
  const inArticle = `IN (SELECT id FROM paragraph WHERE article_id = ${articleId})`;
  const highlightTags = new Set(
    (
      preparedStatement(
        db,
        `SELECT ht.highlight_id AS h, ht.tag_id AS t, hl.uid AS hu, tg.uid AS tu FROM highlight_tag ht
           JOIN highlight hl ON hl.id = ht.highlight_id JOIN tag tg ON tg.id = ht.tag_id WHERE hl.article_id = ?`,
      )
        .pluck(false)
        .all(articleId) as Array<{ h: number; t: number; hu: string; tu: string }>
    )
      .filter((r) => !known.has(highlightKey(r.hu, r.tu)))
      .map((r) => `${r.h}:${r.t}`),
  );
  const paragraphTags = new Set(
    (
      preparedStatement(
        db,
        `SELECT pt.paragraph_id AS p, pt.tag_id AS t, p.ord, tg.uid AS tu FROM paragraph_tag pt
           JOIN paragraph p ON p.id = pt.paragraph_id JOIN tag tg ON tg.id = pt.tag_id WHERE p.article_id = ?`,
      )
        .pluck(false)
        .all(articleId) as Array<{ p: number; t: number; ord: number; tu: string }>
    )
      .filter((r) => !known.has(paragraphKey(r.ord, r.tu)))
      .map((r) => `${r.p}:${r.t}`),
  );
  const ordOf = new Map(
    (
      preparedStatement(db, 'SELECT id, ord FROM paragraph WHERE article_id = ?').pluck(false).all(articleId) as Array<{
        id: number;
        ord: number;
      }>
    ).map((p) => [p.id, p.ord]),
  );
  return [
    // A purged highlight's row (an undone edit put it back) is no row to adopt (sync/purge).
    ...rowsAsInserts(db, 'highlight', `WHERE article_id = ${articleId}`).filter(
      (c) => !hasHeld(highlights, String(c.after!.uid)) && !isPurged(doc, highlights, String(c.after!.uid)),
    ),
    ...rowsAsInserts(
      db,
      'highlight_tag',
      `WHERE highlight_id IN (SELECT id FROM highlight WHERE article_id = ${articleId})`,
    ).filter((c) => highlightTags.has(`${String(c.key.highlight_id)}:${String(c.key.tag_id)}`)),
    ...rowsAsInserts(db, 'paragraph_tag', `WHERE paragraph_id ${inArticle}`).filter((c) =>
      paragraphTags.has(`${String(c.key.paragraph_id)}:${String(c.key.tag_id)}`),
    ),
    ...rowsAsInserts(db, 'note', `WHERE paragraph_id ${inArticle}`).filter(
      (c) => !notes.has(ordOf.get(Number(c.key.paragraph_id)) ?? -1),
    ),
    ...(hasArticleMemo(doc) ? [] : rowsAsInserts(db, 'memo', `WHERE article_id = ${articleId}`)),
    ...unknownKinds(db, articleId, doc, places),
  ];
}

/**
 * Every assignment key the article's document holds, also under each tag its tag was merged into
 * (`h:<highlight>:<tag>` on tag A, merged into B, is known as `h:<highlight>:<B>` too).
 */
function knownAssignments(doc: Y.Doc, library: Y.Doc, places: Places): Set<string> {
  const trail = mergeTrails(root(library, 'tags'));
  const known = new Set<string>();
  // A key whose value another device's write over it deleted (the new one not arrived) is known too.
  for (const key of heldKeys(root(doc, 'tagged'))) {
    const cut = key.lastIndexOf(':');
    const assignment = parseAssignment(key);
    // A paragraph's, by the position here its place leads to (`p:<position>`); one leading elsewhere is not known here.
    const at = assignment?.on === 'paragraph' ? places.place(assignment.place) : undefined;
    if (assignment?.on === 'paragraph' && !at) continue;
    const owner = at ? `p:${at.ord}` : key.slice(0, cut);
    for (const tag of trail(key.slice(cut + 1))) known.add(`${owner}:${tag}`);
  }
  return known;
}

/**
 * For a tag (or attribute) uid: itself and every entry its `merged_into` has named, now or before
 * (the document keeps the values written over), and theirs in turn; worked out once per uid. A
 * merge undone since (a person's undo, or a same-name merge let go: sameNameMerges) leaves this
 * device's rows on the entry it was merged into until they are projected again: those rows are
 * the projection's own, not rows the document never knew, and adopting them would put the use
 * (a tag's assignment, an attribute's value) on that entry for good.
 */
function mergeTrails(entries: Y.Map<unknown>): (uid: string) => Set<string> {
  const trails = new Map<string, Set<string>>();
  return (uid) => {
    let trail = trails.get(uid);
    if (trail) return trail;
    trail = new Set<string>();
    const waiting = [uid];
    for (let next = waiting.pop(); next !== undefined; next = waiting.pop()) {
      if (trail.has(next)) continue;
      trail.add(next);
      const entry = entries.get(next);
      if (!(entry instanceof Y.Map)) continue;
      for (const into of heldValues(entry as Y.Map<unknown>, 'merged_into'))
        if (typeof into === 'string') waiting.push(into);
    }
    trails.set(uid, trail);
    return trail;
  };
}

/** The same for the library document: tags and their descriptions, journal memos, attributes and their values, word data. */
export function unknownLibraryRows(db: Db, library: Y.Doc): RowChange[] {
  const tags = root(library, 'tags');
  const memos = root(library, 'memos');
  const attributes = root(library, 'attributes');
  const tagUids = new Map(
    (preparedStatement(db, 'SELECT id, uid FROM tag').pluck(false).all() as Array<{ id: number; uid: string }>).map(
      (t) => [t.id, t.uid],
    ),
  );
  const described = (tagId: number) => {
    const entry = tags.get(tagUids.get(tagId) ?? '');
    return entry instanceof Y.Map && hasHeld(entry as Y.Map<unknown>, 'described');
  };
  const articleUids = new Map(
    (preparedStatement(db, 'SELECT id, uid FROM article').pluck(false).all() as Array<{ id: number; uid: string }>).map(
      (a) => [a.id, a.uid],
    ),
  );
  const attributeUids = new Map(
    (
      preparedStatement(db, 'SELECT id, uid FROM attribute').pluck(false).all() as Array<{ id: number; uid: string }>
    ).map((a) => [a.id, a.uid]),
  );
  // An article's values are known under the attributes their own were merged into (as assignments under tags).
  const trail = mergeTrails(attributes);
  const valuePrefix = attributeKey('');
  const knownValues = new Map<string, Set<string>>();
  const valuesKnown = (article: string) => {
    let known = knownValues.get(article);
    if (!known) {
      known = new Set<string>();
      for (const key of heldKeys(articleEntry(library, article)))
        if (key.startsWith(valuePrefix)) for (const uid of trail(key.slice(valuePrefix.length))) known.add(uid);
      knownValues.set(article, known);
    }
    return known;
  };
  return [
    ...rowsAsInserts(db, 'tag').filter((c) => !hasHeld(tags, String(c.after!.uid))),
    ...rowsAsInserts(db, 'tag_description').filter((c) => !described(Number(c.key.tag_id))),
    ...rowsAsInserts(db, 'memo', 'WHERE article_id IS NULL').filter((c) => !hasHeld(memos, String(c.after!.uid))),
    ...rowsAsInserts(db, 'attribute').filter((c) => !hasHeld(attributes, String(c.after!.uid))),
    ...rowsAsInserts(db, 'article_attribute').filter((c) => {
      const article = articleUids.get(Number(c.key.article_id));
      const attribute = attributeUids.get(Number(c.key.attribute_id));
      return article !== undefined && attribute !== undefined && !valuesKnown(article).has(attribute);
    }),
    ...unknownWordDataRows(db, library),
  ];
}
