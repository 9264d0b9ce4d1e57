import { describe, expect, it } from 'vitest';
import { gb2312ByCode, readGb2312 } from '../../../../../main/library/import/chineseScript';

describe('the GB 2312 table behind script detection and mojibake flags', () => {
  it('read in one decode, holds exactly the hanzi and levels that decoding each code alone gives', () => {
    const table = readGb2312();
    expect([...table]).toEqual([...gb2312ByCode()]);
    // Both levels are there: 啊 opens level 1, 亍 opens level 2.
    expect(table.get('啊')).toBe('common');
    expect(table.get('亍')).toBe('rare');
    expect(table.size).toBe(6763);
  });
});
