import { normalizeTagName } from '../annotations/tagNames';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';
import { tagAndNestedIds } from '../store/tags';
import type { RowFilters } from './searchQuery';
import { libraryState } from './searchPages';

export interface FilterOptions {
  /** Only paragraphs carrying this tag or one nested under it, on the paragraph or on a highlight in it. */
  tag?: string;
  articleId?: number;
  /** Boilerplate paragraphs too; they are left out by default, as the reader hides them. */
  includeHidden?: boolean;
}

/**
 * The row filters for these options, or null when nothing can match (a tag no passage
 * carries because it does not exist). An article that does not exist is the caller's mistake.
 */
export function resolveFilters(db: Db, options: FilterOptions): RowFilters | null {
  const filters: RowFilters = { includeHidden: options.includeHidden === true };
  if (options.articleId === undefined) {
    // Library-wide, the trash is left out. One article named is searched wherever it is: a
    // person reading an article from the trash view finds in it. Integers: safe as FTS tokens.
    const trashed = preparedStatement(db, 'SELECT id FROM article WHERE trashed_at IS NOT NULL')
      .pluck()
      .all() as number[];
    if (trashed.length > 0) filters.excludeArticleIds = trashed;
  } else {
    // It goes into the FTS expression as a token, so only an integer may pass.
    if (!Number.isSafeInteger(options.articleId)) {
      throw new LibraryError('invalid-argument', `"${String(options.articleId)}" is not an article id.`);
    }
    if (!preparedStatement(db, 'SELECT 1 FROM article WHERE id = ?').get(options.articleId)) {
      throw new LibraryError('not-found', `There is no article ${options.articleId} in the library.`);
    }
    filters.articleId = options.articleId;
  }
  if (options.tag !== undefined) {
    const tagIds = tagFilterIds(db, options.tag);
    if (tagIds.length === 0) return null;
    filters.tagIds = tagIds;
  }
  return filters;
}

const keptTagIds = new WeakMap<Db, { key: string; ids: readonly number[] }>();

/**
 * The ids of the tag typed and the tags nested under it, kept until the library changes: the
 * nested tags are found by comparing every tag's name (5,000 of them took a tenth of a
 * tag-filtered page), and a person types query after query under one tag filter.
 */
function tagFilterIds(db: Db, tag: string): readonly number[] {
  const key = `${tag}\u0000${libraryState(db)}`;
  const kept = keptTagIds.get(db);
  if (kept?.key === key) return kept.ids;
  // The tag as stored, whatever the case or script it was typed in (技術 filters by 技术).
  const ids = tagAndNestedIds(db, normalizeTagName(tag));
  keptTagIds.set(db, { key, ids });
  return ids;
}
