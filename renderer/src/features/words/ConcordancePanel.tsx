import { useEffect, useId, useState, type FormEvent } from 'react';
import type {
  AnalysisSubset,
  Concordance,
  ConcordanceLine,
  ConcordanceRequest,
  ConcordanceSort,
} from '../../../../preload/contract/analysisTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useNavigation } from '../../state/Navigation';
import { announceJournalStep, onJournalStep } from '../annotate/journalSteps';
import { usePreferences } from '../preferences/PreferencesContext';
import { useTagList } from '../tags/useTagList';
import { ExportCsvButton } from './ExportCsvButton';
import { wordsMessages } from './messages';
import { ProgressLine } from './ProgressLine';
import { StatusLine, type WordsStatus } from './StatusLine';
import { inReaderScript } from './wordsText';

/** The lines a KWIC shows (the first in the chosen order); the CSV export writes every line. */
const shownLines = 2_000;
const sorts: readonly ConcordanceSort[] = ['text', 'left', 'right'];
const lineKey = (l: ConcordanceLine) => `${l.paragraphId}:${l.start}`;

interface Status extends WordsStatus {
  undoable?: boolean;
}

/**
 * Keyword in context: every occurrence of a word in either script, sorted by text or by the
 * context each side; a line opens its paragraph; chosen lines are tagged at once (one undo step).
 */
export function ConcordancePanel({
  subset,
  initialWord,
  onOpened,
}: {
  subset: AnalysisSubset;
  initialWord: { word: string; seq: number } | null;
  onOpened: () => void;
}) {
  const t = useMessages(wordsMessages);
  const { preferences } = usePreferences();
  const { openArticle } = useNavigation();
  const { changed } = useLibraryEvents();
  const tags = useTagList();
  const mode = preferences.defaultScriptMode;
  const ids = { word: useId(), sort: useId(), tag: useId(), tags: useId() };
  const [word, setWord] = useState(initialWord?.word ?? '');
  // The panel mounts afresh when its tab opens: a word chosen in the frequency list is looked up at once.
  const [asked, setAsked] = useState<{ word: string } | null>(initialWord && { word: initialWord.word });
  const [sort, setSort] = useState<ConcordanceSort>('text');
  const [found, setFound] = useState<{ key: string; value: Concordance | null } | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<Status | null>(null);

  const request: ConcordanceRequest | null = asked && { ...subset, word: asked.word, sort };
  const requestKey = request ? JSON.stringify(request) : '';
  const busy = request !== null && found?.key !== requestKey;

  useEffect(() => {
    if (!asked) return undefined;
    let live = true;
    const key = JSON.stringify({ ...subset, word: asked.word, sort });
    void pizhu.concordance({ ...subset, word: asked.word, sort, limit: shownLines }).then((result) => {
      if (!live) return;
      setChosen(new Set());
      if (result.ok) setFound({ key, value: result.value });
      else {
        setFound({ key, value: null });
        setStatus({ message: result.error.message, error: true });
      }
    });
    return () => {
      live = false;
    };
  }, [asked, sort, subset]);

  // An undo from anywhere (Ctrl+Z, the toast) may take the coding back: the Undo here goes.
  useEffect(() => onJournalStep(() => setStatus((s) => (s?.undoable ? null : s))), []);

  const find = (event: FormEvent) => {
    event.preventDefault();
    const w = word.trim();
    if (w === '') return;
    setStatus(null);
    setAsked({ word: w });
  };

  const toggle = (key: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const code = (event: FormEvent) => {
    event.preventDefault();
    const name = tag.trim();
    if (!shown || name === '' || chosen.size === 0) return;
    const spans = shown.lines
      .filter((l) => chosen.has(lineKey(l)))
      .map(({ paragraphId, start, end }) => ({ paragraphId, start, end }));
    void pizhu.codeConcordanceLines({ spans, tag: name }).then((result) => {
      if (!result.ok) return setStatus({ message: result.error.message, error: true });
      changed(result.value.articleIds);
      setStatus({ message: t('coded', { count: result.value.highlights, tag: name }), undoable: true });
      setChosen(new Set());
    });
  };

  const undo = async () => {
    const result = await pizhu.undo();
    if (!result.ok) return setStatus({ message: result.error.message, error: true });
    setStatus({ message: t('undone') });
    announceJournalStep();
    if (result.value) changed(result.value.articleIds);
  };

  const shown = busy ? null : (found?.value ?? null);
  const lines = shown?.lines ?? [];
  const allChosen = lines.length > 0 && chosen.size === lines.length;
  return (
    <>
      <form className="words-bar" onSubmit={find}>
        <label htmlFor={ids.word}>{t('word')}</label>
        <input
          id={ids.word}
          className="field words-word"
          lang="zh"
          value={word}
          onChange={(e) => setWord(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('find')}
        </button>
        <label htmlFor={ids.sort}>{t('sort')}</label>
        <select
          id={ids.sort}
          className="field"
          value={sort}
          onChange={(e) => setSort(e.target.value as ConcordanceSort)}
        >
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(s === 'text' ? 'sortText' : s === 'left' ? 'sortLeft' : 'sortRight')}
            </option>
          ))}
        </select>
        {request && (
          <ExportCsvButton
            request={{ kind: 'concordance', request }}
            disabled={busy || lines.length === 0}
            onDone={(message, error) => setStatus({ message, error })}
          />
        )}
      </form>
      <ProgressLine busy={busy} counted={false} />
      <StatusLine status={status}>
        {status?.undoable && (
          <button type="button" className="button" onClick={() => void undo()}>
            {t('undo')}
          </button>
        )}
      </StatusLine>
      {shown && (
        <p className="words-summary" role="status">
          {shown.total === 0
            ? t('noLines', { word: inReaderScript(shown.word, mode) })
            : shown.total > lines.length
              ? t('linesShown', { total: shown.total, shown: lines.length })
              : t('lines', { total: shown.total })}
        </p>
      )}
      {lines.length > 0 && (
        <>
          <form className="words-bar" onSubmit={code}>
            <label className="words-check">
              <input
                type="checkbox"
                checked={allChosen}
                onChange={() => setChosen(allChosen ? new Set() : new Set(lines.map(lineKey)))}
              />
              {t('selectAll')}
            </label>
            <label htmlFor={ids.tag}>{t('codeWith')}</label>
            <input
              id={ids.tag}
              className="field"
              lang="zh"
              list={ids.tags}
              value={tag}
              onChange={(e) => setTag(e.target.value)}
            />
            <datalist id={ids.tags}>
              {tags.map((x) => (
                <option key={x.id} value={x.name} />
              ))}
            </datalist>
            <button type="submit" className="button" disabled={chosen.size === 0 || tag.trim() === ''}>
              {t('codeLines', { count: chosen.size })}
            </button>
          </form>
          <ol className="kwic-lines" aria-label={t('concordance')}>
            {lines.map((line) => {
              const key = lineKey(line);
              return (
                <li key={key} className="kwic-line">
                  <input
                    type="checkbox"
                    aria-label={t('select')}
                    checked={chosen.has(key)}
                    onChange={() => toggle(key)}
                  />
                  <button
                    type="button"
                    className="kwic-open"
                    lang="zh"
                    title={t('openLine', { title: line.articleTitle })}
                    onClick={() => {
                      onOpened();
                      void openArticle(line.articleId, line.paragraphId, [{ start: line.start, end: line.end }]);
                    }}
                  >
                    <span className="kwic-left">
                      <span>{inReaderScript(line.left, mode)}</span>
                    </span>
                    <mark className="kwic-match">{inReaderScript(line.match, mode)}</mark>
                    <span className="kwic-right">{inReaderScript(line.right, mode)}</span>
                  </button>
                  <span className="kwic-title" lang="zh">
                    {inReaderScript(line.articleTitle, mode)}
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </>
  );
}
