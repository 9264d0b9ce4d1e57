import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * A library-wide change counter. A pane that changes annotations other panes show (a tag
 * rename, an undo, an import) calls `changed()`; panes that list things re-fetch when
 * `version` moves. One small context instead of a global store.
 */
interface LibraryEventsValue {
  version: number;
  /** Articles whose content changed, when known; an open article among them re-fetches. */
  changedArticleIds: ReadonlySet<number> | 'all';
  changed: (articleIds?: readonly number[]) => void;
}

const LibraryEventsContext = createContext<LibraryEventsValue | null>(null);

export function LibraryEventsProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ version: number; ids: ReadonlySet<number> | 'all' }>({
    version: 0,
    ids: new Set(),
  });
  const changed = useCallback((articleIds?: readonly number[]) => {
    setState((s) => ({ version: s.version + 1, ids: articleIds ? new Set(articleIds) : 'all' }));
  }, []);
  const value = useMemo(
    () => ({ version: state.version, changedArticleIds: state.ids, changed }),
    [state, changed],
  );
  return <LibraryEventsContext.Provider value={value}>{children}</LibraryEventsContext.Provider>;
}

export function useLibraryEvents(): LibraryEventsValue {
  const value = useContext(LibraryEventsContext);
  if (!value) throw new Error('useLibraryEvents outside LibraryEventsProvider');
  return value;
}
