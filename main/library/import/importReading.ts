import type { ImportReading } from '../../../preload/contract/articleTypes';
import type { NewArticle } from '../store/articles';

/** What the import report says of an imported file: how it was decoded, its script, how much cleaning hid. */
export function importReading(article: NewArticle): ImportReading {
  const { paragraphs, script } = article.parsed;
  return {
    encoding: article.encoding,
    script,
    paragraphs: paragraphs.length,
    hidden: paragraphs.filter((p) => p.kind === 'boilerplate').length,
  };
}
