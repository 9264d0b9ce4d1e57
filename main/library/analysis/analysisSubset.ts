import type { AnalysisAttribute, AnalysisSubset } from '../../../preload/contract/analysisTypes';
import { articlesWithValueSql, readAttributes } from '../attributes/attributeStore';
import { checkAttributeValue, foldedName } from '../attributes/attributeValues';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { resolveFilters } from '../search/resolveFilters';
import { taggedParagraphsSql } from '../search/searchQuery';

/** A paragraph an analysis reads: its stored text and checksum (the word cache's key). */
export interface AnalysisParagraph {
  id: number;
  article_id: number;
  ord: number;
  text: string;
  checksum: string;
}

/** A paragraph as a count reads it: the text only when its words are not kept (paragraphText). */
export type CountedParagraph = Omit<AnalysisParagraph, 'text'>;

/**
 * The paragraphs of a subset, in article then paragraph order: the article text only (no
 * notes), the trash left out, hidden (boilerplate) lines only when asked. A tag takes what
 * search's tag filter takes (the tag or one nested under it, on the paragraph or a highlight in
 * it); a tag that does not exist is an empty subset. An attribute takes the articles with its
 * value (as the library list's attribute filter does); an attribute that does not exist is
 * 'not-found' and a value its kind cannot hold 'invalid-argument', not a silently empty count.
 */
export function subsetParagraphs(db: Db, subset: AnalysisSubset, complement?: boolean, onlyIds?: readonly number[]): AnalysisParagraph[];
export function subsetParagraphs(db: Db, subset: AnalysisSubset, complement: boolean, onlyIds: undefined, withText: false): CountedParagraph[];
export function subsetParagraphs(
  db: Db,
  subset: AnalysisSubset,
  complement = false,
  onlyIds?: readonly number[],
  withText = true,
): CountedParagraph[] {
  const conditions: string[] = ['a.trashed_at IS NULL'];
  const params: Record<string, string | number> = {};
  if (subset.includeHidden !== true) conditions.push(`p.kind != 'boilerplate'`);
  if (onlyIds !== undefined) {
    params.onlyIds = JSON.stringify(onlyIds);
    conditions.push('p.id IN (SELECT value FROM json_each(@onlyIds))');
  }
  const chosen: string[] = [];
  if (subset.tag !== undefined) {
    const filters = resolveFilters(db, { tag: subset.tag });
    params.tagIds = JSON.stringify(filters?.tagIds ?? []);
    chosen.push(`p.id IN (${taggedParagraphsSql})`);
  }
  if (subset.articleIds !== undefined) {
    requireArticles(db, subset.articleIds);
    params.articleIds = JSON.stringify(subset.articleIds);
    chosen.push('p.article_id IN (SELECT value FROM json_each(@articleIds))');
  }
  if (subset.attribute !== undefined) {
    const { attributeId, value } = resolveAttribute(db, subset.attribute);
    params.attributeId = attributeId;
    params.attributeValue = value;
    chosen.push(`p.article_id IN (${articlesWithValueSql})`);
  }
  if (chosen.length > 0) {
    const all = chosen.join(' AND ');
    // The rest of the library, for keyness: what the subset leaves out, under the same hiding.
    conditions.push(complement ? `NOT (${all})` : all);
  } else if (complement) {
    conditions.push('0');
  }
  return db
    .prepare(
      `SELECT p.id, p.article_id, p.ord, ${withText ? 'p.text, ' : ''}p.checksum FROM paragraph p JOIN article a ON a.id = p.article_id
       WHERE ${conditions.join(' AND ')} ORDER BY p.article_id, p.ord`,
    )
    .all(params) as CountedParagraph[];
}

/**
 * A paragraph's text read by its id, for a count that finds its words not kept: a library's
 * kept words spare reading the whole library's text (most of a second process's first list).
 */
export function paragraphText(db: Db): (id: number) => string {
  const read = db.prepare('SELECT text FROM paragraph WHERE id = ?').pluck();
  return (id) => (read.get(id) as string | undefined) ?? '';
}

function requireArticles(db: Db, ids: readonly number[]): void {
  const known = new Set(
    db.prepare('SELECT id FROM article WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as number[],
  );
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw new LibraryError('not-found', `There is no article ${missing} in the library.`);
}

/**
 * An attribute named in a subset, and its value as kept: the name matched as written, else as
 * the attributes module matches a name (either script, any case: the CLI's `--attribute
 * outlet=…`), the value put in the form a value is kept in (a number or date as it is stored).
 */
function resolveAttribute(db: Db, wanted: AnalysisAttribute): { attributeId: number; value: string } {
  const name = wanted.name.trim();
  const folded = foldedName(name);
  const all = readAttributes(db);
  const attribute = all.find((a) => a.name === name) ?? all.find((a) => foldedName(a.name) === folded);
  if (!attribute) throw new LibraryError('not-found', `There is no attribute "${name}" in the library.`, name);
  const checked = checkAttributeValue(attribute, wanted.value);
  if (!checked.ok) throw new LibraryError('invalid-argument', `"${attribute.name}" has no such value: ${checked.why}.`, name);
  return { attributeId: attribute.id, value: checked.value };
}
