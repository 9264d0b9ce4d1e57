import { describe, expect, it } from 'vitest';
import { matchTags } from '../../../renderer/src/features/annotate/matchTags';

const names = ['主题/治安', '主题/教育', '人物', 'Policy/Local', 'local-news'];

describe('tag autocomplete', () => {
  it('puts names starting with the query first, then nested levels, then anywhere', () => {
    expect(matchTags(names, '主题')).toEqual(['主题/教育', '主题/治安']);
    expect(matchTags(names, 'loc')).toEqual(['local-news', 'Policy/Local']);
    expect(matchTags(names, '治')).toEqual(['主题/治安']);
    expect(matchTags(names, 'cal')).toEqual(['local-news', 'Policy/Local']);
  });

  it('is case-insensitive, leaves out an exact match, and limits the list', () => {
    expect(matchTags(names, 'POLICY/')).toEqual(['Policy/Local']);
    expect(matchTags(names, '人物')).toEqual([]);
    expect(matchTags(names, '', 2)).toEqual(['主题/治安', '主题/教育']);
  });
});
