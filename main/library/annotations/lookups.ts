import type { Highlight } from '../../../preload/contract/annotationTypes';
import { LibraryError } from '../libraryError';
import { readHighlight } from '../store/highlights';
import type { Db } from '../store/openDatabase';

export interface ParagraphAnchorRow {
  id: number;
  article_id: number;
  text: string;
}

export function requireParagraph(db: Db, paragraphId: number): ParagraphAnchorRow {
  const row = db.prepare('SELECT id, article_id, text FROM paragraph WHERE id = ?').get(paragraphId) as
    ParagraphAnchorRow | undefined;
  if (!row) throw new LibraryError('not-found', `There is no paragraph ${paragraphId} in the library.`);
  return row;
}

export function requireHighlight(db: Db, highlightId: number): Highlight {
  const highlight = readHighlight(db, highlightId);
  if (!highlight)
    throw new LibraryError('not-found', `There is no highlight ${highlightId}; it may have been deleted.`);
  return highlight;
}
