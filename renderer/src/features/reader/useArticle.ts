import { useEffect, useRef, useState } from 'react';
import type { ArticleView } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';

/**
 * The open article, fetched once and again whenever another pane (a tag rename, an undo)
 * reports a change to it. Local edits go through `setArticle` for an instant update.
 */
export function useArticle(articleId: number, onError: (message: string) => void) {
  const [article, setArticle] = useState<ArticleView | null>(null);
  const { version, changedArticleIds } = useLibraryEvents();
  // The article id already fetched: a library change elsewhere does not refetch it.
  const loadedFor = useRef<number | null>(null);

  useEffect(() => {
    const relevant = changedArticleIds === 'all' || changedArticleIds.has(articleId);
    if (loadedFor.current === articleId && !relevant) return undefined;
    loadedFor.current = articleId;
    let live = true;
    let done = false;
    void pizhu.getArticle({ articleId }).then((result) => {
      done = true;
      if (!live) return;
      if (result.ok) setArticle(result.value);
      else onError(result.error.message);
    });
    return () => {
      live = false;
      // Cancelled before it answered: the next run must fetch again.
      if (!done) loadedFor.current = null;
    };
  }, [articleId, version, changedArticleIds, onError]);

  return { article, setArticle };
}
