import type { AutocodeResult, SearchResult } from '../../../preload/contract/api';
import { createJournaled } from '../annotations/journaled';
import type { Db } from '../store/openDatabase';
import { autocode, type AutocodeOptions } from './autocode';
import { searchParsedQuery, type SearchOptions } from './searchLibrary';
import { searchMemos } from '../memos/searchMemos';
import { listTermOverrides } from '../overrides/termOverrides';
import { parseQuery } from './parseQuery';

export type { AutocodeOptions, SearchOptions };
export type Search = ReturnType<typeof createSearch>;

/**
 * Script-insensitive full-text search over paragraph text and notes (晋江 finds 晉江), and
 * auto-coding from a search: the whole set of hits tagged in one undoable step.
 */
export function createSearch(db: Db, nowIso: () => string) {
  const journaled = createJournaled(db, nowIso);
  return {
    /** Several terms must all match; "quoted phrases" stay whole; ranked, paged. */
    find(query: string, options: SearchOptions = {}): SearchResult {
      const parsed = parseQuery(query, listTermOverrides(db));
      const result = searchParsedQuery(db, parsed, options);
      // Memos carry no tags and are never boilerplate: the first page of an untagged search lists them.
      if ((options.offset ?? 0) > 0 || options.tag !== undefined) return result;
      const memos = searchMemos(db, parsed, options.articleId);
      return memos.length > 0 ? { ...result, memos } : result;
    },

    autocode(query: string, options: AutocodeOptions): AutocodeResult {
      return autocode(db, journaled, query, options);
    },
  };
}
