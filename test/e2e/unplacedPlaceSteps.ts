/**
 * Library steps for unplaced-place.spec.ts, read from the library file after the app closed
 * (fixtures/preparedLibrary: in a process of their own, through the real main/library).
 */
import type { Library } from '../../main/library/createLibrary';

/** The article's notes as [paragraph order, words], in paragraph order. */
export function notesOf(library: Library, title: string): Array<[number, string]> {
  const id = library.database().prepare('SELECT id FROM article WHERE title = ?').pluck().get(title);
  if (typeof id !== 'number') throw new Error(`no article is titled ${title}`);
  const article = library.getArticle(id);
  const order = new Map(article.paragraphs.map((p) => [p.id, p.order]));
  return article.notes
    .map((n): [number, string] => [order.get(n.paragraphId) ?? -1, n.plainText])
    .sort((a, b) => a[0] - b[0]);
}
