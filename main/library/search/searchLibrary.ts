import { isSourceRegion, type SourceRegion } from '../../../preload/common/conversionTable';
import type { SearchHit, SearchResult } from '../../../preload/contract/api';
import type { DetectedScript } from '../../../preload/contract/articleTypes';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { findMatches } from './findMatches';
import { hitArticles } from './hitArticles';
import { listTermOverrides } from '../overrides/termOverrides';
import { parseQuery, type ParsedQuery } from './parseQuery';
import { resolveFilters, type FilterOptions } from './resolveFilters';
import { countMatches, pageRowids, planSearch, prepareTagFilter } from './searchPages';
import { rarestToken } from './rarestToken';
import { hitComments, hitParagraphs, isIndexByRow } from './searchQuery';

export interface SearchOptions extends FilterOptions {
  /** Hits per page: 50 unless given, at most 500. */
  limit?: number;
  offset?: number;
  /** Count every hit, however many: otherwise a page says only whether more follow it (searchPages). */
  exactTotal?: boolean;
}

export const defaultSearchLimit = 50;
export const maxSearchLimit = 500;

/**
 * One page of hits, in the order of searchPages, and how many there are: exactly when they
 * end on this page or when asked (exactTotal), else as "more than" the hits up to this page's
 * end (totalIsLowerBound). Each hit carries the text it
 * matched in (the canonical paragraph text, the note's plain text or a highlight's comment) and the matched ranges
 * in that text, so the reader can mark them in any script mode through its offset maps.
 */
export function searchLibrary(db: Db, query: string, options: SearchOptions = {}): SearchResult {
  return searchParsedQuery(db, parseQuery(query, listTermOverrides(db)), options);
}

/** searchLibrary for a query already parsed (the app's search parses once for the hits and the memos). */
export function searchParsedQuery(db: Db, parsed: ParsedQuery, options: SearchOptions = {}): SearchResult {
  const limit = options.limit ?? defaultSearchLimit;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxSearchLimit) {
    throw new LibraryError('invalid-argument', `A page of results holds 1 to ${maxSearchLimit} hits.`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new LibraryError('invalid-argument', 'The offset of a page of results must be 0 or more.');
  }
  const filters = resolveFilters(db, options);
  if (!filters) return { hits: [], total: 0 };
  if (filters.tagIds !== undefined) prepareTagFilter(db, filters.tagIds);
  const plan = planSearch(parsed, filters, isIndexByRow(db, 'search_index'), (tokens) => rarestToken(db, tokens));
  // One row past the page says whether more follow, without reading them all.
  const rows = pageRowids(db, plan, offset, limit + 1);
  const rowids = rows.slice(0, limit);
  const ended = rows.length <= limit && (rowids.length > 0 || offset === 0);
  const total = ended
    ? offset + rowids.length
    : options.exactTotal === true || rowids.length === 0
      ? countMatches(db, plan)
      : offset + limit;
  const lowerBound = !ended && options.exactTotal !== true && rowids.length > 0;
  const comments = hitComments(db, rowids);
  const paragraphs = hitParagraphs(db, [...rowids, ...[...comments.values()].map((c) => c.paragraph_id * 2)]);
  const articles = hitArticles(db, [...paragraphs.values()].map((p) => p.article_id));
  const hits: SearchHit[] = [];
  for (const rowid of rowids) {
    const comment = rowid < 0 ? comments.get(-rowid) : undefined;
    const paragraph = paragraphs.get(comment ? comment.paragraph_id : Math.floor(rowid / 2));
    const article = paragraph && articles.get(paragraph.article_id);
    if (!paragraph || !article || (rowid < 0 && !comment)) continue;
    const kind = comment ? 'comment' : rowid % 2 === 1 ? 'note' : 'paragraph';
    const text = comment ? comment.comment : kind === 'note' ? (paragraph.note ?? '') : paragraph.text;
    hits.push({
      ...(comment ? { highlightId: comment.id } : {}),
      articleId: paragraph.article_id,
      articleTitle: article.title,
      articleScript: article.script,
      articleRegion: regionOf(article.region, article.script),
      articleArchived: article.archived,
      paragraphId: paragraph.id,
      paragraphOrder: paragraph.ord,
      paragraphKind: paragraph.kind,
      kind,
      text,
      matches: findMatches(text, parsed.terms),
    });
  }
  return lowerBound ? { hits, total, totalIsLowerBound: true } : { hits, total };
}

/**
 * The region the reader converts the article by, as readArticle works it out (store/articles.ts):
 * an article imported before regions and not opened since has none stored yet.
 */
function regionOf(stored: string | null, script: DetectedScript): SourceRegion {
  if (isSourceRegion(stored)) return stored;
  return script === 'simplified' ? 'mainland' : 'generic';
}
