import { describe, expect, it } from 'vitest';
import { listLayout } from '../../../renderer/src/features/library/listLayout';
import { chosenArticleIds } from '../../../renderer/src/state/articleSelection';
import { selectionChoice, subsetOfChoice } from '../../../renderer/src/features/words/scopeChoice';

/**
 * Issue #18: the library list grouped by an attribute draws a header before each group's rows,
 * while the keyboard, paging and the selection go on counting articles only.
 */
describe('listLayout', () => {
  // Seven articles: 支持 0-2, 反对 3-4, no value 5-6; drawn as H a a a H a a H a a.
  const groups = [
    { value: '支持', start: 0, count: 3 },
    { value: '反对', start: 3, count: 2 },
    { value: null, start: 5, count: 2 },
  ];

  it('puts each header just before its group and the articles after it', () => {
    const layout = listLayout(groups, 7);
    expect(layout.size).toBe(10);
    const drawn = Array.from({ length: layout.size }, (_, place) => {
      const item = layout.itemAt(place);
      return item.kind === 'group' ? `H${item.group}` : item.index;
    });
    expect(drawn).toEqual(['H0', 0, 1, 2, 'H1', 3, 4, 'H2', 5, 6]);
  });

  it('finds where an article is drawn, and the article at or under a place', () => {
    const layout = listLayout(groups, 7);
    expect([0, 1, 2, 3, 4, 5, 6].map(layout.placeOf)).toEqual([1, 2, 3, 5, 6, 8, 9]);
    expect(layout.articleAt(4)).toBe(3);
    expect(layout.articleAt(7)).toBe(5);
    expect(layout.articleAt(0)).toBe(0);
  });

  it('is the articles alone without groups', () => {
    const layout = listLayout(undefined, 4);
    expect(layout.size).toBe(4);
    expect(layout.itemAt(2)).toEqual({ kind: 'article', index: 2 });
    expect(layout.placeOf(3)).toBe(3);
  });
});

describe('the selection as a subset', () => {
  it('counts the article a click opened, alone, as no selection', () => {
    const one = { ids: new Set([7]), anchor: { id: 7, index: 0 }, listKey: 'k' };
    expect(chosenArticleIds(one, 7)).toEqual([]);
    expect(chosenArticleIds(one, 8)).toEqual([7]);
    expect(chosenArticleIds({ ...one, ids: new Set([7, 9]) }, 7)).toEqual([7, 9]);
  });

  it('gives the Words view the selected articles, and the whole library once none is selected', () => {
    expect(subsetOfChoice(selectionChoice, null, [3, 5])).toEqual({ articleIds: [3, 5] });
    expect(subsetOfChoice(selectionChoice, 3, [])).toEqual({});
  });
});
