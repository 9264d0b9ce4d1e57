import type { MemoSearchHit } from '../../../../preload/contract/memoTypes';
import { useMessages } from '../../i18n/useMessages';
import { useNavigation } from '../../state/Navigation';
import { usePreferences } from '../preferences/PreferencesContext';
import { snippetParts } from '../search/hitSnippet';
import { MarkedSnippet } from '../search/MarkedSnippet';
import { memoMessages } from './messages';

/**
 * The memos a search found, above the text hits: an article memo opens its article with the
 * memos panel, a journal entry the memos panel, each memo brought into view.
 */
export function MemoSearchResults({ hits }: { hits: readonly MemoSearchHit[] }) {
  const t = useMessages(memoMessages);
  const { preferences } = usePreferences();
  const { openArticle, showSidePanel } = useNavigation();
  if (hits.length === 0) return null;
  const open = async (hit: MemoSearchHit) => {
    if (hit.articleId !== null) await openArticle(hit.articleId);
    showSidePanel({ kind: 'memos', focusMemoId: hit.memoId });
  };
  return (
    <section className="search-group memo-hits" aria-label={t('memoHits')}>
      <h3 className="search-article">{t('memoHits')}</h3>
      <ol className="search-hits">
        {hits.map((hit) => (
          <li key={hit.memoId}>
            <button type="button" className="search-hit memo-hit" onClick={() => void open(hit)}>
              <span className="search-where">
                {hit.articleId === null
                  ? t('journalHit', { date: new Date(hit.createdAt).toLocaleDateString(preferences.uiLocale) })
                  : `${t('articleMemoHit')} · ${hit.articleTitle ?? ''}`}
              </span>
              <MarkedSnippet parts={snippetParts(hit.text, hit.matches)} />
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
