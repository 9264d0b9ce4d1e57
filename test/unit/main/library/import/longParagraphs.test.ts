import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../../../main/library/import/parseArticle';
import { reassembleRaw } from '../../../../../main/library/import/reassembleRaw';
import { makeRemoval, mergeRemovals, rawSpansForText } from '../../../../../main/library/import/removals';

// Long inputs: a hard-wrapped text without sentence ends reads as one paragraph with one removal
// per line break, and a stuffed title appears thousands of times. Each step must stay one pass.

const line = '这是一段没有句号的硬换行文字用来检查很长的段落是否仍然完整地保留每一个字符并且读起来连贯';

describe('a hard-wrapped paragraph of thousands of lines', () => {
  const input = `标题在这里出现\n\n${Array.from({ length: 3000 }, () => line).join('\n')}\n`;
  const article = parseArticle(input, 'txt');
  const body = article.paragraphs.at(-1);

  it('is one paragraph whose reading text has every line break taken out', () => {
    expect(article.paragraphs).toHaveLength(2);
    expect(body?.removals).toHaveLength(2999);
    expect(body?.text).toBe(line.repeat(3000));
    expect(reassembleRaw(input, article.paragraphs)).toBe(input);
  });
});

describe('removals on a long paragraph', () => {
  const raw = 'ab\n'.repeat(2000);
  const breaks = Array.from({ length: 2000 }, (_, i) => makeRemoval(raw, i * 3 + 2, i * 3 + 3, 'whitespace'));

  it('merges thousands of spans in order, the first claim winning', () => {
    const reversed = mergeRemovals([], [...breaks].reverse());
    expect(reversed.map((r) => r.start)).toEqual(breaks.map((r) => r.start));
    const overlapping = mergeRemovals(reversed, [
      makeRemoval(raw, 1, 3, 'injected-fragment'),
      makeRemoval(raw, 0, 1, 'indentation'),
    ]);
    expect(overlapping).toHaveLength(2001);
    expect(overlapping[0]?.reason).toBe('indentation');
  });

  it('maps a reading-text span across many removals', () => {
    // Reading text "abab…": the span 1..5 is b a b a, around two breaks.
    expect(rawSpansForText(raw, breaks, 1, 5)).toEqual([
      [1, 2],
      [3, 5],
      [6, 7],
    ]);
    expect(rawSpansForText(raw, breaks, 3998, 4000)).toEqual([[5997, 5999]]);
  });
});
