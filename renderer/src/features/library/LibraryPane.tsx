import { useEffect, useMemo, useState } from 'react';
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
import { selectionKey } from './useListSelection';
import './library.css';
import { ExportButton } from '../export/ExportButton';
import { BarIcon } from '../../ui/BarIcon';
import type { AttributeFilter as AttributeFilterValue } from '../../../../preload/contract/attributeTypes';
import { ArticleAttributesDialog } from '../attributes/ArticleAttributesDialog';
import { AttributeFilter } from '../attributes/AttributeFilter';
import { AttributesDialog } from '../attributes/AttributesDialog';
import { useAttributes } from '../attributes/useAttributes';
import {
  chosenArticleIds,
  clearArticleSelection,
  currentArticleSelection,
  useArticleSelection,
} from '../../state/articleSelection';

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
  const [dialog, setDialog] = useState<'none' | 'paste' | 'preferences' | 'attributes'>('none');
  const [chosenAttribute, setChosenAttribute] = useState<AttributeFilterValue | null>(null);
  const [chosenGroupBy, setGroupBy] = useState<number | null>(null);
  const [attributesOf, setAttributesOf] = useState<{ id: number; title: string } | null>(null);
  const attributes = useAttributes();
  const [view, setView] = useState<LibraryView>('library');
  const manage = useArticleManagement();
  const tags = useTagList();
  // A tag renamed or merged away since it was chosen no longer filters.
  const tag = tags.some((x) => x.name === chosenTag) ? chosenTag : '';
  const locale = preferences.uiLocale;
  const sort = preferences.librarySort;
  // Likewise a value no article has any more (an undo, a removed attribute).
  const attribute =
    chosenAttribute &&
    attributes.some((a) => a.id === chosenAttribute.attributeId && a.values.some((v) => v.value === chosenAttribute.value))
      ? chosenAttribute
      : null;
  // Grouping by an attribute removed, or left with no value (an undo), stops: the menu no longer offers it.
  const groupBy =
    chosenGroupBy !== null && attributes.some((a) => a.id === chosenGroupBy && a.values.length > 0) ? chosenGroupBy : null;
  const listQuery = {
    view,
    sort,
    collation: locale === 'zh-Hant' ? ('zh-Hant' as const) : ('zh' as const),
    query,
    tag,
    ...(attribute ? { attribute } : {}),
    ...(groupBy !== null ? { groupBy } : {}),
  };
  // Filtered, ordered and grouped in main, a page at a time (titles by pinyin, or strokes in Traditional).
  const { pages, error } = useArticlePages(listQuery, version, selectedId);
  // A selection belongs to the articles listed: another view or filter starts none (another order keeps it).
  const selection = useArticleSelection();
  const listKey = pages ? selectionKey(pages.key) : null;
  useEffect(() => {
    const made = currentArticleSelection().listKey;
    if (listKey !== null && made !== '' && made !== listKey) clearArticleSelection();
  }, [listKey]);
  const chosenIds = useMemo(
    () => (selection.listKey === listKey ? chosenArticleIds(selection, selectedId) : []),
    [selection, listKey, selectedId],
  );
  const chosen = useMemo(() => new Set(chosenIds), [chosenIds]);

  const pasted = (outcome: ImportOutcome) => {
    setDialog('none');
    showImportReport([outcome]);
    changed();
    if (outcome.articleId !== undefined) onOpen(outcome.articleId);
  };

  const filtering = query.trim() !== '' || tag !== '' || attribute !== null;
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
        <AttributeFilter
          attributes={attributes}
          value={attribute}
          onChange={setChosenAttribute}
          onManage={() => setDialog('attributes')}
          groupBy={groupBy}
          onGroupBy={setGroupBy}
        />
        <p className="library-status" role="status">
          {pages
            ? filtering
              ? t('countFiltered', { shown: pages.total, total: pages.inView })
              : t('countAll', { count: pages.inView })
            : ''}
        </p>
        {chosenIds.length > 0 && (
          <div className="library-selection">
            <span role="status">{t('chosenCount', { count: chosenIds.length })}</span>
            {view !== 'trash' && (
              <button type="button" className="button" onClick={() => setDialog('attributes')}>
                {t('setForChosen')}
              </button>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={t('clearChosen')}
              title={t('clearChosen')}
              onClick={clearArticleSelection}
            >
              ×
            </button>
          </div>
        )}
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
              setChosenAttribute(null);
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
          chosen={chosen}
          onAction={(action, article) => {
            if (action !== 'attributes') return void manage.run(action, article.id);
            setAttributesOf({ id: article.id, title: article.title });
          }}
        />
      )}
      {manage.recleaned && <RecleanReportDialog report={manage.recleaned} onClose={manage.closeReport} />}
      {dialog === 'paste' && <PasteTextDialog onClose={() => setDialog('none')} onImported={pasted} />}
      {dialog === 'preferences' && <PreferencesDialog onClose={() => setDialog('none')} />}
      {dialog === 'attributes' && (
        <AttributesDialog
          list={listQuery}
          listed={pages?.total ?? 0}
          chosen={chosenIds}
          onClose={() => setDialog('none')}
        />
      )}
      {attributesOf && (
        <ArticleAttributesDialog articleId={attributesOf.id} title={attributesOf.title} onClose={() => setAttributesOf(null)} />
      )}
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
