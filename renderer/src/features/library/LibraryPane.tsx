import { useMemo, useState } from 'react';
import type { ArticleSummary, ImportOutcome } from '../../../../preload/contract/articleTypes';
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
import { useTrashList } from './useTrashList';
import { LibraryToolbar } from './LibraryToolbar';
import { PasteTextDialog } from './PasteTextDialog';
import { libraryMessages } from './messages';
import { orderArticles } from './orderArticles';
import { useTagList } from '../tags/useTagList';
import { useTaggedArticles } from './useTagFilter';
import './library.css';
import { ExportButton } from '../export/ExportButton';
import { BarIcon } from '../../ui/BarIcon';

interface Props {
  articles: ArticleSummary[] | null;
  selectedId: number | null;
  onOpen: (id: number) => void;
  onImport: () => void;
}

const noArticles: ReadonlySet<number> = new Set();

export function LibraryPane({ articles, selectedId, onOpen, onImport }: Props) {
  const t = useMessages(libraryMessages);
  const { preferences, update } = usePreferences();
  const { version, changed } = useLibraryEvents();
  const [query, setQuery] = useState('');
  const [chosenTag, setChosenTag] = useState('');
  const [dialog, setDialog] = useState<'none' | 'paste' | 'preferences'>('none');
  const [view, setView] = useState<LibraryView>('library');
  const manage = useArticleManagement();
  const trash = useTrashList(view === 'trash', version);
  // Archived articles have a view of their own; the trash comes from main only while shown.
  const inView = useMemo(
    () =>
      view === 'trash' ? trash : (articles?.filter((a) => (a.archivedAt !== null) === (view === 'archived')) ?? null),
    [view, trash, articles],
  );

  const tags = useTagList();
  // A tag renamed or merged away since it was chosen no longer filters.
  const tag = tags.some((x) => x.name === chosenTag) ? chosenTag : '';
  const tagged = useTaggedArticles(tag, version, view === 'trash');
  const articleIds = tagged.kind === 'ready' ? tagged.ids : tagged.kind === 'loading' ? noArticles : null;

  // Opens since the last fetch, numbered in order, so "recently opened" follows the reader at once.
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [opened, setOpened] = useState({ lastId: selectedId, next: 1, order: new Map<number, number>() });
  if (opened.lastId !== selectedId) {
    const order = new Map(opened.order);
    if (selectedId !== null) order.set(selectedId, opened.next);
    setOpened({ lastId: selectedId, next: opened.next + 1, order });
  }

  const locale = preferences.uiLocale;
  const sort = preferences.librarySort;
  const shown = useMemo(
    () => (inView ? orderArticles(inView, sort, { query, articleIds }, locale, opened.order) : null),
    [inView, sort, query, articleIds, locale, opened.order],
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
          {inView && shown
            ? filtering
              ? t('countFiltered', { shown: shown.length, total: inView.length })
              : t('countAll', { count: inView.length })
            : ''}
        </p>
        {view === 'trash' && inView && <EmptyTrashButton count={inView.length} />}
        <ImportReport />
      </header>
      {inView === null || shown === null || tagged.kind === 'loading' ? (
        <p className="muted">{t('loading')}</p>
      ) : inView.length === 0 ? (
        <p className="muted">{t(view === 'trash' ? 'trashEmpty' : view === 'archived' ? 'archiveEmpty' : 'empty')}</p>
      ) : shown.length === 0 ? (
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
          articles={shown}
          label={t('articles')}
          selectedId={selectedId}
          orderKey={`${view}\n${sort}\n${tag}\n${query}`}
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
