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

describe('tag autocomplete across scripts', () => {
  const library = ['技术', '技术/软件', '台湾/政治', '技能'];

  it('typing 技術 suggests the existing 技术 first, then the names under it', () => {
    expect(matchTags(library, '技術')).toEqual(['技术', '技术/软件']);
    expect(matchTags(library, '技')).toEqual(['技术', '技术/软件', '技能']);
  });

  it('matches any level and anywhere in another script, and leaves out only the exact stored name', () => {
    expect(matchTags(library, '臺灣')).toEqual(['台湾/政治']);
    expect(matchTags(library, '政治')).toEqual(['台湾/政治']);
    expect(matchTags(library, '技术')).toEqual(['技术/软件']);
  });
});
