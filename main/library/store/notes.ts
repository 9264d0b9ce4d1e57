import type { Note } from '../../../preload/contract/annotationTypes';
import type { Db } from './openDatabase';

export interface NoteRow {
  paragraph_id: number;
  editor_state: string;
  plain_text: string;
  markdown: string;
  updated_at: string;
}

const columns = 'n.paragraph_id, n.editor_state, n.plain_text, n.markdown, n.updated_at';

export function readNote(db: Db, paragraphId: number): Note | undefined {
  const row = db.prepare(`SELECT ${columns} FROM note n WHERE n.paragraph_id = ?`).get(paragraphId) as
    NoteRow | undefined;
  return row ? toNote(row) : undefined;
}

/** Every note of an article in paragraph order, in one query. */
export function readArticleNotes(db: Db, articleId: number): Note[] {
  const rows = db
    .prepare(
      `SELECT ${columns} FROM paragraph p JOIN note n ON n.paragraph_id = p.id WHERE p.article_id = ? ORDER BY p.ord`,
    )
    .all(articleId) as NoteRow[];
  return rows.map(toNote);
}

export function toNote(row: NoteRow): Note {
  return {
    paragraphId: row.paragraph_id,
    editorState: row.editor_state,
    plainText: row.plain_text,
    markdown: row.markdown,
    updatedAt: row.updated_at,
  };
}
