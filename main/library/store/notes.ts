import type { Note } from '../../../preload/contract/annotationTypes';
import { checksum } from './contentHashes';
import { contentCorrupt } from './contentCorrupt';
import type { Db } from './openDatabase';

export interface NoteRow {
  paragraph_id: number;
  editor_state: string;
  plain_text: string;
  markdown: string;
  updated_at: string;
  /** NULL only if a flip changed its type: a mismatch like any other. */
  checksum: string | null;
}

const columns = 'n.paragraph_id, n.editor_state, n.plain_text, n.markdown, n.updated_at, n.checksum';

export function readNote(db: Db, paragraphId: number): Note | undefined {
  const row = db.prepare(`SELECT ${columns} FROM note n WHERE n.paragraph_id = ?`).get(paragraphId) as
    NoteRow | undefined;
  return row ? toNote(db, row) : undefined;
}

/** Every note of an article in paragraph order, in one query. */
export function readArticleNotes(db: Db, articleId: number): Note[] {
  const rows = db
    .prepare(
      `SELECT ${columns} FROM paragraph p JOIN note n ON n.paragraph_id = p.id WHERE p.article_id = ? ORDER BY p.ord`,
    )
    .all(articleId) as NoteRow[];
  return rows.map((row) => toNote(db, row));
}

/** A note whose checksum does not match is an error naming it, never shown (or saved over) as it now reads. */
export function toNote(db: Db, row: NoteRow): Note {
  if (row.checksum !== checksum(row.editor_state, row.plain_text, row.markdown)) {
    throw contentCorrupt(db, 'note', row.paragraph_id);
  }
  return {
    paragraphId: row.paragraph_id,
    editorState: row.editor_state,
    plainText: row.plain_text,
    markdown: row.markdown,
    updatedAt: row.updated_at,
  };
}
