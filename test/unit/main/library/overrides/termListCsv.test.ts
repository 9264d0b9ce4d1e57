/** The term list's RFC 4180 reader: what a spreadsheet program writes reads back field for field. */
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formatTermList, readCsv } from '../../../../../main/library/overrides/termListCsv';

describe('readCsv', () => {
  it('reads plain, quoted and empty fields, CRLF, LF and CR line ends, with the line each record starts on', () => {
    expect(readCsv('a,b,c\r\n"x,y","say ""hi""",\n\n1,2,3\r4,5,6')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x,y', 'say "hi"', ''] },
      { line: 4, fields: ['1', '2', '3'] },
      { line: 5, fields: ['4', '5', '6'] },
    ]);
  });

  it('keeps a line break inside quotes and counts it', () => {
    expect(readCsv('"two\r\nlines",b\nnext,c\n')).toEqual([
      { line: 1, fields: ['two\r\nlines', 'b'] },
      { line: 3, fields: ['next', 'c'] },
    ]);
  });

  it('refuses a quote left open and text after a closing quote, naming the line', () => {
    expect(() => readCsv('a,b\n"open,c\n')).toThrow(new CsvSyntaxError(2, 'a quoted field is never closed'));
    expect(() => readCsv('a\n\n"x"y,z')).toThrow(new CsvSyntaxError(3, 'text follows a closing quote'));
  });

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
