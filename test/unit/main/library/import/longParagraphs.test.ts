import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../../../main/library/import/parseArticle';
import { reassembleRaw } from '../../../../../main/library/import/reassembleRaw';
import { maxParagraphLength } from '../../../../../main/library/import/importLimits';
import { makeRemoval, mergeRemovals, rawSpansForText } from '../../../../../main/library/import/removals';

// Long inputs: a hard-wrapped text without sentence ends reads as one paragraph with one removal
// per line break, and a stuffed title appears thousands of times. Each step must stay one pass.

const line = '这是一段没有句号的硬换行文字用来检查很长的段落是否仍然完整地保留每一个字符并且读起来连贯';

describe('a hard-wrapped paragraph of thousands of lines', () => {
  const input = `标题在这里出现\n\n${Array.from({ length: 3000 }, () => line).join('\n')}\n`;
  const article = parseArticle(input, 'txt');
  const body = article.paragraphs.slice(1);

  it('reads as whole lines cut into paragraphs of at most maxParagraphLength, every line break taken out', () => {
    // 135,000 characters without a sentence end: cut at line breaks, never inside a line.
    expect(body.length).toBe(Math.ceil((line.length * 3000) / maxParagraphLength));
    for (const p of body) {
      expect(p.raw.length).toBeLessThanOrEqual(maxParagraphLength);
      expect(p.text.length % line.length).toBe(0);
    }
    expect(body.map((p) => p.text).join('')).toBe(line.repeat(3000));
    expect(body.reduce((n, p) => n + p.removals.length, 0)).toBe(2999);
    expect(reassembleRaw(input, article.paragraphs)).toBe(input);
  });
});

describe('one paragraph of a million characters', () => {
  const sentence = '这是一个很长的段落里的一句话,没有换行。';
  const input = `${sentence.repeat(50_000)}\n`;
  const article = parseArticle(input, 'txt');

  it('is cut after sentence ends into paragraphs of at most maxParagraphLength, losing nothing', () => {
    expect(article.paragraphs.length).toBe((sentence.length * 50_000) / maxParagraphLength);
    for (const p of article.paragraphs) {
      expect(p.raw.length).toBeLessThanOrEqual(maxParagraphLength);
      expect(p.text.endsWith('。')).toBe(true);
    }
    expect(article.paragraphs.map((p) => p.text).join('')).toBe(sentence.repeat(50_000));
    expect(reassembleRaw(input, article.paragraphs)).toBe(input);
  });
});

describe('a paragraph just over the limit whose tail is whitespace', () => {
  it('stays one paragraph rather than leaving one with no text', () => {
    const input = `${'很'.repeat(maxParagraphLength - 1)}。   `;
    const article = parseArticle(input, 'txt');
    expect(article.paragraphs).toHaveLength(1);
    expect(reassembleRaw(input, article.paragraphs)).toBe(input);
  });

  it('a surrogate pair at the cut is never split', () => {
    // After one 'a', every pair starts at an odd offset: a cut at the window's end would split one.
    const input = `a${'𠀀'.repeat(maxParagraphLength)}`;
    const article = parseArticle(input, 'txt');
    expect(article.paragraphs.length).toBeGreaterThan(1);
    for (const p of article.paragraphs) expect(p.raw).toMatch(/^(?:a|[\ud800-\udbff][\udc00-\udfff])+$/);
    expect(article.paragraphs.map((p) => p.raw).join('')).toBe(input);
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
