import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { ArticleSummary } from '../../../../preload/contract/articleTypes';
import type { UiLocale } from '../../i18n/locales';
import { useMessages } from '../../i18n/useMessages';
import { formatPublishedDate } from '../../i18n/formatPublishedDate';
import { useReaderScript } from '../reader/useReaderScript';
import { libraryMessages } from './messages';

interface Props {
  article: ArticleSummary;
  index: number;
  selected: boolean;
  /** In the articles chosen (Ctrl/Cmd+click, Shift+click, Ctrl+A) to act on together. */
  chosen: boolean;
  /** Roving tab stop: one row of the list is in the Tab order, arrows move between rows. */
  tabbable: boolean;
  locale: UiLocale;
  /** A click, with its modifier keys: open and select, add to the selection, or take a range. */
  onActivate: (event: MouseEvent<HTMLButtonElement>, id: number, index: number) => void;
  onFocusRow: (id: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, index: number) => void;
}

/**
 * One article of the library: a button named by its title, source, date and counts (what a
 * sighted person reads on the row, so a screen reader's list of rows tells them apart), and
 * whether it is archived. Shift+F10 or the context-menu key opens its actions.
 */
export const ArticleRow = memo(function ArticleRow({
  article: a,
  index,
  selected,
  chosen,
  tabbable,
  locale,
  onActivate,
  onFocusRow,
  onKeyDown,
}: Props) {
  const t = useMessages(libraryMessages);
  // Title and source in the script mode the person reads this article in, as the reader shows them.
  const { show, langOf } = useReaderScript();
  const lang = langOf(a);
  const idBase = `library-article-${a.id}`;
  const meta = [a.source && show(a, a.source), a.publishedAt && formatPublishedDate(a.publishedAt, locale)]
    .filter(Boolean)
    .join(' · ');
  return (
    <button
      type="button"
      className={['article-item', selected && 'selected', chosen && 'chosen'].filter(Boolean).join(' ')}
      aria-current={selected ? 'true' : undefined}
      aria-labelledby={`${idBase}-title ${idBase}-meta ${idBase}-counts${chosen ? ` ${idBase}-chosen` : ''}`}
      data-article-id={a.id}
      aria-keyshortcuts="Shift+F10"
      aria-haspopup="menu"
      tabIndex={tabbable ? 0 : -1}
      onClick={(e) => onActivate(e, a.id, index)}
      // Shift+click takes a range of rows, not a stretch of their text.
      onMouseDown={(e) => {
        if (e.shiftKey) e.preventDefault();
      }}
      onFocus={() => onFocusRow(a.id)}
      onKeyDown={(e) => onKeyDown(e, index)}
    >
      <span id={`${idBase}-title`} className="article-title" lang={lang}>
        {show(a, a.title)}
        {a.titleInferred && (
          <span className="inferred" title={t('inferredHint')}>
            {t('inferred')}
          </span>
        )}
      </span>{' '}
      <span id={`${idBase}-meta`} className="article-meta" lang={meta ? lang : undefined}>
        {a.archivedAt !== null && <span className="archived-badge">{t('archivedBadge')}</span>}
        {meta || t('noSourceOrDate')}
      </span>{' '}
      {/* Spaces between the parts (the layout hides them): the row's name and its visible text
          then read "…2023 29 paragraphs 0 highlights", not "…202329 paragraphs0 highlights". */}
      <span id={`${idBase}-counts`} className="article-counts">
        <span>{t('paragraphs', { count: a.paragraphCount })}</span>{' '}
        <span className={a.highlightCount > 0 ? 'count-some' : undefined}>
          {t('highlights', { count: a.highlightCount })}
        </span>{' '}
        <span className={a.noteCount > 0 ? 'count-some' : undefined}>{t('notes', { count: a.noteCount })}</span>
      </span>
      {chosen && (
        <span id={`${idBase}-chosen`} className="visually-hidden">
          {t('chosenRow')}
        </span>
      )}
    </button>
  );
});
