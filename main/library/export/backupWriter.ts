import type { BackupImportCounts } from '../../../preload/contract/api';
import { normalizeComment } from '../annotations/highlightOperations';
import { ancestorsOf, foldTagCase } from '../annotations/tagNames';
import type { Db } from '../store/openDatabase';
import { canonicalTagName, findTag } from '../store/tags';
import type { BackupHighlight, BackupNote } from './backupFormat';
import { joinNotes, noteAlreadyHolds, type StoredNote } from './joinNotes';

export type BackupWriter = ReturnType<typeof createBackupWriter>;

/**
 * The writes of one backup import, with their statements prepared once and the counts kept as
 * it goes. Tags are found case-insensitively and reused; nothing already stored is overwritten.
 */
export function createBackupWriter(db: Db, now: string) {
  const counts: BackupImportCounts = {
    articlesAdded: 0,
    articlesAddedToTrash: 0,
    articlesMerged: 0,
    highlightsAdded: 0,
    highlightsAlreadyPresent: 0,
    highlightsOrphaned: 0,
    tagsAdded: 0,
    paragraphTagsAdded: 0,
    notesAdded: 0,
    notesJoined: 0,
    vocabularyAdded: 0,
    termOverridesAdded: 0,
    tagDescriptionsAdded: 0,
    memosAdded: 0,
    memosJoined: 0,
    attributesAdded: 0,
    attributeValuesAdded: 0,
  };
  const tagIds = new Map<string, number>();
  const statements = {
    insertTag: db.prepare('INSERT INTO tag (name, color, created_at) VALUES (?, ?, ?)'),
    insertHighlight: db.prepare(
      `INSERT INTO highlight (article_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, color, comment, created_at, updated_at, group_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    tagHighlight: db.prepare('INSERT OR IGNORE INTO highlight_tag (highlight_id, tag_id) VALUES (?, ?)'),
    commentIfNone: db.prepare("UPDATE highlight SET comment = ? WHERE id = ? AND comment = ''"),
    tagParagraph: db.prepare('INSERT OR IGNORE INTO paragraph_tag (paragraph_id, tag_id) VALUES (?, ?)'),
    readNote: db.prepare('SELECT editor_state, plain_text, markdown FROM note WHERE paragraph_id = ?'),
    insertNote: db.prepare(
      'INSERT INTO note (paragraph_id, editor_state, plain_text, markdown, updated_at) VALUES (?, ?, ?, ?, ?)',
    ),
    updateNote: db.prepare(
      'UPDATE note SET editor_state = ?, plain_text = ?, markdown = ?, updated_at = ? WHERE paragraph_id = ?',
    ),
  };

  /** The id of the tag `name` (and every level above it), created when missing with the backup's colour and date. */
  function tagId(name: string, color: string | null = null, createdAt: string = now): number {
    const known = tagIds.get(foldTagCase(name));
    if (known !== undefined) return known;
    const canonical = canonicalTagName(db, name);
    let id = 0;
    for (const level of [...ancestorsOf(canonical), canonical]) {
      const found = findTag(db, level);
      if (found) {
        id = found.id;
      } else {
        const own = level === canonical;
        id = Number(statements.insertTag.run(level, own ? color : null, own ? createdAt : now).lastInsertRowid);
        counts.tagsAdded++;
      }
      tagIds.set(foldTagCase(level), id);
    }
    return id;
  }

  function tagHighlight(highlightId: number, tags: readonly string[]): void {
    for (const tag of tags) statements.tagHighlight.run(highlightId, tagId(tag));
  }

  return {
    counts,
    tagId,
    tagHighlight,

    /** A highlight already in the library gains the backup's comment only when it has none: a merge never overwrites. */
    addComment(highlightId: number, comment: string | undefined): void {
      const text = normalizeComment(comment ?? '');
      if (text !== '') statements.commentIfNone.run(text, highlightId);
    },

    insertHighlight(
      articleId: number,
      paragraphId: number | null,
      h: BackupHighlight,
      at: { start: number; end: number } | null,
    ): number {
      const placed = paragraphId !== null && at !== null;
      const id = Number(
        statements.insertHighlight.run(
          articleId,
          placed ? paragraphId : null,
          placed ? at.start : null,
          placed ? at.end : null,
          h.quote,
          h.prefix,
          h.suffix,
          h.color,
          normalizeComment(h.comment ?? ''),
          h.createdAt,
          h.updatedAt,
          h.group ?? null,
        ).lastInsertRowid,
      );
      counts.highlightsAdded++;
      if (!placed) counts.highlightsOrphaned++;
      tagHighlight(id, h.tags);
      return id;
    },

    tagParagraph(paragraphId: number, tags: readonly string[]): void {
      for (const tag of tags) counts.paragraphTagsAdded += statements.tagParagraph.run(paragraphId, tagId(tag)).changes;
    },

    /** A paragraph without a note gets this one; one with a different note gets both, joined; never one over the other. */
    putNote(paragraphId: number, note: BackupNote): void {
      const stored = statements.readNote.get(paragraphId) as StoredNote | undefined;
      if (!stored) {
        statements.insertNote.run(paragraphId, note.editorState, note.plainText, note.markdown, note.updatedAt);
        counts.notesAdded++;
        return;
      }
      if (noteAlreadyHolds(stored, note)) return;
      const joined = joinNotes(stored, note);
      statements.updateNote.run(joined.editor_state, joined.plain_text, joined.markdown, now, paragraphId);
      counts.notesJoined++;
    },
  };
}
