import { useId, useState } from 'react';
import type {
  AnalysisSubset,
  FrequencyList,
  FrequencyRequest,
  FrequencyUnit,
} from '../../../../preload/contract/analysisTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { usePreferences } from '../preferences/PreferencesContext';
import { ExportCsvButton } from './ExportCsvButton';
import { wordsMessages } from './messages';
import { ProgressLine } from './ProgressLine';
import { StatusLine } from './StatusLine';
import { useCount } from './useCount';

const units: readonly FrequencyUnit[] = ['words', 1, 2, 3, 4];
/** The rows a list shows; the CSV export writes every item. */
const shownItems = 500;

/** Words or character n-grams of the scope, most frequent first, in the reader's script. */
export function FrequencyPanel({
  subset,
  onShowInContext,
}: {
  subset: AnalysisSubset;
  onShowInContext: (folded: string) => void;
}) {
  const t = useMessages(wordsMessages);
  const { preferences } = usePreferences();
  const ids = { unit: useId(), stop: useId() };
  const [unit, setUnit] = useState<FrequencyUnit>('words');
  const [keepStopWords, setKeepStopWords] = useState(false);
  const { result: list, busy, status, setStatus, run } = useCount<FrequencyList>();
  const request: FrequencyRequest = {
    ...subset,
    unit,
    script: preferences.defaultScriptMode,
    ...(keepStopWords ? { keepStopWords } : {}),
  };

  const count = () => run(() => pizhu.wordFrequencies({ ...request, limit: shownItems }));

  return (
    <>
      <div className="words-bar">
        <label htmlFor={ids.unit}>{t('unit')}</label>
        <select
          id={ids.unit}
          className="field"
          value={String(unit)}
          onChange={(e) => setUnit(e.target.value === 'words' ? 'words' : (Number(e.target.value) as FrequencyUnit))}
        >
          {units.map((u) => (
            <option key={u} value={String(u)}>
              {u === 'words' ? t('unitWords') : t('unitGram', { n: u })}
            </option>
          ))}
        </select>
        <label className="words-check">
          <input
            id={ids.stop}
            type="checkbox"
            checked={keepStopWords}
            onChange={(e) => setKeepStopWords(e.target.checked)}
          />
          {t('keepStopWords')}
        </label>
        <button type="button" className="button button-primary" disabled={busy} onClick={count}>
          {t('count')}
        </button>
        <ExportCsvButton
          request={{ kind: 'frequencies', request }}
          disabled={busy || !list}
          onDone={(message, error) => setStatus({ message, error })}
        />
      </div>
      <ProgressLine busy={busy} />
      <StatusLine status={status} />
      {!list && !busy && <p className="muted">{t('nothingYet')}</p>}
      {list && (
        <>
          <p className="words-summary" role="status">
            {t('summary', { total: list.totalOccurrences, distinct: list.distinctItems, paragraphs: list.paragraphs })}
          </p>
          <div className="words-table-wrap">
            <table className="words-table" aria-label={t('frequencies')}>
              <thead>
                <tr>
                  <th scope="col">{t('rank')}</th>
                  <th scope="col">{t('item')}</th>
                  <th scope="col" className="words-number">
                    {t('occurrences')}
                  </th>
                  <th scope="col" className="words-number">
                    {t('articles')}
                  </th>
                  <th scope="col" className="words-number">
                    {t('perTenThousand')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((item, index) => (
                  <tr key={item.folded}>
                    <td className="words-number">{index + 1}</td>
                    <td>
                      <button
                        type="button"
                        className="words-link"
                        lang="zh"
                        title={t('showInContext', { word: item.text })}
                        onClick={() => onShowInContext(item.folded)}
                      >
                        {item.text}
                      </button>
                    </td>
                    <td className="words-number">{item.occurrences}</td>
                    <td className="words-number">{item.articles}</td>
                    <td className="words-number">
                      {list.totalOccurrences === 0
                        ? '0'
                        : ((item.occurrences / list.totalOccurrences) * 10_000).toFixed(1)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
