import { useEffect, useRef } from 'react';
import { pizhu } from '../api/pizhuClient';
import { useNavigation } from './Navigation';

/**
 * At start, opens the article the person had open when Pizhu last closed (the one opened last,
 * unless it went to the trash since); the reader then scrolls to its saved reading position.
 * Only when nothing else opened an article first (a pizhu:// link).
 */
export function useReopenLastArticle(): void {
  const { location, openArticle } = useNavigation();
  const current = useRef(location.articleId);
  useEffect(() => {
    current.current = location.articleId;
  }, [location.articleId]);
  useEffect(() => {
    let live = true;
    void pizhu.getLastOpenedArticle().then((result) => {
      if (live && result.ok && result.value !== null && current.current === null) void openArticle(result.value);
    });
    return () => {
      live = false;
    };
  }, [openArticle]);
}
