import { useState } from 'react';
import type { ImportOutcome } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { usePreferences } from '../preferences/PreferencesContext';
import { PreferencesDialog } from '../preferences/PreferencesDialog';
import { ArticleList } from './ArticleList';
import type { LibraryView } from './ArticleMenu';
import { EmptyTrashButton } from './EmptyTrashButton';
import { ImportReport } from './ImportReport';
import { showImportReport } from './importReportStore';
import { RecleanReportDialog } from './RecleanReportDialog';
import { useArticleManagement } from './useArticleManagement';
import { LibraryToolbar } from './LibraryToolbar';
import { PasteTextDialog } from './PasteTextDialog';
import { libraryMessages } from './messages';
import { useTagList } from '../tags/useTagList';
import { useArticlePages } from './useArticlePages';
import './library.css';
import { ExportButton } from '../export/ExportButton';
import { BarIcon } from '../../ui/BarIcon';

interface Props {
  selectedId: number | null;
  onOpen: (id: number) => void;
  onImport: () => void;
}

export function LibraryPane({ selectedId, onOpen, onImport }: Props) {
  const t = useMessages(libraryMessages);
  const { preferences, update } = usePreferences();
  const { version, changed } = useLibraryEvents();
  const [query, setQuery] = useState('');
  const [chosenTag, setChosenTag] = useState('');
  const [dialog, setDialog] = useState<'none' | 'paste' | 'preferences'>('none');
  const [view, setView] = useState<LibraryView>('library');
  const manage = useArticleManagement();
  const tags = useTagList();
  // A tag renamed or merged away since it was chosen no longer filters.
  const tag = tags.some((x) => x.name === chosenTag) ? chosenTag : '';
  const locale = preferences.uiLocale;
  const sort = preferences.librarySort;
  // Filtered and ordered in main, a page at a time (titles by pinyin, or strokes in Traditional).
  const { pages, error } = useArticlePages(
    { view, sort, collation: locale === 'zh-Hant' ? 'zh-Hant' : 'zh', query, tag },
    version,
    selectedId,
  );

  const pasted = (outcome: ImportOutcome) => {
    setDialog('none');
    showImportReport([outcome]);
    changed();
    if (outcome.articleId !== undefined) onOpen(outcome.articleId);
  };

  const filtering = query.trim() !== '' || tag !== '';
  return (
    <nav className="library-pane" aria-label={t('library')}>
      <header className="library-header">
        <div className="library-title-row">
          <h1 className="app-name">
            批注 <span>Pizhu</span>
          </h1>
          <button
            type="button"
            className="icon-button"
            aria-label={t('preferences')}
            title={t('preferences')}
            onClick={() => setDialog('preferences')}
          >
            <PreferencesIcon />
          </button>
        </div>
        <div className="library-actions">
          <button type="button" className="button" onClick={onImport}>
            {t('importFiles')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('paste')}>
            {t('pasteText')}
          </button>
          <ExportButton />
        </div>
        <LibraryToolbar
          query={query}
          onQuery={setQuery}
          sort={sort}
          onSort={(librarySort) => update({ librarySort })}
          tags={tags}
          tag={tag}
          onTag={setChosenTag}
          view={view}
          onView={setView}
        />
        <p className="library-status" role="status">
          {pages
            ? filtering
              ? t('countFiltered', { shown: pages.total, total: pages.inView })
              : t('countAll', { count: pages.inView })
            : ''}
        </p>
        {view === 'trash' && pages && <EmptyTrashButton count={pages.inView} />}
        <ImportReport />
      </header>
      {error !== null ? (
        <p role="alert" className="muted">
          {error}
        </p>
      ) : pages === null ? (
        <p className="muted">{t('loading')}</p>
      ) : pages.inView === 0 ? (
        <p className="muted">{t(view === 'trash' ? 'trashEmpty' : view === 'archived' ? 'archiveEmpty' : 'empty')}</p>
      ) : pages.total === 0 ? (
        <div className="library-no-match">
          <p className="muted">{t('noMatch')}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setQuery('');
              setChosenTag('');
            }}
          >
            {t('clearFilters')}
          </button>
        </div>
      ) : (
        <ArticleList
          pages={pages}
          label={t('articles')}
          selectedId={selectedId}
          locale={locale}
          onOpen={onOpen}
          view={view}
          onAction={(action, id) => void manage.run(action, id)}
        />
      )}
      {manage.recleaned && <RecleanReportDialog report={manage.recleaned} onClose={manage.closeReport} />}
      {dialog === 'paste' && <PasteTextDialog onClose={() => setDialog('none')} onImported={pasted} />}
      {dialog === 'preferences' && <PreferencesDialog onClose={() => setDialog('none')} />}
    </nav>
  );
}

function PreferencesIcon() {
  return (
    <BarIcon>
      <path d="M2 4.5h14M2 9h14M2 13.5h14" strokeLinecap="round" />
      <circle cx="6" cy="4.5" r="1.9" fill="var(--pane)" />
      <circle cx="12" cy="9" r="1.9" fill="var(--pane)" />
      <circle cx="7.5" cy="13.5" r="1.9" fill="var(--pane)" />
    </BarIcon>
  );
}
