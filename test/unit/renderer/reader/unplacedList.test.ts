import { describe, expect, it } from 'vitest';
import type { UnplacedAnnotation } from '../../../../preload/contract/articleTypes';
import type { Member } from '../../../../preload/contract/teamTypes';
import { unplacedList } from '../../../../renderer/src/features/reader/unplacedList';

/** Issue #19: what the reader's "Unplaced notes and paragraph tags" section lists, and under whose name. */
const entry = (over: Partial<UnplacedAnnotation>): UnplacedAnnotation => ({
  key: 'note/1@00000000000000aa',
  kind: 'note',
  plainText: '另一种分段里的笔记',
  markdown: '另一种分段里的笔记',
  tag: null,
  madeBy: 'lin',
  updatedAt: '2026-12-01T08:00:00.000Z',
  dismissed: false,
  ...over,
});

const members: Member[] = [
  { uid: 'lin', name: '林', color: '#1c7ed6', me: false },
  { uid: 'wang', name: '王', color: '#2f9e44', me: true },
];
const words = { you: '（你）', unknown: '未记录' };

describe('unplacedList', () => {
  it('lists a note by its words and a tag as #name, each with its maker, and those set aside apart', () => {
    const list = unplacedList(
      [
        entry({}),
        entry({
          key: 'tagged/p:0@00000000000000aa:t1',
          kind: 'paragraph_tag',
          plainText: '',
          tag: '老街',
          madeBy: 'wang',
        }),
        entry({ key: 'note/3@00000000000000aa', plainText: '收起的笔记', madeBy: '', dismissed: true }),
        entry({ key: 'note/4@00000000000000aa', plainText: '不认识的人', madeBy: 'someone-not-arrived' }),
      ],
      members,
      words,
    );
    expect(list.shown.map((i) => [i.kind, i.text, i.maker, i.makerColor])).toEqual([
      ['note', '另一种分段里的笔记', '林', '#1c7ed6'],
      ['paragraph_tag', '#老街', '王（你）', '#2f9e44'],
      ['note', '不认识的人', '未记录', null],
    ]);
    // Set aside: still listed (collapsed in the reader), never dropped.
    expect(list.setAside.map((i) => [i.key, i.text, i.maker])).toEqual([
      ['note/3@00000000000000aa', '收起的笔记', '未记录'],
    ]);
  });

  it('lists nothing for an article with nothing unplaced', () => {
    expect(unplacedList([], members, words)).toEqual({ shown: [], setAside: [] });
  });
});
