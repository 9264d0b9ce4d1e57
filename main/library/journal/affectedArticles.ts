import type { Db } from '../store/openDatabase';
import type { Row, RowChange } from './journaledTables';

/**
 * The articles whose annotations a set of row changes touches, so the renderer knows
 * whether its open article must be fetched again. Reads the database as it stands now:
 * call it both before and after applying when rows may appear or vanish.
 */
export function affectedArticles(db: Db, changes: readonly RowChange[]): Set<number> {
  const articles = new Set<number>();
  const paragraphs = new Set<number>();
  const highlights = new Set<number>();
  const tags = new Set<number>();
  for (const change of changes) {
    // The vocabulary shows nowhere in an article, and an override changes how text reads, not an
    // article's annotations (the renderer reads the overrides again on an override.* undo).
    // Nor does a tag's codebook description.
    // Nor do article attributes, which show in the library list (read again after any undo), not the reader.
    const elsewhere =
      change.table === 'vocabulary' ||
      change.table === 'term_override' ||
      change.table === 'tag_description' ||
      change.table === 'stop_word_list' ||
      change.table === 'attribute' ||
      change.table === 'article_attribute' ||
      // A member's name and colour are read again by the reader's coder filter, not per article.
      change.table === 'library_member';
    if (elsewhere) continue;
    for (const row of [change.before, change.after]) {
      if (!row) continue;
      if (change.table === 'highlight') addNumber(articles, row, 'article_id');
      else if (change.table === 'highlight_tag') addNumber(highlights, row, 'highlight_id');
      else if (change.table === 'paragraph_tag' || change.table === 'note') addNumber(paragraphs, row, 'paragraph_id');
      else if (change.table === 'article') addNumber(articles, row, 'id');
      else if (change.table === 'paragraph') addNumber(paragraphs, row, 'id');
      // An article's memo changes that article; a journal entry (no article) none.
      else if (change.table === 'memo') addNumber(articles, row, 'article_id');
      else addNumber(tags, row, 'id');
    }
  }
  const add = (sql: string, ids: Set<number>) => {
    if (ids.size === 0) return;
    const rows = db.prepare(sql).all({ ids: JSON.stringify([...ids]) }) as Array<{ article_id: number }>;
    for (const r of rows) articles.add(r.article_id);
  };
  add('SELECT DISTINCT article_id FROM paragraph WHERE id IN (SELECT value FROM json_each(@ids))', paragraphs);
  add('SELECT DISTINCT article_id FROM highlight WHERE id IN (SELECT value FROM json_each(@ids))', highlights);
  // A renamed tag changes what every article carrying it shows.
  add(
    `SELECT h.article_id FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id
       WHERE ht.tag_id IN (SELECT value FROM json_each(@ids))
     UNION
     SELECT p.article_id FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id
       WHERE pt.tag_id IN (SELECT value FROM json_each(@ids))`,
    tags,
  );
  return articles;
}

function addNumber(into: Set<number>, row: Row, column: string): void {
  const value = row[column];
  if (typeof value === 'number') into.add(value);
}
