import { useEffect, useId, useState } from 'react';
import type { StopWordList } from '../../../../preload/contract/analysisTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { onJournalStep } from '../annotate/journalSteps';
import { wordsMessages } from './messages';
import { StatusLine, type WordsStatus } from './StatusLine';

/** The stop-word list, one word a line: saved (one undo step) or put back to the default. */
export function StopWordsPanel() {
  const t = useMessages(wordsMessages);
  const id = useId();
  const [list, setList] = useState<StopWordList | null>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<WordsStatus | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => onJournalStep(() => setVersion((v) => v + 1)), []);

  useEffect(() => {
    let live = true;
    void pizhu.getStopWords().then((result) => {
      if (!live) return;
      if (!result.ok) return setStatus({ message: result.error.message, error: true });
      setList(result.value);
      setText(result.value.words.join('\n'));
    });
    return () => {
      live = false;
    };
  }, [version]);

  const save = (words: string[] | null) =>
    void pizhu.setStopWords({ words }).then((result) => {
      if (!result.ok) return setStatus({ message: result.error.message, error: true });
      setList(result.value);
      setText(result.value.words.join('\n'));
      setStatus({ message: t('saved', { count: result.value.words.length }), error: false });
    });

  return (
    <>
      <label htmlFor={id} className="words-hint">
        {t('stopWordsHint')}
      </label>
      <textarea
        id={id}
        className="field words-stop-words"
        lang="zh"
        rows={12}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="words-bar">
        <span className="muted">{list && (list.isDefault ? t('defaultList') : t('ownList'))}</span>
        <button type="button" className="button button-primary" disabled={!list} onClick={() => save(text.split('\n'))}>
          {t('save')}
        </button>
        <button type="button" className="button" disabled={!list || list.isDefault} onClick={() => save(null)}>
          {t('resetDefault')}
        </button>
      </div>
      <StatusLine status={status} />
    </>
  );
}
