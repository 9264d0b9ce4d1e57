import { useId } from 'react';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { librarySorts, type LibrarySort } from '../preferences/preferences';
import type { LibraryView } from './ArticleMenu';
import { libraryMessages } from './messages';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  tags: readonly TagSummary[];
  tag: string;
  onTag: (tag: string) => void;
  view: LibraryView;
  onView: (view: LibraryView) => void;
}

const views = ['library', 'archived', 'trash'] as const;
const viewLabel = { library: 'viewLibrary', archived: 'viewArchived', trash: 'viewTrash' } as const;

const sortLabel = { date: 'sortDate', title: 'sortTitle', opened: 'sortOpened' } as const;

/** Above the list: a title filter, the sort order and a tag filter. */
export function LibraryToolbar({ query, onQuery, sort, onSort, tags, tag, onTag, view, onView }: Props) {
  const t = useMessages(libraryMessages);
  const viewId = useId();
  const sortId = useId();
  const tagId = useId();
  return (
    <div className="library-tools">
      <input
        type="search"
        className="field library-filter"
        aria-label={t('titleFilter')}
        placeholder={t('titleFilterPlaceholder')}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
      />
      <div className="library-selects">
        <label htmlFor={viewId}>{t('viewLabel')}</label>
        <select
          id={viewId}
          className="field"
          value={view}
          onChange={(e) => onView(views.find((v) => v === e.target.value) ?? 'library')}
        >
          {views.map((v) => (
            <option key={v} value={v}>
              {t(viewLabel[v])}
            </option>
          ))}
        </select>
        <label htmlFor={sortId}>{t('sortBy')}</label>
        <select
          id={sortId}
          className="field"
          value={sort}
          onChange={(e) => onSort(librarySorts.find((s) => s === e.target.value) ?? 'date')}
        >
          {librarySorts.map((s) => (
            <option key={s} value={s}>
              {t(sortLabel[s])}
            </option>
          ))}
        </select>
        <label htmlFor={tagId}>{t('tag')}</label>
        <select id={tagId} className="field" value={tag} disabled={tags.length === 0} onChange={(e) => onTag(e.target.value)}>
          <option value="">{t('allTags')}</option>
          {tags.map((x) => (
            <option key={x.id} value={x.name}>
              {t('tagOption', { name: x.name, count: x.totalCount })}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
