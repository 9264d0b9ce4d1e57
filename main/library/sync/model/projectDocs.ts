import * as Y from 'yjs';
import {
  highlightColors,
  maxHighlightCommentLength,
  type HighlightColor,
} from '../../../../preload/contract/annotationTypes';
import type { HighlightRow as StoredHighlightRow } from '../../store/highlights';
import type { Db } from '../../store/openDatabase';
import { highlightColumnsSql } from '../../store/highlightContext';
import { madeByValueSql } from '../../store/madeHere';
import { preparedStatement } from '../../store/preparedStatements';
import { paragraphIdsByOrd } from './articleRows';
import { projectKinds } from './paragraphKinds';
import { storedForms } from './richNoteText';
import { anchorQuote } from '../../reclean/anchorQuote';
import { joinedNote, notesByPosition } from './placedNotes';
import { placesOf, type Places } from './paragraphPlaces';
import { projectUnplaced } from './unplacedEntries';
import { breakMergeCycles } from './mergeCycles';
import { asNamed, namedOf, resolveNamed } from './namedEntries';
import { mergeSameNames } from './sameNameMerges';
import {
  articleEntry,
  articleMemo,
  articleMemoText,
  articleMemoXml,
  journalMemoXml,
  hasArticleMemo,
  articleEntryUids,
  articleFields,
  currentVersion,
  descriptionFields,
  fieldOf,
  stringField,
  type highlightFields,
  noteEntry,
  notePlaces,
  parseAssignment,
  replicatedColumns,
  root,
  setField,
  type FieldValue,
} from './docShape';

/**
 * The rows a document says there should be, written over what is there: Yjs is the replicated
 * truth, the rows its projection. Nothing here goes through the journal: another device's change
 * is not a step of this person's undo. Used for every remote update and after an undo or redo
 * (whose whole rows may have put back a field another device has changed since), and, over
 * every document, to rebuild the rows from the documents alone.
 */

/** Statements kept per connection (a whole library is projected at times): whole rows, or one column's values. */
const rowsOf = (db: Db, sql: string) => preparedStatement(db, sql).pluck(false);
const columnOf = (db: Db, sql: string) => preparedStatement(db, sql).pluck(true);

/**
 * The library's tags read one by one as an article's assignments name them (an article names a
 * few; a library may hold thousands), each tag's live row id looked up once.
 */
function tagLookup(
  db: Db,
  library: Y.Doc,
): { resolve(uid: string): string | undefined; rowId(uid: string): number | undefined } {
  const tags = root(library, 'tags');
  const entries = { get: (uid: string) => asNamed(uid, tags.get(uid)) };
  const resolved = new Map<string, string | undefined>();
  const ids = new Map<string, number | undefined>();
  return {
    resolve(uid) {
      if (!resolved.has(uid)) resolved.set(uid, resolveNamed(entries, uid));
      return resolved.get(uid);
    },
    rowId(uid) {
      if (!ids.has(uid)) {
        const id: unknown = columnOf(db, 'SELECT id FROM tag WHERE uid = ?').get(uid);
        ids.set(uid, typeof id === 'number' ? id : undefined);
      }
      return ids.get(uid);
    },
  };
}

const tagsOf = (library: Y.Doc) => namedOf(library, 'tags');
const attributesOf = (library: Y.Doc) => namedOf(library, 'attributes');

/** Where each tag uid led at a library document's last projection here (projectLibrary). */
const lastResolved = new WeakMap<Y.Doc, Map<string, string | undefined>>();

/**
 * This device's own tag merge, delete or revival, written to the library document and to the rows
 * at once: the rows already stand as the document resolves its tags, so a later change is measured
 * from here (else another device's revival of a tag merged here reads as no change, and the rows of
 * the tag it was merged into keep its assignments).
 */
export function noteResolvedTags(library: Y.Doc): void {
  lastResolved.set(library, resolvedTags(tagsOf(library)));
}

/** Where each tag uid leads now (resolveNamed). */
function resolvedTags(tags: ReturnType<typeof tagsOf>): Map<string, string | undefined> {
  return new Map([...tags.keys()].map((uid) => [uid, resolveNamed(tags, uid)]));
}

/** Which live tag every tag uid stands for, as text: when it changes, assignments anywhere may move. */
export function tagResolution(library: Y.Doc): string {
  const tags = tagsOf(library);
  return JSON.stringify([...tags.keys()].sort().map((uid) => [uid, resolveNamed(tags, uid) ?? null]));
}

/**
 * Projects the library document: tags with their descriptions, and the details of articles held
 * here. Says whether tags were added or removed, and which articles held assignments on a tag
 * removed (deleted, or merged into another): theirs are to be projected again.
 */
export function projectLibrary(db: Db, library: Y.Doc): { tagsChanged: boolean; articlesOfRemovedTags: Set<string> } {
  breakMergeCycles(library, 'tags');
  mergeSameNames(library, 'tags');
  const tags = tagsOf(library);
  const wanted = new Map<string, Y.Map<unknown>>();
  for (const tag of tags.values()) if (resolveNamed(tags, tag.uid) === tag.uid) wanted.set(tag.uid, tag.entry);

  const rows = rowsOf(db, 'SELECT id, uid, name, color, created_at FROM tag').all() as Array<{
    id: number;
    uid: string;
    name: string;
    color: string | null;
    created_at: string;
  }>;
  let tagsChanged = false;
  const articlesOfRemovedTags = new Set<string>();
  // A tag no longer merged into the one it was (an undone merge): that one's rows hold its assignments.
  const resolved = resolvedTags(tags);
  const before = lastResolved.get(library);
  lastResolved.set(library, resolved);
  for (const [uid, was] of before ?? []) {
    if (was === undefined || was === uid || resolved.get(uid) === was) continue;
    const target = rows.find((r) => r.uid === was);
    if (target) for (const article of articlesUsingTag(db, target.id)) articlesOfRemovedTags.add(article);
  }
  for (const row of rows) {
    if (wanted.has(row.uid)) continue;
    for (const uid of articlesUsingTag(db, row.id)) articlesOfRemovedTags.add(uid);
    preparedStatement(db, 'DELETE FROM highlight_tag WHERE tag_id = ?').run(row.id);
    preparedStatement(db, 'DELETE FROM paragraph_tag WHERE tag_id = ?').run(row.id);
    preparedStatement(db, 'DELETE FROM tag WHERE id = ?').run(row.id);
    tagsChanged = true;
  }
  const kept = rows.filter((r) => wanted.has(r.uid));
  const nameOf = (uid: string) => String(wanted.get(uid)!.get('name'));
  // Renamed tags step aside first: two tags swapping names would otherwise meet on the unique name.
  const renamed = kept.filter((r) => r.name !== nameOf(r.uid));
  for (const row of renamed)
    preparedStatement(db, 'UPDATE tag SET name = ? WHERE id = ?').run(`\u0001${row.uid}`, row.id);
  const byUid = new Map(kept.map((r) => [r.uid, r]));
  for (const [uid, entry] of wanted) {
    const values = {
      name: nameOf(uid),
      color: textOrNull(entry.get('color')),
      created_at: stringField(entry, 'created_at'),
    };
    const row = byUid.get(uid);
    let id: number;
    if (!row) {
      id = Number(
        preparedStatement(db, 'INSERT INTO tag (name, color, created_at, uid) VALUES (?, ?, ?, ?)').run(
          values.name,
          values.color,
          values.created_at,
          uid,
        ).lastInsertRowid,
      );
      tagsChanged = true;
    } else {
      id = row.id;
      if (row.name !== values.name || row.color !== values.color || row.created_at !== values.created_at) {
        preparedStatement(db, 'UPDATE tag SET name = ?, color = ?, created_at = ? WHERE id = ?').run(
          values.name,
          values.color,
          values.created_at,
          id,
        );
      }
    }
    projectDescription(db, id, entry);
  }

  projectJournalMemos(db, library);
  projectAttributes(db, library);
  projectMembers(db, library);
  for (const uid of articleEntryUids(library)) {
    const entry = articleEntry(library, uid);
    const set = articleFields.filter((f) => entry.has(f));
    if (set.length === 0) continue;
    // Details of an article this device does not hold wait in the document until it is imported.
    preparedStatement(
      db,
      `UPDATE article SET ${set.map((f) => `${f} = ?`).join(', ')} WHERE uid = ? AND (${set.map((f) => `${f} IS NOT ?`).join(' OR ')})`,
    ).run(...set.map((f) => fieldOf(entry, f)), uid, ...set.map((f) => fieldOf(entry, f)));
  }
  return { tagsChanged, articlesOfRemovedTags };
}

/** The uids of the articles with an assignment (on a highlight or a paragraph, placed or not) on the tag. */
export function articlesUsingTag(db: Db, tagId: number): string[] {
  const sql = `SELECT a.uid FROM article a WHERE a.id IN (
    SELECT h.article_id FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id WHERE ht.tag_id = ?
    UNION SELECT p.article_id FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id WHERE pt.tag_id = ?
    UNION SELECT u.article_id FROM unplaced_annotation u WHERE u.tag_id = ?)`;
  return columnOf(db, sql).all(tagId, tagId, tagId) as string[];
}

/**
 * Attributes and their values. One name defined on two devices that had not seen each other's
 * is one attribute, as for tags (sameNameMerges): the smaller uid stays, the other's values follow
 * it into it (where an article has both, the kept attribute's value stands).
 */
function projectAttributes(db: Db, library: Y.Doc): void {
  breakMergeCycles(library, 'attributes');
  mergeSameNames(library, 'attributes');
  const attributes = attributesOf(library);
  const wanted = new Map<string, Y.Map<unknown>>();
  for (const a of attributes.values()) if (resolveNamed(attributes, a.uid) === a.uid) wanted.set(a.uid, a.entry);
  const rows = rowsOf(db, 'SELECT id, uid, name, kind, choices, created_at FROM attribute').all() as Array<{
    id: number;
    uid: string;
    name: string;
    kind: string;
    choices: string;
    created_at: string;
  }>;
  for (const row of rows)
    if (!wanted.has(row.uid)) preparedStatement(db, 'DELETE FROM attribute WHERE id = ?').run(row.id);
  const kept = rows.filter((r) => wanted.has(r.uid));
  for (const row of kept) {
    if (row.name !== stringField(wanted.get(row.uid)!, 'name')) {
      preparedStatement(db, 'UPDATE attribute SET name = ? WHERE id = ?').run(`\u0001${row.uid}`, row.id);
    }
  }
  const byUid = new Map(kept.map((r) => [r.uid, r]));
  const ids = new Map<string, number>();
  for (const [uid, entry] of wanted) {
    const values = {
      name: stringField(entry, 'name'),
      kind: stringField(entry, 'kind'),
      choices: stringField(entry, 'choices') || '[]',
      created_at: stringField(entry, 'created_at'),
    };
    const row = byUid.get(uid);
    if (!row) {
      const id = preparedStatement(
        db,
        'INSERT INTO attribute (name, kind, choices, created_at, uid) VALUES (?, ?, ?, ?, ?)',
      ).run(values.name, values.kind, values.choices, values.created_at, uid).lastInsertRowid;
      ids.set(uid, Number(id));
      continue;
    }
    ids.set(uid, row.id);
    // The name too: a renamed attribute stepped aside above.
    preparedStatement(db, 'UPDATE attribute SET name = ?, kind = ?, choices = ?, created_at = ? WHERE id = ?').run(
      values.name,
      values.kind,
      values.choices,
      values.created_at,
      row.id,
    );
  }

  const articleIds = new Map(
    (rowsOf(db, 'SELECT uid, id FROM article').all() as Array<{ uid: string; id: number }>).map((a) => [a.uid, a.id]),
  );
  const want = new Map<string, string>();
  for (const uid of articleEntryUids(library)) {
    const articleId = articleIds.get(uid);
    if (articleId === undefined) continue;
    const entry = articleEntry(library, uid);
    // The kept attribute's own value first, so it stands over a merged one's.
    const keys = [...entry.keys()].filter((k) => k.startsWith('attr:'));
    const own = keys.filter((k) => resolveNamed(attributes, k.slice(5)) === k.slice(5));
    for (const key of [...keys.filter((k) => !own.includes(k)), ...own]) {
      const live = resolveNamed(attributes, key.slice(5));
      const attributeId = live === undefined ? undefined : ids.get(live);
      const value = entry.get(key);
      if (attributeId === undefined) continue;
      if (typeof value === 'string') want.set(`${articleId}:${attributeId}`, value);
      else if (own.includes(key)) want.delete(`${articleId}:${attributeId}`);
    }
  }
  const have = rowsOf(db, 'SELECT article_id, attribute_id, value FROM article_attribute').all() as Array<{
    article_id: number;
    attribute_id: number;
    value: string;
  }>;
  const haveKeys = new Map(have.map((r) => [`${r.article_id}:${r.attribute_id}`, r.value]));
  for (const [key, value] of haveKeys) {
    if (want.get(key) === value) continue;
    const [articleId, attributeId] = key.split(':').map(Number);
    if (want.has(key)) {
      preparedStatement(db, 'UPDATE article_attribute SET value = ? WHERE article_id = ? AND attribute_id = ?').run(
        want.get(key)!,
        articleId,
        attributeId,
      );
    } else {
      preparedStatement(db, 'DELETE FROM article_attribute WHERE article_id = ? AND attribute_id = ?').run(
        articleId,
        attributeId,
      );
    }
  }
  for (const [key, value] of want) {
    if (haveKeys.has(key)) continue;
    const [articleId, attributeId] = key.split(':').map(Number);
    preparedStatement(db, 'INSERT INTO article_attribute (article_id, attribute_id, value) VALUES (?, ?, ?)').run(
      articleId,
      attributeId,
      value,
    );
  }
}

/** The library's members: every one the document names (a member is never removed, as their annotations stay). */
function projectMembers(db: Db, library: Y.Doc): void {
  root(library, 'members').forEach((value, uid) => {
    if (!(value instanceof Y.Map) || uid === '') return;
    const entry = value as Y.Map<unknown>;
    const name = stringField(entry, 'name');
    const color = stringField(entry, 'color');
    preparedStatement(
      db,
      `INSERT INTO library_member (uid, name, color) VALUES (?, ?, ?)
       ON CONFLICT (uid) DO UPDATE SET name = excluded.name, color = excluded.color
       WHERE name IS NOT excluded.name OR color IS NOT excluded.color`,
    ).run(uid, name, color);
  });
}

function projectDescription(db: Db, tagId: number, entry: Y.Map<unknown>): void {
  const current = rowsOf(db, 'SELECT * FROM tag_description WHERE tag_id = ?').get(tagId) as
    Record<string, FieldValue> | undefined;
  if (fieldOf(entry, 'described') !== true) {
    if (current) preparedStatement(db, 'DELETE FROM tag_description WHERE tag_id = ?').run(tagId);
    return;
  }
  const values = descriptionFields.map((f) => stringField(entry, f));
  if (current && descriptionFields.every((f, i) => current[f] === values[i])) return;
  preparedStatement(
    db,
    `INSERT INTO tag_description (tag_id, ${descriptionFields.join(', ')}) VALUES (?, ${descriptionFields.map(() => '?').join(', ')})
     ON CONFLICT (tag_id) DO UPDATE SET ${descriptionFields.map((f) => `${f} = excluded.${f}`).join(', ')}`,
  ).run(tagId, ...values);
}

/** A highlight row as stored (store/highlights.ts), by its uid: its article is the document's. */
type HighlightRow = Omit<StoredHighlightRow, 'article_id'> & { uid: string };
/** The columns a projected highlight row takes from its entry: the journal's, less its local ids. */
const highlightColumns = replicatedColumns('highlight', ['id', 'article_id', 'uid']);

/**
 * Projects one article's document: 'absent' when the article is not in this library (the document
 * waits for it), 'waits on its text' when the library document names another version of its text
 * than this device holds (a re-import elsewhere: the document's places are in that text, and the
 * rows stay as they are until it arrives and is taken), 'waits on a tag' when an assignment names
 * a tag this device has no live row for (yet: it is projected when the tag comes), 'projected' otherwise.
 */
export function projectArticle(
  db: Db,
  articleUid: string,
  doc: Y.Doc,
  library: Y.Doc,
): 'absent' | 'waits on its text' | 'waits on a tag' | 'projected' {
  const held = rowsOf(db, 'SELECT id, content_hash FROM article WHERE uid = ?').get(articleUid) as
    { id: number; content_hash: string } | undefined;
  if (held === undefined) return 'absent';
  if (held.content_hash !== currentVersion(library, articleUid)) return 'waits on its text';
  const articleId = held.id;
  const paragraphs = paragraphIdsByOrd(db, articleId);
  // Notes, paragraph tags and kinds are keyed by a place in one split of the text: each is put where its place leads here.
  const places = placesOf(db, articleId, articleUid, library, doc);
  const highlightIds = projectHighlights(db, articleId, doc, paragraphs);
  const waits = projectAssignments(db, articleId, doc, library, highlightIds, paragraphs, places);
  projectNotes(db, articleId, doc, paragraphs, places);
  // Those whose place leads to no paragraph here are listed apart, for the reader to show.
  const unplacedWait = projectUnplaced(db, articleId, doc, library, paragraphs, places);
  projectArticleMemo(db, articleId, doc);
  projectKinds(db, doc, paragraphs, places);
  return waits || unplacedWait ? 'waits on a tag' : 'projected';
}

function projectHighlights(
  db: Db,
  articleId: number,
  doc: Y.Doc,
  paragraphs: ReadonlyMap<number, number>,
): Map<string, number> {
  const wanted = new Map<string, Omit<HighlightRow, 'id' | 'uid'>>();
  const texts = new Map<number, string>();
  const textOf = (paragraphId: number): string => {
    let text = texts.get(paragraphId);
    if (text === undefined) {
      const found: unknown = columnOf(db, 'SELECT text FROM paragraph WHERE id = ?').get(paragraphId);
      text = typeof found === 'string' ? found : '';
      texts.set(paragraphId, text);
    }
    return text;
  };
  root(doc, 'highlights').forEach((value, uid) => {
    if (!(value instanceof Y.Map)) return;
    const entry = value as Y.Map<unknown>;
    if (fieldOf(entry, 'deleted') === true) return;
    const f = (name: (typeof highlightFields)[number]) => fieldOf(entry, name);
    const ord = f('paragraph');
    const paragraphId = typeof ord === 'number' ? (paragraphs.get(ord) ?? null) : null;
    const start = f('start_offset');
    const end = f('end_offset');
    const atPlace =
      paragraphId !== null &&
      typeof start === 'number' &&
      typeof end === 'number' &&
      start <= end &&
      textOf(paragraphId).slice(start, end) === String(f('quote') ?? '');
    // One whose quote is not what its place reads here was placed in another split of the text (made
    // on a device that had not yet taken a re-import, or whose cleaner splits the text otherwise): it
    // is found by its quote, as a re-clean finds it (never by a fuzzy match: that is its writer's to
    // make); else kept as an orphan, shown and re-placeable, until a device holding its row places it.
    // One its writer left an orphan (no paragraph) stays one: placing it is the person's to do.
    const found = atPlace || typeof ord !== 'number' ? undefined : byQuote(entry, ord, paragraphs, textOf);
    const place = atPlace
      ? { paragraphId, start, end }
      : found && { paragraphId: paragraphs.get(found.paragraph) ?? null, start: found.start, end: found.end };
    const placed = place !== undefined && place !== null && place.paragraphId !== null;
    wanted.set(uid, {
      paragraph_id: placed ? place.paragraphId : null,
      start_offset: placed ? place.start : null,
      end_offset: placed ? place.end : null,
      quote: String(f('quote') ?? ''),
      prefix: String(f('prefix') ?? ''),
      suffix: String(f('suffix') ?? ''),
      color: colourOf(f('color')),
      group_id: textOrNull(f('group_id')),
      created_at: String(f('created_at') ?? ''),
      updated_at: String(f('updated_at') ?? ''),
      comment: commentOf(entry),
      made_by: stringField(entry, 'made_by'),
    });
  });
  // Quote and context as written (store/highlightContext): compared with the document's values.
  const rows = rowsOf(
    db,
    `SELECT id, uid, ${highlightColumnsSql(highlightColumns)} FROM highlight WHERE article_id = ?`,
  ).all(articleId) as HighlightRow[];
  const ids = new Map<string, number>();
  for (const row of rows) {
    const values = wanted.get(row.uid);
    if (!values) {
      preparedStatement(db, 'DELETE FROM highlight_tag WHERE highlight_id = ?').run(row.id);
      preparedStatement(db, 'DELETE FROM highlight WHERE id = ?').run(row.id);
      continue;
    }
    ids.set(row.uid, row.id);
    if (highlightColumns.some((c) => row[c] !== values[c])) {
      preparedStatement(
        db,
        `UPDATE highlight SET ${highlightColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
      ).run(...highlightColumns.map((c) => values[c]), row.id);
    }
  }
  for (const [uid, values] of wanted) {
    if (ids.has(uid)) continue;
    const id = preparedStatement(
      db,
      `INSERT INTO highlight (article_id, uid, ${highlightColumns.join(', ')}) VALUES (?, ?, ${highlightColumns.map(() => '?').join(', ')})`,
    ).run(articleId, uid, ...highlightColumns.map((c) => values[c])).lastInsertRowid;
    ids.set(uid, Number(id));
  }
  return ids;
}

/** Where a highlight's quote is found in this device's paragraphs, exactly (reclean/anchorQuote), or undefined. */
function byQuote(
  entry: Y.Map<unknown>,
  hint: number,
  paragraphs: ReadonlyMap<number, number>,
  textOf: (paragraphId: number) => string,
): { paragraph: number; start: number; end: number } | undefined {
  const quote = stringField(entry, 'quote');
  if (quote === '') return undefined;
  const texts = [...paragraphs.keys()].sort((x, y) => x - y).map((ord) => textOf(paragraphs.get(ord)!));
  const start = fieldOf(entry, 'start_offset');
  const end = fieldOf(entry, 'end_offset');
  const anchor = anchorQuote(
    {
      hintParagraph: hint,
      start: typeof start === 'number' ? start : 0,
      end: typeof end === 'number' ? end : 0,
      quote,
      prefix: stringField(entry, 'prefix'),
      suffix: stringField(entry, 'suffix'),
    },
    texts,
  );
  return anchor && anchor.method !== 'fuzzy' ? anchor : undefined;
}

function projectAssignments(
  db: Db,
  articleId: number,
  doc: Y.Doc,
  library: Y.Doc,
  highlightIds: ReadonlyMap<string, number>,
  paragraphs: ReadonlyMap<number, number>,
  places: Places,
): boolean {
  const tags = tagLookup(db, library);
  /** A paragraph's tag as its newest split says: one taken off after a re-import is not put back by the key of the text before. */
  const newest = new Map<string, { hops: number; on: boolean; key: string }>();
  let waits = false;
  const onHighlights = new Map<string, string>();
  const onParagraphs = new Map<string, string>();
  const makers = root(doc, 'taggedby');
  /**
   * Two assignments can land on one row (a tag and one merged into it, or the same name made on
   * two devices): the row's maker is the direct one's, else the smallest key's, so every device
   * picks the same whatever order the keys arrived in (a Y.Map iterates in arrival order).
   */
  const chosen = new Map<string, { key: string; direct: boolean }>();
  const choose = (rows: Map<string, string>, pair: string, key: string, direct: boolean) => {
    const slot = `${rows === onHighlights ? 'h' : 'p'}${pair}`;
    const seen = chosen.get(slot);
    if (seen && (seen.direct !== direct ? seen.direct : seen.key < key)) return;
    chosen.set(slot, { key, direct });
    rows.set(pair, stringField(makers, key));
  };
  root(doc, 'tagged').forEach((on, key) => {
    const assignment = parseAssignment(key);
    if (!assignment) return;
    if (assignment.on === 'paragraph') {
      const at = places.place(assignment.place);
      if (!at) return;
      const slot = `${at.ord}:${assignment.tag}`;
      const seen = newest.get(slot);
      // Two old paragraphs carried to one keep a tag either had (a re-clean joins them so).
      if (!seen || at.hops < seen.hops || (at.hops === seen.hops && on === true && !seen.on))
        newest.set(slot, { hops: at.hops, on: on === true, key });
      return;
    }
    if (on !== true) return;
    const live = tags.resolve(assignment.tag);
    const tagId = live === undefined ? undefined : tags.rowId(live);
    if (tagId === undefined) {
      waits = true;
      return;
    }
    const direct = live === assignment.tag;
    const highlightId = highlightIds.get(assignment.highlight);
    if (highlightId !== undefined) choose(onHighlights, `${highlightId}:${tagId}`, key, direct);
  });
  for (const [slot, { on, key }] of newest) {
    if (!on) continue;
    const cut = slot.indexOf(':');
    const tag = slot.slice(cut + 1);
    const live = tags.resolve(tag);
    const tagId = live === undefined ? undefined : tags.rowId(live);
    if (tagId === undefined) {
      waits = true;
      continue;
    }
    const paragraphId = paragraphs.get(Number(slot.slice(0, cut)));
    if (paragraphId !== undefined) choose(onParagraphs, `${paragraphId}:${tagId}`, key, live === tag);
  }
  reconcilePairs(
    db,
    'highlight_tag',
    'highlight_id',
    rowsOf(
      db,
      `SELECT ht.highlight_id AS a, ht.tag_id AS b, ${madeByValueSql('ht')} AS by FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id WHERE h.article_id = ?`,
    ).all(articleId) as Array<{ a: number; b: number; by: string | null }>,
    onHighlights,
  );
  reconcilePairs(
    db,
    'paragraph_tag',
    'paragraph_id',
    rowsOf(
      db,
      `SELECT pt.paragraph_id AS a, pt.tag_id AS b, ${madeByValueSql('pt')} AS by FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id WHERE p.article_id = ?`,
    ).all(articleId) as Array<{ a: number; b: number; by: string | null }>,
    onParagraphs,
  );
  return waits;
}

function reconcilePairs(
  db: Db,
  table: 'highlight_tag' | 'paragraph_tag',
  owner: 'highlight_id' | 'paragraph_id',
  rows: ReadonlyArray<{ a: number; b: number; by: string | null }>,
  wanted: ReadonlyMap<string, string>,
): void {
  const have = new Map(rows.map((r) => [`${r.a}:${r.b}`, r.by]));
  for (const [pair, by] of have) {
    const [a, b] = pair.split(':').map(Number);
    const maker = wanted.get(pair);
    if (maker === undefined) preparedStatement(db, `DELETE FROM ${table} WHERE ${owner} = ? AND tag_id = ?`).run(a, b);
    else if (maker !== by) {
      preparedStatement(db, `UPDATE ${table} SET made_by = ? WHERE ${owner} = ? AND tag_id = ?`).run(maker, a, b);
    }
  }
  for (const [pair, maker] of wanted) {
    if (have.has(pair)) continue;
    const [a, b] = pair.split(':').map(Number);
    // The maker named ('' when none was recorded): left out, the insert trigger would make it this person's.
    preparedStatement(db, `INSERT INTO ${table} (${owner}, tag_id, made_by) VALUES (?, ?, ?)`).run(a, b, maker);
  }
}

interface NoteRow {
  paragraph_id: number;
  editor_state: string;
  plain_text: string;
  markdown: string;
  updated_at: string;
  made_by: string | null;
}

function projectNotes(
  db: Db,
  articleId: number,
  doc: Y.Doc,
  paragraphs: ReadonlyMap<number, number>,
  places: Places,
): void {
  const wanted = new Map<number, NoteRow>();
  for (const [ord, sources] of notesByPosition(doc, places)) {
    const paragraphId = paragraphs.get(ord);
    if (paragraphId === undefined) continue;
    const note = joinedNote(sources);
    wanted.set(paragraphId, {
      paragraph_id: paragraphId,
      editor_state: note.editorState,
      plain_text: note.plainText,
      markdown: note.markdown,
      updated_at: note.updatedAt,
      made_by: note.madeBy,
    });
  }
  const rows = rowsOf(
    db,
    'SELECT n.paragraph_id, n.editor_state, n.plain_text, n.markdown, n.updated_at, n.made_by FROM note n JOIN paragraph p ON p.id = n.paragraph_id WHERE p.article_id = ?',
  ).all(articleId) as NoteRow[];
  const have = new Map(rows.map((r) => [r.paragraph_id, r]));
  for (const row of rows)
    if (!wanted.has(row.paragraph_id))
      preparedStatement(db, 'DELETE FROM note WHERE paragraph_id = ?').run(row.paragraph_id);
  for (const [paragraphId, note] of wanted) {
    const row = have.get(paragraphId);
    if (
      row &&
      row.editor_state === note.editor_state &&
      row.plain_text === note.plain_text &&
      row.markdown === note.markdown &&
      row.updated_at === note.updated_at &&
      row.made_by === note.made_by
    ) {
      continue;
    }
    preparedStatement(
      db,
      `INSERT INTO note (paragraph_id, editor_state, plain_text, markdown, updated_at, made_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (paragraph_id) DO UPDATE SET editor_state = excluded.editor_state, plain_text = excluded.plain_text,
         markdown = excluded.markdown, updated_at = excluded.updated_at, made_by = excluded.made_by`,
    ).run(paragraphId, note.editor_state, note.plain_text, note.markdown, note.updated_at, note.made_by);
  }
}

interface MemoRow {
  id: number;
  uid: string;
  editor_state: string;
  plain_text: string;
  markdown: string;
  created_at: string;
  updated_at: string;
  made_by: string;
}

/** A memo row as its entry and texts say (richNoteText), or null when it is deleted or blank (a blank memo is removed). */
function memoValues(
  entry: Y.Map<unknown>,
  xml: Y.XmlText | undefined,
  legacyText: string,
): Omit<MemoRow, 'id' | 'uid'> | null {
  if (fieldOf(entry, 'deleted') === true) return null;
  const forms = storedForms(entry, xml, legacyText);
  if (forms.plainText.trim() === '') return null;
  return {
    editor_state: forms.editorState,
    plain_text: forms.plainText,
    markdown: forms.markdown,
    created_at: stringField(entry, 'created_at'),
    updated_at: stringField(entry, 'updated_at'),
    made_by: stringField(entry, 'made_by'),
  };
}

const memoColumns = ['editor_state', 'plain_text', 'markdown', 'created_at', 'updated_at', 'made_by'] as const;

function writeMemoRow(db: Db, row: MemoRow | undefined, values: Omit<MemoRow, 'id' | 'uid'>, insert: () => void): void {
  if (!row) {
    insert();
    return;
  }
  if (memoColumns.every((c) => row[c] === values[c])) return;
  preparedStatement(db, `UPDATE memo SET ${memoColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
    ...memoColumns.map((c) => values[c]),
    row.id,
  );
}

function projectArticleMemo(db: Db, articleId: number, doc: Y.Doc): void {
  const row = rowsOf(db, `SELECT id, uid, ${memoColumns.join(', ')} FROM memo WHERE article_id = ?`).get(articleId) as
    MemoRow | undefined;
  const values = hasArticleMemo(doc)
    ? memoValues(articleMemo(doc), articleMemoXml(doc), articleMemoText(doc).toJSON())
    : null;
  if (!values) {
    if (row) preparedStatement(db, 'DELETE FROM memo WHERE id = ?').run(row.id);
    return;
  }
  writeMemoRow(db, row, values, () =>
    preparedStatement(
      db,
      `INSERT INTO memo (article_id, ${memoColumns.join(', ')}) VALUES (?, ${memoColumns.map(() => '?').join(', ')})`,
    ).run(articleId, ...memoColumns.map((c) => values[c])),
  );
}

/** The library journal's entries, by uid. */
function projectJournalMemos(db: Db, library: Y.Doc): void {
  const wanted = new Map<string, Omit<MemoRow, 'id' | 'uid'>>();
  root(library, 'memos').forEach((value, uid) => {
    if (!(value instanceof Y.Map)) return;
    const entry = value as Y.Map<unknown>;
    const text = entry.get('text');
    const values = memoValues(entry, journalMemoXml(library, uid), text instanceof Y.Text ? text.toJSON() : '');
    if (values) wanted.set(uid, values);
  });
  const rows = rowsOf(
    db,
    `SELECT id, uid, ${memoColumns.join(', ')} FROM memo WHERE article_id IS NULL`,
  ).all() as MemoRow[];
  const byUid = new Map(rows.map((r) => [r.uid, r]));
  for (const row of rows) if (!wanted.has(row.uid)) preparedStatement(db, 'DELETE FROM memo WHERE id = ?').run(row.id);
  for (const [uid, values] of wanted) {
    writeMemoRow(db, byUid.get(uid), values, () =>
      preparedStatement(
        db,
        `INSERT INTO memo (article_id, uid, ${memoColumns.join(', ')}) VALUES (NULL, ?, ${memoColumns.map(() => '?').join(', ')})`,
      ).run(uid, ...memoColumns.map((c) => values[c])),
    );
  }
}

/**
 * A highlight's comment as its row can hold it: two devices' additions merged may pass the
 * comment's limit, and the row keeps the first 2,000 characters (the whole text stays in the document).
 */
function commentOf(entry: Y.Map<unknown>): string {
  const comment = entry.get('comment');
  const text = comment instanceof Y.Text ? comment.toJSON() : stringField(entry, 'comment');
  const characters = [...text];
  return characters.length <= maxHighlightCommentLength
    ? text
    : characters.slice(0, maxHighlightCommentLength).join('');
}

/**
 * The row holds only a colour the app draws (store/highlights.ts): another device's update is
 * not checked by this device's requests, and a colour it does not know is shown as the first.
 */
function colourOf(value: FieldValue): HighlightColor {
  return highlightColors.find((c) => c === value) ?? highlightColors[0];
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * After a writer outside the journal: highlights, assignments and notes the article's document
 * holds live that have no row any more are marked deleted (a re-clean moved a note to another
 * paragraph, or could not keep an assignment).
 */
export function markRowless(
  db: Db,
  doc: Y.Doc,
  library: Y.Doc,
  articleId: number,
  paragraphs: ReadonlyMap<number, number>,
  places: Places,
): void {
  const highlightUids = new Set(columnOf(db, 'SELECT uid FROM highlight WHERE article_id = ?').all(articleId));
  root(doc, 'highlights').forEach((value, uid) => {
    if (value instanceof Y.Map && !highlightUids.has(uid)) setField(value as Y.Map<unknown>, 'deleted', true);
  });
  const notes = new Set(
    columnOf(db, 'SELECT p.ord FROM note n JOIN paragraph p ON p.id = n.paragraph_id WHERE p.article_id = ?').all(
      articleId,
    ),
  );
  // Only entries placed here: one whose place leads to another split waits for a device holding it.
  for (const place of notePlaces(doc)) {
    const at = places.place(place);
    if (at && (!notes.has(at.ord) || !paragraphs.has(at.ord))) setField(noteEntry(doc, place), 'deleted', true);
  }
  const onParagraphs = new Set(
    columnOf(
      db,
      `SELECT p.ord || ':' || t.uid FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id
         JOIN tag t ON t.id = pt.tag_id WHERE p.article_id = ?`,
    ).all(articleId),
  );
  const onHighlights = new Set(
    columnOf(
      db,
      `SELECT h.uid || ':' || t.uid FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id
         JOIN tag t ON t.id = ht.tag_id WHERE h.article_id = ?`,
    ).all(articleId),
  );
  const hasMemo = rowsOf(db, 'SELECT 1 FROM memo WHERE article_id = ?').get(articleId) !== undefined;
  if (hasArticleMemo(doc) && !hasMemo) setField(articleMemo(doc), 'deleted', true);
  const tagged = root(doc, 'tagged');
  const tags = tagLookup(db, library);
  tagged.forEach((on, key) => {
    const a = parseAssignment(key);
    if (on !== true || !a) return;
    // Compared by the tag it stands for now, as projected; one not projected here is left alone.
    const live = tags.resolve(a.tag);
    if (live === undefined) return;
    const at = a.on === 'paragraph' ? places.place(a.place) : undefined;
    if (a.on === 'paragraph' && !at) return;
    const present =
      a.on === 'highlight' ? onHighlights.has(`${a.highlight}:${live}`) : onParagraphs.has(`${at!.ord}:${live}`);
    if (!present) setField(tagged, key, false);
  });
}
