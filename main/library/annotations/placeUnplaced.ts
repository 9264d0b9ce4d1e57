import type { UnplacedAnnotation } from '../../../preload/contract/articleTypes';
import { plainTextNoteState } from '../../../preload/common/noteText';
import { joinNotes, noteAlreadyHolds, type StoredNote } from '../export/joinNotes';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { readUnplacedAnnotations, setUnplacedDismissed } from '../store/unplacedAnnotations';
import type { createAnnotations } from '../createAnnotations';

type Annotations = Pick<ReturnType<typeof createAnnotations>, 'saveNote' | 'tagParagraph'>;

/**
 * Places one of an article's unplaced notes or paragraph tags (sync, #19) on the paragraph the
 * person chose, as their own edit (journaled: one undo step, synced as any edit): a note's words
 * are added to the paragraph's note (after what it holds, a blank line between; nothing when it
 * holds them already), a tag is put on the paragraph. The entry is then set aside here; the other
 * device's original is not touched (it stays in the documents, and is placed there as before).
 * Refused, changing nothing, when the article lists no such entry or the paragraph is not its.
 * The article's list after.
 */
export function placeUnplaced(
  db: Db,
  annotations: Annotations,
  request: { articleId: number; key: string; paragraphId: number },
  now: string,
): UnplacedAnnotation[] {
  const { articleId, key, paragraphId } = request;
  return db
    .transaction(() => {
      const entry = readUnplacedAnnotations(db, articleId).find((u) => u.key === key);
      if (entry === undefined) {
        throw new LibraryError('not-found', `Article ${articleId} lists no unplaced note or tag ${key}.`);
      }
      const owner: unknown = db.prepare('SELECT article_id FROM paragraph WHERE id = ?').pluck().get(paragraphId);
      if (owner !== articleId) {
        throw new LibraryError(
          'invalid-argument',
          `Paragraph ${paragraphId} is not a paragraph of article ${articleId}.`,
        );
      }
      if (entry.kind === 'note') {
        const incoming = {
          editorState: JSON.stringify(plainTextNoteState(entry.plainText)),
          plainText: entry.plainText,
          markdown: entry.markdown,
          updatedAt: now,
        };
        const stored = db
          .prepare('SELECT editor_state, plain_text, markdown FROM note WHERE paragraph_id = ?')
          .get(paragraphId) as StoredNote | undefined;
        if (stored === undefined || stored.plain_text.trim() === '') {
          annotations.saveNote({
            paragraphId,
            editorState: incoming.editorState,
            plainText: incoming.plainText,
            markdown: incoming.markdown,
          });
        } else if (!noteAlreadyHolds(stored, incoming)) {
          const joined = joinNotes(stored, incoming);
          annotations.saveNote({
            paragraphId,
            editorState: joined.editor_state,
            plainText: joined.plain_text,
            markdown: joined.markdown,
          });
        }
      } else {
        annotations.tagParagraph(paragraphId, entry.tag ?? '');
      }
      setUnplacedDismissed(db, articleId, key, true, now);
      return readUnplacedAnnotations(db, articleId);
    })
    .immediate();
}
