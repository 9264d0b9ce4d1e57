import type { ImportOutcome } from '../../../preload/contract/articleTypes';
import { createJournaled, shortQuote } from '../annotations/journaled';
import { importReading } from '../import/importReading';
import { LibraryError } from '../libraryError';
import * as articles from '../store/articles';
import type { Db } from '../store/openDatabase';
import type { HeldDuplicates } from './heldDuplicates';
import { checkForDuplicate, linkNewArticle } from './importCheck';

/**
 * "Keep both" for a file an import skipped as a duplicate: it is imported beside the article it
 * duplicates and linked to it, as one undo step. The journal writes no article rows, so the
 * article goes in already trashed (outside the journal) and the recorded step takes it out of
 * the trash: undo puts it back in the trash, redo brings it back, and its text never enters the
 * journal.
 */
export function keepHeldDuplicate(db: Db, nowIso: () => string, held: HeldDuplicates, keepId: number): ImportOutcome {
  const article = held.take(keepId);
  if (!article) {
    throw new LibraryError(
      'not-found',
      'Pizhu no longer holds that file (it keeps the duplicates of recent imports only); import it again to keep both.',
    );
  }
  const name = article.fileName ?? 'pasted text';
  const existing = articles.findArticleByHash(db, article.contentHash);
  if (existing) {
    return {
      fileName: name,
      status: 'already-imported',
      articleId: existing.id,
      title: existing.title,
      message: `"${name}" is already in the library as "${existing.title}"; nothing changed.`,
    };
  }
  const check = checkForDuplicate(db, article.parsed.paragraphs, article.fingerprint);
  const title = article.parsed.metadata.title;
  return createJournaled(db, nowIso)((rec, now) => {
    const articleId = articles.insertArticle(db, article, now);
    db.prepare('UPDATE article SET trashed_at = ? WHERE id = ?').run(now, articleId);
    const links = linkNewArticle(db, articleId, check);
    rec.update('article', { id: articleId }, { trashed_at: null });
    return {
      value: { fileName: name, status: 'imported' as const, articleId, title, ...links, reading: importReading(article) },
      op: 'article.keep-duplicate',
      description: `Keep both copies of "${shortQuote(title)}"`,
    };
  });
}
