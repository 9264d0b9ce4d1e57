import type { MatrixPassage, MatrixRequest } from '../../../preload/contract/matrixTypes';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { highlightColumnSql } from '../store/highlightContext';
import { matrixContents } from './buildMatrix';

/** Most passages one cell answers with (the count says how many it holds). */
export const maxCellPassages = 500;

/**
 * The paragraphs one cell counts, in article then paragraph order, each with the quotes of the
 * cell's highlights in it: what a click on the cell opens, each clicking through to its paragraph.
 */
export function matrixPassages(
  db: Db,
  request: MatrixRequest,
  row: string,
  column: string,
): { total: number; passages: MatrixPassage[] } {
  const contents = matrixContents(db, request, { row, column });
  const r = contents.rows.findIndex((x) => x.key === row);
  const c = contents.columns.findIndex((x) => x.key === column);
  if (r < 0 || c < 0) throw new LibraryError('not-found', 'That cell is not in the matrix (the library changed since it was drawn).');
  const cell = contents.cells.get(`${r}\u0000${c}`);
  if (!cell) return { total: 0, passages: [] };
  // Ordered by the places the codings were read with, and only the shown paragraphs' text read:
  // a cell of 61,000 paragraphs (the 100,000-article bench) read every text, ~0.6 s of CPU, to show 500.
  const place = (id: number) => contents.placeOf.get(id)!;
  const first = [...cell.paragraphs]
    .sort((x, y) => place(x)[0] - place(y)[0] || place(x)[1] - place(y)[1])
    .slice(0, maxCellPassages);
  const shown = db
    .prepare(
      `SELECT p.id AS paragraphId, p.article_id AS articleId, a.title AS articleTitle, p.ord AS paragraphOrder, p.text AS text
         FROM paragraph p JOIN article a ON a.id = p.article_id
        WHERE p.id IN (SELECT value FROM json_each(?))
        ORDER BY p.article_id, p.ord`,
    )
    .all(JSON.stringify(first)) as Array<Omit<MatrixPassage, 'quotes'>>;
  // The shown paragraphs' highlights in one query, kept when the cell counts them.
  const highlights = db
    .prepare(
      `SELECT paragraph_id AS paragraphId, coalesce('g' || group_id, 'h' || id) AS segment, ${highlightColumnSql('quote')} FROM highlight
        WHERE paragraph_id IN (SELECT value FROM json_each(?)) ORDER BY paragraph_id, start_offset`,
    )
    .all(JSON.stringify(shown.map((p) => p.paragraphId))) as Array<{ paragraphId: number; segment: string; quote: string }>;
  const quotes = new Map<number, string[]>();
  for (const h of highlights) {
    if (!cell.segments.has(h.segment)) continue;
    const list = quotes.get(h.paragraphId);
    if (list) list.push(h.quote);
    else quotes.set(h.paragraphId, [h.quote]);
  }
  return { total: cell.paragraphs.size, passages: shown.map((p) => ({ ...p, quotes: quotes.get(p.paragraphId) ?? [] })) };
}
