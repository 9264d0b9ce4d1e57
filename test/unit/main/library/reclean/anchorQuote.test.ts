import { describe, expect, it } from 'vitest';
import { anchorQuote, type QuoteAnchor } from '../../../../../main/library/reclean/anchorQuote';

const before = '晋江市公安局刑侦大队坚持案子发到哪背包背到哪,不怕苦累,不畏艰险,成功破获了一系列大案要案难案。';

function anchorOf(text: string, quote: string, hintParagraph: number | null = 0): QuoteAnchor {
  const start = text.indexOf(quote);
  return {
    hintParagraph,
    start,
    end: start + quote.length,
    quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(start + quote.length, start + quote.length + 32),
  };
}

describe('anchorQuote', () => {
  it('keeps the same place when the paragraph is unchanged', () => {
    const start = before.indexOf('不怕苦累');
    expect(anchorQuote(anchorOf(before, '不怕苦累'), [before])).toEqual({ paragraph: 0, start, end: start + 4, method: 'position' });
  });

  it('finds the exact quote when text before it changed', () => {
    const after = '上世纪90年代,' + before;
    expect(anchorQuote(anchorOf(before, '不怕苦累'), ['导语', after])).toEqual({
      paragraph: 1,
      start: after.indexOf('不怕苦累'),
      end: after.indexOf('不怕苦累') + 4,
      method: 'quote',
    });
  });

  it('chooses among repeated quotes by their context', () => {
    const text = '背包背到哪,地铺打到哪。他们说:背包背到哪,案子就破到哪。';
    const second = text.lastIndexOf('背包背到哪');
    const anchor = { ...anchorOf(text, '背包背到哪'), start: second, end: second + 5, prefix: text.slice(0, second), suffix: text.slice(second + 5) };
    const moved = '新的开头。' + text;
    expect(anchorQuote({ ...anchor, hintParagraph: null }, [moved])).toMatchObject({ start: moved.lastIndexOf('背包背到哪'), method: 'quote' });
  });

  it('finds a quote that was lightly edited (fuzzy)', () => {
    const quote = '成功破获了一系列大案要案难案';
    const edited = before.replace('一系列大案要案难案', '一系列大案、要案、难案');
    const placed = anchorQuote(anchorOf(before, quote), [edited]);
    expect(placed?.method).toBe('fuzzy');
    expect(edited.slice(placed!.start, placed!.end)).toMatch(/^成功破获了一系列大案、要案、?难?/);
  });

  it('gives up (orphan) when the passage is gone', () => {
    expect(anchorQuote(anchorOf(before, '不畏艰险,成功破获'), ['完全不同的一段文字,讲的是另一回事。'])).toBeNull();
  });
});
