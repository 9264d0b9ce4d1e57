import { useCallback } from 'react';
import type { ReadingAid } from '../../../../preload/common/readingAids';
import { usePreferences } from '../preferences/PreferencesContext';

/**
 * The article's reading aid, kept per article beside its script mode in the preferences (a
 * display choice, as the mode is: nothing in the library changes). null: no readings shown.
 */
export function useReadingAid(articleId: number) {
  const { preferences, update } = usePreferences();
  const byArticle = preferences.readingAidByArticle;
  const aid = byArticle[String(articleId)] ?? null;
  const setAid = useCallback(
    (next: ReadingAid | null) => {
      const rest = { ...byArticle };
      delete rest[String(articleId)];
      update({ readingAidByArticle: next ? { ...rest, [String(articleId)]: next } : rest });
    },
    [articleId, byArticle, update],
  );
  return { aid, setAid };
}
