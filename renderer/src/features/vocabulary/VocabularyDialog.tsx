import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type {
  VocabularyEntry,
  VocabularyExportFormat,
  VocabularyFilter,
} from '../../../../preload/contract/vocabularyTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useNavigation } from '../../state/Navigation';
import { Dialog } from '../../ui/Dialog';
import { announceJournalStep, onJournalStep } from '../annotate/journalSteps';
import { useTagList } from '../tags/useTagList';
import { vocabularyMessages } from './messages';
import { VocabularyRow } from './VocabularyRow';
import './vocabulary.css';
import { noteVocabularyChanged } from '../reading/vocabularyVersion';

interface Status {
  message: string;
  /** The step an Undo button here would take back. */
  undoable?: boolean;
}

/**
 * The vocabulary: every word saved from the dictionary, newest first, filtered by text, article,
 * tag and date; the reading and meaning edited in place, a word deleted (undoable), and the
 * words shown exported as CSV or for Anki through main's save dialog.
 */
export function VocabularyDialog({ onClose }: { onClose: () => void }) {
  const t = useMessages(vocabularyMessages);
  const { changed } = useLibraryEvents();
  const { openArticle } = useNavigation();
  const tags = useTagList();
  const ids = { search: useId(), article: useId(), tag: useId(), from: useId(), to: useId() };
  const [text, setText] = useState('');
  const [articleId, setArticleId] = useState('');
  const [tag, setTag] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [all, setAll] = useState<VocabularyEntry[] | null>(null);
  const [filtered, setFiltered] = useState<VocabularyEntry[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  // An undo or redo from anywhere (keys, menu, toast) may bring a word back or take one away.
  useEffect(() => onJournalStep(refresh), [refresh]);

  const filter = useMemo<VocabularyFilter>(() => {
    const f: VocabularyFilter = {};
    if (text.trim() !== '') f.text = text.trim();
    if (articleId !== '') f.articleId = Number(articleId);
    if (tag !== '') f.tag = tag;
    if (from !== '') f.from = from;
    if (to !== '') f.to = to;
    return f;
  }, [text, articleId, tag, from, to]);
  const filtering = Object.keys(filter).length > 0;

  // The whole list (the count and the article filter's choices), fetched again only when words change.
  useEffect(() => {
    let live = true;
    void pizhu.listVocabulary({}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setAll(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [version]);

  // A filter asks main for its words; with none, the whole list is what is shown.
  useEffect(() => {
    if (!filtering) return undefined;
    let live = true;
    void pizhu.listVocabulary(filter).then((result) => {
      if (!live) return;
      if (result.ok) {
        setFiltered(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [filter, filtering, version]);
  const shown = filtering ? filtered : all;

  // The articles words were found in, for the article filter: from the whole list, not the filtered one.
  const articles = useMemo(() => {
    const seen = new Map<number, string>();
    for (const e of all ?? [])
      if (e.articleId !== null && e.articleTitle !== null) seen.set(e.articleId, e.articleTitle);
    return [...seen].sort((a, b) => a[1].localeCompare(b[1], 'zh'));
  }, [all]);

  const remove = async (entry: VocabularyEntry) => {
    const result = await pizhu.removeVocabulary({ id: entry.id });
    if (!result.ok) return setError(result.error.message);
    setStatus({ message: t('removed', { word: entry.word }), undoable: true });
    noteVocabularyChanged();
    refresh();
  };

  const undo = async () => {
    const result = await pizhu.undo();
    setStatus(null);
    if (!result.ok) return setError(result.error.message);
    announceJournalStep();
    if (result.value) changed(result.value.articleIds);
  };

  const exportAs = async (format: VocabularyExportFormat) => {
    setStatus(null);
    const result = await pizhu.exportVocabulary({ format, filter });
    if (!result.ok) return setError(result.error.message);
    if (result.value) setStatus({ message: t('exported', { count: result.value.words, path: result.value.path }) });
  };

  const total = all?.length ?? 0;
  return (
    <Dialog title={t('title')} onClose={onClose} className="vocabulary-dialog">
      <fieldset className="vocabulary-filters">
        <legend className="visually-hidden">{t('filters')}</legend>
        <label htmlFor={ids.search}>{t('search')}</label>
        <input
          id={ids.search}
          className="field"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
        <label htmlFor={ids.article}>{t('article')}</label>
        <select id={ids.article} className="field" value={articleId} onChange={(e) => setArticleId(e.target.value)}>
          <option value="">{t('allArticles')}</option>
          {articles.map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </select>
        <label htmlFor={ids.tag}>{t('tag')}</label>
        <select id={ids.tag} className="field" value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">{t('allTags')}</option>
          {tags.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.from}>{t('from')}</label>
        <input id={ids.from} className="field" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor={ids.to}>{t('to')}</label>
        <input id={ids.to} className="field" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </fieldset>
      <div className="vocabulary-bar">
        <p className="vocabulary-count" role="status">
          {shown === null
            ? t('loading')
            : filtering
              ? t('countFiltered', { shown: shown.length, total })
              : t('count', { count: total })}
        </p>
        <button type="button" className="button" disabled={!shown?.length} onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" className="button" disabled={!shown?.length} onClick={() => void exportAs('anki')}>
          {t('exportAnki')}
        </button>
      </div>
      {(status || error) && (
        <div className="vocabulary-status" role={error ? 'alert' : 'status'}>
          <span>{error ?? status?.message}</span>
          {!error && status?.undoable && (
            <button type="button" className="button" onClick={() => void undo()}>
              {t('undo')}
            </button>
          )}
        </div>
      )}
      {shown !== null && total === 0 && <p className="muted">{t('empty')}</p>}
      {shown !== null && total > 0 && shown.length === 0 && <p className="muted">{t('noMatch')}</p>}
      {shown !== null && shown.length > 0 && (
        <ul className="vocabulary-list" aria-label={t('words')}>
          {shown.map((entry) => (
            <VocabularyRow
              key={entry.id}
              entry={entry}
              onSaved={(saved) => {
                const replace = (list: VocabularyEntry[] | null) =>
                  list?.map((e) => (e.id === saved.id ? saved : e)) ?? list;
                setAll(replace);
                setFiltered(replace);
                setError(null);
              }}
              onError={setError}
              onRemove={() => void remove(entry)}
              onOpen={() => {
                if (entry.articleId === null) return;
                onClose();
                void openArticle(entry.articleId, entry.paragraphId);
              }}
            />
          ))}
        </ul>
      )}
    </Dialog>
  );
}
