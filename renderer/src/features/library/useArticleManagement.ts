import { useCallback, useState } from 'react';
import type { RecleanReport } from '../../../../preload/contract/annotationTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useNavigation } from '../../state/Navigation';
import { dropFromArticleSelection } from '../../state/articleSelection';
import { showToast } from '../annotate/toastStore';
import { flushPendingNotes } from '../notes/pendingNotes';
import { libraryMessages } from './messages';

export type ArticleAction = 'reclean' | 'archive' | 'unarchive' | 'trash' | 'restore';

/**
 * The library's actions on one article. Trash, restore, archive and unarchive are undo steps
 * (the toast offers Undo, Ctrl+Z works too); a re-clean answers with its report, kept for the
 * dialog. Each action tells the other panes (the list, an open reader) to fetch again.
 */
export function useArticleManagement() {
  const t = useMessages(libraryMessages);
  const { changed } = useLibraryEvents();
  const { location, closeArticle } = useNavigation();
  const [recleaned, setRecleaned] = useState<RecleanReport | null>(null);
  const openId = location.articleId;

  const run = useCallback(
    async (action: ArticleAction, articleId: number) => {
      if (action === 'reclean') {
        // A note typed a moment ago is saved before its paragraph is rebuilt.
        await flushPendingNotes();
        const result = await pizhu.recleanArticle({ articleId });
        if (!result.ok) return showToast(result.error.message);
        changed([articleId]);
        return setRecleaned(result.value);
      }
      const call =
        action === 'trash'
          ? pizhu.trashArticle({ articleId })
          : action === 'restore'
            ? pizhu.restoreArticle({ articleId })
            : pizhu.setArchived({ articleId, archived: action === 'archive' });
      const result = await call;
      if (!result.ok) return showToast(result.error.message);
      if (action === 'trash' && openId === articleId) await closeArticle();
      // Each of these takes the article out of the list it was in, and so out of what is chosen there.
      dropFromArticleSelection(articleId);
      changed([articleId]);
      const message = {
        trash: 'trashedMessage',
        restore: 'restoredMessage',
        archive: 'archivedMessage',
        unarchive: 'unarchivedMessage',
      } as const;
      showToast(t(message[action], { title: result.value.title }), true);
    },
    [changed, closeArticle, openId, t],
  );

  return { run, recleaned, closeReport: () => setRecleaned(null) };
}
