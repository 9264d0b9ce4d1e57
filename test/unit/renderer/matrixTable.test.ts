import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../preload/contract/matrixTypes';
import { matrixTable } from '../../../renderer/src/features/matrices/matrixTable';

const axis = (labels: string[]) => labels.map((label) => ({ key: label, label }));

describe('the matrix as the dialog draws it', () => {
  // Codes × articles: 甲 has 1 highlight in A and 5 in C; 乙 3 in B; 丙 nothing.
  const matrix = {
    request: { kind: 'article' },
    rows: axis(['丙', '乙', '甲']),
    columns: axis(['A', 'B', 'C']),
    cells: [
      { row: 2, column: 0, highlights: 1, paragraphs: 1 },
      { row: 2, column: 2, highlights: 5, paragraphs: 2 },
      { row: 1, column: 1, highlights: 3, paragraphs: 3 },
    ],
  } as Matrix;

  it('by name: rows and columns as main sent them, totals of the chosen count, empty places empty', () => {
    const table = matrixTable(matrix, 'highlights', 'name');
    expect(table.rows).toEqual([0, 1, 2]);
    expect(table.columns).toEqual([0, 1, 2]);
    expect(table.rowTotals).toEqual([0, 3, 6]);
    expect(table.columnTotals).toEqual([1, 3, 5]);
    expect(table.cell(2, 2)).toEqual({ highlights: 5, paragraphs: 2 });
    expect(table.cell(0, 0)).toBeUndefined();
    expect(matrixTable(matrix, 'paragraphs', 'name').rowTotals).toEqual([0, 3, 3]);
  });

  it('by total: the fullest rows and columns first, both ways; ties keep main order', () => {
    const table = matrixTable(matrix, 'highlights', 'total');
    expect(table.rows).toEqual([2, 1, 0]);
    expect(table.columns).toEqual([2, 1, 0]);
    // By paragraphs, 乙 and 甲 tie at 3: main's order (乙 first) holds.
    expect(matrixTable(matrix, 'paragraphs', 'total').rows).toEqual([1, 2, 0]);
  });

  it('draws at most `max` rows and columns of a large matrix, the fullest when sorted by total', () => {
    const n = 3_000;
    const big = {
      request: { kind: 'article' },
      rows: axis(['甲', '乙']),
      columns: axis(Array.from({ length: n }, (_, i) => `article ${i}`)),
      cells: Array.from({ length: n }, (_, i) => ({ row: i % 2, column: i, highlights: i, paragraphs: 1 })),
    } as Matrix;
    const table = matrixTable(big, 'highlights', 'total', 100);
    expect(table.columns).toHaveLength(100);
    expect(table.columns[0]).toBe(n - 1);
    expect(table.rows).toEqual([1, 0]);
    expect(table.columnTotals).toHaveLength(n);
  });
});
