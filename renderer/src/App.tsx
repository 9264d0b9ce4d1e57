import { useCallback, useEffect, useState } from 'react';
import { linkEvent } from '../../preload/contract/channels';
import { pizhu } from './api/pizhuClient';
import { flushPendingNotes } from './features/notes/pendingNotes';
import { KeyboardHelp } from './features/annotate/KeyboardHelp';
import { UndoHost } from './features/annotate/UndoHost';
import { LibraryPane } from './features/library/LibraryPane';
import { useLibraryLayout } from './features/library/useLibraryLayout';
import { PreferencesProvider } from './features/preferences/PreferencesContext';
import { ArticleReader } from './features/reader/ArticleReader';
import { SearchButton } from './features/search/SearchButton';
import { SearchShortcuts } from './features/search/SearchShortcuts';
import { SidePanelHost, TagsButton } from './features/tags/SidePanelHost';
import { VocabularyButton } from './features/vocabulary/VocabularyButton';
import { MemosButton } from './features/memos/MemosButton';
import { WordsButton } from './features/words/WordsButton';
import { MatricesButton } from './features/matrices/MatricesButton';
import { SidebarButton } from './features/sidebar/SidebarButton';
import { SyncButton } from './features/sync/SyncButton';
import { appMessages } from './i18n/appMessages';
import { useMessages } from './i18n/useMessages';
import { LibraryEventsProvider, useLibraryEvents } from './state/LibraryEvents';
import { NavigationProvider, useNavigation } from './state/Navigation';
import { useReopenLastArticle } from './state/useReopenLastArticle';
import { showImportReport } from './features/library/importReportStore';
import { ImportDropTarget } from './features/import/ImportDropTarget';
import { ImportProgressBar } from './features/import/ImportProgressBar';
import { importChosenFiles } from './features/import/importRun';
import { BarIcon } from './ui/BarIcon';

export function App() {
  return (
    <PreferencesProvider>
      <LibraryEventsProvider>
        <NavigationProvider>
          <Shell />
        </NavigationProvider>
      </LibraryEventsProvider>
    </PreferencesProvider>
  );
}

function Shell() {
  const [error, setError] = useState<string | null>(null);
  const { changed } = useLibraryEvents();
  const { location, sidePanel, openArticle } = useNavigation();
  const t = useMessages(appMessages);
  useReopenLastArticle();
  const sidePanelOpen = sidePanel.kind !== 'none';
  const library = useLibraryLayout(sidePanelOpen);

  // Closing the window: notes typed in the last moment are flushed first.
  // A pizhu:// back-link (from exported Markdown) opens its article at its paragraph.
  useEffect(() => {
    const takeLink = () =>
      void pizhu.takePendingLink().then((result) => {
        if (result.ok && result.value) void openArticle(result.value.articleId, result.value.paragraphId);
      });
    takeLink();
    window.addEventListener(linkEvent, takeLink);
    return () => window.removeEventListener(linkEvent, takeLink);
  }, [openArticle]);

  useEffect(() => {
    const onBeforeUnload = () => void flushPendingNotes();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const importFiles = useCallback(async () => {
    const { result, cancelled } = await importChosenFiles();
    if (!result.ok) return setError(result.error.message);
    // Imported, already there (under which title) and failed (why): in the library pane until dismissed.
    const stopped = cancelled && result.value.length < cancelled.total ? { done: result.value.length, total: cancelled.total } : null;
    if (result.value.length > 0 || stopped) showImportReport(result.value, stopped);
    changed();
  }, [changed]);

  return (
    <div className={`app library-${library.mode}${sidePanelOpen ? ' with-side-panel' : ''}`}>
      <LibraryPane
        selectedId={location.articleId}
        onOpen={(id) => {
          library.closeOverlay();
          void openArticle(id);
        }}
        onImport={() => void importFiles()}
      />
      <main className="reader-pane" aria-label={t('readerPane')}>
        {/* Shell controls get their own row: nothing floats over the article's or the banner's buttons. */}
        <div className="reader-bar">
          <button
            type="button"
            className="icon-button library-toggle"
            aria-label={library.mode === 'docked' || library.mode === 'overlay' ? t('hideLibrary') : t('showLibrary')}
            title={`${library.mode === 'hidden' ? t('showLibrary') : t('hideLibrary')} (Ctrl+\\)`}
            aria-expanded={library.mode !== 'hidden'}
            aria-keyshortcuts={'Control+\\'}
            onClick={library.toggle}
          >
            <LibraryIcon />
          </button>
          {location.articleId !== null && <SidebarButton />}
          <span className="reader-bar-end">
            <SearchButton />
            <TagsButton />
            <VocabularyButton className="bar-pill vocabulary-button" />
            <MemosButton />
            <WordsButton className="bar-pill words-button" articleId={location.articleId} />
            <MatricesButton className="bar-pill matrices-button" />
            <SyncButton />
          </span>
        </div>
        <div className="reader-scroll">
          {error && (
            <div role="alert" className="banner banner-error">
              {error}
              <button type="button" onClick={() => setError(null)} aria-label={t('dismissError')}>
                ×
              </button>
            </div>
          )}
          {location.articleId === null ? (
            <div className="empty-state">
              <p className="empty-title">批注 Pizhu</p>
              <p>{t('emptyHint')}</p>
            </div>
          ) : (
            <ArticleReader
              key={location.articleId}
              articleId={location.articleId}
              focusParagraphId={location.focusParagraphId}
              focusMatches={location.focusMatches}
              onError={setError}
            />
          )}
        </div>
      </main>
      <SidePanelHost />
      <ImportProgressBar />
      <ImportDropTarget />
      <UndoHost />
      <KeyboardHelp />
      <SearchShortcuts />
    </div>
  );
}

function LibraryIcon() {
  return (
    <BarIcon>
      <rect x="2" y="3" width="14" height="12" rx="2" />
      <path d="M7 3v12" />
    </BarIcon>
  );
}
