import type { Matrix, MatrixExportFormat, MatrixPassage, MatrixRequest } from '../../../preload/contract/matrixTypes';
import { requireAbsolutePath, writeTextFile } from '../files/writeTextFile';
import { createLibraryFileGuard, type LibraryFiles } from '../files/libraryFileGuard';
import type { Db } from '../store/openDatabase';
import { buildMatrix } from './buildMatrix';
import { matrixCsv, matrixXlsx, type MatrixMeasure } from './matrixFiles';
import { matrixPassages } from './matrixPassages';

export type Matrices = ReturnType<typeof createMatrices>;

/** Code matrices: drawn, a cell's passages, and written as CSV or .xlsx where main's dialog or the CLI says. Reads only the library. */
export function createMatrices(db: Db, files: LibraryFiles) {
  const guard = createLibraryFileGuard(files);
  return {
    buildMatrix(request: MatrixRequest): Matrix {
      return buildMatrix(db, request);
    },

    matrixPassages(request: MatrixRequest, row: string, column: string): { total: number; passages: MatrixPassage[] } {
      return matrixPassages(db, request, row, column);
    },

    /** CSV holds one measure (highlights unless asked); the workbook a sheet of each. */
    async exportMatrix(
      file: string,
      request: MatrixRequest,
      format: MatrixExportFormat,
      measure: MatrixMeasure = 'highlights',
    ): Promise<{ path: string; rows: number; columns: number }> {
      const target = requireAbsolutePath(file, 'matrix');
      guard.checkFile(target, 'matrix');
      const matrix = buildMatrix(db, request);
      writeTextFile(target, format === 'csv' ? matrixCsv(matrix, measure) : await matrixXlsx(matrix));
      return { path: target, rows: matrix.rows.length, columns: matrix.columns.length };
    },
  };
}
