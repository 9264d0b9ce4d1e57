import { describe, expect, it } from 'vitest';
import { paragraphFlags, paragraphKinds } from '../../../../../preload/contract/articleTypes';
import type { ParsedArticle } from '../../../../../main/library/import/parsedArticle';
import { parseArticle } from '../../../../../main/library/import/parseArticle';
import { paragraphSeparators, reassembleRaw } from '../../../../../main/library/import/reassembleRaw';
import { noisyArticle, seededRandom } from './noisyText';
import { seedNames, seedText } from './seedTexts';
import { cutRemovals } from './cutRemovals';

const formats = ['txt', 'md', 'paste'] as const;

/** No text is ever lost, and each reading text is its raw text minus its removals. */
function expectLossless(input: string, article: ParsedArticle): void {
  expect(reassembleRaw(input, article.paragraphs)).toBe(input);
  for (const gap of paragraphSeparators(
    input,
    article.paragraphs.map((p) => p.raw),
  ))
    expect(gap).toMatch(/^\s*$/u);
  for (const p of article.paragraphs) {
    expect(p.raw.trim()).not.toBe('');
    expect(paragraphKinds).toContain(p.kind);
    expect(new Set(p.flags).size).toBe(p.flags.length);
    for (const f of p.flags) expect(paragraphFlags).toContain(f);
    let previousEnd = 0;
    for (const r of p.removals) {
      expect(r.start).toBeGreaterThanOrEqual(previousEnd);
      expect(r.end).toBeGreaterThan(r.start);
      expect(r.end).toBeLessThanOrEqual(p.raw.length);
      expect(r.text).toBe(p.raw.slice(r.start, r.end));
      previousEnd = r.end;
    }
    expect(p.text).toBe(cutRemovals(p.raw, p.removals));
  }
  expect(article.metadata.title.trim()).not.toBe('');
}

describe('no text is ever lost', () => {
  it('holds for every seed, in every format and with every line ending', () => {
    for (const name of seedNames) {
      const text = seedText(name);
      for (const input of [text, text.replace(/\n/gu, '\r\n'), text.replace(/\n/gu, '\r'), `\ufeff${text}\n\n`]) {
        for (const format of formats) expectLossless(input, parseArticle(input, format));
      }
    }
  });

  it('holds for generated noisy articles', () => {
    const random = seededRandom(20_260_101);
    for (let i = 0; i < 600; i++) {
      const input = noisyArticle(random);
      const format = formats[i % formats.length] ?? 'txt';
      try {
        expectLossless(input, parseArticle(input, format));
      } catch (error) {
        throw new Error(`case ${i} (${format}) failed for input ${JSON.stringify(input)}`, { cause: error });
      }
    }
  });

  it('holds for the edge cases: empty, blank, one character, no final line break', () => {
    for (const input of ['', '\n', ' \u3000\n\t\n', '字', '\r\n字\r\n', '# ', '#', '(wǎng)', '網(wǎng)', '\ufeff']) {
      for (const format of formats) expectLossless(input, parseArticle(input, format));
    }
  });
});
