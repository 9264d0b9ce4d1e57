import * as Y from 'yjs';
import type { ChangeCause } from '../../journal/changeSink';
import type { Row, RowChange } from '../../journal/journaledTables';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';
import {
  articleEntry,
  attributeFields,
  attributeKey,
  articleMemo,
  articleMemoText,
  articleMemoXml,
  journalMemoXml,
  nestedText,
  articleFields,
  descriptionFields,
  editText,
  entryOf,
  existingEntry,
  fieldOf,
  highlightFields,
  highlightKey,
  memberFields,
  noteEntry,
  noteText,
  noteXml,
  paragraphKey,
  root,
  setField,
  tagFields,
  type FieldValue,
} from './docShape';
import { articleDocName, libraryDoc } from './docStore';
import { uidOfArticle } from './articleRows';
import { readRichText, storedForms, writeWords } from './richNoteText';
import { replayedNote, sameNote } from './replayedNote';
import { replayedSplices } from './replayedTextEdit';
import { keepMergesInto } from './sameNameMerges';
import { asNamed, resolveNamed } from './namedEntries';
import { announceMaker } from '../../team/members';
import { writeKind } from './paragraphKinds';
import { wordDataEdit } from './wordData';
import { isPurged, recordTombstone } from '../purge/tombstones';
import { placesOf } from './paragraphPlaces';
import { notesByPosition } from './placedNotes';

type Edit = (doc: Y.Doc) => void;

/**
 * The Yjs operations that say what a list of row changes did, grouped by document, keyed by
 * uids and paragraph positions instead of local ids. Only the fields that differ between a
 * change's before and after are written, so an undo (whose changes arrive turned round) takes
 * back only what its operation set, and a field another device changed since stays theirs.
 */
export function changesToDocs(
  db: Db,
  changes: readonly RowChange[],
  cause: ChangeCause,
  deviceId = '',
  library: () => Y.Doc = () => new Y.Doc(),
): Map<string, Edit[]> {
  const ids = lookups(db, changes);
  /** A paragraph's article places (paragraphPlaces): a paragraph's data is keyed by its place in this device's split. */
  const placesIn = (doc: Y.Doc, articleId: number) =>
    placesOf(db, articleId, ids.articleUid(articleId) ?? '', library(), doc);
  const edits = new Map<string, Edit[]>();
  const add = (name: string | undefined, edit: Edit) => {
    if (name === undefined) return;
    const list = edits.get(name) ?? [];
    list.push(edit);
    edits.set(name, list);
  };
  const redirects = cause.tagRedirects ?? inferredRedirects(changes);
  // The tag a row names: by the uid the journal kept with it (journal/rowsByUid), as its id may be another tag's now.
  const tagOf = (row: Row) => str(row.tag_uid) ?? ids.tagUid(num(row.tag_id));
  // Whoever made a row here is named in the library document with their first (team/members).
  const makers = new Set<string>();

  for (const change of changes) {
    const row = change.after ?? change.before;
    if (!row) continue;
    const maker = change.after ? str(change.after.made_by) : undefined;
    if (maker !== undefined && maker !== '' && !makers.has(maker)) {
      makers.add(maker);
      add(libraryDoc, (doc) => announceMaker(db, doc, maker));
    }
    switch (change.table) {
      case 'highlight': {
        // A change journaled before migration 0026 has no uid: the row's, when it is still there.
        const uid = str(row.uid) ?? ids.highlight(num(row.id))?.uid;
        const article = ids.articleDoc(num(row.article_id));
        if (uid === undefined) break;
        add(article, (doc) => {
          const highlights = root(doc, 'highlights');
          if (!change.after) {
            const entry = existingEntry(highlights, uid);
            if (!entry) return;
            // What this device had seen of it, for a later purge (sync/purge).
            recordTombstone(db, doc.guid, doc, uid);
            setField(entry, 'deleted', true);
            return;
          }
          // Purged (sync/purge): only a row made again (its deleter's undo) makes an entry; an undone edit writes nothing.
          if (change.before && isPurged(doc, highlights, uid)) return;
          // A row an undo (or redo) puts back whose entry is there, deleted: its fields stand as
          // the document has them, another device's edits of the deleted highlight included.
          const revived = isRevival(cause, change, existingEntry(highlights, uid));
          const entry = entryOf(highlights, uid);
          const values = highlightValues(ids, change.after);
          const before = change.before ? highlightValues(ids, change.before) : undefined;
          for (const field of highlightFields) {
            if (revived ? !entry.has(field) : !before || before[field] !== values[field] || !entry.has(field))
              setField(entry, field, values[field]);
          }
          // A comment merges by character, as a note does: two devices' edits of it both stay.
          const comment = str(change.after.comment) ?? '';
          const held = entry.get('comment');
          if (held instanceof Y.Text && cause.replay !== undefined && !revived && change.before) {
            // An undo or redo of a comment edit: only its own edit, on the words as they are now (replayedTextEdit).
            for (const s of replayedSplices(str(change.before.comment) ?? '', comment, held.toJSON())) {
              if (s.remove > 0) held.delete(s.at, s.remove);
              if (s.insert !== '') held.insert(s.at, s.insert);
            }
          } else if (!(held instanceof Y.Text) || (!revived && (!change.before || change.before.comment !== comment))) {
            editText(nestedText(entry, 'comment'), comment);
          }
          // Only a row made (or put back by an undo) lives again: an edit of one deleted elsewhere meanwhile stays deleted.
          if (!change.before) setField(entry, 'deleted', false);
        });
        break;
      }
      case 'tag': {
        const uid = str(row.uid) ?? ids.tagUid(num(row.id));
        if (uid === undefined) break;
        const into = redirects.get(num(row.id));
        const intoUid = into === undefined ? undefined : ids.tagUid(into);
        add(libraryDoc, (doc) => {
          const tags = root(doc, 'tags');
          // Renamed, deleted or merged: the tags the same-name rule merged into it stay merged, as this person sees them.
          if (change.before && (!change.after || change.after.name !== change.before.name))
            keepMergesInto(doc, 'tags', uid);
          if (!change.after) {
            const entry = existingEntry(tags, uid);
            if (!entry) return;
            setField(entry, 'deleted', true);
            if (intoUid !== undefined) setField(entry, 'merged_into', intoUid);
            return;
          }
          const revived = isRevival(cause, change, existingEntry(tags, uid));
          const entry = entryOf(tags, uid);
          writeFields(entry, tagFields, change.before, change.after, revived);
          if (!change.before) {
            setField(entry, 'deleted', false);
            setField(entry, 'merged_into', null);
          }
        });
        break;
      }
      case 'tag_description': {
        const uid = tagOf(row);
        if (uid === undefined) break;
        add(libraryDoc, (doc) => {
          const entry = entryOf(root(doc, 'tags'), uid);
          // Its tombstone is `described: false`: one put back by an undo keeps another device's words meanwhile.
          const revived = cause.replay !== undefined && !change.before && entry.get('described') === false;
          if (change.after) writeFields(entry, descriptionFields, change.before, change.after, revived);
          setField(entry, 'described', change.after !== null);
        });
        break;
      }
      case 'article': {
        const uid = ids.articleUid(num(row.id));
        if (uid === undefined || !change.after) break;
        const after = change.after;
        add(libraryDoc, (doc) => writeFields(articleEntry(doc, uid), articleFields, change.before, after));
        break;
      }
      case 'highlight_tag': {
        // By uid too (journal/rowsByUid): another device's delete may have freed the id for another highlight.
        const highlightUid = str(row.highlight_uid);
        const highlight =
          highlightUid === undefined ? ids.highlight(num(row.highlight_id)) : ids.highlightByUid(highlightUid);
        const tag = tagOf(row);
        if (!highlight || tag === undefined) break;
        add(ids.articleDoc(highlight.articleId), (doc) =>
          writeAssignment(doc, highlightKey(highlight.uid, tag), change, library(), cause.replay !== undefined),
        );
        break;
      }
      case 'paragraph_tag': {
        const paragraph = ids.paragraph(num(row.paragraph_id));
        const tag = tagOf(row);
        if (!paragraph || tag === undefined) break;
        // Its key in this device's split: the newest split's key of a paragraph's tag is the one that counts.
        add(ids.articleDoc(paragraph.articleId), (doc) =>
          writeAssignment(
            doc,
            paragraphKey(placesIn(doc, paragraph.articleId).keyOf(paragraph.ord), tag),
            change,
            library(),
            cause.replay !== undefined,
          ),
        );
        break;
      }
      case 'note': {
        const paragraph = ids.paragraph(num(row.paragraph_id));
        if (!paragraph) break;
        const after = change.after;
        add(ids.articleDoc(paragraph.articleId), (doc) => {
          const places = placesIn(doc, paragraph.articleId);
          // The entries the note here shows (a note written on a text before, carried here, has its entry there).
          const sources = notesByPosition(doc, places, paragraph.ord).get(paragraph.ord) ?? [];
          if (!after) {
            // The words stay in the document: a concurrent edit on another device survives in the data.
            for (const source of sources) setField(source.entry, 'deleted', true);
            setField(noteEntry(doc, places.keyOf(paragraph.ord)), 'deleted', true);
            return;
          }
          // One entry shows here: edited in place, so a concurrent edit elsewhere merges. Several joined
          // (two paragraphs' notes carried to one): the joined words become this split's note, the others done.
          const place = sources.length === 1 ? sources[0]!.place : places.keyOf(paragraph.ord);
          for (const source of sources) if (source.place !== place) setField(source.entry, 'deleted', true);
          const entry = noteEntry(doc, place);
          // A note an undo puts back keeps the words and forms the document holds: another device's edit of
          // it meanwhile, or a note another device wrote there anew after seeing the delete.
          const revived = isPutBackOver(cause, change, entry, deviceId);
          markRewrite(cause, change, entry, deviceId);
          const put = (field: string, value: FieldValue) => {
            if (!revived || !entry.has(field)) setField(entry, field, value);
          };
          let forms = formsOf(after);
          const xml = noteXml(doc, place);
          // An undo or redo of an edit, on words another device edited since: only its own edit is made again.
          let merged = false;
          if (cause.replay !== undefined && change.before && !revived && entry.has('saved_text')) {
            const now = storedForms(entry, xml, noteText(doc, place).toJSON());
            const from = formsOf(change.before);
            // Words or only formatting changed since: either is another device's edit, and stays.
            merged = !sameNote(from, now);
            if (merged) forms = replayedNote(from, forms, now);
          }
          // Its words as rich text: a concurrent edit on another device merges by character, formatting kept.
          if (!revived || !entry.has('saved_text')) {
            writeWords(entry, xml, noteText(doc, place), forms);
          }
          // A merged replay is saved as the text now reads (its Markdown and state made by the editor).
          if (merged) forms = readRichText(xml);
          put('editor_state', forms.editorState);
          put('markdown', forms.markdown);
          // The text the stored editor state shows: another device's merged text differs, and is rebuilt.
          put('saved_text', forms.plainText);
          put('updated_at', str(after.updated_at) ?? '');
          // The note's maker: whoever made it, kept through others' edits (journaledTables).
          if (!change.before || !entry.has('made_by')) put('made_by', str(after.made_by) ?? '');
          if (!change.before) setField(entry, 'deleted', false);
        });
        break;
      }
      case 'memo': {
        const after = change.after;
        const articleId = row.article_id;
        if (typeof articleId === 'number') {
          add(ids.articleDoc(articleId), (doc) => {
            const entry = articleMemo(doc);
            const revived = isPutBackOver(cause, change, entry, deviceId);
            markRewrite(cause, change, entry, deviceId);
            writeMemo(entry, articleMemoXml(doc), articleMemoText(doc), change, revived);
          });
          break;
        }
        const uid = str(row.uid) ?? ids.memoUid(num(row.id));
        if (uid === undefined) break;
        add(libraryDoc, (doc) => {
          const memos = root(doc, 'memos');
          if (!after) {
            const entry = existingEntry(memos, uid);
            if (entry) setField(entry, 'deleted', true);
            return;
          }
          const revived = isRevival(cause, change, existingEntry(memos, uid));
          const entry = entryOf(memos, uid);
          // Its words' rich text is top-level (a journal memo written before it has none; two devices may make it at once).
          const legacy = entry.get('text');
          writeMemo(entry, journalMemoXml(doc, uid), legacy instanceof Y.Text ? legacy : undefined, change, revived);
        });
        break;
      }
      case 'attribute': {
        const uid = str(row.uid) ?? ids.attributeUid(num(row.id));
        if (uid === undefined) break;
        add(libraryDoc, (doc) => {
          const attributes = root(doc, 'attributes');
          // Renamed or removed: the attributes the same-name rule merged into it stay merged, as this person sees them.
          if (change.before && (!change.after || change.after.name !== change.before.name))
            keepMergesInto(doc, 'attributes', uid);
          if (!change.after) {
            const entry = existingEntry(attributes, uid);
            if (entry) setField(entry, 'deleted', true);
            return;
          }
          const revived = isRevival(cause, change, existingEntry(attributes, uid));
          const entry = entryOf(attributes, uid);
          writeFields(entry, attributeFields, change.before, change.after, revived);
          if (!change.before) setField(entry, 'deleted', false);
        });
        break;
      }
      case 'article_attribute': {
        const article = ids.articleUid(num(row.article_id));
        const attribute = ids.attributeUid(num(row.attribute_id));
        if (article === undefined || attribute === undefined) break;
        const value = change.after ? (str(change.after.value) ?? null) : null;
        add(libraryDoc, (doc) => {
          const entry = articleEntry(doc, article);
          // A value an undo puts back where another device set one since this device's removal wrote none: theirs stands.
          const setElsewhere = typeof entry.get(attributeKey(attribute)) === 'string';
          if (cause.replay !== undefined && !change.before && setElsewhere) return;
          setField(entry, attributeKey(attribute), value);
        });
        break;
      }
      case 'library_member': {
        const uid = str(row.uid);
        if (uid === undefined || !change.after) break;
        const after = change.after;
        add(libraryDoc, (doc) => {
          const entry = entryOf(root(doc, 'members'), uid);
          writeFields(entry, memberFields, change.before, after);
        });
        break;
      }
      case 'paragraph': {
        // A kind the person chose (or an undo put back), by the paragraph's position (paragraphKinds).
        const paragraph = ids.paragraph(num(row.id));
        const after = change.after;
        if (!paragraph || !after) break;
        add(ids.articleDoc(paragraph.articleId), (doc) =>
          writeKind(doc, placesIn(doc, paragraph.articleId).keyOf(paragraph.ord), after),
        );
        break;
      }
      default: {
        // Term overrides, vocabulary and the stop-word list: the library document's word data.
        const edit = wordDataEdit(db, change, cause);
        if (edit) add(libraryDoc, edit);
        break;
      }
    }
  }
  return edits;
}

/** A memo's words into its rich text (merging by character), its other forms and dates beside it; a removal marks it deleted. */
function writeMemo(
  entry: Y.Map<unknown>,
  xml: Y.XmlText,
  legacy: Y.Text | undefined,
  change: RowChange,
  revived: boolean,
): void {
  const after = change.after;
  if (!after) {
    setField(entry, 'deleted', true);
    return;
  }
  // A memo an undo puts back keeps the words and forms the document holds (isRevival).
  const put = (field: string, value: FieldValue) => {
    if (!revived || !entry.has(field)) setField(entry, field, value);
  };
  const words = str(after.plain_text) ?? '';
  if (!revived || !entry.has('saved_text')) writeWords(entry, xml, legacy, formsOf(after));
  put('editor_state', str(after.editor_state) ?? '');
  put('markdown', str(after.markdown) ?? '');
  put('saved_text', words);
  put('created_at', str(after.created_at) ?? '');
  put('updated_at', str(after.updated_at) ?? '');
  if (!change.before || !entry.has('made_by')) put('made_by', str(after.made_by) ?? '');
  if (!change.before) setField(entry, 'deleted', false);
}

/** A note or memo row's three forms of its words. */
function formsOf(row: Row): { editorState: string; plainText: string; markdown: string } {
  return {
    editorState: str(row.editor_state) ?? '',
    plainText: str(row.plain_text) ?? '',
    markdown: str(row.markdown) ?? '',
  };
}

/**
 * An assignment on or off; one turned on records who did, beside it (docShape). One turned off
 * takes off with it the keys of the same highlight or paragraph under tags merged into its tag
 * (a same-name merge, or a merge whose keys have not arrived): the row stood for them too, and
 * left on they would put the tag back on every other device.
 */
function writeAssignment(doc: Y.Doc, key: string, change: RowChange, library: Y.Doc, replay: boolean): void {
  const tagged = root(doc, 'tagged');
  if (change.after === null) {
    const cut = key.lastIndexOf(':');
    const owner = key.slice(0, cut + 1);
    const tag = key.slice(cut + 1);
    const tags = root(library, 'tags');
    const entries = { get: (uid: string) => asNamed(uid, tags.get(uid)) };
    for (const [other, on] of tagged.entries()) {
      if (other === key || on !== true || !other.startsWith(owner)) continue;
      const otherTag = other.slice(owner.length);
      if (otherTag !== tag && resolveNamed(entries, otherTag) === tag) setField(tagged, other, false);
    }
    // An undo or redo taking off a use of a tag merged away since: the merge carried the use to the
    // tag it went into, still its maker's, and it goes too; the same key made by another is theirs and stays.
    const live = replay ? resolveNamed(entries, tag) : undefined;
    const carried = `${owner}${live ?? ''}`;
    const maker = str(change.before?.made_by);
    if (live !== undefined && live !== tag && tagged.get(carried) === true && maker !== undefined) {
      if (fieldOf(root(doc, 'taggedby'), carried) === maker) setField(tagged, carried, false);
    }
  }
  setField(tagged, key, change.after !== null);
  if (change.after && !change.before) setField(root(doc, 'taggedby'), key, str(change.after.made_by) ?? '');
}

/** Fields that changed; a revived entry (isRevival) gets only those it lacks. */
function writeFields(
  entry: Y.Map<unknown>,
  fields: readonly string[],
  before: Row | null,
  after: Row,
  revived = false,
): void {
  for (const field of fields) {
    const value = after[field] ?? null;
    const changed = revived ? false : !before || (before[field] ?? null) !== value;
    if (changed || !entry.has(field)) setField(entry, field, value);
  }
}

/**
 * A row an undo (or redo) puts back whose entry is in the document, deleted. Deleting writes only
 * the tombstone, so the entry's fields are this device's values at the delete or another device's
 * edits since: the revival keeps them rather than overwriting those edits with no record.
 */
function isRevival(cause: ChangeCause, change: RowChange, entry: Y.Map<unknown> | undefined): boolean {
  return cause.replay !== undefined && !change.before && entry?.get('deleted') === true;
}

/**
 * The same for a note or article memo, held by position rather than uid: another device may have
 * written a new one there after the delete, live now, and the undo keeps that too. Unless this
 * device wrote the last new one there (markRewrite): then what the document holds is this
 * device's own later words, which its undo history has already taken back, and the undo puts
 * back the words it deleted.
 */
function isPutBackOver(cause: ChangeCause, change: RowChange, entry: Y.Map<unknown>, deviceId: string): boolean {
  return (
    cause.replay !== undefined &&
    !change.before &&
    entry.has('saved_text') &&
    !(deviceId !== '' && entry.get('rewritten_on') === deviceId)
  );
}

/** A person's new note or memo where an earlier one was deleted: the device that wrote it, for isPutBackOver. */
function markRewrite(cause: ChangeCause, change: RowChange, entry: Y.Map<unknown>, deviceId: string): void {
  if (cause.replay === undefined && !change.before && change.after && entry.has('saved_text') && deviceId !== '') {
    setField(entry, 'rewritten_on', deviceId);
  }
}

/** A highlight row's replicated values: its paragraph by position in the article, not by rowid. */
function highlightValues(ids: Lookups, row: Row): Record<(typeof highlightFields)[number], FieldValue> {
  const paragraphId = row.paragraph_id;
  const paragraph = typeof paragraphId === 'number' ? ids.paragraph(paragraphId) : undefined;
  return {
    paragraph: paragraph ? paragraph.ord : null,
    start_offset: row.start_offset ?? null,
    end_offset: row.end_offset ?? null,
    quote: row.quote ?? '',
    prefix: row.prefix ?? '',
    suffix: row.suffix ?? '',
    color: row.color ?? '',
    group_id: row.group_id ?? null,
    created_at: row.created_at ?? '',
    updated_at: row.updated_at ?? '',
    made_by: row.made_by ?? '',
  };
}

/**
 * A redone merge has no recorder to say where its tags went: an attachment taken off a deleted
 * tag and put on another in the same change list says it.
 */
function inferredRedirects(changes: readonly RowChange[]): Map<number, number> {
  const deleted = new Set(changes.filter((c) => c.table === 'tag' && !c.after).map((c) => num(c.key.id)));
  const removedFrom = new Map<string, number>();
  const addedTo = new Map<string, number>();
  for (const c of changes) {
    if (c.table !== 'highlight_tag' && c.table !== 'paragraph_tag') continue;
    const owner = c.table === 'highlight_tag' ? `h${String(c.key.highlight_id)}` : `p${String(c.key.paragraph_id)}`;
    const tag = num(c.key.tag_id);
    if (!c.after && deleted.has(tag)) removedFrom.set(owner, tag);
    else if (!c.before) addedTo.set(owner, tag);
  }
  const found = new Map<number, number>();
  for (const [owner, from] of removedFrom) {
    const to = addedTo.get(owner);
    if (to !== undefined && !found.has(from)) found.set(from, to);
  }
  return found;
}

interface Lookups {
  articleUid(articleId: number): string | undefined;
  articleDoc(articleId: number): string | undefined;
  tagUid(tagId: number): string | undefined;
  memoUid(memoId: number): string | undefined;
  attributeUid(attributeId: number): string | undefined;
  highlight(id: number): { uid: string; articleId: number } | undefined;
  highlightByUid(uid: string): { uid: string; articleId: number } | undefined;
  paragraph(id: number): { articleId: number; ord: number } | undefined;
}

/** Ids to uids, from the changes themselves first (a row deleted in this operation is gone from the table). */
function lookups(db: Db, changes: readonly RowChange[]): Lookups {
  const tags = new Map<number, string>();
  const attributes = new Map<number, string>();
  const highlights = new Map<number, { uid: string; articleId: number }>();
  for (const change of changes) {
    for (const row of [change.before, change.after]) {
      if (!row) continue;
      const uid = str(row.uid);
      if (uid === undefined) continue;
      if (change.table === 'tag') tags.set(num(row.id), uid);
      if (change.table === 'attribute') attributes.set(num(row.id), uid);
      if (change.table === 'highlight') highlights.set(num(row.id), { uid, articleId: num(row.article_id) });
    }
  }
  const articleUid = (articleId: number) => uidOfArticle(db, articleId);
  return {
    articleUid,
    articleDoc(articleId) {
      const uid = articleUid(articleId);
      return uid === undefined ? undefined : articleDocName(uid);
    },
    tagUid(tagId) {
      return tags.get(tagId) ?? uidOf(db, 'SELECT uid FROM tag WHERE id = ?', tagId);
    },
    attributeUid(attributeId) {
      return attributes.get(attributeId) ?? uidOf(db, 'SELECT uid FROM attribute WHERE id = ?', attributeId);
    },
    memoUid(memoId) {
      return uidOf(db, 'SELECT uid FROM memo WHERE id = ?', memoId);
    },
    highlight(id) {
      const known = highlights.get(id);
      if (known) return known;
      const row = preparedStatement(db, 'SELECT uid, article_id FROM highlight WHERE id = ?').pluck(false).get(id) as
        { uid: string; article_id: number } | undefined;
      return row ? { uid: row.uid, articleId: row.article_id } : undefined;
    },
    highlightByUid(uid) {
      const known = [...highlights.values()].find((h) => h.uid === uid);
      if (known) return known;
      const articleId: unknown = preparedStatement(db, 'SELECT article_id FROM highlight WHERE uid = ?')
        .pluck(true)
        .get(uid);
      return typeof articleId === 'number' ? { uid, articleId } : undefined;
    },
    paragraph(id) {
      const row = preparedStatement(db, 'SELECT article_id, ord FROM paragraph WHERE id = ?').pluck(false).get(id) as
        { article_id: number; ord: number } | undefined;
      return row ? { articleId: row.article_id, ord: row.ord } : undefined;
    },
  };
}

/** A row's uid by its id; statements kept per connection (every annotation write asks these). */
function uidOf(db: Db, sql: string, id: number): string | undefined {
  const uid: unknown = preparedStatement(db, sql).pluck(true).get(id);
  return typeof uid === 'string' ? uid : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
