import { describe, expect, it } from 'vitest';
import { whitespaceRemovals } from '../../../../../main/library/import/markWhitespace';
import {
  applyRemovals,
  makeRemoval,
  mergeRemovals,
  rawSpansForText,
} from '../../../../../main/library/import/removals';
import { pinyinReadingRemovals } from '../../../../../main/library/import/stripPinyinReadings';

describe('removals', () => {
  const raw = '網(wǎng)路與區(qū)域';
  const pinyin = [makeRemoval(raw, 1, 7, 'pinyin-reading'), makeRemoval(raw, 10, 14, 'pinyin-reading')];

  it('cuts the spans out of the raw text and nothing else', () => {
    expect(applyRemovals(raw, pinyin)).toBe('網路與區域');
  });

  it('keeps the list sorted and gives each character to the first step that claims it', () => {
    const merged = mergeRemovals(pinyin, [
      makeRemoval(raw, 0, 1, 'whitespace'),
      makeRemoval(raw, 5, 9, 'injected-fragment'),
    ]);
    expect(merged.map((r) => [r.start, r.end, r.reason])).toEqual([
      [0, 1, 'whitespace'],
      [1, 7, 'pinyin-reading'],
      [10, 14, 'pinyin-reading'],
    ]);
  });

  it('maps a reading-text span to raw spans around earlier removals', () => {
    // Reading text 網路與區域: the span 與區域 (2..5) straddles the reading (qū).
    expect(rawSpansForText(raw, pinyin, 2, 5)).toEqual([
      [8, 10],
      [14, 15],
    ]);
  });
});

describe('whitespaceRemovals', () => {
  it('hides indentation, trailing spaces and the breaks of a wrapped paragraph', () => {
    const raw = '\u3000\u3000第一行没有写完\n  第二行。 ';
    const removals = whitespaceRemovals(raw);
    expect(removals.map((r) => [r.text, r.reason])).toEqual([
      ['\u3000\u3000', 'indentation'],
      ['\n  ', 'whitespace'],
      [' ', 'whitespace'],
    ]);
    expect(applyRemovals(raw, removals)).toBe('第一行没有写完第二行。');
  });

  it('keeps a break between two Latin words, where it stands for a space', () => {
    expect(whitespaceRemovals('open\nsource')).toEqual([]);
  });

  it('keeps spaces inside a line', () => {
    expect(whitespaceRemovals('本报记者 林小杰 通讯员 黄子龙')).toEqual([]);
  });
});

describe('pinyinReadingRemovals', () => {
  const readingsOf = (raw: string): string[] => pinyinReadingRemovals(raw).map((r) => r.text);

  it('hides readings after characters, with tone marks or tone digits, in either kind of bracket', () => {
    expect(readingsOf('閩南網(wǎng)與區(qū)內(nèi)')).toEqual(['(wǎng)', '(qū)', '(nèi)']);
    expect(readingsOf('区（qū）和世界(shì jiè)以及吗(ma5)')).toEqual(['（qū）', '(shì jiè)', '(ma5)']);
  });

  it('keeps real parentheticals', () => {
    expect(readingsOf('訊(閩南網記者 尤燕姿 通訊員 莊凌龍 文/圖)')).toEqual([]);
    expect(readingsOf('客户端(APP)和方案(a)、(b),还有年份(2025)')).toEqual([]);
    expect(readingsOf('拼音(pinyin)没有声调')).toEqual([]);
    expect(readingsOf('?(shù)前面不是汉字')).toEqual([]);
  });
});
