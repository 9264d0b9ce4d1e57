import { describe, expect, it } from 'vitest';
import { renderParagraph } from '../../../../../main/library/export/renderPassages';
import { createConverter } from '../../../../../preload/common/createConverter';
import type { ExportHighlight, ExportParagraph } from '../../../../../main/library/export/exportData';

const converter = createConverter('simplified', 'original');

function highlight(id: number, start: number, end: number, tags: string[]): ExportHighlight {
  return { id, start, end, quote: text.slice(start, end), tags };
}

const text = '互联网改变了我们的生活方式';
const paragraph: ExportParagraph = {
  id: 12,
  articleId: 3,
  order: 0,
  text,
  tags: [],
  note: null,
  // 互联网改变 (政策) and 改变了我们 (生活) overlap on 改变.
  highlights: [highlight(1, 0, 5, ['政策']), highlight(2, 3, 8, ['生活'])],
  whole: false,
};

function render(highlightsOnly: boolean): string[] {
  const out: string[] = [];
  renderParagraph(out, paragraph, { converter, highlightsOnly });
  return out;
}

// Issue #13: "Highlights only" joined overlapping highlights into one ==…== and gave the
// joined span a tag that was on only part of it.
describe('highlights-only export of overlapping highlights', () => {
  it('quotes each highlight as its own passage with only its own tags', () => {
    const lines = render(true);
    expect(lines).toContain('> ==互联网改变== #政策');
    expect(lines).toContain('> ==改变了我们== #生活');
    expect(lines.join('\n')).not.toContain('==互联网改变了我们==');
    expect(lines.some((l) => l.includes('#政策') && l.includes('#生活'))).toBe(false);
  });

  it('still joins them in the whole-paragraph export, where one ==…== cannot hold two', () => {
    const lines = render(false);
    expect(lines[0]).toBe('> ==互联网改变了我们==的生活方式');
  });
});
