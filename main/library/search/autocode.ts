import { highlightColors, type HighlightColor } from '../../../preload/contract/annotationTypes';
import type { AutocodeResult, TextRange } from '../../../preload/contract/api';
import { anchorHighlight } from '../annotations/highlightAnchor';
import { shortQuote, type Journaled } from '../annotations/journaled';
import { normalizeTagName } from '../annotations/tagNames';
import type { Recorder } from '../journal/recordChanges';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { attach, ensureTag } from '../store/tags';
import { findMatches } from './findMatches';
import { listTermOverrides } from '../overrides/termOverrides';
import { parseQuery } from './parseQuery';
import { resolveFilters } from './resolveFilters';
import { allMatchingParagraphs, type ParagraphText } from './searchQuery';

export interface AutocodeOptions {
  /** The tag to attach (created, with its parents, when missing). */
  tag: string;
  /** true: a highlight carrying the tag on every matched span; false: the tag on every matching paragraph. */
  span: boolean;
  articleId?: number;
  includeHidden?: boolean;
  /** Colour of the highlights a span auto-coding creates; yellow unless given. */
  color?: HighlightColor;
  /** The search's tag filter: only hits in paragraphs carrying this tag (or one nested under it). */
  withinTag?: string;
}

/** One operation, one journal entry: a bound keeps it (and its undo) a size a person meant. */
export const maxAutocodePassages = 10_000;

/**
 * Codes every hit of a search in the article text (notes are the researcher's own words, not
 * the corpus, so they are not coded) as one journaled operation: one undo takes it all back.
 * Passages already coded are left as they are, so running it twice changes nothing the second time.
 */
export function autocode(db: Db, journaled: Journaled, query: string, options: AutocodeOptions): AutocodeResult {
  const name = normalizeTagName(options.tag);
  const color = options.color ?? 'yellow';
  if (!(highlightColors as readonly string[]).includes(color)) {
    throw new LibraryError('invalid-argument', `"${color}" is not a highlight colour (${highlightColors.join(', ')}).`);
  }
  const parsed = parseQuery(query, listTermOverrides(db));
  const resolved = resolveFilters(db, {
    articleId: options.articleId,
    includeHidden: options.includeHidden,
    tag: options.withinTag,
  });
  if (options.articleId !== undefined) refuseTrashed(db, options.articleId);
  const filters = resolved && { ...resolved, paragraphsOnly: true };
  const paragraphs = filters ? allMatchingParagraphs(db, parsed, filters) : [];
  const spans = options.span ? paragraphs.map((p) => findMatches(p.text, parsed.terms)) : [];
  const count = options.span ? spans.reduce((n, s) => n + s.length, 0) : paragraphs.length;
  if (count > maxAutocodePassages) {
    throw new LibraryError(
      'invalid-argument',
      `"${query}" matches ${count} passages; auto-coding takes at most ${maxAutocodePassages} at once. Narrow the search, e.g. to one article.`,
    );
  }
  const result: AutocodeResult = { paragraphs: 0, highlights: 0, articleIds: [] };
  if (count === 0) return result;

  return journaled((rec, now) => {
    const tagId = ensureTag(rec, name, now);
    const articles = new Set<number>();
    paragraphs.forEach((paragraph, i) => {
      const coded = options.span
        ? highlightSpans(rec, paragraph, spans[i] ?? [], tagId, color, now)
        : attach(rec, 'paragraph_tag', { paragraph_id: paragraph.id, tag_id: tagId })
          ? 1
          : 0;
      if (coded === 0) return;
      result.paragraphs++;
      if (options.span) result.highlights += coded;
      articles.add(paragraph.article_id);
    });
    result.articleIds = [...articles].sort((a, b) => a - b);
    const what = options.span ? `${result.highlights} matches` : `${result.paragraphs} paragraphs`;
    return {
      value: result,
      op: 'search.autocode',
      description: `Tag ${what} of “${shortQuote(query)}” with “${name}”`,
    };
  });
}

/** Coding an article in the trash would add passages no tag count or tag view shows: restore it first. */
function refuseTrashed(db: Db, articleId: number): void {
  const row = db.prepare('SELECT title FROM article WHERE id = ? AND trashed_at IS NOT NULL').get(articleId) as
    | { title: string }
    | undefined;
  if (row) throw new LibraryError('invalid-argument', `"${row.title}" is in the trash; restore it first. Nothing changed.`);
}

/** Tags the highlight already on each span, or creates one; returns how many highlights gained the tag. */
export function highlightSpans(
  rec: Recorder,
  paragraph: ParagraphText,
  spans: readonly TextRange[],
  tagId: number,
  color: HighlightColor,
  now: string,
): number {
  const existing = rec.db.prepare(
    'SELECT id FROM highlight WHERE paragraph_id = ? AND start_offset = ? AND end_offset = ? ORDER BY id LIMIT 1',
  );
  let coded = 0;
  for (const { start, end } of spans) {
    const found = existing.get(paragraph.id, start, end) as { id: number } | undefined;
    if (found) {
      if (attach(rec, 'highlight_tag', { highlight_id: found.id, tag_id: tagId })) {
        rec.update('highlight', { id: found.id }, { updated_at: now });
        coded++;
      }
      continue;
    }
    const anchor = anchorHighlight(paragraph.text, start, end);
    const id = rec.insert('highlight', {
      article_id: paragraph.article_id,
      paragraph_id: paragraph.id,
      start_offset: start,
      end_offset: end,
      quote: anchor.quote,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      color,
      created_at: now,
      updated_at: now,
    });
    attach(rec, 'highlight_tag', { highlight_id: id, tag_id: tagId });
    coded++;
  }
  return coded;
}
