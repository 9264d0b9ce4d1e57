import type { Migration } from './migration';

/**
 * Each article records how many paragraphs it has. A flipped bit in a paragraph's article_id,
 * or in the (article_id, ord) index an article is read through, made a paragraph vanish from its
 * article with every checksum still right; the read compares the count and refuses instead.
 * Not part of the article's checksum: a flipped count is refused on read all the same.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'article paragraph count',
  up: `
    ALTER TABLE article ADD COLUMN paragraph_count INTEGER;
    UPDATE article SET paragraph_count = (SELECT count(*) FROM paragraph WHERE paragraph.article_id = article.id);
  `,
};
