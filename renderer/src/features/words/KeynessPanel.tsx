import { useId, useState } from 'react';
import type { KeynessRequest, KeynessResult } from '../../../../preload/contract/analysisTypes';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import type { AttributeSummary } from '../../../../preload/contract/attributeTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { AttributeScopeOptions } from './AttributeScopeOptions';
import { usePreferences } from '../preferences/PreferencesContext';
import { ExportCsvButton } from './ExportCsvButton';
import { wordsMessages } from './messages';
import { ProgressLine } from './ProgressLine';
import { StatusLine } from './StatusLine';
import { articleChoice, selectionChoice, subsetOfChoice } from './scopeChoice';
import { useCount } from './useCount';

const shownItems = 500;

/** What a tag's passages (an attribute value's articles, the open article, the selected articles) say more or less than the rest of the library, by log-likelihood. */
export function KeynessPanel({
  tags,
  attributes,
  includeHidden,
  articleId,
  selectedIds,
}: {
  tags: readonly TagSummary[];
  attributes: readonly AttributeSummary[];
  includeHidden: boolean;
  articleId: number | null;
  /** The articles selected in the library list. */
  selectedIds: readonly number[];
}) {
  const t = useMessages(wordsMessages);
  const { preferences } = usePreferences();
  const tagId = useId();
  const [chosenTag, setTag] = useState('');
  const tag = chosenTag === selectionChoice && selectedIds.length === 0 ? '' : chosenTag;
  const { result, busy, status, setStatus, run } = useCount<KeynessResult>();
  const request: KeynessRequest = {
    subset: { ...subsetOfChoice(tag, articleId, selectedIds), ...(includeHidden ? { includeHidden } : {}) },
    script: preferences.defaultScriptMode,
  };

  const compare = () => {
    if (tag !== '') run(() => pizhu.wordKeyness({ ...request, limit: shownItems }));
  };

  return (
    <>
      <div className="words-bar">
        <label htmlFor={tagId}>{t('subsetTag')}</label>
        <select id={tagId} className="field" value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">{t('chooseTag')}</option>
          {articleId !== null && <option value={articleChoice}>{t('articleScope')}</option>}
          {selectedIds.length > 0 && (
            <option value={selectionChoice}>{t('selectionScope', { count: selectedIds.length })}</option>
          )}
          {tags.map((x) => (
            <option key={x.id} value={x.name}>
              {x.name}
            </option>
          ))}
          <AttributeScopeOptions attributes={attributes} />
        </select>
        <button type="button" className="button button-primary" disabled={busy || tag === ''} onClick={compare}>
          {t('compare')}
        </button>
        <ExportCsvButton
          request={{ kind: 'keyness', request }}
          disabled={busy || !result || tag === ''}
          onDone={(message, error) => setStatus({ message, error })}
        />
      </div>
      <p className="muted words-hint">{t('keynessHint')}</p>
      <ProgressLine busy={busy} />
      <StatusLine status={status} />
      {result && (
        <div className="words-table-wrap">
          <table className="words-table" aria-label={t('keyness')}>
            <thead>
              <tr>
                <th scope="col">{t('item')}</th>
                <th scope="col" className="words-number">
                  {t('subset')}
                </th>
                <th scope="col" className="words-number">
                  {t('rest')}
                </th>
                <th scope="col" className="words-number">
                  {t('logLikelihood')}
                </th>
                <th scope="col" className="words-number">
                  {t('percentDiff')}
                </th>
                <th scope="col">{t('direction')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((item) => (
                <tr key={item.folded}>
                  <td lang="zh">{item.text}</td>
                  <td className="words-number">{item.subset}</td>
                  <td className="words-number">{item.rest}</td>
                  <td className="words-number">{item.logLikelihood.toFixed(2)}</td>
                  <td className="words-number">{item.percentDiff === null ? '∞' : item.percentDiff.toFixed(1)}</td>
                  <td>{t(item.direction)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
