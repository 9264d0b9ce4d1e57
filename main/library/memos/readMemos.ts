import type { Memo } from '../../../preload/contract/memoTypes';
import type { Db } from '../store/openDatabase';

interface MemoRow {
  id: number;
  article_id: number | null;
  editor_state: string;
  plain_text: string;
  markdown: string;
  created_at: string;
  updated_at: string;
}

const columns = 'id, article_id, editor_state, plain_text, markdown, created_at, updated_at';

export function readMemo(db: Db, id: number): Memo | undefined {
  const row = db.prepare(`SELECT ${columns} FROM memo WHERE id = ?`).get(id) as MemoRow | undefined;
  return row && toMemo(row);
}

export function readArticleMemo(db: Db, articleId: number): Memo | undefined {
  const row = db.prepare(`SELECT ${columns} FROM memo WHERE article_id = ?`).get(articleId) as MemoRow | undefined;
  return row && toMemo(row);
}

/** The journal's entries, newest first (by date, then the later written). */
export function readJournal(db: Db): Memo[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM memo WHERE article_id IS NULL ORDER BY created_at DESC, id DESC`)
    .all() as MemoRow[];
  return rows.map(toMemo);
}

/** Every article memo by article id (the exports' read). */
export function readArticleMemos(db: Db): Map<number, Memo> {
  const rows = db.prepare(`SELECT ${columns} FROM memo WHERE article_id IS NOT NULL`).all() as MemoRow[];
  return new Map(rows.map((row) => [row.article_id!, toMemo(row)]));
}

function toMemo(row: MemoRow): Memo {
  return {
    id: row.id,
    articleId: row.article_id,
    editorState: row.editor_state,
    plainText: row.plain_text,
    markdown: row.markdown,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
