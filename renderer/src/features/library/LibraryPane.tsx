import { useEffect, useMemo, useState } from 'react';
import type { ArticleSummary, ImportOutcome } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { usePreferences } from '../preferences/PreferencesContext';
import { PreferencesDialog } from '../preferences/PreferencesDialog';
import { ArticleList } from './ArticleList';
import { LibraryToolbar } from './LibraryToolbar';
import { PasteTextDialog } from './PasteTextDialog';
import { libraryMessages } from './messages';
import { orderArticles } from './orderArticles';
import { useTagList } from '../tags/useTagList';
import { useTaggedArticles } from './useTagFilter';
import './library.css';
import { ExportButton } from '../export/ExportButton';

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
  const [status, setStatus] = useState<string | null>(null);

  const tags = useTagList();
  // A tag renamed or merged away since it was chosen no longer filters.
  const tag = tags.some((x) => x.name === chosenTag) ? chosenTag : '';
  const tagged = useTaggedArticles(tag, version);
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
    () => (articles ? orderArticles(articles, sort, { query, articleIds }, locale, opened.order) : null),
    [articles, sort, query, articleIds, locale, opened.order],
  );

  // An outcome message stays a while, then goes.
  useEffect(() => {
    if (status === null) return;
    const timer = window.setTimeout(() => setStatus(null), 8000);
    return () => window.clearTimeout(timer);
  }, [status]);

  const pasted = (outcome: ImportOutcome) => {
    setDialog('none');
    const title = outcome.title ?? outcome.fileName;
    setStatus(outcome.status === 'imported' ? t('imported', { title }) : t('alreadyImported', { title }));
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
        />
        <p className="library-status" role="status">
          {status ??
            (articles && shown
              ? filtering
                ? t('countFiltered', { shown: shown.length, total: articles.length })
                : t('countAll', { count: articles.length })
              : '')}
        </p>
      </header>
      {articles === null || shown === null || tagged.kind === 'loading' ? (
        <p className="muted">{t('loading')}</p>
      ) : articles.length === 0 ? (
        <p className="muted">{t('empty')}</p>
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
          orderKey={`${sort}\n${tag}\n${query}`}
          locale={locale}
          onOpen={onOpen}
        />
      )}
      {dialog === 'paste' && <PasteTextDialog onClose={() => setDialog('none')} onImported={pasted} />}
      {dialog === 'preferences' && <PreferencesDialog onClose={() => setDialog('none')} />}
    </nav>
  );
}

function PreferencesIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M2 4.5h14M2 9h14M2 13.5h14" strokeLinecap="round" />
      <circle cx="6" cy="4.5" r="1.9" fill="var(--pane)" />
      <circle cx="12" cy="9" r="1.9" fill="var(--pane)" />
      <circle cx="7.5" cy="13.5" r="1.9" fill="var(--pane)" />
    </svg>
  );
}
