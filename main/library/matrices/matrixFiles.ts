import writeXlsxFile from 'write-excel-file/node';
import type { Matrix } from '../../../preload/contract/matrixTypes';
import { csvText } from '../files/csv';

export type MatrixMeasure = 'highlights' | 'paragraphs';

/** The matrix as a table: a header of the columns (its first cell names what is counted), a row per code, 0 for an empty cell. */
export function matrixTable(matrix: Matrix, measure: MatrixMeasure): Array<Array<string | number>> {
  const counts = matrix.rows.map(() => matrix.columns.map(() => 0));
  for (const cell of matrix.cells) counts[cell.row]![cell.column] = cell[measure];
  return [[measure, ...matrix.columns.map((c) => c.label)], ...matrix.rows.map((r, i) => [r.label, ...counts[i]!])];
}

/** CSV (RFC 4180, files/csv) with a UTF-8 byte-order mark, so spreadsheet programs read the Chinese. */
export function matrixCsv(matrix: Matrix, measure: MatrixMeasure): string {
  return `\uFEFF${csvText(matrixTable(matrix, measure).map((row) => row.map(String)))}`;
}

/** An .xlsx workbook (write-excel-file) with a sheet of highlight counts and one of paragraph counts, numbers as numbers. */
export async function matrixXlsx(matrix: Matrix): Promise<Uint8Array> {
  const sheet = (measure: MatrixMeasure) =>
    matrixTable(matrix, measure).map((row, i) =>
      row.map((value, j) =>
        typeof value === 'number' ? { value, type: Number } : { value, type: String, ...(i === 0 || j === 0 ? { fontWeight: 'bold' as const } : {}) },
      ),
    );
  const buffer = await writeXlsxFile([
    { data: sheet('highlights'), sheet: 'Highlights', stickyRowsCount: 1, stickyColumnsCount: 1 },
    { data: sheet('paragraphs'), sheet: 'Paragraphs', stickyRowsCount: 1, stickyColumnsCount: 1 },
  ]).toBuffer();
  return new Uint8Array(buffer);
}
