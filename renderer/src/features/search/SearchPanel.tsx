import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { useNavigation, type SidePanel } from '../../state/Navigation';
import { useTagList } from '../tags/useTagList';
import { useTagScript } from '../tags/useTagScript';
import { AutocodeForm } from './AutocodeForm';
import { searchMessages } from './messages';
import { SearchResults } from './SearchResults';
import { MemoSearchResults } from '../memos/MemoSearchResults';
import { memoMessages } from '../memos/messages';
import { useSearch } from './useSearch';
import './search.css';

type SearchPanelState = Extract<SidePanel, { kind: 'search' }>;

/** The search side panel: the box, an article and a tag filter, the results, and "tag every hit". */
export function SearchPanel({ panel }: { panel: SearchPanelState }) {
  const t = useMessages(searchMessages);
  const tMemo = useMessages(memoMessages);
  const { location, showSidePanel, clearSearchMarks } = useNavigation();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const tags = useTagList();
  const shownTag = useTagScript();
  const [coding, setCoding] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const tagId = useId();
  const hintId = useId();
  const search = useSearch({ query, tag, articleId: panel.articleId });

  // An earlier query's marks must not stay in the reader once the query changes or search closes.
  const trimmed = query.trim();
  useEffect(() => {
    clearSearchMarks();
    return clearSearchMarks;
  }, [trimmed, clearSearchMarks]);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [panel.focusToken]);

  const firstHit = () => resultsRef.current?.querySelector<HTMLButtonElement>('.search-hit') ?? null;
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') showSidePanel({ kind: 'none' });
    else if (event.key === 'ArrowDown') {
      event.preventDefault();
      firstHit()?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      firstHit()?.click();
    }
  };

  const hits = search.status === 'done' ? search.result.hits : [];
  const memoHits = search.status === 'done' ? (search.result.memos ?? []) : [];
  const textHits = hits.some((h) => h.kind === 'paragraph');

  return (
    <aside className="side-panel search-panel" aria-label={t('panel')}>
      <header className="side-panel-header search-header">
        <h2 className="side-panel-title">{t('panel')}</h2>
        <input
          ref={inputRef}
          type="search"
          className="field search-input"
          lang="zh"
          aria-label={t('searchLabel')}
          aria-describedby={hintId}
          placeholder={t('placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onInputKey}
        />
        <p id={hintId} className="field-hint search-hint">
          {t('hint')}
        </p>
        <div className="search-filters">
          {(panel.articleId !== null || location.articleId !== null) && (
            <label className="search-scope">
              <input
                type="checkbox"
                checked={panel.articleId !== null}
                onChange={(e) => showSidePanel({ ...panel, articleId: e.target.checked ? location.articleId : null })}
              />
              {t('onlyThisArticle')}
            </label>
          )}
          <label htmlFor={tagId}>{t('tagFilter')}</label>
          <select id={tagId} className="field" value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">{t('anyTag')}</option>
            {tags.map((x) => (
              <option key={x.id} value={x.name} title={x.name}>
                {shownTag(x.name)}
              </option>
            ))}
          </select>
        </div>
        <p className="search-status" role="status">
          {search.status === 'searching'
            ? t('searching')
            : search.status === 'done'
              ? search.result.total === 0
                ? memoHits.length > 0
                  ? tMemo('memoHitCount', { count: memoHits.length })
                  : t('noHits')
                : search.result.totalIsLowerBound === true
                  ? t('shownOfMore', { shown: hits.length, count: search.result.total })
                  : search.result.total > hits.length
                    ? t('shownOf', { shown: hits.length, count: search.result.total })
                    : // Counted by kind: "Tag every hit" tags the text paragraphs, never notes or comments.
                      t('totalByKind', {
                        count: search.result.total,
                        paragraphs: hits.filter((h) => h.kind === 'paragraph').length,
                        notes: hits.filter((h) => h.kind === 'note').length,
                        comments: hits.filter((h) => h.kind === 'comment').length,
                      })
              : ''}
        </p>
        {textHits &&
          (coding ? (
            <AutocodeForm
              query={query.trim()}
              articleId={panel.articleId}
              tags={tags}
              withinTag={tag}
              onDone={() => setCoding(false)}
            />
          ) : (
            <button type="button" className="button search-autocode" onClick={() => setCoding(true)}>
              {t('tagEveryHit')}
            </button>
          ))}
      </header>
      {search.status === 'error' && (
        <p role="alert" className="side-panel-note search-error">
          {search.error}
        </p>
      )}
      <div ref={resultsRef}>
        <MemoSearchResults hits={memoHits} />
        <SearchResults hits={hits} onEscape={() => inputRef.current?.focus()} />
      </div>
    </aside>
  );
}
