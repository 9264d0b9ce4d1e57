import type { Matrix } from '../../../../preload/contract/matrixTypes';

export type Measure = 'highlights' | 'paragraphs';
export type MatrixSort = 'name' | 'total';

export interface CellCounts {
  highlights: number;
  paragraphs: number;
}

/**
 * At most this many rows and columns are drawn. A code × article matrix of a 10,000-article
 * library has tens of millions of places; a table that size would hang the window, and export
 * carries the whole matrix.
 */
export const maxDrawn = 100;

/** What the dialog draws: which rows and columns (indexes into the matrix's), in order, and their counts. */
export interface MatrixTable {
  rows: number[];
  columns: number[];
  rowTotals: number[];
  columnTotals: number[];
  cell(row: number, column: number): CellCounts | undefined;
}

/**
 * The matrix's cells by row and column (kept sparse: only cells with something in them), the
 * totals of the chosen count, and the rows and columns in order: by name as main sent them, or
 * largest total first (both ways, so the fullest rows and columns are the ones drawn).
 */
export function matrixTable(matrix: Matrix, measure: Measure, sort: MatrixSort, max = maxDrawn): MatrixTable {
  const byRow = new Map<number, Map<number, CellCounts>>();
  const rowTotals = new Array<number>(matrix.rows.length).fill(0);
  const columnTotals = new Array<number>(matrix.columns.length).fill(0);
  for (const c of matrix.cells) {
    let row = byRow.get(c.row);
    if (!row) byRow.set(c.row, (row = new Map<number, CellCounts>()));
    row.set(c.column, { highlights: c.highlights, paragraphs: c.paragraphs });
    rowTotals[c.row]! += c[measure];
    columnTotals[c.column]! += c[measure];
  }
  const ordered = (totals: number[]) => {
    const order = totals.map((_, i) => i);
    if (sort === 'total') order.sort((a, b) => totals[b]! - totals[a]! || a - b);
    return order.slice(0, max);
  };
  return {
    rows: ordered(rowTotals),
    columns: ordered(columnTotals),
    rowTotals,
    columnTotals,
    cell: (row, column) => byRow.get(row)?.get(column),
  };
}
