import type * as Y from 'yjs';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';
import {
  articleEntryUids,
  fieldOf,
  noteEntry,
  notePlaces,
  noteText,
  noteXml,
  parseAssignment,
  root,
  stringField,
} from './docShape';
import { asNamed, resolveNamed } from './namedEntries';
import { namesSplit, type Places } from './paragraphPlaces';
import { storedForms } from './richNoteText';

/**
 * An article document's live notes and paragraph tags that lead to no paragraph here: written on a
 * split of the text no map of paragraph places leads to from this device's split (another device
 * re-cleaned with another cleaner, and this one has not; or the map has not arrived), or to a
 * position this device's paragraphs lack. They stay in the document, where a later map may place
 * them; meanwhile their rows (migration 0042) are what the reader lists, so none is shown nowhere.
 */
interface UnplacedRow {
  entry: string;
  kind: 'note' | 'paragraph_tag';
  tag_id: number | null;
  plain_text: string;
  markdown: string;
  made_by: string;
  updated_at: string;
}

const placedHere = (places: Places, paragraphs: ReadonlyMap<number, number>, key: string) => {
  const at = places.place(key);
  return at !== undefined && paragraphs.has(at.ord);
};

/**
 * Writes the article's unplaced rows as its document says. Returns true when an unplaced tag
 * names a tag with no live row here yet: the article is projected again when tags change.
 */
export function projectUnplaced(
  db: Db,
  articleId: number,
  doc: Y.Doc,
  library: Y.Doc,
  paragraphs: ReadonlyMap<number, number>,
  places: Places,
): boolean {
  const wanted = new Map<string, UnplacedRow>();
  for (const place of notePlaces(doc)) {
    const entry = noteEntry(doc, place);
    if (fieldOf(entry, 'deleted') === true || placedHere(places, paragraphs, place)) continue;
    const forms = storedForms(entry, noteXml(doc, place), noteText(doc, place).toJSON());
    // A blank note is no note (placed ones are left out so too: placedNotes).
    if (forms.plainText.trim() === '') continue;
    wanted.set(`note/${place}`, {
      entry: `note/${place}`,
      kind: 'note',
      tag_id: null,
      plain_text: forms.plainText,
      markdown: forms.markdown,
      made_by: stringField(entry, 'made_by'),
      updated_at: stringField(entry, 'updated_at'),
    });
  }

  const tags = root(library, 'tags');
  const named = { get: (uid: string) => asNamed(uid, tags.get(uid)) };
  const makers = root(doc, 'taggedby');
  let waits = false;
  /** One row per place and live tag (a tag and one merged into it on one place are one tag): the smallest key's. */
  const byPlaceAndTag = new Map<string, string>();
  root(doc, 'tagged').forEach((on, key) => {
    const assignment = parseAssignment(key);
    if (on !== true || assignment?.on !== 'paragraph' || placedHere(places, paragraphs, assignment.place)) return;
    const live = resolveNamed(named, assignment.tag);
    const tagId: unknown =
      live === undefined ? undefined : preparedStatement(db, 'SELECT id FROM tag WHERE uid = ?').pluck(true).get(live);
    if (typeof tagId !== 'number') {
      // Deleted (no row wanted), or not projected here yet (waits, as a placed assignment does).
      if (live !== undefined) waits = true;
      return;
    }
    const slot = `${assignment.place}:${tagId}`;
    const seen = byPlaceAndTag.get(slot);
    if (seen !== undefined && seen < key) return;
    if (seen !== undefined) wanted.delete(`tagged/${seen}`);
    byPlaceAndTag.set(slot, key);
    wanted.set(`tagged/${key}`, {
      entry: `tagged/${key}`,
      kind: 'paragraph_tag',
      tag_id: tagId,
      plain_text: '',
      markdown: '',
      made_by: stringField(makers, key),
      updated_at: '',
    });
  });

  const have = preparedStatement(
    db,
    'SELECT entry, kind, tag_id, plain_text, markdown, made_by, updated_at FROM unplaced_annotation WHERE article_id = ?',
  )
    .pluck(false)
    .all(articleId) as UnplacedRow[];
  const columns = ['kind', 'tag_id', 'plain_text', 'markdown', 'made_by', 'updated_at'] as const;
  for (const row of have) {
    const next = wanted.get(row.entry);
    wanted.delete(row.entry);
    if (!next) {
      preparedStatement(db, 'DELETE FROM unplaced_annotation WHERE article_id = ? AND entry = ?').run(
        articleId,
        row.entry,
      );
    } else if (columns.some((c) => row[c] !== next[c])) {
      preparedStatement(
        db,
        `UPDATE unplaced_annotation SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE article_id = ? AND entry = ?`,
      ).run(...columns.map((c) => next[c]), articleId, row.entry);
    }
  }
  for (const row of wanted.values()) {
    preparedStatement(
      db,
      `INSERT INTO unplaced_annotation (article_id, entry, ${columns.join(', ')}) VALUES (?, ?, ${columns.map(() => '?').join(', ')})`,
    ).run(articleId, row.entry, ...columns.map((c) => row[c]));
  }
  return waits;
}

/** The uids of the articles with an unplaced row on one of these tags (removed here: their rows go to the tag kept). */
export function articlesWithUnplacedTags(db: Db, tagIds: readonly number[]): string[] {
  const found = new Set<string>();
  for (const tagId of tagIds) {
    const uids = preparedStatement(
      db,
      'SELECT a.uid FROM article a WHERE a.id IN (SELECT article_id FROM unplaced_annotation WHERE tag_id = ?)',
    )
      .pluck(true)
      .all(tagId) as string[];
    for (const uid of uids) found.add(uid);
  }
  return [...found];
}

/** The articles whose library entry names a split of their text (re-split somewhere): only their documents can hold entries unplaced. */
export function articlesSplitAnew(library: Y.Doc): string[] {
  return articleEntryUids(library).filter((uid) => namesSplit(library, uid));
}
