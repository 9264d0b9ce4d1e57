import { useId, useMemo, useState } from 'react';
import type { AnalysisSubset } from '../../../../preload/contract/analysisTypes';
import { useMessages } from '../../i18n/useMessages';
import { Dialog } from '../../ui/Dialog';
import { useAttributes } from '../attributes/useAttributes';
import { useTagList } from '../tags/useTagList';
import { chosenArticleIds, useArticleSelection } from '../../state/articleSelection';
import { articleChoice, selectionChoice, subsetOfChoice } from './scopeChoice';
import { AttributeScopeOptions } from './AttributeScopeOptions';
import { ConcordancePanel } from './ConcordancePanel';
import { FrequencyPanel } from './FrequencyPanel';
import { KeynessPanel } from './KeynessPanel';
import { wordsMessages } from './messages';
import { StopWordsPanel } from './StopWordsPanel';
import './words.css';

type Tab = 'frequencies' | 'concordance' | 'keyness' | 'stopWords';
const tabs: readonly Tab[] = ['frequencies', 'concordance', 'keyness', 'stopWords'];

/**
 * The Words view (issue #18 item 5): over the whole library, a tag's passages, the articles with
 * an attribute's value or the open article, hidden lines left out unless asked; frequency lists,
 * keyword in context (coded from here), keyness of a subset against the rest, and the stop words.
 * Counting is main's.
 */
export function WordsDialog({ articleId, onClose }: { articleId: number | null; onClose: () => void }) {
  const t = useMessages(wordsMessages);
  const tags = useTagList();
  const attributes = useAttributes();
  // The articles selected in the library list, a subset of its own.
  const selection = useArticleSelection();
  const selectedIds = useMemo(() => chosenArticleIds(selection, articleId), [selection, articleId]);
  const ids = { scope: useId(), hidden: useId(), panel: useId() };
  const [tab, setTab] = useState<Tab>('frequencies');
  const [chosenScope, setScope] = useState('');
  // A selection emptied since it was chosen stops being the scope.
  const scope = chosenScope === selectionChoice && selectedIds.length === 0 ? '' : chosenScope;
  const [includeHidden, setIncludeHidden] = useState(false);
  // A word chosen in the frequency list, shown in context.
  const [contextWord, setContextWord] = useState<{ word: string; seq: number } | null>(null);

  const subset = useMemo<AnalysisSubset>(
    () => ({ ...subsetOfChoice(scope, articleId, selectedIds), ...(includeHidden ? { includeHidden } : {}) }),
    [scope, includeHidden, articleId, selectedIds],
  );

  const moveTab = (key: string, index: number) => {
    const next = key === 'ArrowRight' ? index + 1 : key === 'ArrowLeft' ? index - 1 : null;
    if (next === null) return;
    const chosen = tabs[(next + tabs.length) % tabs.length]!;
    setTab(chosen);
    document.getElementById(`${ids.panel}-${chosen}`)?.focus();
  };

  return (
    <Dialog title={t('title')} onClose={onClose} className="words-dialog">
      {tab !== 'stopWords' && tab !== 'keyness' && (
        <div className="words-scope">
          <label htmlFor={ids.scope}>{t('scope')}</label>
          <select id={ids.scope} className="field" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">{t('wholeLibrary')}</option>
            {articleId !== null && <option value={articleChoice}>{t('articleScope')}</option>}
            {selectedIds.length > 0 && (
              <option value={selectionChoice}>{t('selectionScope', { count: selectedIds.length })}</option>
            )}
            {tags.map((x) => (
              <option key={x.id} value={x.name}>
                {t('tagScope', { tag: x.name })}
              </option>
            ))}
            <AttributeScopeOptions attributes={attributes} />
          </select>
          <label className="words-check">
            <input
              id={ids.hidden}
              type="checkbox"
              checked={includeHidden}
              onChange={(e) => setIncludeHidden(e.target.checked)}
            />
            {t('includeHidden')}
          </label>
        </div>
      )}
      <div className="words-tabs" role="tablist" aria-label={t('tabs')}>
        {tabs.map((name, index) => (
          <button
            key={name}
            id={`${ids.panel}-${name}`}
            type="button"
            role="tab"
            className="words-tab"
            aria-selected={tab === name}
            aria-controls={`${ids.panel}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={(e) => moveTab(e.key, index)}
          >
            {t(name)}
          </button>
        ))}
      </div>
      <div
        id={`${ids.panel}-${tab}-panel`}
        role="tabpanel"
        aria-labelledby={`${ids.panel}-${tab}`}
        className="words-panel"
      >
        {tab === 'frequencies' && (
          <FrequencyPanel
            subset={subset}
            onShowInContext={(word) => {
              setContextWord((w) => ({ word, seq: (w?.seq ?? 0) + 1 }));
              setTab('concordance');
            }}
          />
        )}
        {tab === 'concordance' && <ConcordancePanel subset={subset} initialWord={contextWord} onOpened={onClose} />}
        {tab === 'keyness' && <KeynessPanel tags={tags} attributes={attributes} includeHidden={includeHidden} articleId={articleId} selectedIds={selectedIds} />}
        {tab === 'stopWords' && <StopWordsPanel />}
      </div>
    </Dialog>
  );
}
