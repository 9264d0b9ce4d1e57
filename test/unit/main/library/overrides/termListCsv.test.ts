/** The term list as CSV: what formatTermList writes reads back field for field. */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../../main/library/files/csv';
import { formatTermList } from '../../../../../main/library/overrides/termListCsv';

describe('formatTermList', () => {
  it('reads back what formatTermList writes', () => {
    const overrides = [
      { id: 1, source: ' 前後空格 ', target: 'a,"b"', modes: ['t' as const, 'hk' as const], createdAt: '' },
      { id: 2, source: '心理发展', target: '心理發展', modes: ['tw' as const], createdAt: '' },
    ];
    const records = readCsv(formatTermList(overrides).replace(/^\uFEFF/, ''));
    expect(records.map((r) => r.fields)).toEqual([
      ['source', 'target', 'modes'],
      [' 前後空格 ', 'a,"b"', 't hk'],
      ['心理发展', '心理發展', 'tw'],
    ]);
  });
});
