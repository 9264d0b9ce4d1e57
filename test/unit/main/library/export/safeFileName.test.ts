import { describe, expect, it } from 'vitest';
import { articleFileName, tagReportFileName } from '../../../../../main/library/export/articleFileName';
import { maxFileNameBytes, safeFileName } from '../../../../../main/library/export/safeFileName';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('safeFileName', () => {
  it('names an article by its title and id, always the same', () => {
    expect(articleFileName({ id: 12, title: '江西接续奋斗' })).toBe('江西接续奋斗 (12).md');
    expect(articleFileName({ id: 12, title: '江西接续奋斗' })).toBe(articleFileName({ id: 12, title: '江西接续奋斗' }));
    // Two equal titles never meet: the id tells them apart.
    expect(articleFileName({ id: 3, title: '平安' })).not.toBe(articleFileName({ id: 4, title: '平安' }));
  });

  it('swaps every character Windows or an Obsidian link refuses for its full-width twin', () => {
    expect(safeFileName({ stem: 'a/b\\c:d*e?f"g<h>i|j#k^l[m]n', extension: '.md' })).toBe(
      'a／b＼c：d＊e？f＂g＜h＞i｜j＃k＾l［m］n.md',
    );
    expect(tagReportFileName('政策/互联网')).toBe('tag 政策／互联网.md');
  });

  it('turns control characters and runs of white space into one space', () => {
    expect(safeFileName({ stem: 'a\u0000b\u0007c\td\n\ne\u0085f\u2028g   h', extension: '.md' })).toBe(
      'a b c d e f g h.md',
    );
  });

  it('drops leading dots and trailing dots and spaces', () => {
    expect(safeFileName({ stem: '..hidden', extension: '.md' })).toBe('hidden.md');
    expect(safeFileName({ stem: 'ends with dots... ', extension: '.md' })).toBe('ends with dots.md');
    expect(safeFileName({ stem: '  . ', extension: '.md' })).toBe('untitled.md');
    expect(safeFileName({ stem: '', extension: '.md', fallback: 'article' })).toBe('article.md');
  });

  it.each(['CON', 'prn', 'Aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹', 'CONIN$', 'con.txt', 'NUL '])(
    'defuses the Windows device name %j',
    (stem) => {
      const name = safeFileName({ stem, extension: '.md' });
      expect(name.startsWith('_')).toBe(true);
    },
  );

  it('leaves names that only begin like a device name alone', () => {
    expect(safeFileName({ stem: 'CONSOLE', extension: '.md' })).toBe('CONSOLE.md');
    expect(safeFileName({ stem: 'COM10', extension: '.md' })).toBe('COM10.md');
    expect(articleFileName({ id: 7, title: 'CON' })).toBe('CON (7).md');
  });

  it('cuts a long title at a whole character, marks the cut, and keeps id and extension', () => {
    const title = '江西接续奋斗红土地上奏响平安之歌'.repeat(10);
    const name = articleFileName({ id: 12, title });
    expect(bytes(name)).toBeLessThanOrEqual(maxFileNameBytes);
    expect(name.endsWith('… (12).md')).toBe(true);
    expect(title.startsWith(name.slice(0, name.indexOf('…')))).toBe(true);
    // No replacement character: nothing was cut inside a UTF-8 sequence.
    expect(name).not.toContain('\uFFFD');
  });

  it('never splits a surrogate pair or an emoji sequence', () => {
    const title = '𠀀'.repeat(60); // 4 UTF-8 bytes and 2 UTF-16 units each
    const name = safeFileName({ stem: title, extension: '.md' });
    expect(bytes(name)).toBeLessThanOrEqual(maxFileNameBytes);
    const stem = name.slice(0, name.indexOf('…'));
    expect([...stem].every((c) => c === '𠀀')).toBe(true);
    const family = '👨‍👩‍👧'; // one grapheme of 18 bytes
    const cut = safeFileName({ stem: 'a'.repeat(100) + family + family, extension: '.md' });
    expect(cut.endsWith('….md')).toBe(true);
    expect(cut.includes('\u200d…')).toBe(false);
    expect(bytes(cut)).toBeLessThanOrEqual(maxFileNameBytes);
  });

  it('does not end a cut name in a space or dot before the ellipsis', () => {
    const name = safeFileName({ stem: `${'a'.repeat(112)} .  bcdefghijk`, extension: '.md' });
    expect(name).toBe(`${'a'.repeat(112)}….md`);
  });

  it('composes to NFC so the same title gives the same bytes on every system', () => {
    expect(safeFileName({ stem: 'Cafe\u0301', extension: '.md' })).toBe('Café.md');
  });

  it('refuses a suffix that leaves no room', () => {
    expect(() => safeFileName({ stem: 'x', suffix: 'y'.repeat(200), extension: '.md' })).toThrow(RangeError);
  });

  // Issue #12 item 13: right-to-left controls stayed in export file names.
  it('removes bidi controls and other invisible format characters, keeping the joiners emoji need', () => {
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    expect(safeFileName({ stem: `invoice\u202egpj.exe`, extension: '.md' })).toBe('invoicegpj.exe.md');
    expect(safeFileName({ stem: `平${bidi}安`, extension: '.md' })).toBe('平安.md');
    expect(safeFileName({ stem: 'a\u00adb\u200bc\ufeffd\u2060e', extension: '.md' })).toBe('abcde.md');
    expect(articleFileName({ id: 5, title: '\u202e标题\u2066' })).toBe('标题 (5).md');
    expect(safeFileName({ stem: '👨‍👩‍👧 家', extension: '.md' })).toBe('👨‍👩‍👧 家.md');
    expect(safeFileName({ stem: '\u200d\u200c', extension: '.md', fallback: 'article' })).toBe('article.md');
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c))
      .filter((c) => /\p{Cf}/u.test(c) && c !== '\u200c' && c !== '\u200d' && !/[\ud800-\udfff]/.test(c))
      .join('');
    expect(safeFileName({ stem: `x${all}y`, extension: '.md' })).toBe('xy.md');
  });

  // Issue #12 item 4: tags `.` and `..` both wrote `tag.md`.
  it('gives tags that one file system would take for one name distinct tag report files', () => {
    const names = ['.', '..', '...', 'a/b', 'a／b', 'Ä', 'ä', 'x.', 'x', 'e\u0301', '\u00e9', 'x\u202e'].map(
      tagReportFileName,
    );
    const folded = names.map((n) => n.normalize('NFC').toLowerCase());
    expect(new Set(folded).size).toBe(names.length);
    expect(tagReportFileName('政策')).toBe('tag 政策.md');
    expect(tagReportFileName('.')).toMatch(/^tag \([0-9a-f]{8}\)\.md$/);
    expect(tagReportFileName('..')).toBe(tagReportFileName('..'));
  });

  // The name is also the text of the index's and tag report's [[links]], read as Markdown elsewhere.
  it('swaps what would be Markdown in a [[link]] to the name: backticks, tildes, flanking underscores, entities', () => {
    expect(safeFileName({ stem: '_也不是_ `代码` ~删~ Q&amp;A', extension: '.md' })).toBe('＿也不是＿ ｀代码｀ ～删～ Q＆amp;A.md');
    expect(safeFileName({ stem: 'snake_case 和_中文 Q&A', extension: '.md' })).toBe('snake_case 和_中文 Q&A.md');
  });
});
