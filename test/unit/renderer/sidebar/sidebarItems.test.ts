import { describe, expect, it } from 'vitest';
import type { Highlight, HighlightColor } from '../../../../preload/contract/annotationTypes';
import type { ArticleView, ParagraphView } from '../../../../preload/contract/articleTypes';
import { filterItems, itemTags, noFilter, sidebarItems } from '../../../../renderer/src/features/sidebar/sidebarItems';

const paragraph = (id: number, order: number): ParagraphView => ({
  id,
  order,
  kind: 'body',
  kindByUser: false,
  text: '一二三四五六七八九十',
  raw: '一二三四五六七八九十',
  flags: [],
  removals: [],
});

let nextId = 1;
function highlight(
  paragraphId: number | null,
  start: number | null,
  color: HighlightColor,
  tags: string[] = [],
): Highlight {
  return {
    id: nextId++,
    articleId: 1,
    paragraphId,
    start,
    end: start === null ? null : start + 2,
    quote: '三四',
    prefix: '',
    suffix: '',
    color,
    comment: '',
    groupId: null,
    tags,
    createdAt: '',
    updatedAt: '',
    madeBy: '',
  };
}

function article(highlights: Highlight[]): ArticleView {
  return {
    // Paragraph ids out of reading order: the list follows `order`, not ids or creation.
    paragraphs: [paragraph(30, 0), paragraph(10, 1), paragraph(20, 2)],
    highlights,
    notes: [{ paragraphId: 10, editorState: '{}', plainText: '笔记', markdown: '笔记', updatedAt: '' }],
    paragraphTags: { 10: ['方法/访谈'] },
  } as unknown as ArticleView;
}

describe('the annotations sidebar list', () => {
  it('is in text order: paragraph, then start within it, the note after its highlights, orphans last', () => {
    const late = highlight(20, 0, 'blue');
    const orphan = highlight(null, null, 'pink');
    const second = highlight(10, 5, 'green');
    const first = highlight(10, 1, 'yellow');
    const top = highlight(30, 8, 'yellow');
    const keys = sidebarItems(article([late, orphan, second, first, top])).map((i) => i.key);
    expect(keys).toEqual([`h${top.id}`, `h${first.id}`, `h${second.id}`, 'n10', `h${late.id}`, `h${orphan.id}`]);
  });

  it('filters by colour, tag (with nested tags) and kind', () => {
    const yellow = highlight(10, 1, 'yellow', ['方法']);
    const blue = highlight(20, 0, 'blue', ['其他']);
    const items = sidebarItems(article([yellow, blue]));
    expect(itemTags(items)).toEqual(expect.arrayContaining(['方法', '方法/访谈', '其他']));
    expect(filterItems(items, { ...noFilter, colors: new Set(['blue']) }).map((i) => i.key)).toEqual([`h${blue.id}`]);
    expect(filterItems(items, { ...noFilter, tag: '方法' }).map((i) => i.key)).toEqual([`h${yellow.id}`, 'n10']);
    expect(filterItems(items, { ...noFilter, kind: 'note' }).map((i) => i.key)).toEqual(['n10']);
    expect(filterItems(items, { ...noFilter, kind: 'highlight', colors: new Set(['yellow', 'blue']) })).toHaveLength(2);
  });
});
