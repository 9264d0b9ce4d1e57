import { useEffect } from 'react';
import { pizhu } from '../api/pizhuClient';
import { useNavigation } from './Navigation';

/**
 * At start, opens the article the person had open when Pizhu last closed (the one opened last,
 * unless it went to the trash since); the reader then scrolls to its saved reading position.
 * Not when the person (or a pizhu:// link) opened an article before the answer came.
 */
export function useReopenLastArticle(): void {
  const { reopenArticle } = useNavigation();
  useEffect(() => {
    let live = true;
    void pizhu.getLastOpenedArticle().then((result) => {
      if (live && result.ok && result.value !== null) reopenArticle(result.value);
    });
    return () => {
      live = false;
    };
  }, [reopenArticle]);
}
