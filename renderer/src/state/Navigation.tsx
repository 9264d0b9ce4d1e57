import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OffsetRange } from '../../../preload/common/offsetMap';
import { flushPendingNotes } from '../features/notes/pendingNotes';

/** Where the reader is: the open article (and a paragraph to bring into view), and the side panel. */
export interface Location {
  articleId: number | null;
  /** A paragraph to scroll to and mark, e.g. after a jump from the tag view or search. */
  focusParagraphId: number | null;
  /** Search matches to mark inside that paragraph: UTF-16 ranges of its canonical text. */
  focusMatches: readonly OffsetRange[] | null;
}

export type SidePanel =
  | { kind: 'none' }
  | { kind: 'tags' }
  | { kind: 'tag'; tag: string }
  /** Search, within one article or (articleId null) the library; a new focusToken puts the cursor in the box. */
  | { kind: 'search'; articleId: number | null; focusToken: number }
  /** The open article's memo and the library journal; `focusMemoId` is a memo to bring into view (a search hit). */
  | { kind: 'memos'; focusMemoId: number | null };

interface NavigationValue {
  location: Location;
  sidePanel: SidePanel;
  /** Flushes unsaved notes first, so switching article never loses a keystroke. */
  openArticle: (articleId: number, focusParagraphId?: number | null, focusMatches?: readonly OffsetRange[] | null) => Promise<void>;
  showSidePanel: (panel: SidePanel) => void;
  /** Shows no article (the open one went to the trash); notes are flushed first. */
  closeArticle: () => Promise<void>;
  /** At start: opens the article left open last time, unless the person (or a link) opened one already. */
  reopenArticle: (articleId: number) => void;
  /** Takes the search match marks off the reader (a new query, or search closed); the place stays. */
  clearSearchMarks: () => void;
}

const NavigationContext = createContext<NavigationValue | null>(null);

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>({ articleId: null, focusParagraphId: null, focusMatches: null });
  const [sidePanel, setSidePanel] = useState<SidePanel>({ kind: 'none' });
  // Any navigation since start, counted as it is asked for (before the note flush it awaits).
  const navigated = useRef(false);
  const openArticle = useCallback(
    async (articleId: number, focusParagraphId: number | null = null, focusMatches: readonly OffsetRange[] | null = null) => {
      navigated.current = true;
      await flushPendingNotes();
      setLocation({ articleId, focusParagraphId, focusMatches });
    },
    [],
  );
  const clearSearchMarks = useCallback(
    () => setLocation((current) => (current.focusMatches === null ? current : { ...current, focusMatches: null })),
    [],
  );
  const closeArticle = useCallback(async () => {
    navigated.current = true;
    await flushPendingNotes();
    setLocation({ articleId: null, focusParagraphId: null, focusMatches: null });
  }, []);
  const reopenArticle = useCallback((articleId: number) => {
    if (navigated.current) return;
    setLocation({ articleId, focusParagraphId: null, focusMatches: null });
  }, []);
  const value = useMemo(
    () => ({ location, sidePanel, openArticle, showSidePanel: setSidePanel, clearSearchMarks, closeArticle, reopenArticle }),
    [location, sidePanel, openArticle, clearSearchMarks, closeArticle, reopenArticle],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): NavigationValue {
  const value = useContext(NavigationContext);
  if (!value) throw new Error('useNavigation outside NavigationProvider');
  return value;
}
