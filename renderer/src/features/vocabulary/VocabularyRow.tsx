import { useId, useState } from 'react';
import type { VocabularyChanges, VocabularyEntry } from '../../../../preload/contract/vocabularyTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { usePreferences } from '../preferences/PreferencesContext';
import { vocabularyMessages } from './messages';

interface Props {
  entry: VocabularyEntry;
  onSaved: (entry: VocabularyEntry) => void;
  onError: (message: string) => void;
  onRemove: () => void;
  onOpen: () => void;
}

/** One word: its sentence with the word marked, the reading and meaning to edit (saved on leaving the field), its source. */
export function VocabularyRow({ entry, onSaved, onError, onRemove, onOpen }: Props) {
  const t = useMessages(vocabularyMessages);
  const { preferences } = usePreferences();
  const ids = { reading: useId(), sense: useId() };
  const [reading, setReading] = useState(entry.reading);
  const [sense, setSense] = useState(entry.sense);
  // An undo or an edit elsewhere changed the stored entry: the fields show it.
  const [stored, setStored] = useState(entry);
  if (stored !== entry) {
    setStored(entry);
    setReading(entry.reading);
    setSense(entry.sense);
  }

  const save = async (changes: VocabularyChanges) => {
    const same = (changes.reading ?? entry.reading) === entry.reading && (changes.sense ?? entry.sense) === entry.sense;
    if (same) return;
    const result = await pizhu.updateVocabulary({ id: entry.id, ...changes });
    if (result.ok) onSaved(result.value);
    else onError(result.error.message);
  };

  const { sentence, sentenceOffset: at, word } = entry;
  const marked = sentence !== '' && sentence.slice(at, at + word.length) === word;
  const day = new Date(entry.createdAt).toLocaleDateString(preferences.uiLocale);
  return (
    <li className="vocabulary-entry" aria-label={word}>
      <div className="vocabulary-head">
        <span className="vocabulary-word">{word}</span>
        {entry.storedWord !== word && entry.storedWord !== '' && (
          <span className="vocabulary-stored muted">{entry.storedWord}</span>
        )}
        <span className="vocabulary-date muted">{t('saved', { date: day })}</span>
        <button type="button" className="button danger" aria-label={t('remove', { word })} onClick={onRemove}>
          ×
        </button>
      </div>
      {sentence !== '' && (
        <p className="vocabulary-sentence">
          {marked ? (
            <>
              {sentence.slice(0, at)}
              <strong>{word}</strong>
              {sentence.slice(at + word.length)}
            </>
          ) : (
            sentence
          )}
        </p>
      )}
      <div className="vocabulary-fields">
        <label htmlFor={ids.reading}>{t('reading')}</label>
        <input
          id={ids.reading}
          className="field"
          value={reading}
          onChange={(e) => setReading(e.target.value)}
          onBlur={() => void save({ reading })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save({ reading });
          }}
        />
        <label htmlFor={ids.sense}>{t('sense')}</label>
        <textarea
          id={ids.sense}
          className="field"
          rows={2}
          value={sense}
          onChange={(e) => setSense(e.target.value)}
          onBlur={() => void save({ sense })}
        />
      </div>
      <p className="vocabulary-source">
        {entry.articleId !== null ? (
          <button type="button" className="vocabulary-link" onClick={onOpen}>
            {t('openSource', { title: entry.articleTitle ?? '' })}
          </button>
        ) : (
          <span className="muted">{t('sourceGone')}</span>
        )}
      </p>
    </li>
  );
}
