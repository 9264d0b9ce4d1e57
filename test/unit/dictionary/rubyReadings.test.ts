import { pinyin } from 'pinyin-pro';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldedWordLengths } from '../../../main/library/analysis/paragraphWords';
import { openDictionary } from '../../../main/library/dictionary/openDictionary';
import { createReadings, readingWords } from '../../../main/library/dictionary/readingWords';
import type { WordLengths } from '../../../preload/common/segmentWords';
import { createConverter } from '../../../preload/common/createConverter';
import type { SourceRegion } from '../../../preload/common/conversionTable';
import { rangeToCanonical, rangeToConverted } from '../../../preload/common/offsetMap';
import {
  placeReadings,
  readingTextOf,
  shownLocale,
  type ReadingAid,
  type RubyWord,
} from '../../../preload/common/readingAids';
import type { ScriptMode } from '../../../preload/common/scriptModes';
import type { DetectedScript } from '../../../preload/contract/articleTypes';

/**
 * Issue #17 item 3: pinyin or zhuyin over the words the reader shows. Readings come from
 * pinyin-pro over the simplified form of the shown text (polyphones by context), words from the
 * dictionary's segmentation, and both land on the shown characters in every script mode.
 */
let lengths: WordLengths;
beforeAll(() => {
  lengths = foldedWordLengths(openDictionary(null).packed);
}, 60_000);

const pinyinAll: ReadingAid = { script: 'pinyin', scope: 'all' };
const zhuyinAll: ReadingAid = { script: 'zhuyin', scope: 'all' };

/** What the reader would draw over a stored paragraph shown in `mode`: each word as shown, with its reading. */
async function shownReadings(
  stored: string,
  script: DetectedScript,
  mode: ScriptMode,
  aid: ReadingAid = pinyinAll,
  vocabulary: readonly string[] = [],
  region: SourceRegion = script === 'simplified' ? 'mainland' : 'generic',
): Promise<{ shown: string; words: Array<[string, string]>; placed: RubyWord[] }> {
  const shown = createConverter(script, mode, region).convert(stored).text;
  const reading = readingTextOf(shown, shownLocale(script, region, mode));
  const [words] = await createReadings(() => lengths, () => vocabulary).read([reading.text]);
  const placed = placeReadings(reading, words!, aid);
  return { shown, words: placed.map((w) => [shown.slice(w.start, w.end), w.reading]), placed };
}

describe('readings of polyphones, by context', () => {
  it('reads 银行行长 as yín háng háng zhǎng, word by word', async () => {
    expect((await shownReadings('银行行长', 'simplified', 'original')).words).toEqual([
      ['银行', 'yín háng'],
      ['行长', 'háng zhǎng'],
    ]);
  });

  it('reads 重 as chóng in 重庆 and zhòng in 重要', async () => {
    expect((await shownReadings('重庆很重要', 'simplified', 'original')).words).toEqual([
      ['重庆', 'chóng qìng'],
      ['很', 'hěn'],
      ['重要', 'zhòng yào'],
    ]);
  });

  it('writes ü and the neutral tone as CC-CEDICT numbering reads them', () => {
    const words = readingWords('女儿的绿色', lengths, new Set(), pinyin);
    expect(words.map((w) => w.reading)).toEqual(['nu:3 er2', 'de5', 'lu:4 se4']);
  });
});

describe('zhuyin', () => {
  it('writes the same readings in bopomofo, the neutral tone marked before its syllable', async () => {
    expect((await shownReadings('银行行长的重要', 'simplified', 'original', zhuyinAll)).words).toEqual([
      ['银行', 'ㄧㄣˊ ㄏㄤˊ'],
      ['行长', 'ㄏㄤˊ ㄓㄤˇ'],
      ['的', '˙ㄉㄜ'],
      ['重要', 'ㄓㄨㄥˋ ㄧㄠˋ'],
    ]);
  });
});

describe('readings in every script mode', () => {
  it('reads 計程車 where 臺灣(詞彙) shows it for a stored 出租车', async () => {
    const { shown, words } = await shownReadings('他坐出租车去银行', 'simplified', 'twp');
    expect(shown).toBe('他坐計程車去銀行');
    expect(words).toContainEqual(['計程車', 'jì chéng chē']);
    expect(words).toContainEqual(['銀行', 'yín háng']);
  });

  it('reads a traditional article the same in 原文, 简体, 繁體, 臺灣 and 香港', async () => {
    for (const mode of ['original', 'cn', 't', 'tw', 'hk'] as const) {
      const { shown, words } = await shownReadings('銀行行長說重慶很重要', 'traditional', mode);
      expect(words.map(([, r]) => r), `${mode}: ${shown}`).toEqual([
        'yín háng',
        'háng zhǎng',
        'shuō',
        'chóng qìng',
        'hěn',
        'zhòng yào',
      ]);
    }
  });

  it('places a word whose shown form is longer than its simplified form over the whole shown word', async () => {
    const { shown, words } = await shownReadings('互联网很重要', 'simplified', 'twp');
    expect(shown).toBe('網際網路很重要');
    expect(words[0]).toEqual(['網際網路', 'wǎng jì wǎng lù']);
  });

  it('keeps a character outside the BMP in place (𠮷 has no reading; the words after it still land right)', async () => {
    const { shown, words } = await shownReadings('𠮷野家的银行', 'simplified', 'original');
    expect(words).toContainEqual(['银行', 'yín háng']);
    expect(shown.slice(0, 2)).toBe('𠮷');
  });
});

describe('unknown words: the vocabulary', () => {
  it('shows readings only over the words in the vocabulary, matched in either script', async () => {
    const aid: ReadingAid = { script: 'pinyin', scope: 'unknown' };
    const { words } = await shownReadings('銀行行長說重慶很重要', 'traditional', 'original', aid, ['行長', '重庆']);
    expect(words).toEqual([
      ['行長', 'háng zhǎng'],
      ['重慶', 'chóng qìng'],
    ]);
  });

  it('makes a vocabulary word one word of the segmentation', async () => {
    const [words] = await createReadings(() => lengths, () => ['长说']).read(['行长说']);
    expect(words!.map((w) => [w.start, w.end, w.unknown])).toContainEqual([1, 3, true]);
  });
});

describe('the no-touch rule', () => {
  it('never changes the shown text, the stored text or where a stored range is shown', async () => {
    const stored = '他坐出租车去银行，行长说重庆很重要。';
    for (const mode of ['original', 'cn', 't', 'tw', 'twp', 'hk'] as const) {
      const converter = createConverter('simplified', mode, 'mainland');
      const before = converter.convert(stored);
      const { shown, placed } = await shownReadings(stored, 'simplified', mode);
      const after = converter.convert(stored);
      expect(shown).toBe(before.text);
      expect(after.text).toBe(before.text);
      // A highlight on 出租车 (stored 2..5) is shown on the same characters; a selection of the
      // shown word maps back to the same stored range, with or without readings drawn.
      const shownRange = rangeToConverted(after.map, { start: 2, end: 5 });
      expect(rangeToCanonical(after.map, shownRange)).toEqual({ start: 2, end: 5 });
      // Ruby words are ranges of the shown text, in order, never overlapping and never past its end.
      let end = 0;
      for (const w of placed) {
        expect(w.start).toBeGreaterThanOrEqual(end);
        expect(w.end).toBeLessThanOrEqual(shown.length);
        end = w.end;
      }
    }
  });
});
