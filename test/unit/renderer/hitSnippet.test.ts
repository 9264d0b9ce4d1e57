import { describe, expect, it } from 'vitest';
import type { ScriptMode } from '../../../preload/common/scriptModes';
import type { SearchHit } from '../../../preload/contract/api';
import { findMatches } from '../../../main/library/search/findMatches';
import { parseQuery } from '../../../main/library/search/parseQuery';
import { hitSnippet } from '../../../renderer/src/features/search/hitSnippet';

/** A hit as search returns it: the stored text of a paragraph (mainland unless told) and where the query matched in it. */
function hitFor(query: string, text: string, source: Pick<SearchHit, 'articleScript' | 'articleRegion'> = mainland): SearchHit {
  return {
    articleId: 1,
    articleTitle: '北京',
    ...source,
    articleArchived: false,
    paragraphId: 1,
    paragraphOrder: 1,
    paragraphKind: 'body',
    kind: 'paragraph',
    text,
    matches: findMatches(text, parseQuery(query).terms),
  };
}

const mainland = { articleScript: 'simplified', articleRegion: 'mainland' } as const;
const taiwan = { articleScript: 'traditional', articleRegion: 'taiwan' } as const;

const marked = (hit: SearchHit, mode: ScriptMode) =>
  hitSnippet(hit, { mode, fullWidthPunctuation: false })
    .filter((p) => p.marked)
    .map((p) => p.text);

describe('a search hit found through a regional form is marked as the reader sees it', () => {
  const text = '北京的出租车司机说，互联网让他的生意变好了。';

  it('計程車 marks a mainland 出租车 as 計程車 in 臺灣(詞彙) and as 出租车 in the original', () => {
    const hit = hitFor('計程車', text);
    expect(marked(hit, 'twp')).toEqual(['計程車']);
    expect(marked(hit, 'original')).toEqual(['出租车']);
    expect(marked(hit, 't')).toEqual(['出租車']);
  });

  it('網際網路 marks the whole of 互联网, which grows to four characters in 臺灣(詞彙)', () => {
    const hit = hitFor('網際網路', text);
    expect(marked(hit, 'twp')).toEqual(['網際網路']);
    expect(marked(hit, 'original')).toEqual(['互联网']);
  });

  it('a Taiwan article read in 简体 shows its 計程車 and 網際網路 as 出租车 and 互联网, marked whole', () => {
    const stored = '臺北的計程車司機說，網際網路很方便。';
    expect(marked(hitFor('出租车', stored, taiwan), 'cn')).toEqual(['出租车']);
    expect(marked(hitFor('互联网', stored, taiwan), 'cn')).toEqual(['互联网']);
    expect(marked(hitFor('互联网', stored, taiwan), 'original')).toEqual(['網際網路']);
  });
});
