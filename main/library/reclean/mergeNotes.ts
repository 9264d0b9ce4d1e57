import type { Db } from '../store/openDatabase';

interface NoteRow {
  editor_state: string;
  plain_text: string;
  markdown: string;
}

/**
 * Moves a note to another paragraph. When that paragraph has a note already, the two are
 * joined (editor blocks, plain text and Markdown each appended), never one kept over the other.
 */
export function mergeNoteInto(db: Db, fromParagraphId: number, toParagraphId: number): void {
  const from = db.prepare('SELECT editor_state, plain_text, markdown FROM note WHERE paragraph_id = ?').get(fromParagraphId) as
    | NoteRow
    | undefined;
  if (!from) return;
  const into = db.prepare('SELECT editor_state, plain_text, markdown FROM note WHERE paragraph_id = ?').get(toParagraphId) as
    | NoteRow
    | undefined;
  const now = new Date().toISOString();
  if (!into) {
    db.prepare('UPDATE note SET paragraph_id = ?, updated_at = ? WHERE paragraph_id = ?').run(toParagraphId, now, fromParagraphId);
    return;
  }
  db.prepare('UPDATE note SET editor_state = ?, plain_text = ?, markdown = ?, updated_at = ? WHERE paragraph_id = ?').run(
    joinEditorStates(into.editor_state, from.editor_state),
    `${into.plain_text}\n\n${from.plain_text}`,
    `${into.markdown}\n\n${from.markdown}`,
    now,
    toParagraphId,
  );
  db.prepare('DELETE FROM note WHERE paragraph_id = ?').run(fromParagraphId);
}

/** Lexical states are `{ root: { children: [...] } }`: the blocks of the second follow the first. */
export function joinEditorStates(first: string, second: string): string {
  try {
    const a = JSON.parse(first) as { root?: { children?: unknown[] } };
    const b = JSON.parse(second) as { root?: { children?: unknown[] } };
    if (a.root?.children && b.root?.children) {
      a.root.children = [...a.root.children, ...b.root.children];
      return JSON.stringify(a);
    }
  } catch {
    // fall through: keep the first state; the second's text is still in plain text and Markdown
  }
  return first;
}
